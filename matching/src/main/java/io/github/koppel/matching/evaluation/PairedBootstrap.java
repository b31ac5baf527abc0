package io.github.koppel.matching.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A paired bootstrap confidence interval for the difference of a metric between two policies
 * measured on the same queries: the queries are resampled with replacement, the mean of the
 * per-query differences (B − A) is taken for each resample, and the interval is given by the
 * percentiles of those means. Queries where either value is NaN are left out. Deterministic for a
 * seed.
 *
 * @param difference the mean difference B − A over the queries
 * @param lower the lower end of the interval
 * @param upper the upper end of the interval
 * @param level the confidence level, such as 0.95
 * @param queries the queries used
 * @param resamples the number of resamples
 * @since 0.2
 */
public record PairedBootstrap(
    double difference, double lower, double upper, double level, int queries, int resamples) {

  /**
   * Computes the interval.
   *
   * @param a the metric per query under policy A
   * @param b the metric per query under policy B, paired with {@code a}
   * @param resamples the number of resamples, in [1, 1,000,000]
   * @param level the confidence level, in (0, 1)
   * @param seed the seed
   * @return the interval; NaN ends when no query has both values
   * @throws IllegalArgumentException if the arrays differ in length or a parameter is out of range
   */
  public static PairedBootstrap of(double[] a, double[] b, int resamples, double level, long seed) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    checkArgument(a.length == b.length, "a and b must pair up: %s and %s values", a.length, b.length);
    checkArgument(
        resamples >= 1 && resamples <= 1_000_000, "resamples must be in [1, 1000000]: %s", resamples);
    checkArgument(level > 0 && level < 1, "level must be in (0, 1): %s", level);
    double[] d = new double[a.length];
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
        d[n++] = b[i] - a[i];
      }
    }
    if (n == 0) {
      return new PairedBootstrap(Double.NaN, Double.NaN, Double.NaN, level, 0, resamples);
    }
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += d[i];
    }
    mean /= n;
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += d[random.nextInt(n)];
      }
      means[r] = sum / n;
    }
    Arrays.sort(means);
    double tail = (1 - level) / 2;
    return new PairedBootstrap(
        mean, percentile(means, tail), percentile(means, 1 - tail), level, n, resamples);
  }

  /** The percentile by the nearest-rank method on sorted values. */
  static double percentile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Returns whether the interval excludes 0: the difference is significant at this level. */
  public boolean excludesZero() {
    return lower > 0 || upper < 0;
  }
}
