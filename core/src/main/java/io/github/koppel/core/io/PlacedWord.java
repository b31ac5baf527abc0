package io.github.koppel.core.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A free word or phrase that a normalising import placed on a vocabulary concept, for a
 * counsellor to check: {@code "kookt graag"} in the talents of a volunteer became {@code cooking}.
 *
 * @param source the file the word was read from
 * @param location where in the file: {@code row 3, column talents} or a JSON path such as {@code
 *     $.volunteers[2].talents[0].conceptId}
 * @param word the word as written
 * @param conceptId the concept it was placed on
 * @param matchedLabel the label or alternative label of the concept it matched best
 * @param similarity how similar, in [0, 1]; 1 for a label
 * @since 0.2
 */
public record PlacedWord(
    String source, String location, String word, String conceptId, String matchedLabel, double similarity) {

  public PlacedWord {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(conceptId, "conceptId");
    Objects.requireNonNull(matchedLabel, "matchedLabel");
    checkArgument(similarity >= 0 && similarity <= 1, "similarity must be in [0, 1]: %s", similarity);
  }
}
