package io.github.koppel.matching.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConstantCriterionTest {
  @Test
  void answersItsResultForEveryCandidateAndBlock() {
    CompiledCriterion veto = CompiledCriterion.constant(CompiledCriterion.VETO);
    assertEquals(CompiledCriterion.VETO, veto.evaluate(0));
    assertEquals(CompiledCriterion.VETO, veto.evaluate(1_000_000));
    double[] out = {5, 5, 5, 5};
    CompiledCriterion.constant(0.25).evaluate(10, 13, out);
    assertArrayEquals(new double[] {0.25, 0.25, 0.25, 5}, out);
    assertEquals(Double.NaN, CompiledCriterion.constant(CompiledCriterion.ABSTAIN).evaluate(7));
    assertEquals(0, CompiledCriterion.constant(0).evaluate(7));
    assertEquals(1, CompiledCriterion.constant(1).evaluate(7));
  }

  @Test
  void refusesWhatNoKernelAnswers() {
    for (double bad : new double[] {1.5, -0.5, CompiledCriterion.DEFERRED, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompiledCriterion.constant(bad));
      assertEquals("a constant result must be in [0, 1], VETO or ABSTAIN: " + bad, e.getMessage());
    }
  }
}
