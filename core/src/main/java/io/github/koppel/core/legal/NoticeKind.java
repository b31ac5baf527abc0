package io.github.koppel.core.legal;

/**
 * A legal notice attached to a proposed match.
 *
 * @since 0.1
 */
public enum NoticeKind {
  /** Unemployed: file form C45B with the RVA/ONEM before starting. */
  BENEFIT_UNEMPLOYMENT,
  /** Social integration income: inform the OCMW/CPAS before starting. */
  BENEFIT_SOCIAL_INTEGRATION_INCOME,
  /** Incapacity benefit: ask the health fund's medical adviser before starting. */
  BENEFIT_INCAPACITY,
  /**
   * A general reminder that benefit recipients must inform their benefit provider, given when the
   * volunteer did not consent to the use of their benefit status.
   */
  BENEFIT_GENERAL,
  /** The vacancy needs a recent 596.2 extract. */
  BACKGROUND_CHECK_REQUIRED,
  /** The volunteer's birth date is unknown, so the age gates must be checked in person. */
  AGE_UNVERIFIED,
  /** The organisation must insure its volunteers and declared it does. */
  INSURANCE_MANDATORY,
  /** The organisation must insure its volunteers but declared no insurance. */
  INSURANCE_MISSING,
  /** The organisation has no insurance duty (a de facto association without staff). */
  NO_INSURANCE_DUTY,
  /** The flat-rate allowance is bounded by the year's daily and yearly ceilings. */
  ALLOWANCE_CEILING,
  /** The vacancy's flat-rate allowance per day exceeds the year's daily ceiling. */
  ALLOWANCE_ABOVE_CEILING
}
