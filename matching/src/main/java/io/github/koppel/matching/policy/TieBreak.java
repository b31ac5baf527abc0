package io.github.koppel.matching.policy;

/**
 * How a ranking orders candidates with equal scores. Every tie-break ends with the candidate's id,
 * so a ranking is a total order and deterministic.
 *
 * @since 0.2
 */
public enum TieBreak {
  /** By candidate id, ascending. */
  ID,
  /** The candidate nearest to the subject first (unknown distances last), then by id. */
  NEAREST,
  /**
   * In an order that is fixed for the policy's seed but not alphabetical, so that equal
   * candidates are not always listed the same way across queries; then by id.
   */
  SHUFFLED
}
