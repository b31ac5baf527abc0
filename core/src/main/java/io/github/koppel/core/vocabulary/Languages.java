package io.github.koppel.core.vocabulary;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.model.LocalizedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The languages Koppel knows: the codes of ISO 639-1 and a selection of ISO 639-3 that Flemish
 * counters meet (Dari {@code prs}, Central Kurdish {@code ckb}, Kurmanji {@code kmr}, Moroccan
 * Arabic {@code ary}, Tamazight {@code zgh}, ...), 221 in all, with their names in nl, en and fr from
 * the Unicode CLDR. A volunteer's or a vacancy's language must be one of them ({@link
 * Vocabularies#validate(io.github.koppel.core.model.Dataset)} checks it), so that a dataset that
 * passes validation can also be ranked.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.2
 */
public final class Languages {
  private static final Map<String, LocalizedText> NAMES = load();

  /** The languages a Flemish counter meets most, for the order of suggestions. */
  private static final List<String> COMMON =
      List.of("nl", "fr", "en", "de", "ar", "tr", "es", "it", "pt", "pl", "ro", "bg", "ru", "uk",
          "fa", "prs", "ps", "ku", "so", "ti", "am", "sq", "ber");

  private Languages() {}

  private static Map<String, LocalizedText> load() {
    Map<String, LocalizedText> names = new LinkedHashMap<>();
    try (InputStream in =
            Objects.requireNonNull(
                Languages.class.getResourceAsStream("/io/github/koppel/core/vocabulary/languages.tsv"),
                "languages.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        checkArgument(f.length == 4, "languages.tsv: a line must hold 4 fields: %s", line);
        names.put(f[0], LocalizedText.of(f[1], f[2], f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled languages", e);
    }
    return Collections.unmodifiableMap(names);
  }

  /**
   * Returns whether a code is a language Koppel knows.
   *
   * @param code an ISO 639 code
   * @return whether it is known
   */
  public static boolean contains(String code) {
    return NAMES.containsKey(Objects.requireNonNull(code, "code"));
  }

  /**
   * Returns the name of a language in nl, en and fr.
   *
   * @param code an ISO 639 code
   * @return the name, or {@code null} when the code is not known
   */
  public static @Nullable LocalizedText name(String code) {
    return NAMES.get(Objects.requireNonNull(code, "code"));
  }

  /**
   * Returns every code, sorted.
   *
   * @return the codes
   */
  public static Set<String> codes() {
    return NAMES.keySet();
  }

  /**
   * Returns the known codes nearest to an unknown one, for a suggestion: the codes that differ in
   * one letter, and the codes whose name in nl, en or fr is the text given.
   *
   * @param text a mistyped code, or a language's name such as {@code Arabisch}
   * @param limit how many at most
   * @return the codes, at most {@code limit}
   */
  public static List<String> nearest(String text, int limit) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    List<String> byName = new ArrayList<>();
    List<String> byCode = new ArrayList<>();
    NAMES.forEach((code, name) -> {
      for (String n : name.texts().values()) {
        if (n.toLowerCase(Locale.ROOT).equals(t)) {
          byName.add(code);
          return;
        }
      }
      if (code.length() == t.length() && differsByOne(code, t)) {
        byCode.add(code);
      }
    });
    // Among codes that differ in a letter, the languages a Flemish counter meets most come first.
    byCode.sort(Comparator.comparingInt((String c) -> COMMON.indexOf(c) < 0 ? COMMON.size() : COMMON.indexOf(c)));
    List<String> all = new ArrayList<>(byName);
    all.addAll(byCode);
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }

  private static boolean differsByOne(String a, String b) {
    int d = 0;
    for (int i = 0; i < a.length(); i++) {
      d += a.charAt(i) == b.charAt(i) ? 0 : 1;
    }
    return d == 1;
  }
}
