package io.github.koppel.core.model;

/**
 * The small ordinal scale on which both a volunteer's functional possibilities and a vacancy's
 * functional demands are expressed, per functional dimension (physical effort, hearing, digital
 * skills, ...). It describes what a person can do or what a task asks, never a diagnosis.
 *
 * <p>A volunteer fits a demand when their possibility is at least the demand. The natural order of
 * the constants is the order of the scale.
 *
 * @since 0.1
 */
public enum FunctionalLevel {
  /** Not at all: the task asks nothing on this dimension, or the person cannot do it. */
  NONE,
  /** A little. */
  LOW,
  /** A moderate amount. */
  MODERATE,
  /** A lot. */
  HIGH,
  /** Very much, for long periods or under pressure. */
  VERY_HIGH;

  /**
   * Returns whether a possibility at this level meets the given demand.
   *
   * @param demand the demand of a task
   * @return {@code true} when this level is at least {@code demand}
   */
  public boolean meets(FunctionalLevel demand) {
    return compareTo(demand) >= 0;
  }
}
