package io.github.koppel.matching.criteria;

/**
 * Creates a criterion from its parameters; registered under a type name in a {@link
 * CriterionRegistry}.
 *
 * <p>A factory reads every parameter it knows from {@link Parameters} (with its default and range)
 * and must be thread-safe. It is called once per policy, not per pair.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface CriterionFactory {

  /**
   * Creates a criterion.
   *
   * @param parameters the parameters from the policy
   * @return the criterion
   * @throws io.github.koppel.core.InvalidDataException if a parameter is invalid
   */
  Criterion create(Parameters parameters);
}
