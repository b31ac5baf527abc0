package io.github.koppel.core.model;

/**
 * A part of a day, the unit in which volunteer centres record weekly availability.
 *
 * @since 0.1
 */
public enum DayPart {
  /** Until 12:00. */
  MORNING,
  /** From 12:00 to 18:00. */
  AFTERNOON,
  /** From 18:00. */
  EVENING
}
