package io.github.koppel.matching.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures of one ranked list against the outcomes that followed: which of the listed items were
 * relevant (for instance, the volunteer started), and how relevant (a graded gain, for instance 2
 * for still active after three months, 1 for started).
 *
 * <p>Definitions, for a list r<sub>1</sub>, r<sub>2</sub>, … and the set R of relevant items:
 *
 * <ul>
 *   <li>precision@k = |{r<sub>1..k</sub>} ∩ R| / k (a list shorter than k counts the missing places
 *       as misses);
 *   <li>recall@k = |{r<sub>1..k</sub>} ∩ R| / |R|, NaN when R is empty;
 *   <li>DCG@k = Σ<sub>i≤k</sub> g(r<sub>i</sub>) / log<sub>2</sub>(i + 1) and nDCG@k = DCG@k /
 *       IDCG@k, where IDCG@k is the DCG of the relevant items in order of gain; NaN when no item
 *       has a gain;
 *   <li>reciprocal rank = 1 / the position of the first relevant item, 0 if none is listed.
 * </ul>
 *
 * <p>Items are compared by their ids; a listed id that occurs twice counts once, at its first
 * position.
 *
 * @since 0.2
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /**
   * Returns precision@k.
   *
   * @param ranked the ids, best first
   * @param relevant the relevant ids
   * @param k the cut-off, at least 1
   * @return the share of the first k places holding a relevant item
   */
  public static double precisionAt(List<String> ranked, Set<String> relevant, int k) {
    checkK(k);
    return hits(ranked, relevant, k) / (double) k;
  }

  /**
   * Returns recall@k.
   *
   * @param ranked the ids, best first
   * @param relevant the relevant ids
   * @param k the cut-off, at least 1
   * @return the share of the relevant items in the first k places, or NaN without relevant items
   */
  public static double recallAt(List<String> ranked, Set<String> relevant, int k) {
    checkK(k);
    return relevant.isEmpty() ? Double.NaN : hits(ranked, relevant, k) / (double) relevant.size();
  }

  /**
   * Returns nDCG@k with graded gains.
   *
   * @param ranked the ids, best first
   * @param gains the gain of each relevant id, each finite and &gt; 0; other ids gain 0
   * @param k the cut-off, at least 1
   * @return nDCG@k in [0, 1], or NaN when no id has a gain
   */
  public static double ndcgAt(List<String> ranked, Map<String, Double> gains, int k) {
    checkK(k);
    Objects.requireNonNull(gains, "gains");
    gains.forEach(
        (id, g) ->
            checkArgument(
                g != null && Double.isFinite(g) && g > 0, "gain of %s must be > 0: %s", id, g));
    if (gains.isEmpty()) {
      return Double.NaN;
    }
    double dcg = 0;
    List<String> top = top(ranked, k);
    for (int i = 0; i < top.size(); i++) {
      dcg += gains.getOrDefault(top.get(i), 0.0) / log2(i + 2);
    }
    double[] ideal = gains.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.length); i++) {
      idcg += ideal[ideal.length - 1 - i] / log2(i + 2);
    }
    return dcg / idcg;
  }

  /**
   * Returns nDCG@k with a gain of 1 for every relevant id.
   *
   * @param ranked the ids, best first
   * @param relevant the relevant ids
   * @param k the cut-off, at least 1
   * @return nDCG@k in [0, 1], or NaN without relevant ids
   */
  public static double ndcgAt(List<String> ranked, Set<String> relevant, int k) {
    Map<String, Double> gains = new HashMap<>();
    relevant.forEach(id -> gains.put(id, 1.0));
    return ndcgAt(ranked, gains, k);
  }

  /**
   * Returns the reciprocal rank of the first relevant id.
   *
   * @param ranked the ids, best first
   * @param relevant the relevant ids
   * @return 1 / its position, or 0 if none is listed
   */
  public static double reciprocalRank(List<String> ranked, Set<String> relevant) {
    List<String> distinct = top(ranked, Integer.MAX_VALUE);
    for (int i = 0; i < distinct.size(); i++) {
      if (relevant.contains(distinct.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /**
   * Returns the Gini coefficient of non-negative counts, such as proposals per organisation: 0
   * when all are equal, approaching 1 when one holds everything.
   *
   * @param counts the counts, each finite and &ge; 0
   * @return the Gini coefficient in [0, 1), or NaN when there are none or they sum to 0
   */
  public static double gini(double[] counts) {
    Objects.requireNonNull(counts, "counts");
    int n = counts.length;
    double[] sorted = counts.clone();
    for (double c : sorted) {
      checkArgument(Double.isFinite(c) && c >= 0, "counts must be finite and >= 0: %s", c);
    }
    Arrays.sort(sorted);
    double sum = 0;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      sum += sorted[i];
      weighted += (i + 1) * sorted[i];
    }
    if (n == 0 || sum == 0) {
      return Double.NaN;
    }
    // G = (2 Σ i·x_(i)) / (n Σ x) − (n + 1) / n, with x sorted ascending and i from 1.
    return 2 * weighted / (n * sum) - (n + 1.0) / n;
  }

  private static int hits(List<String> ranked, Set<String> relevant, int k) {
    Objects.requireNonNull(relevant, "relevant");
    int hits = 0;
    for (String id : top(ranked, k)) {
      if (relevant.contains(id)) {
        hits++;
      }
    }
    return hits;
  }

  /** The first k distinct ids, each at its first position. */
  private static List<String> top(List<String> ranked, int k) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String id : Objects.requireNonNull(ranked, "ranked")) {
      if (distinct.size() == k) {
        break;
      }
      distinct.add(id);
    }
    return List.copyOf(distinct);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static void checkK(int k) {
    checkArgument(k >= 1, "k must be at least 1: %s", k);
  }
}
