package io.github.koppel.matching.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of FA*IR's re-ranking over random candidate lists and parameters. */
class FairTopKProperties {

  /** A candidate: its merit position and whether it is protected. */
  record C(int position, boolean isProtected) {}

  private static List<C> candidates(List<Boolean> flags) {
    List<C> out = new ArrayList<>();
    for (int i = 0; i < flags.size(); i++) {
      out.add(new C(i, flags.get(i)));
    }
    return out;
  }

  @Property(tries = 300)
  void rerankedListPassesWheneverEnoughProtectedExist(
      @ForAll @Size(max = 60) List<Boolean> flags,
      @ForAll @IntRange(min = 1, max = 40) int k,
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double p,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double alpha) {
    FairTopK fair = FairTopK.adjusted(k, p, alpha);
    List<C> input = candidates(flags);
    List<C> out = fair.rerank(input, C::isProtected);
    assertEquals(Math.min(k, input.size()), out.size());
    long available = input.stream().filter(C::isProtected).count();
    int needed = out.isEmpty() ? 0 : fair.minimumProtected(out.size());
    if (available >= needed) {
      assertTrue(fair.test(out, C::isProtected).fair(), () -> out.toString());
    }
  }

  @Property(tries = 300)
  void orderWithinEachGroupIsKept(
      @ForAll @Size(max = 60) List<Boolean> flags,
      @ForAll @IntRange(min = 1, max = 40) int k,
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double p) {
    List<C> out = FairTopK.adjusted(k, p, 0.1).rerank(candidates(flags), C::isProtected);
    int lastProtected = -1;
    int lastOther = -1;
    for (C c : out) {
      if (c.isProtected()) {
        assertTrue(c.position() > lastProtected);
        lastProtected = c.position();
      } else {
        assertTrue(c.position() > lastOther);
        lastOther = c.position();
      }
    }
    // Each group's members come out as a prefix of that group: nobody is skipped.
    for (boolean group : new boolean[] {true, false}) {
      List<C> chosen = out.stream().filter(c -> c.isProtected() == group).toList();
      List<C> best =
          candidates(flags).stream()
              .filter(c -> c.isProtected() == group)
              .limit(chosen.size())
              .toList();
      assertEquals(best, chosen);
    }
  }

  @Property(tries = 300)
  void aFairInputComesOutUnchanged(
      @ForAll @Size(max = 60) List<Boolean> flags,
      @ForAll @IntRange(min = 1, max = 40) int k,
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double p) {
    FairTopK fair = FairTopK.adjusted(k, p, 0.1);
    List<C> input = candidates(flags);
    if (fair.test(input, C::isProtected).fair()) {
      assertEquals(input.subList(0, Math.min(k, input.size())), fair.rerank(input, C::isProtected));
    }
  }

  @Property(tries = 200)
  void failureProbabilityGrowsWithAlphaAndAdjustmentKeepsItBelowAlpha(
      @ForAll @IntRange(min = 1, max = 200) int k,
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double p,
      @ForAll @DoubleRange(min = 0.01, max = 0.4) double alpha) {
    FairTopK adjusted = FairTopK.adjusted(k, p, alpha);
    assertTrue(adjusted.failureProbability() <= alpha + 1e-12);
    assertTrue(adjusted.adjustedAlpha() <= alpha);
    FairTopK loose = FairTopK.unadjusted(k, p, alpha);
    FairTopK looser = FairTopK.unadjusted(k, p, Math.min(0.99, alpha * 1.5));
    assertTrue(loose.failureProbability() <= looser.failureProbability() + 1e-12);
    // Tables never decrease along the prefix and never exceed the prefix.
    int[] table = adjusted.table();
    for (int i = 0; i < table.length; i++) {
      assertTrue(table[i] <= i + 1);
      assertTrue(i == 0 || table[i] >= table[i - 1]);
    }
  }

  @Property(tries = 200)
  void nearestRuleTakesTheNeighbourOfTheDefaultThatIsNearerAlpha(
      @ForAll @IntRange(min = 1, max = 120) int k,
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double p,
      @ForAll @DoubleRange(min = 0.01, max = 0.4) double alpha) {
    FairTopK atMost = FairTopK.adjusted(k, p, alpha, FairTopK.Rule.AT_MOST_ALPHA);
    FairTopK nearest = FairTopK.adjusted(k, p, alpha, FairTopK.Rule.NEAREST_ALPHA);
    double below = atMost.failureProbability();
    assertTrue(below <= alpha);
    assertTrue(Math.abs(nearest.failureProbability() - alpha) <= alpha - below);
    if (!java.util.Arrays.equals(atMost.table(), nearest.table())) {
      // The next table of the chain: above the default's significance, failing above alpha, and
      // no table lies between the two.
      assertTrue(nearest.failureProbability() > alpha);
      assertTrue(nearest.adjustedAlpha() > atMost.adjustedAlpha());
      int[] between =
          FairTopK.unadjusted(k, p, (atMost.adjustedAlpha() + nearest.adjustedAlpha()) / 2).table();
      assertTrue(java.util.Arrays.equals(between, atMost.table())
          || java.util.Arrays.equals(between, nearest.table()));
    }
    if (atMost.adjustedAlpha() < alpha) {
      // The default is tight: just above its significance the test fails more often than alpha.
      assertTrue(FairTopK.unadjusted(k, p, atMost.adjustedAlpha() + 2e-12).failureProbability() > alpha);
    }
    if (!java.util.Arrays.equals(atMost.table(), nearest.table())) {
      int[] a = atMost.table();
      int[] n = nearest.table();
      for (int i = 0; i < a.length; i++) {
        assertTrue(n[i] >= a[i]);
      }
    }
  }
}
