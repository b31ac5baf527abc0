package io.github.koppel.core.vocabulary;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A vocabulary concept that a piece of free text was matched to.
 *
 * <p>This class is immutable.
 *
 * @param conceptId the concept
 * @param text the text that was matched, as given
 * @param matchedLabel the label or alternative label it matched best
 * @param similarity the similarity in [0, 1], 1 for an exact match after normalisation
 * @since 0.2
 */
public record ConceptMatch(String conceptId, String text, String matchedLabel, double similarity) {

  public ConceptMatch {
    Objects.requireNonNull(conceptId, "conceptId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(matchedLabel, "matchedLabel");
    checkArgument(
        Double.isFinite(similarity) && similarity >= 0 && similarity <= 1,
        "similarity must be in [0, 1]: %s",
        similarity);
  }
}
