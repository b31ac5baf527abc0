package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * The score of a pair: a hard level, minus the number of gates it fails (0 for a feasible pair),
 * and a soft level in [0, 1], the aggregated score of the criteria.
 *
 * <p>Scores compare by the hard level first, then by the soft level; a feasible pair therefore
 * always outranks an infeasible one. Soft levels compare exactly (no tolerance): they are
 * computed by one deterministic sequence of floating-point operations per pair. This class is
 * immutable; {@code toString} prints {@code 0hard/0.8125soft}.
 *
 * @param hard minus the number of failed gates, at most 0
 * @param soft the aggregated score in [0, 1]
 * @since 0.2
 */
public record MatchScore(int hard, double soft) implements Comparable<MatchScore> {

  public MatchScore {
    checkArgument(hard <= 0, "hard must be <= 0 (minus the failed gates): %s", hard);
    checkArgument(Double.isFinite(soft) && soft >= 0 && soft <= 1, "soft must be in [0, 1]: %s", soft);
  }

  /**
   * Returns a score.
   *
   * @param hard minus the number of failed gates
   * @param soft the aggregated score
   * @return the score
   */
  public static MatchScore of(int hard, double soft) {
    return new MatchScore(hard, soft);
  }

  /**
   * Returns whether the pair passes every gate.
   *
   * @return whether {@code hard == 0}
   */
  public boolean isFeasible() {
    return hard == 0;
  }

  @Override
  public int compareTo(MatchScore other) {
    int c = Integer.compare(hard, other.hard);
    return c != 0 ? c : Double.compare(soft, other.soft);
  }

  @Override
  public String toString() {
    return hard + "hard/" + String.format(Locale.ROOT, "%.4f", soft) + "soft";
  }
}
