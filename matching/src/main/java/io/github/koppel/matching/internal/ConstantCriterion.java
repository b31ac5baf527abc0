package io.github.koppel.matching.internal;

import java.util.Arrays;

/**
 * A criterion compiled for a query in which every candidate gets the same result: a remote
 * vacancy's distance, a vacancy without a background check. The scan adds it once per query to
 * every candidate instead of once per candidate ({@link CompiledCriterion#constant}). Immutable.
 *
 * @param result the result of every candidate: a score in [0, 1], {@link #VETO} or {@link #ABSTAIN}
 */
public record ConstantCriterion(double result) implements CompiledCriterion {
  /**
   * A constant result.
   *
   * @param result a score in [0, 1], {@link #VETO} or {@link #ABSTAIN}
   * @throws IllegalArgumentException if it is none of these
   */
  public ConstantCriterion {
    if (!(Double.isNaN(result) || result == VETO || (result >= 0 && result <= 1))) {
      throw new IllegalArgumentException("a constant result must be in [0, 1], VETO or ABSTAIN: " + result);
    }
  }

  @Override
  public double evaluate(int i) {
    return result;
  }

  @Override
  public void evaluate(int from, int to, double[] out) {
    Arrays.fill(out, 0, to - from, result);
  }
}
