package io.github.koppel.matching.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.matching.criteria.Decay.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

final class DecayTest {
  private static final double EPS = 1e-12;

  @ParameterizedTest
  @EnumSource(Shape.class)
  void apply_atOriginWithinOffsetAndAtScale(Shape shape) {
    Decay d = Decay.of(shape, 2, 5, 1, 0.5);
    assertEquals(1, d.apply(2), EPS, "at the origin");
    assertEquals(1, d.apply(3), EPS, "at origin + offset");
    assertEquals(1, d.apply(1), EPS, "at origin - offset");
    assertEquals(0.5, d.apply(8), EPS, "at origin + offset + scale");
    assertTrue(d.apply(8.5) < 0.5, "beyond scale the score falls under decay");
  }

  @ParameterizedTest
  @CsvSource({
    // shape, x, expected: origin 0, scale 10, offset 0, decay 0.5
    "LINEAR, 5, 0.75",
    "LINEAR, 10, 0.5",
    "LINEAR, 20, 0.0",
    "LINEAR, 25, 0.0",
    "EXPONENTIAL, 10, 0.5",
    "EXPONENTIAL, 20, 0.25",
    "EXPONENTIAL, 30, 0.125",
    "GAUSSIAN, 10, 0.5",
    "GAUSSIAN, 20, 0.0625",
    "GAUSSIAN, 5, 0.8408964152537145",
  })
  void apply_knownAnswers(Shape shape, double x, double expected) {
    assertEquals(expected, Decay.of(shape, 0, 10, 0, 0.5).apply(x), 1e-9);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void apply_isNonIncreasingAwayFromTheOrigin(Shape shape) {
    Decay d = Decay.of(shape, 0, 3, 0.5, 0.3);
    double previous = 1;
    for (double x = 0; x < 40; x += 0.25) {
      double s = d.apply(x);
      assertTrue(s <= previous + EPS && s >= 0 && s <= 1, "at " + x + ": " + s);
      previous = s;
    }
  }

  @ParameterizedTest
  @CsvSource({
    "NaN, 5, 0, 0.5, origin",
    "-1, 5, 0, 0.5, origin",
    "0, 0, 0, 0.5, scale",
    "0, Infinity, 0, 0.5, scale",
    "0, 5, -1, 0.5, offset",
    "0, 5, 0, 0, decay",
    "0, 5, 0, 1, decay",
  })
  void of_badValues(double origin, double scale, double offset, double decay, String field) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Decay.of(Shape.LINEAR, origin, scale, offset, decay));
    assertTrue(e.getMessage().startsWith(field), e.getMessage());
  }

  @Test
  void apply_nonFiniteDistance() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Decay.of(Shape.GAUSSIAN, 0, 1, 0, 0.5).apply(Double.NaN));
    assertTrue(e.getMessage().contains("distance must be finite: NaN"), e.getMessage());
  }

  @Test
  void shape_elasticsearchNames() {
    assertEquals(Shape.LINEAR, Decay.shape("linear"));
    assertEquals(Shape.EXPONENTIAL, Decay.shape("exp"));
    assertEquals(Shape.GAUSSIAN, Decay.shape("gauss"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Decay.shape("cubic"));
    assertEquals("decay shape must be linear, exp or gauss: 'cubic'", e.getMessage());
  }
}
