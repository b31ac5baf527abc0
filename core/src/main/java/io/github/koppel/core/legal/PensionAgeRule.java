package io.github.koppel.core.legal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;

/**
 * The statutory pension age. The pension starts on the first day of the month after one reaches
 * it; from then on none of the benefits whose receipt a volunteer must report (unemployment,
 * social integration income, incapacity) is paid any more, so the volunteer gets no general
 * reminder to report a benefit.
 *
 * <p>This class is immutable.
 *
 * @param validity when the rule is in force
 * @param age the pension age, counted from the birthday
 * @param sources where the rule is written down
 * @since 0.2
 */
public record PensionAgeRule(Validity validity, int age, List<String> sources) {

  public PensionAgeRule {
    Objects.requireNonNull(validity, "validity");
    checkArgument(age >= 50 && age <= 80, "age must be in [50, 80]: %s", age);
    sources = AgeRule.Sources.copy(sources, "sources of a pension-age rule");
  }
}
