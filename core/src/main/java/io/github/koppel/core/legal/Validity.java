package io.github.koppel.core.legal;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The period in which a legal rule is in force.
 *
 * <p>This class is immutable.
 *
 * @param validFrom the first day in force
 * @param validUntil the last day in force, or {@code null} while the rule is current
 * @since 0.1
 */
public record Validity(LocalDate validFrom, @Nullable LocalDate validUntil) {

  public Validity {
    Objects.requireNonNull(validFrom, "validFrom");
    if (validUntil != null) {
      checkArgument(
          !validUntil.isBefore(validFrom),
          "validUntil (%s) must not be before validFrom (%s)",
          validUntil,
          validFrom);
    }
  }

  /**
   * Returns whether the rule is in force on a day.
   *
   * @param date a day
   * @return {@code true} when {@code date} lies within the period
   */
  public boolean covers(LocalDate date) {
    return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
  }

  /**
   * Returns whether two periods share a day.
   *
   * @param other another period
   * @return {@code true} when they overlap
   */
  public boolean overlaps(Validity other) {
    boolean thisEndsBefore = validUntil != null && validUntil.isBefore(other.validFrom);
    boolean otherEndsBefore = other.validUntil != null && other.validUntil.isBefore(validFrom);
    return !thisEndsBefore && !otherEndsBefore;
  }
}
