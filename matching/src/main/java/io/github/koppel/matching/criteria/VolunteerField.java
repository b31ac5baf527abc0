package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Volunteer;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a {@link Volunteer} record a criterion may read, as it declares them in {@link
 * Criterion#fieldsRead()}, each with the category of sensitive facts it holds. The id is always
 * read; the consents go with the sensitive fields they allow.
 *
 * @since 0.2
 */
public enum VolunteerField {
  /** {@link Volunteer#displayName()}. */
  DISPLAY_NAME("displayName", null),
  /** {@link Volunteer#birthDate()}. */
  BIRTH_DATE("birthDate", null),
  /** {@link Volunteer#completedFirstStageSecondary()}. */
  COMPLETED_FIRST_STAGE_SECONDARY("completedFirstStageSecondary", null),
  /** {@link Volunteer#languages()}. */
  LANGUAGES("languages", null),
  /** {@link Volunteer#talents()}. */
  TALENTS("talents", null),
  /** {@link Volunteer#interests()}. */
  INTERESTS("interests", null),
  /** {@link Volunteer#possibilities()}: functional possibilities, never diagnoses. */
  POSSIBILITIES("possibilities", SensitiveCategory.ABILITY),
  /** {@link Volunteer#supportNeeds()}. */
  SUPPORT_NEEDS("supportNeeds", SensitiveCategory.ABILITY),
  /** {@link Volunteer#availability()}. */
  AVAILABILITY("availability", null),
  /** {@link Volunteer#home()}. */
  HOME("home", null),
  /** {@link Volunteer#mobility()}. */
  MOBILITY("mobility", null),
  /** {@link Volunteer#preferences()}. */
  PREFERENCES("preferences", null),
  /** {@link Volunteer#targetGroups()}. */
  TARGET_GROUPS("targetGroups", SensitiveCategory.TARGET_GROUP),
  /** {@link Volunteer#benefits()}. */
  BENEFITS("benefits", SensitiveCategory.BENEFIT_STATUS),
  /** {@link Volunteer#backgroundCheckDate()}. */
  BACKGROUND_CHECK_DATE("backgroundCheckDate", SensitiveCategory.BACKGROUND_CHECK),
  /** {@link Volunteer#history()}. */
  HISTORY("history", null),
  /** {@link Volunteer#drivingLicences()}. */
  DRIVING_LICENCES("drivingLicences", null);

  private final String component;
  private final @Nullable SensitiveCategory category;

  VolunteerField(String component, @Nullable SensitiveCategory category) {
    this.component = component;
    this.category = category;
  }

  /**
   * Returns the name of the record component.
   *
   * @return the name, such as {@code birthDate}
   */
  public String component() {
    return component;
  }

  /**
   * Returns the category of sensitive facts the field holds, used only with the volunteer's consent.
   *
   * @return the category, or {@code null} if the field is not sensitive
   */
  public @Nullable SensitiveCategory category() {
    return category;
  }
}
