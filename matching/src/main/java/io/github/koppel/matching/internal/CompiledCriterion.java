package io.github.koppel.matching.internal;

/**
 * A criterion compiled for one query: evaluates the candidate at an index of a {@link
 * VolunteerIndex} to a score in [0, 1], {@link #VETO} or {@link #ABSTAIN}, without evidence.
 *
 * <p>A compiled criterion computes the same score as its object form to within 1e-12; the engine
 * re-scores every candidate it returns, and every gate decision within 1e-9 of its threshold, with
 * the object form.
 */
@FunctionalInterface
public interface CompiledCriterion {
  /** The result of an abstention. */
  double ABSTAIN = Double.NaN;

  /** The result of a veto. */
  double VETO = -1;

  /**
   * Evaluates a candidate.
   *
   * @param i the candidate's index
   * @return a score in [0, 1], {@link #VETO} or {@link #ABSTAIN}
   */
  double evaluate(int i);
}
