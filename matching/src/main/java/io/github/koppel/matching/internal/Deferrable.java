package io.github.koppel.matching.internal;

/**
 * A compiled criterion whose exact score is expensive but bounded: its block evaluation may answer
 * {@link CompiledCriterion#DEFERRED} for a candidate that it does not veto and does not abstain
 * on, and the scan computes the exact score with {@link #evaluate(int)} only where the score can
 * change a gate or a ranking.
 */
public interface Deferrable extends CompiledCriterion {

  /**
   * Returns the lowest score a deferred candidate can have.
   *
   * @return the lower bound, in [0, 1]
   */
  double lowerBound();
}
