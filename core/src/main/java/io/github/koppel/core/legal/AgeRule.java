package io.github.koppel.core.legal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The legal minimum age for volunteering. Under Belgian law one may volunteer from the calendar
 * year in which one turns 16, or 15 once the first two years of secondary school are done;
 * organisations may set a higher age of their own.
 *
 * <p>This class is immutable.
 *
 * @param validity when the rule is in force
 * @param minimumAge the minimum age
 * @param reducedMinimumAge the minimum age after the first two years of secondary school
 * @param byCalendarYear {@code true} when the age counts from 1 January of the year one reaches it
 * @since 0.1
 */
public record AgeRule(
    Validity validity, int minimumAge, int reducedMinimumAge, boolean byCalendarYear) {

  public AgeRule {
    Objects.requireNonNull(validity, "validity");
    checkArgument(minimumAge >= 0 && minimumAge <= 30, "minimumAge must be in [0, 30]: %s", minimumAge);
    checkArgument(
        reducedMinimumAge >= 0 && reducedMinimumAge <= minimumAge,
        "reducedMinimumAge must be in [0, minimumAge (%s)]: %s",
        minimumAge,
        reducedMinimumAge);
  }
}
