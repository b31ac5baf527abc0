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

  /**
   * Returns the mode's short name, as the command line and the server take it: {@code optimal},
   * {@code stable}, {@code stable-vacancies} or {@code greedy}.
   *
   * @return the short name
   */
  public String shortName() {
    return switch (this) {
      case OPTIMAL -> "optimal";
      case STABLE_VOLUNTEERS_PROPOSE -> "stable";
      case STABLE_VACANCIES_PROPOSE -> "stable-vacancies";
      case GREEDY -> "greedy";
    };
  }

  /**
   * Returns the mode of a short name ({@link #shortName()}).
   *
   * @param shortName the short name
   * @return the mode
   * @throws IllegalArgumentException naming the value and the four names, if it is none of them
   */
  public static AllocationMode ofShortName(String shortName) {
    java.util.Objects.requireNonNull(shortName, "shortName");
    for (AllocationMode m : values()) {
      if (m.shortName().equals(shortName)) {
        return m;
      }
    }
    throw new IllegalArgumentException("the mode must be optimal, stable, stable-vacancies or greedy: "
        + io.github.koppel.core.InvalidDataException.printable(shortName));
  }
}
