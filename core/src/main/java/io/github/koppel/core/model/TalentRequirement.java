package io.github.koppel.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A talent a vacancy asks for.
 *
 * <p>This class is immutable.
 *
 * @param conceptId the id of a concept in the talent vocabulary
 * @param minimumLevel the lowest level that suffices, or {@code null} for any level
 * @param required {@code true} when the talent is required, {@code false} when it is desired
 * @since 0.1
 */
public record TalentRequirement(
    String conceptId, @Nullable ProficiencyLevel minimumLevel, boolean required) {

  public TalentRequirement {
    Checks.id(conceptId, "conceptId");
  }

  /**
   * Returns a required talent, at any level.
   *
   * @param conceptId a talent concept id
   * @return the requirement
   */
  public static TalentRequirement required(String conceptId) {
    return new TalentRequirement(conceptId, null, true);
  }

  /**
   * Returns a desired talent, at any level.
   *
   * @param conceptId a talent concept id
   * @return the requirement
   */
  public static TalentRequirement desired(String conceptId) {
    return new TalentRequirement(conceptId, null, false);
  }
}
