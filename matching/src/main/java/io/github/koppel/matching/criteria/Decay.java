package io.github.koppel.matching.criteria;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;

/**
 * A decay function of a distance, with the semantics of Elasticsearch's {@code
 * function_score} decay functions: the score is 1 within {@code offset} of {@code origin}, and
 * exactly {@code decay} at {@code origin ± (offset + scale)}.
 *
 * <p>With {@code d = max(0, |x - origin| - offset)}:
 *
 * <ul>
 *   <li>{@link Shape#LINEAR}: {@code max(0, (s - d) / s)} with {@code s = scale / (1 - decay)};
 *   <li>{@link Shape#EXPONENTIAL}: {@code exp(λ d)} with {@code λ = ln(decay) / scale};
 *   <li>{@link Shape#GAUSSIAN}: {@code exp(-d² / (2σ²))} with {@code σ² = -scale² / (2
 *       ln(decay))}.
 * </ul>
 *
 * <p>This class is immutable.
 *
 * @param shape the shape
 * @param origin the point of best fit, in km (0: at the vacancy)
 * @param scale the distance beyond the offset at which the score is {@code decay}, in km, &gt; 0
 * @param offset the distance within which the score stays 1, in km, &ge; 0
 * @param decay the score at {@code offset + scale}, in (0, 1)
 * @since 0.2
 */
public record Decay(Shape shape, double origin, double scale, double offset, double decay) {

  /** The shape of a decay function. */
  public enum Shape {
    /** Falls in a straight line and reaches 0 at {@code offset + scale / (1 - decay)}. */
    LINEAR,
    /** Falls quickly at first, with a long tail. */
    EXPONENTIAL,
    /** Stays high near the origin, then falls like a bell curve. */
    GAUSSIAN
  }

  public Decay {
    Objects.requireNonNull(shape, "shape");
    checkArgument(Double.isFinite(origin) && origin >= 0, "origin must be finite and >= 0: %s", origin);
    checkArgument(Double.isFinite(scale) && scale > 0, "scale must be finite and > 0: %s", scale);
    checkArgument(Double.isFinite(offset) && offset >= 0, "offset must be finite and >= 0: %s", offset);
    checkArgument(
        Double.isFinite(decay) && decay > 0 && decay < 1, "decay must be in (0, 1): %s", decay);
  }

  /**
   * Returns a decay function.
   *
   * @param shape the shape
   * @param origin the point of best fit
   * @param scale the distance beyond the offset at which the score is {@code decay}
   * @param offset the distance within which the score stays 1
   * @param decay the score at {@code offset + scale}
   * @return the function
   * @throws IllegalArgumentException if a value is out of range
   */
  public static Decay of(Shape shape, double origin, double scale, double offset, double decay) {
    return new Decay(shape, origin, scale, offset, decay);
  }

  /**
   * Parses a shape name: {@code linear}, {@code exp} or {@code gauss} (the Elasticsearch names),
   * or a constant name.
   *
   * @param name the name
   * @return the shape
   * @throws IllegalArgumentException if the name is unknown
   */
  public static Shape shape(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "linear" -> Shape.LINEAR;
      case "exp", "exponential" -> Shape.EXPONENTIAL;
      case "gauss", "gaussian" -> Shape.GAUSSIAN;
      default ->
          throw new IllegalArgumentException(
              "decay shape must be linear, exp or gauss: '" + name + "'");
    };
  }

  /**
   * Returns the score of a distance.
   *
   * @param x the distance, in km
   * @return the score in [0, 1]
   * @throws IllegalArgumentException if {@code x} is not finite
   */
  public double apply(double x) {
    checkArgument(Double.isFinite(x), "distance must be finite: %s", x);
    double d = Math.max(0, Math.abs(x - origin) - offset);
    if (d == 0) {
      return 1;
    }
    double score =
        switch (shape) {
          case LINEAR -> {
            double s = scale / (1 - decay);
            yield Math.max(0, (s - d) / s);
          }
          case EXPONENTIAL -> Math.exp(Math.log(decay) / scale * d);
          case GAUSSIAN -> {
            double sigmaSquared = -scale * scale / (2 * Math.log(decay));
            yield Math.exp(-d * d / (2 * sigmaSquared));
          }
        };
    return Math.min(1, Math.max(0, score));
  }
}
