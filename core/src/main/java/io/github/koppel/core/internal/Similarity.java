package io.github.koppel.core.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Nearest-word suggestions for errors: a mistyped id, column or code against the known ones, by
 * edit distance, ignoring case, accents, spaces, dashes and underscores. Not API.
 */
public final class Similarity {
  private Similarity() {}

  /**
   * Returns the keys whose key or one of whose names is within a small edit distance of a text
   * (at most two edits, or a third of the text's length), nearest first, then by key.
   *
   * @param text the mistyped text
   * @param names the known keys, each with the names it may be written as (the key itself counts)
   * @param limit how many at most
   * @return the keys
   */
  public static List<String> nearest(String text, Map<String, ? extends Collection<String>> names, int limit) {
    String t = plain(text);
    int max = Math.max(2, t.length() / 3);
    List<Map.Entry<Integer, String>> found = new ArrayList<>();
    for (Map.Entry<String, ? extends Collection<String>> e : names.entrySet()) {
      int best = distance(t, plain(e.getKey()), max);
      for (String name : e.getValue()) {
        best = Math.min(best, distance(t, plain(name), max));
      }
      if (best <= max) {
        found.add(Map.entry(best, e.getKey()));
      }
    }
    found.sort(Map.Entry.<Integer, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, found.size()); i++) {
      keys.add(found.get(i).getValue());
    }
    return List.copyOf(keys);
  }

  private static String plain(String s) {
    String folded = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
  }

  /** The Levenshtein distance, or {@code max + 1} as soon as it must exceed {@code max}. */
  private static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
