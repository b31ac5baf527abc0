package io.github.koppel.matching.allocation;

import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.matching.internal.Messages;

/**
 * How {@link Allocator#allocate} places volunteers.
 *
 * @since 0.2
 */
public enum AllocationMode {
  /**
   * Places as many volunteers as possible and, among those placements, maximises the total score:
   * a minimum-cost flow by successive shortest paths with potentials, exact on scores rounded to
   * 1e-6.
   */
  OPTIMAL,
  /**
   * Deferred acceptance with capacities, volunteers proposing: a stable placement that every
   * volunteer likes at least as well as any other stable placement.
   */
  STABLE_VOLUNTEERS_PROPOSE,
  /**
   * Deferred acceptance with capacities, vacancies proposing: a stable placement that every
   * vacancy likes at least as well as any other stable placement.
   */
  STABLE_VACANCIES_PROPOSE,
  /** The baseline: the feasible pairs by score, best first, each taken while both sides are free. */
  GREEDY;

  /**
   * Describes the mode in nl, en and fr.
   *
   * @return the description
   */
  public LocalizedText description() {
    return Messages.text("allocation.mode." + name());
  }
}
