package io.github.koppel.core.model;

/**
 * A social benefit a volunteer receives. It is a sensitive fact: Koppel uses it only to attach the
 * legal notices the volunteer must file, only with the volunteer's consent ({@link
 * SensitiveCategory#BENEFIT_STATUS}), and never shows it to an organisation.
 *
 * @since 0.1
 */
public enum BenefitStatus {
  /** Unemployment benefit from the RVA/ONEM (requires form C45B before starting). */
  UNEMPLOYMENT,
  /** Social integration income (leefloon / revenu d'intégration) from the OCMW/CPAS. */
  SOCIAL_INTEGRATION_INCOME,
  /** Incapacity benefit from the health fund (requires the medical adviser's permission). */
  INCAPACITY
}
