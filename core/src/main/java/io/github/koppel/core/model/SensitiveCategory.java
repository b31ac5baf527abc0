package io.github.koppel.core.model;

/**
 * A category of sensitive facts about a volunteer. Each may be used only with the volunteer's
 * recorded {@link Consent} and is never shown to an organisation.
 *
 * @since 0.1
 */
public enum SensitiveCategory {
  /** Functional possibilities and support needs (health and ability). */
  ABILITY,
  /** The social benefits the volunteer receives. */
  BENEFIT_STATUS,
  /** The self-declared target groups (newcomer, person with a disability, ...). */
  TARGET_GROUP,
  /** The date of the volunteer's extract from the criminal record (model 596.2). */
  BACKGROUND_CHECK
}
