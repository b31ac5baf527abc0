package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The expense allowance of a vacancy.
 *
 * <p>This class is immutable.
 *
 * @param type none, flat rate or real costs
 * @param amountPerDay for a flat rate, the amount per day in euro, or {@code null} when not stated;
 *     always {@code null} for the other types
 * @since 0.1
 */
public record Allowance(AllowanceType type, @Nullable BigDecimal amountPerDay) {

  /** No allowance. */
  public static final Allowance NONE = new Allowance(AllowanceType.NONE, null);

  /** Reimbursement of real costs. */
  public static final Allowance REAL_COSTS = new Allowance(AllowanceType.REAL_COSTS, null);

  public Allowance {
    Objects.requireNonNull(type, "type");
    if (amountPerDay != null) {
      checkArgument(
          type == AllowanceType.FLAT_RATE,
          "amountPerDay is only meaningful for FLAT_RATE, not %s: %s",
          type,
          amountPerDay);
      checkArgument(
          amountPerDay.signum() >= 0 && amountPerDay.compareTo(BigDecimal.valueOf(10_000)) <= 0,
          "amountPerDay must be in [0, 10000] euro: %s",
          amountPerDay);
    }
  }

  /**
   * Returns a flat-rate allowance.
   *
   * @param amountPerDay the amount per day in euro
   * @return the allowance
   */
  public static Allowance flatRate(BigDecimal amountPerDay) {
    return new Allowance(AllowanceType.FLAT_RATE, amountPerDay);
  }
}
