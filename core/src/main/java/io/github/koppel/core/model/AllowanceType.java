package io.github.koppel.core.model;

/**
 * How a vacancy reimburses a volunteer's expenses under the Belgian volunteer law.
 *
 * @since 0.1
 */
public enum AllowanceType {
  /** No reimbursement. */
  NONE,
  /** A flat-rate allowance, bounded by a yearly and a daily ceiling. */
  FLAT_RATE,
  /** Reimbursement of real, documented costs. */
  REAL_COSTS
}
