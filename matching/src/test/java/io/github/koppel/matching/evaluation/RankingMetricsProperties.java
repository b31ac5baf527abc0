package io.github.koppel.matching.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Bounds and monotonicity of the ranking metrics over random lists. */
class RankingMetricsProperties {

  private static List<String> ids(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("i" + i);
    }
    return out;
  }

  private static Set<String> relevant(List<Boolean> flags) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < flags.size(); i++) {
      if (flags.get(i)) {
        out.add("i" + i);
      }
    }
    return out;
  }

  @Property(tries = 300)
  void metricsStayInTheUnitInterval(
      @ForAll @Size(min = 1, max = 30) List<Boolean> flags, @ForAll @IntRange(min = 1, max = 40) int k) {
    List<String> ranked = ids(flags.size());
    Set<String> rel = relevant(flags);
    for (double x :
        new double[] {
          RankingMetrics.precisionAt(ranked, rel, k),
          RankingMetrics.recallAt(ranked, rel, k),
          RankingMetrics.ndcgAt(ranked, rel, k),
          RankingMetrics.reciprocalRank(ranked, rel)
        }) {
      assertTrue(Double.isNaN(x) && rel.isEmpty() || x >= 0 && x <= 1 + 1e-12, () -> "" + x);
    }
  }

  /** Moving a relevant item one place up, past an irrelevant one, never lowers a metric. */
  @Property(tries = 300)
  void promotingARelevantItemNeverHurts(
      @ForAll @Size(min = 2, max = 30) List<Boolean> flags,
      @ForAll @IntRange(min = 1, max = 40) int k,
      @ForAll @IntRange(min = 1, max = 29) int at) {
    if (at >= flags.size() || !flags.get(at) || flags.get(at - 1)) {
      return;
    }
    List<String> ranked = ids(flags.size());
    Set<String> rel = relevant(flags);
    List<String> better = new ArrayList<>(ranked);
    better.set(at - 1, ranked.get(at));
    better.set(at, ranked.get(at - 1));
    assertTrue(RankingMetrics.ndcgAt(better, rel, k) >= RankingMetrics.ndcgAt(ranked, rel, k) - 1e-12);
    assertTrue(RankingMetrics.precisionAt(better, rel, k) >= RankingMetrics.precisionAt(ranked, rel, k));
    assertTrue(RankingMetrics.reciprocalRank(better, rel) >= RankingMetrics.reciprocalRank(ranked, rel));
  }

  @Property(tries = 200)
  void theIdealOrderHasNdcgOne(@ForAll @Size(min = 1, max = 30) List<Boolean> flags) {
    Set<String> rel = relevant(flags);
    if (rel.isEmpty()) {
      return;
    }
    List<String> ideal = new ArrayList<>(rel);
    ideal.addAll(ids(flags.size()));
    assertEquals(1.0, RankingMetrics.ndcgAt(ideal, rel, flags.size()), 1e-12);
  }
}
