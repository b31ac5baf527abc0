package io.github.koppel.core.legal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;

/**
 * The rule for an extract from the criminal record (model 596.2) for volunteering with structural
 * contact with minors.
 *
 * <p>This class is immutable.
 *
 * @param validity when the rule is in force
 * @param maxExtractAgeMonths how old, in months, an extract may be when presented
 * @param youthWorkExempt whether recognised youth work is exempt from the requirement
 * @param sources where the rule is written down: laws and official pages, with their address
 * @since 0.1
 */
public record BackgroundCheckRule(
    Validity validity, int maxExtractAgeMonths, boolean youthWorkExempt, List<String> sources) {

  public BackgroundCheckRule {
    Objects.requireNonNull(validity, "validity");
    sources = AgeRule.Sources.copy(sources, "sources");
    checkArgument(
        maxExtractAgeMonths >= 0 && maxExtractAgeMonths <= 120,
        "maxExtractAgeMonths must be in [0, 120]: %s",
        maxExtractAgeMonths);
  }

  /**
   * A rule without sources.
   *
   * @param validity when the rule is in force
   * @param maxExtractAgeMonths how old, in months, an extract may be when presented
   * @param youthWorkExempt whether recognised youth work is exempt from the requirement
   */
  public BackgroundCheckRule(Validity validity, int maxExtractAgeMonths, boolean youthWorkExempt) {
    this(validity, maxExtractAgeMonths, youthWorkExempt, List.of());
  }
}
