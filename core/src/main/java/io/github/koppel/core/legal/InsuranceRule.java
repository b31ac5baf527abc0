package io.github.koppel.core.legal;

import io.github.koppel.core.model.LegalForm;
import java.util.List;
import java.util.Objects;

/**
 * Whether organisations of a legal form must insure their volunteers' civil liability.
 *
 * <p>This class is immutable.
 *
 * @param validity when the rule is in force
 * @param legalForm the legal form
 * @param mandatory whether insurance is mandatory
 * @param sources where the rule is written down: laws and official pages, with their address
 * @since 0.1
 */
public record InsuranceRule(
    Validity validity, LegalForm legalForm, boolean mandatory, List<String> sources) {

  public InsuranceRule {
    Objects.requireNonNull(validity, "validity");
    sources = AgeRule.Sources.copy(sources, "sources");
    Objects.requireNonNull(legalForm, "legalForm");
  }

  /**
   * A rule without sources.
   *
   * @param validity when the rule is in force
   * @param legalForm the legal form
   * @param mandatory whether insurance is mandatory
   */
  public InsuranceRule(Validity validity, LegalForm legalForm, boolean mandatory) {
    this(validity, legalForm, mandatory, List.of());
  }
}
