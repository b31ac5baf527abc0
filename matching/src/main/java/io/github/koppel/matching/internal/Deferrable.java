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

  /**
   * Bounds the exact score of a deferred candidate more tightly than {@link #lowerBound()}, at a
   * cost well below that of the exact score.
   *
   * @param i a candidate for which the block evaluation answered {@link CompiledCriterion#DEFERRED}
   * @param range receives the lowest possible score at 0 and the highest at 1, both in [0, 1]
   */
  void bounds(int i, double[] range);
}
