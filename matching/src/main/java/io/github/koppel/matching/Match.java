package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A proposed match in a ranking: its rank and its explanation (with the legal notices).
 *
 * <p>This class is immutable.
 *
 * @param rank the 1-based rank
 * @param explanation the explanation
 * @since 0.2
 */
public record Match(int rank, MatchExplanation explanation) {

  public Match {
    checkArgument(rank >= 1, "rank must be >= 1: %s", rank);
    Objects.requireNonNull(explanation, "explanation");
    checkArgument(explanation.isFeasible(), "a match must pass every gate: %s", explanation);
  }

  /**
   * Returns the volunteer.
   *
   * @return the volunteer's id
   */
  public String volunteerId() {
    return explanation.volunteerId();
  }

  /**
   * Returns the vacancy.
   *
   * @return the vacancy's id
   */
  public String vacancyId() {
    return explanation.vacancyId();
  }

  /**
   * Returns the score in [0, 1].
   *
   * @return the soft score
   */
  public double score() {
    return explanation.score().soft();
  }
}
