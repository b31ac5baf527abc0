package io.github.koppel.core.io;

import java.util.List;
import java.util.Objects;

/**
 * A free word or phrase that a normalising import could not place on any concept, with the
 * concepts nearest to it: {@code "stamboomonderzoek"} in the talents of a volunteer.
 *
 * @param source the file the word was read from
 * @param location where in the file: {@code row 3, column talents} or a JSON path
 * @param word the word as written
 * @param nearest the ids of the nearest concepts, most similar first (at most three)
 * @since 0.2
 */
public record UnplacedWord(String source, String location, String word, List<String> nearest) {

  public UnplacedWord {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(word, "word");
    nearest = List.copyOf(nearest);
  }
}
