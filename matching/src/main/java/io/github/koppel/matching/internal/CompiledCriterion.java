package io.github.koppel.matching.internal;

/**
 * A criterion compiled for one query: evaluates the candidate at a position (of a {@link
 * VolunteerIndex}, or of a {@link VacancyIndex} for a volunteer's own search) to a score in [0,
 * 1], {@link #VETO} or {@link #ABSTAIN}, without evidence.
 *
 * <p>A compiled criterion computes exactly what its object form computes, to the bit (the kernel
 * contract property checks every built-in in both directions); the engine re-scores every
 * candidate it returns, matches and near misses, with the object form.
 */
@FunctionalInterface
public interface CompiledCriterion {
  /** The result of an abstention. */
  double ABSTAIN = Double.NaN;

  /** The result of a veto. */
  double VETO = -1;

  /**
   * The block result of a {@link Deferrable}: not a veto nor an abstention, a score between {@link
   * Deferrable#lowerBound()} and 1 that {@link #evaluate(int)} computes exactly.
   */
  double DEFERRED = -2;

  /**
   * Returns a kernel that gives every candidate the same result, which a scan adds once per query
   * instead of once per candidate.
   *
   * @param result a score in [0, 1], {@link #VETO} or {@link #ABSTAIN}
   * @return the kernel
   * @throws IllegalArgumentException if the result is none of these
   */
  static CompiledCriterion constant(double result) {
    return new ConstantCriterion(result);
  }

  /**
   * Evaluates a candidate.
   *
   * @param i the candidate's index
   * @return a score in [0, 1], {@link #VETO} or {@link #ABSTAIN}
   */
  double evaluate(int i);

  /**
   * Evaluates a block of candidates. Implementations on hot paths override this with a loop of
   * their own, so that the call to {@link #evaluate(int)} in it sees one receiver and is inlined.
   *
   * @param from the first index
   * @param to the end index, exclusive
   * @param out receives the result of candidate {@code i} at {@code i - from}
   */
  default void evaluate(int from, int to, double[] out) {
    for (int i = from; i < to; i++) {
      out[i - from] = evaluate(i);
    }
  }
}
