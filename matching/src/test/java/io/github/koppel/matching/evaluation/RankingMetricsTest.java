package io.github.koppel.matching.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-computed answers for the ranking metrics and the paired bootstrap. */
class RankingMetricsTest {
  private static final List<String> RANKED = List.of("a", "b", "c", "d", "e");
  private static final Set<String> RELEVANT = Set.of("b", "d", "x");

  @Test
  void precisionAndRecall() {
    assertEquals(1 / 3.0, RankingMetrics.precisionAt(RANKED, RELEVANT, 3));
    assertEquals(0.4, RankingMetrics.precisionAt(RANKED, RELEVANT, 5));
    // A list shorter than k counts the missing places as misses.
    assertEquals(0.2, RankingMetrics.precisionAt(RANKED, RELEVANT, 10));
    assertEquals(1 / 3.0, RankingMetrics.recallAt(RANKED, RELEVANT, 3));
    assertEquals(2 / 3.0, RankingMetrics.recallAt(RANKED, RELEVANT, 5));
    assertTrue(Double.isNaN(RankingMetrics.recallAt(RANKED, Set.of(), 5)));
    // A duplicate counts once, at its first place.
    assertEquals(0.5, RankingMetrics.precisionAt(List.of("b", "b", "a"), RELEVANT, 2));
  }

  @Test
  void ndcg() {
    // DCG = 1/log2(3) + 1/log2(5); IDCG = 1 + 1/log2(3) + 1/log2(4).
    assertEquals(0.49818925746641285, RankingMetrics.ndcgAt(RANKED, RELEVANT, 5), 1e-15);
    // Graded: b gains 2, d gains 1; at k = 3, DCG = 2/log2(3), IDCG = 2 + 1/log2(3).
    assertEquals(
        0.4796249331362629, RankingMetrics.ndcgAt(RANKED, Map.of("b", 2.0, "d", 1.0), 3), 1e-15);
    assertEquals(1.0, RankingMetrics.ndcgAt(List.of("b", "d"), Map.of("b", 2.0, "d", 1.0), 2), 1e-15);
    assertTrue(Double.isNaN(RankingMetrics.ndcgAt(RANKED, Set.of(), 5)));
  }

  @Test
  void reciprocalRank() {
    assertEquals(0.5, RankingMetrics.reciprocalRank(RANKED, RELEVANT));
    assertEquals(0, RankingMetrics.reciprocalRank(RANKED, Set.of("z")));
    assertEquals(1, RankingMetrics.reciprocalRank(List.of("d"), RELEVANT));
  }

  @Test
  void gini() {
    assertEquals(0, RankingMetrics.gini(new double[] {1, 1, 1, 1}), 1e-15);
    assertEquals(0.75, RankingMetrics.gini(new double[] {0, 0, 0, 4}), 1e-15);
    assertEquals(0.25, RankingMetrics.gini(new double[] {4, 1, 3, 2}), 1e-15);
    assertTrue(Double.isNaN(RankingMetrics.gini(new double[] {0, 0})));
    assertTrue(Double.isNaN(RankingMetrics.gini(new double[0])));
  }

  @Test
  void pairedBootstrap() {
    PairedBootstrap same = PairedBootstrap.of(new double[] {0, 0, 0}, new double[] {1, 1, 1}, 1000, 0.95, 1);
    assertEquals(1, same.difference());
    assertEquals(1, same.lower());
    assertEquals(1, same.upper());
    assertTrue(same.excludesZero());
    // Differences 0 and 1: resampled means are 0, 0.5 or 1 with chances 1/4, 1/2, 1/4.
    PairedBootstrap two =
        PairedBootstrap.of(new double[] {0, 0, Double.NaN}, new double[] {0, 1, 5}, 100_000, 0.95, 7);
    assertEquals(0.5, two.difference());
    assertEquals(0, two.lower());
    assertEquals(1, two.upper());
    assertEquals(2, two.queries());
    assertFalse(two.excludesZero());
    assertEquals(two, PairedBootstrap.of(new double[] {0, 0, Double.NaN}, new double[] {0, 1, 5}, 100_000, 0.95, 7));
    PairedBootstrap none = PairedBootstrap.of(new double[] {Double.NaN}, new double[] {1}, 10, 0.9, 1);
    assertTrue(Double.isNaN(none.difference()));
  }

  @Test
  void badInput() {
    assertEquals(
        "k must be at least 1: 0",
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.precisionAt(RANKED, RELEVANT, 0))
            .getMessage());
    assertEquals(
        "gain of b must be > 0: -1.0",
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.ndcgAt(RANKED, Map.of("b", -1.0), 3))
            .getMessage());
    assertEquals(
        "counts must be finite and >= 0: NaN",
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.gini(new double[] {1, Double.NaN}))
            .getMessage());
    assertEquals(
        "a and b must pair up: 2 and 1 values",
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.of(new double[2], new double[1], 10, 0.9, 1))
            .getMessage());
    assertEquals(
        "level must be in (0, 1): 1.0",
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.of(new double[1], new double[1], 10, 1, 1))
            .getMessage());
    assertEquals(
        "resamples must be in [1, 1000000]: 0",
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.of(new double[1], new double[1], 0, 0.9, 1))
            .getMessage());
  }
}
