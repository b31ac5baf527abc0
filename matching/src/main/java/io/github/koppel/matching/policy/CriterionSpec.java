package io.github.koppel.matching.policy;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One criterion of a {@link MatchPolicy}: its name in the policy, its type in the criterion
 * registry, whether it is a gate, its weight, and its parameters.
 *
 * <p>A {@link Mode#HARD} criterion is a gate: a veto, or a score below {@code minimum}, removes the
 * pair from the ranking and makes it a near miss. A {@link Mode#SOFT} criterion never removes a
 * pair; its veto counts as a score of 0. Either kind adds to the score with its weight; a weight of
 * 0 makes a pure gate. A hard or soft criterion that abstains neither blocks nor scores: it is left
 * out of the weighted mean. A {@link Mode#BONUS} criterion is a wish: it always takes part with its
 * weight, and its abstention (the volunteer stated nothing, or gave no consent) scores 0, so that a
 * wish the vacancy does not meet weighs exactly as silence and a wish can count for a match but
 * never against it; under the weighted geometric mean it counts as a soft criterion.
 *
 * <p>This class is immutable; the {@code with} methods return new instances.
 *
 * @param name the name in the policy, unique within it; names the gate in near misses
 * @param type the criterion type, such as {@code language}
 * @param mode hard (a gate), soft or bonus (a wish)
 * @param weight the weight, finite and &ge; 0
 * @param minimum for a hard criterion, the lowest score that passes the gate, in [0, 1]
 * @param parameters the type's parameters: numbers (as {@link Double}), booleans or strings
 * @since 0.2
 */
public record CriterionSpec(
    String name,
    String type,
    Mode mode,
    double weight,
    double minimum,
    Map<String, Object> parameters) {

  static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9_-]{0,63}");

  /** Whether a criterion is a gate. */
  public enum Mode {
    /** A gate: a veto or a score below the minimum removes the pair. */
    HARD,
    /** A preference: it adds to the score with its weight; an abstention leaves it out. */
    SOFT,
    /**
     * A wish: it adds to the score with its weight, and an abstention counts as a score of 0, so
     * that stating a wish never lowers a score below silence. Under the weighted geometric mean,
     * where a 0 would make the whole score 0, it counts as {@link #SOFT}.
     *
     * @since 0.2
     */
    BONUS
  }

  public CriterionSpec {
    Objects.requireNonNull(name, "name");
    checkArgument(
        NAME.matcher(name).matches(),
        "name must start with a lower-case letter and hold letters, digits, _ or -: '%s'",
        name);
    Objects.requireNonNull(type, "type");
    checkArgument(!type.isBlank(), "type of criterion (%s) must not be blank", name);
    Objects.requireNonNull(mode, "mode");
    checkArgument(
        Double.isFinite(weight) && weight >= 0,
        "The weight (%s) of criterion (%s) must be finite and >= 0.",
        weight,
        name);
    checkArgument(
        Double.isFinite(minimum) && minimum >= 0 && minimum <= 1,
        "The minimum (%s) of criterion (%s) must be in [0, 1].",
        minimum,
        name);
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : Objects.requireNonNull(parameters, "parameters").entrySet()) {
      Object value = Objects.requireNonNull(e.getValue(), "parameters." + e.getKey());
      checkArgument(
          value instanceof Number || value instanceof Boolean || value instanceof String,
          "parameter %s of criterion (%s) must be a number, a boolean or a string: %s",
          e.getKey(),
          name,
          value);
      copy.put(e.getKey(), value instanceof Number n ? (Object) n.doubleValue() : value);
    }
    parameters = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns a soft criterion named after its type, without parameters.
   *
   * @param type the type
   * @param weight the weight
   * @return the criterion
   */
  public static CriterionSpec soft(String type, double weight) {
    return new CriterionSpec(type, type, Mode.SOFT, weight, 0, Map.of());
  }

  /**
   * Returns a hard criterion named after its type, without parameters, with minimum 0 (only a
   * veto blocks).
   *
   * @param type the type
   * @param weight the weight
   * @return the criterion
   */
  public static CriterionSpec hard(String type, double weight) {
    return new CriterionSpec(type, type, Mode.HARD, weight, 0, Map.of());
  }

  /**
   * Returns whether this criterion is a gate.
   *
   * @return whether the mode is {@link Mode#HARD}
   */
  public boolean isHard() {
    return mode == Mode.HARD;
  }

  /**
   * Returns whether this criterion is a wish whose abstention counts as 0.
   *
   * @return whether the mode is {@link Mode#BONUS}
   * @since 0.2
   */
  public boolean isBonus() {
    return mode == Mode.BONUS;
  }

  /**
   * Returns a copy with another name.
   *
   * @param name the name
   * @return the copy
   */
  public CriterionSpec withName(String name) {
    return new CriterionSpec(name, type, mode, weight, minimum, parameters);
  }

  /**
   * Returns a copy with another weight.
   *
   * @param weight the weight
   * @return the copy
   */
  public CriterionSpec withWeight(double weight) {
    return new CriterionSpec(name, type, mode, weight, minimum, parameters);
  }

  /**
   * Returns a copy with another mode.
   *
   * @param mode the mode
   * @return the copy
   */
  public CriterionSpec withMode(Mode mode) {
    return new CriterionSpec(name, type, mode, weight, minimum, parameters);
  }

  /**
   * Returns a copy with another minimum.
   *
   * @param minimum the minimum
   * @return the copy
   */
  public CriterionSpec withMinimum(double minimum) {
    return new CriterionSpec(name, type, mode, weight, minimum, parameters);
  }

  /**
   * Returns a copy with one parameter set.
   *
   * @param parameter the parameter's name
   * @param value a number, a boolean or a string
   * @return the copy
   */
  public CriterionSpec withParameter(String parameter, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(parameters);
    copy.put(Objects.requireNonNull(parameter, "parameter"), value);
    return new CriterionSpec(name, type, mode, weight, minimum, copy);
  }
}
