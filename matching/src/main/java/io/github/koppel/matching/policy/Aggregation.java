package io.github.koppel.matching.policy;

/**
 * How a policy combines the scores of its criteria into one score in [0, 1]. Only criteria that
 * did not abstain and have a positive weight take part; a soft veto counts as 0. Weights are
 * normalised, so multiplying every weight by the same factor changes nothing.
 *
 * @since 0.2
 */
public enum Aggregation {
  /** The weighted arithmetic mean: {@code Σ wᵢsᵢ / Σ wᵢ}. A poor criterion costs its weight share. */
  WEIGHTED_MEAN,
  /**
   * The weighted geometric mean: {@code Π sᵢ^(wᵢ / Σ w)}. One very poor criterion pulls the whole
   * score down, and a score of 0 on any criterion makes the match 0.
   */
  WEIGHTED_GEOMETRIC
}
