package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;

/**
 * A pair that a gate removed from the ranking, with the gates it fails and what would change
 * them. Near misses are ordered by the fewest failed gates, then by score.
 *
 * <p>This class is immutable.
 *
 * @param explanation the explanation
 * @since 0.2
 */
public record NearMiss(MatchExplanation explanation) {

  public NearMiss {
    Objects.requireNonNull(explanation, "explanation");
    checkArgument(!explanation.isFeasible(), "a near miss must fail a gate: %s", explanation);
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
   * Returns the gates the pair fails.
   *
   * @return the failed gates
   */
  public List<GateResult> failedGates() {
    return explanation.failedGates();
  }
}
