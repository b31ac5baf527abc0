package io.github.koppel.core.legal;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The ceilings of the flat-rate volunteer allowance for one calendar year, indexed yearly.
 *
 * <p>This class is immutable.
 *
 * @param year the calendar year
 * @param perDay the most per day, in euro
 * @param perYear the most per year, in euro
 * @param sources where the rule is written down: laws and official pages, with their address
 * @since 0.1
 */
public record AllowanceCeiling(int year, BigDecimal perDay, BigDecimal perYear, List<String> sources) {

  public AllowanceCeiling {
    checkArgument(year >= 2000 && year <= 2200, "year must be in [2000, 2200]: %s", year);
    Objects.requireNonNull(perDay, "perDay");
    sources = AgeRule.Sources.copy(sources, "sources");
    Objects.requireNonNull(perYear, "perYear");
    checkArgument(perDay.signum() > 0, "perDay must be positive: %s", perDay);
    checkArgument(
        perYear.compareTo(perDay) >= 0, "perYear (%s) must be at least perDay (%s)", perYear, perDay);
  }

  /**
   * A ceiling without sources.
   *
   * @param year the calendar year
   * @param perDay the most per day, in euro
   * @param perYear the most per year, in euro
   */
  public AllowanceCeiling(int year, BigDecimal perDay, BigDecimal perYear) {
    this(year, perDay, perYear, List.of());
  }
}
