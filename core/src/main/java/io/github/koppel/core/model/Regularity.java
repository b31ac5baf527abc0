package io.github.koppel.core.model;

/**
 * Whether volunteering happens once (an event, a shift) or regularly.
 *
 * @since 0.1
 */
public enum Regularity {
  /** One or a few dated shifts, such as a city festival. */
  ONE_OFF,
  /** Every week or every month, for an open period. */
  REGULAR
}
