package io.github.koppel.cli;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.internal.Similarity;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ids given on the command line, checked against the data with the nearest ids as suggestions. */
final class Ids {
  private Ids() {}

  /**
   * Checks that an id is known.
   *
   * @param kind what the id names, for the message: "volunteer", "vacancy", "persona"
   * @param id the id given
   * @param known the known ids
   * @throws IllegalArgumentException naming the id and the nearest known ids, if it is unknown
   */
  static void check(String kind, String id, Collection<String> known) {
    if (!known.contains(id)) {
      throw new IllegalArgumentException(unknown(kind, id, known));
    }
  }

  /** The message for an unknown id: the id, escaped, and the nearest known ones. */
  static String unknown(String kind, String id, Collection<String> known) {
    List<String> nearest = nearest(id, known);
    return "no " + kind + " with id " + InvalidDataException.printable(id)
        + (id.length() > 80 ? " (" + id.length() + " characters)" : "") + " in the dataset"
        + (nearest.isEmpty() ? "" : "; nearest: " + String.join(", ", nearest));
  }

  /** The known ids nearest to a text, at most three: by edit distance, else those holding it. */
  static List<String> nearest(String id, Collection<String> known) {
    if (id.length() > 100) {
      // No id of the data is that long: nothing is near, and the comparison would cost.
      return List.of();
    }
    Map<String, List<String>> names = new LinkedHashMap<>();
    known.forEach(k -> names.put(k, List.of()));
    List<String> nearest = Similarity.nearest(id, names, 3);
    if (nearest.isEmpty() && id.length() >= 3) {
      nearest = known.stream().filter(k -> k.contains(id)).sorted().limit(3).toList();
    }
    return nearest;
  }
}
