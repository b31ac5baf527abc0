package io.github.koppel.core.model;

/**
 * How well a volunteer masters a talent, or how well a vacancy needs it mastered. The natural order
 * of the constants is the order of proficiency.
 *
 * @since 0.1
 */
public enum ProficiencyLevel {
  /** Has done it a few times, or is learning. */
  BEGINNER,
  /** Does it with confidence. */
  EXPERIENCED,
  /** Could teach it to others. */
  EXPERT
}
