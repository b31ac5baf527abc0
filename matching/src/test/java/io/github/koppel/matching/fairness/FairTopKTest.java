package io.github.koppel.matching.fairness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers for FA*IR. The tables and failure probabilities were computed independently with
 * exact rational arithmetic from the paper's definition m(i) = min{τ : F(τ; i, p) > α} (the chain
 * of adjusted tables for k = 20, p = 0.25 too); the rows
 * for p = 0.5 and p = 0.7 at α = 0.1 are those of the paper's table of minimum-protected counts.
 */
class FairTopKTest {

  @ParameterizedTest(name = "p={0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "0.1; 0 0 0 0 0 0 0 0 0 0 0 0",
        "0.2; 0 0 0 0 0 0 0 0 0 0 1 1",
        "0.3; 0 0 0 0 0 0 1 1 1 1 1 2",
        "0.5; 0 0 0 1 1 1 2 2 3 3 3 4",
        "0.7; 0 1 1 2 2 3 3 4 5 5 6 6"
      })
  void unadjustedTablesAtAlphaOneTenth(double p, String row) {
    int[] expected = java.util.Arrays.stream(row.split(" ")).mapToInt(Integer::parseInt).toArray();
    assertArrayEquals(expected, FairTopK.unadjusted(12, p, 0.1).table());
  }

  @Test
  void failureProbabilityOfTheUnadjustedTest() {
    FairTopK k10 = FairTopK.unadjusted(10, 0.5, 0.1);
    assertEquals(0.12890625, k10.failureProbability(), 1e-12);
    FairTopK k20 = FairTopK.unadjusted(20, 0.25, 0.1);
    assertArrayEquals(
        new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3}, k20.table());
    assertEquals(0.146887188699111, k20.failureProbability(), 1e-12);
    assertEquals(0.18688388637207776, FairTopK.unadjusted(100, 0.3, 0.05).failureProbability(), 1e-12);
  }

  @Test
  void adjustmentBringsTheFailureProbabilityToAlphaOrBelow() {
    FairTopK adjusted = FairTopK.adjusted(100, 0.3, 0.05);
    assertTrue(adjusted.adjustedAlpha() < 0.05, adjusted::toString);
    assertTrue(adjusted.failureProbability() <= 0.05, adjusted::toString);
    // The next step up of the table would fail more often than alpha: the adjustment is tight.
    FairTopK looser = FairTopK.unadjusted(100, 0.3, adjusted.adjustedAlpha() + 1e-9);
    assertTrue(
        java.util.Arrays.equals(looser.table(), adjusted.table())
            || looser.failureProbability() > 0.05);
    // A test that already fails rarely enough is not changed.
    FairTopK small = FairTopK.adjusted(3, 0.5, 0.1);
    assertEquals(0.1, small.adjustedAlpha());
  }

  /**
   * The adjusted tables and failure probabilities that the reference implementation of the
   * paper's authors publishes in its own tests (fairsearchcore), reproduced by the rule that
   * imitates it; the default rule differs where the reference's table fails more often than α.
   */
  @ParameterizedTest(name = "k={0}, p={1}, alpha={2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "10; 0.2; 0.15; 0 0 0 0 0 0 0 0 1 1; 0.134217728",
        "20; 0.25; 0.1; 0 0 0 0 0 0 0 0 1 1 1 1 1 1 1 2 2 2 2 2; 0.10515247355215251",
        "30; 0.3; 0.05; 0 0 0 0 0 0 0 0 0 0 1 1 1 1 1 1 2 2 2 2 2 3 3 3 3 4 4 4 4 4; 0.04877730797178359"
      })
  void nearestAlphaRuleGivesTheReferenceImplementationsTables(
      int k, double p, double alpha, String row, double failure) {
    FairTopK nearest = FairTopK.adjusted(k, p, alpha, FairTopK.Rule.NEAREST_ALPHA);
    assertArrayEquals(ints(row), nearest.table());
    assertEquals(failure, nearest.failureProbability(), 1e-12);
    FairTopK atMost = FairTopK.adjusted(k, p, alpha);
    assertTrue(atMost.failureProbability() <= alpha, atMost::toString);
    if (failure <= alpha) {
      assertArrayEquals(nearest.table(), atMost.table());
      assertEquals(nearest.adjustedAlpha(), atMost.adjustedAlpha());
    } else {
      // The reference exceeds alpha here; the default keeps the table one step below.
      assertFalse(java.util.Arrays.equals(nearest.table(), atMost.table()));
      assertArrayEquals(
          ints("0 0 0 0 0 0 0 0 0 1 1 1 1 1 1 2 2 2 2 2"), atMost.table(), atMost::toString);
      assertEquals(0.08972216723486781, atMost.failureProbability(), 1e-12);
      assertTrue(nearest.adjustedAlpha() > atMost.adjustedAlpha());
      // Just below the nearest rule's significance the table is the default's.
      assertArrayEquals(
          atMost.table(), FairTopK.unadjusted(k, p, nearest.adjustedAlpha() - 1e-9).table());
    }
  }

  private static int[] ints(String row) {
    return java.util.Arrays.stream(row.split(" ")).mapToInt(Integer::parseInt).toArray();
  }

  @Test
  void ruleIsRequired() {
    assertEquals(
        "rule",
        assertThrows(NullPointerException.class, () -> FairTopK.adjusted(10, 0.5, 0.1, null))
            .getMessage());
  }

  @Test
  void testReportsTheFirstFailingPrefix() {
    FairTopK fair = FairTopK.unadjusted(12, 0.5, 0.1);
    List<Boolean> none = List.of(false, false, false, false, false);
    FairTopK.Outcome outcome = fair.test(none, b -> b);
    assertFalse(outcome.fair());
    assertEquals(4, outcome.failedAt());
    assertEquals(0, outcome.protectedCount());
    assertEquals(1, outcome.required());
    assertTrue(fair.test(List.of(false, false, false, true, false, false, true), b -> b).fair());
    assertTrue(fair.test(List.<Boolean>of(), b -> b).fair());
  }

  @Test
  void rerankMovesProtectedCandidatesUpJustEnough() {
    // Candidates in merit order; upper case is protected.
    List<String> merit = List.of("a", "b", "c", "d", "e", "f", "g", "H", "I", "J", "k", "L");
    FairTopK fair = FairTopK.unadjusted(10, 0.5, 0.1);
    List<String> out = fair.rerank(merit, s -> Character.isUpperCase(s.charAt(0)));
    // m = 0 0 0 1 1 1 2 2 3 3: H is pulled up to 4th, I to 7th, J to 9th.
    assertEquals(List.of("a", "b", "c", "H", "d", "e", "I", "f", "J", "g"), out);
    assertTrue(fair.test(out, s -> Character.isUpperCase(s.charAt(0))).fair());
  }

  @Test
  void rerankFillsWithOthersWhenProtectedRunOut() {
    FairTopK fair = FairTopK.unadjusted(6, 0.7, 0.1);
    List<String> out = fair.rerank(List.of("a", "b", "C", "d"), s -> Character.isUpperCase(s.charAt(0)));
    assertEquals(List.of("a", "C", "b", "d"), out);
  }

  @Test
  void badParametersAreRejectedWithTheirValue() {
    assertEquals(
        "k must be in [1, 10000]: 0",
        assertThrows(IllegalArgumentException.class, () -> FairTopK.adjusted(0, 0.5, 0.1))
            .getMessage());
    assertEquals(
        "proportion must be in (0, 1): 1.0",
        assertThrows(IllegalArgumentException.class, () -> FairTopK.adjusted(10, 1, 0.1))
            .getMessage());
    assertEquals(
        "proportion must be in (0, 1): NaN",
        assertThrows(IllegalArgumentException.class, () -> FairTopK.unadjusted(10, Double.NaN, 0.1))
            .getMessage());
    assertEquals(
        "alpha must be in (0, 1): 0.0",
        assertThrows(IllegalArgumentException.class, () -> FairTopK.unadjusted(10, 0.5, 0))
            .getMessage());
    assertEquals(
        "prefix length must be in [1, 10]: 11",
        assertThrows(
                IllegalArgumentException.class,
                () -> FairTopK.unadjusted(10, 0.5, 0.1).minimumProtected(11))
            .getMessage());
  }
}
