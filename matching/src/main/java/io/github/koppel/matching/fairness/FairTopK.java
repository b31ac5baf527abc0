package io.github.koppel.matching.fairness;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Ranked group fairness after FA*IR (Zehlike, Bonchi, Castillo, Hajian, Megahed and Baeza-Yates,
 * "FA*IR: A Fair Top-k Ranking Algorithm", CIKM 2017): every prefix of a top-k holds at least as
 * many candidates of a protected group as a statistical test with minimum proportion p and
 * significance α demands.
 *
 * <p>The test of a prefix of length i (Definition 3.1 of the paper) passes when F(τ; i, p) &gt; α,
 * with τ the protected candidates in the prefix and F the binomial cumulative distribution
 * function. The <em>minimum-protected table</em> holds, per prefix, the smallest τ that passes:
 * m(i) = F<sup>-1</sup>(α; i, p) = min{τ : F(τ; i, p) &gt; α}. Testing k prefixes at level α each
 * rejects more than a fraction α of fair rankings, so the paper's Algorithm 2 corrects the
 * significance to an α<sub>c</sub> ≤ α whose table fails a ranking drawn from Bernoulli(p) trials
 * with probability α. As α<sub>c</sub> rises the table only grows, step by step, and so does its
 * failure probability, which {@link #failureProbability()} gives exactly (a dynamic programme over
 * the number of protected candidates, O(k²)). A step function seldom meets α exactly, so which
 * table of that chain is the corrected one is a {@link Rule}:
 *
 * <ul>
 *   <li>{@link Rule#AT_MOST_ALPHA} (the default, {@link #adjusted(int, double, double)}): the
 *       largest table whose failure probability is at most α, so the whole test's type I error
 *       never exceeds the α asked for.
 *   <li>{@link Rule#NEAREST_ALPHA}: the table whose failure probability is nearest α, which may be
 *       above it. This is what the reference implementation of the paper's authors ({@code
 *       fairsearchcore}) returns: its bisection stops between two neighbouring tables and keeps
 *       the one whose failure probability is closer to α. For (k = 20, p = 0.25, α = 0.1) it gives
 *       the table with a failure probability of 0.1052, where {@code AT_MOST_ALPHA} gives the one
 *       below it, of 0.0897.
 * </ul>
 *
 * <p>Both rules agree whenever the uncorrected table already fails with probability at most α,
 * and whenever the table just above the α-bound is farther from α than the one below.
 *
 * <p>{@link #rerank} is the paper's Algorithm 1: it keeps the order within each group and, at each
 * position, takes the best remaining protected candidate when the table demands one, else the best
 * remaining candidate. A list that already passes the test comes out unchanged.
 *
 * <p>Instances are immutable and thread-safe. Costs: building is O(k²) (O(k² log(1/ε)) adjusted);
 * {@link #rerank} and {@link #test} are O(n + k).
 *
 * @since 0.2
 */
public final class FairTopK {
  /** The largest k accepted: tables and the failure probability stay exact and cheap below it. */
  public static final int MAX_K = 10_000;

  private final int k;
  private final double proportion;
  private final double alpha;
  private final double adjustedAlpha;
  private final int[] table;
  private final double failureProbability;

  private FairTopK(int k, double proportion, double alpha, double adjustedAlpha) {
    this.k = k;
    this.proportion = proportion;
    this.alpha = alpha;
    this.adjustedAlpha = adjustedAlpha;
    this.table = table(k, proportion, adjustedAlpha);
    this.failureProbability = failureProbability(table, proportion);
  }

  /**
   * The test without correction for testing k prefixes: each prefix at significance α.
   *
   * @param k the length of the ranking, in [1, {@link #MAX_K}]
   * @param proportion the minimum proportion p of protected candidates, in (0, 1)
   * @param alpha the significance α, in (0, 1)
   * @return the test
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static FairTopK unadjusted(int k, double proportion, double alpha) {
    check(k, proportion, alpha);
    return new FairTopK(k, proportion, alpha, alpha);
  }

  /**
   * The test corrected for testing k prefixes by the default rule, {@link Rule#AT_MOST_ALPHA}: the
   * largest α<sub>c</sub> ≤ α (to within 1e-12) whose table rejects a ranking of Bernoulli(p) trials
   * with probability at most α.
   *
   * @param k the length of the ranking, in [1, {@link #MAX_K}]
   * @param proportion the minimum proportion p of protected candidates, in (0, 1)
   * @param alpha the overall significance α, in (0, 1)
   * @return the test
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static FairTopK adjusted(int k, double proportion, double alpha) {
    return adjusted(k, proportion, alpha, Rule.AT_MOST_ALPHA);
  }

  /**
   * The test corrected for testing k prefixes by a rule. With {@link Rule#AT_MOST_ALPHA} the
   * significance is the largest α<sub>c</sub> ≤ α (to within 1e-12) whose table fails with
   * probability at most α; with {@link Rule#NEAREST_ALPHA} it is that one or, when the next table
   * of the chain has a failure probability nearer α (strictly), the smallest α<sub>c</sub> (to
   * within 1e-12) that gives that next table.
   *
   * @param k the length of the ranking, in [1, {@link #MAX_K}]
   * @param proportion the minimum proportion p of protected candidates, in (0, 1)
   * @param alpha the overall significance α, in (0, 1)
   * @param rule which table of the chain is the corrected one
   * @return the test
   * @throws IllegalArgumentException if a parameter is out of range
   * @since 0.2
   */
  public static FairTopK adjusted(int k, double proportion, double alpha, Rule rule) {
    check(k, proportion, alpha);
    Objects.requireNonNull(rule, "rule");
    if (failureProbability(table(k, proportion, alpha), proportion) <= alpha) {
      return new FairTopK(k, proportion, alpha, alpha);
    }
    // The failure probability grows with αc, by steps; bisect for the last step at most α.
    double low = 0;
    double high = alpha;
    while (high - low > 1e-12) {
      double mid = (low + high) / 2;
      if (failureProbability(table(k, proportion, mid), proportion) <= alpha) {
        low = mid;
      } else {
        high = mid;
      }
    }
    if (rule == Rule.NEAREST_ALPHA) {
      double below = failureProbability(table(k, proportion, low), proportion);
      double above = failureProbability(table(k, proportion, high), proportion);
      if (above - alpha < alpha - below) {
        return new FairTopK(k, proportion, alpha, high);
      }
    }
    return new FairTopK(k, proportion, alpha, low);
  }

  /**
   * Which table of the chain of corrected tables a test uses; see the class description.
   *
   * @since 0.2
   */
  public enum Rule {
    /**
     * The largest table whose failure probability is at most α: the test's type I error never
     * exceeds α.
     */
    AT_MOST_ALPHA,
    /**
     * The table whose failure probability is nearest α, below or above it (a tie goes to the one
     * below), as the reference implementation of the paper's authors chooses.
     */
    NEAREST_ALPHA
  }

  private static void check(int k, double proportion, double alpha) {
    checkArgument(k >= 1 && k <= MAX_K, "k must be in [1, %s]: %s", MAX_K, k);
    checkArgument(
        proportion > 0 && proportion < 1, "proportion must be in (0, 1): %s", proportion);
    checkArgument(alpha > 0 && alpha < 1, "alpha must be in (0, 1): %s", alpha);
  }

  /** Returns the length of the ranking. */
  public int k() {
    return k;
  }

  /** Returns the minimum proportion p of protected candidates. */
  public double proportion() {
    return proportion;
  }

  /** Returns the significance α asked for. */
  public double alpha() {
    return alpha;
  }

  /** Returns the significance each prefix is tested at: α, or α<sub>c</sub> when adjusted. */
  public double adjustedAlpha() {
    return adjustedAlpha;
  }

  /**
   * Returns the fewest protected candidates a prefix must hold.
   *
   * @param length the length of the prefix, in [1, k]
   * @return m(length)
   * @throws IllegalArgumentException if the length is out of range
   */
  public int minimumProtected(int length) {
    checkArgument(length >= 1 && length <= k, "prefix length must be in [1, %s]: %s", k, length);
    return table[length];
  }

  /** Returns the table m(1) … m(k), a copy. */
  public int[] table() {
    return Arrays.copyOfRange(table, 1, k + 1);
  }

  /**
   * Returns the probability that a ranking whose k candidates are protected independently with
   * probability p fails the test at some prefix: the type I error of the whole test.
   */
  public double failureProbability() {
    return failureProbability;
  }

  /**
   * Tests a ranking: whether each prefix of up to k candidates holds enough protected ones.
   *
   * @param ranking the candidates, best first; only the first k are tested
   * @param isProtected whether a candidate belongs to the protected group
   * @param <T> the type of candidate
   * @return the outcome, with the first failing prefix if any
   */
  public <T> Outcome test(List<T> ranking, Predicate<? super T> isProtected) {
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(isProtected, "isProtected");
    int count = 0;
    int n = Math.min(k, ranking.size());
    for (int i = 1; i <= n; i++) {
      if (isProtected.test(ranking.get(i - 1))) {
        count++;
      }
      if (count < table[i]) {
        return new Outcome(false, i, count, table[i]);
      }
    }
    return new Outcome(true, 0, count, n == 0 ? 0 : table[n]);
  }

  /**
   * Re-ranks candidates into a top-k that passes the test whenever enough protected candidates
   * exist (FA*IR's Algorithm 1). The order within each group is kept; when the protected
   * candidates run out, the rest of the list is filled in merit order.
   *
   * @param ranking the candidates in merit order, best first; they need not all fit in the top-k
   * @param isProtected whether a candidate belongs to the protected group
   * @param <T> the type of candidate
   * @return at most k candidates
   */
  public <T> List<T> rerank(List<T> ranking, Predicate<? super T> isProtected) {
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(isProtected, "isProtected");
    int n = ranking.size();
    boolean[] protectedAt = new boolean[n];
    for (int i = 0; i < n; i++) {
      protectedAt[i] = isProtected.test(Objects.requireNonNull(ranking.get(i), "candidate"));
    }
    int nextProtected = next(protectedAt, 0, true);
    int nextOther = next(protectedAt, 0, false);
    int count = 0;
    List<T> out = new ArrayList<>(Math.min(n, k));
    for (int i = 1; i <= k && (nextProtected < n || nextOther < n); i++) {
      boolean takeProtected =
          nextProtected < n && (count < table[i] || nextOther >= n || nextProtected < nextOther);
      if (takeProtected) {
        out.add(ranking.get(nextProtected));
        count++;
        nextProtected = next(protectedAt, nextProtected + 1, true);
      } else {
        out.add(ranking.get(nextOther));
        nextOther = next(protectedAt, nextOther + 1, false);
      }
    }
    return out;
  }

  private static int next(boolean[] protectedAt, int from, boolean wanted) {
    int i = from;
    while (i < protectedAt.length && protectedAt[i] != wanted) {
      i++;
    }
    return i;
  }

  /** Computes m(0) … m(k) at significance a: m(i) = min{τ : F(τ; i, p) > a}. */
  static int[] table(int k, double p, double a) {
    int[] m = new int[k + 1];
    // The binomial probabilities of i trials, updated row by row (Pascal's rule), so that each
    // prefix costs O(i) and no factorial overflows.
    double[] pmf = new double[k + 1];
    pmf[0] = 1;
    for (int i = 1; i <= k; i++) {
      for (int t = i; t >= 1; t--) {
        pmf[t] = pmf[t] * (1 - p) + pmf[t - 1] * p;
      }
      pmf[0] *= 1 - p;
      double cdf = 0;
      int tau = 0;
      while (tau <= i) {
        cdf += pmf[tau];
        if (cdf > a) {
          break;
        }
        tau++;
      }
      m[i] = Math.min(tau, i);
    }
    return m;
  }

  /**
   * The probability that Bernoulli(p) trials fall below the table at some prefix: the mass of
   * the counts that are still above the table, carried prefix by prefix.
   */
  static double failureProbability(int[] m, double p) {
    int k = m.length - 1;
    double[] alive = new double[k + 1];
    alive[0] = 1;
    double failed = 0;
    for (int i = 1; i <= k; i++) {
      for (int t = i; t >= 1; t--) {
        alive[t] = alive[t] * (1 - p) + alive[t - 1] * p;
      }
      alive[0] *= 1 - p;
      for (int t = 0; t < m[i] && t <= i; t++) {
        failed += alive[t];
        alive[t] = 0;
      }
    }
    return Math.min(1, failed);
  }

  @Override
  public String toString() {
    return "FairTopK[k=" + k + ", p=" + proportion + ", alpha=" + alpha + ", adjustedAlpha="
        + adjustedAlpha + "]";
  }

  /**
   * The outcome of {@link #test}.
   *
   * @param fair whether every prefix passed
   * @param failedAt the length of the first prefix that failed, or 0 if none did
   * @param protectedCount the protected candidates in the prefix tested last
   * @param required the fewest protected candidates that prefix needed
   */
  public record Outcome(boolean fair, int failedAt, int protectedCount, int required) {}
}
