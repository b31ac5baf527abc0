package io.github.koppel.core.legal;

import io.github.koppel.core.model.LegalForm;
import java.util.Objects;

/**
 * Whether organisations of a legal form must insure their volunteers' civil liability.
 *
 * <p>This class is immutable.
 *
 * @param validity when the rule is in force
 * @param legalForm the legal form
 * @param mandatory whether insurance is mandatory
 * @since 0.1
 */
public record InsuranceRule(Validity validity, LegalForm legalForm, boolean mandatory) {

  public InsuranceRule {
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(legalForm, "legalForm");
  }
}
