package io.github.koppel.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A talent of a volunteer: a concept of the talent vocabulary, how well it is mastered, and whether
 * the volunteer rather wants to learn it.
 *
 * <p>This class is immutable.
 *
 * @param conceptId the id of a concept in the talent vocabulary
 * @param level how well the volunteer masters it, or {@code null} when not stated
 * @param wantsToLearn {@code true} for a talent the volunteer wants to learn rather than offers
 * @since 0.1
 */
public record Talent(String conceptId, @Nullable ProficiencyLevel level, boolean wantsToLearn) {

  public Talent {
    Checks.id(conceptId, "conceptId");
  }

  /**
   * Returns a talent the volunteer offers, at a stated level.
   *
   * @param conceptId a talent concept id
   * @param level the level
   * @return the talent
   */
  public static Talent of(String conceptId, ProficiencyLevel level) {
    return new Talent(conceptId, level, false);
  }

  /**
   * Returns a talent the volunteer offers, without a stated level.
   *
   * @param conceptId a talent concept id
   * @return the talent
   */
  public static Talent of(String conceptId) {
    return new Talent(conceptId, null, false);
  }

  /**
   * Returns a talent the volunteer wants to learn.
   *
   * @param conceptId a talent concept id
   * @return the talent
   */
  public static Talent toLearn(String conceptId) {
    return new Talent(conceptId, null, true);
  }
}
