package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One aspect of a match: evaluates a (volunteer, vacancy) pair to a score in [0, 1], a veto with a
 * reason, or an abstention, with evidence for the explanation.
 *
 * <p>The contract of an implementation:
 *
 * <ul>
 *   <li><b>Range.</b> A score is finite and in [0, 1], 1 being the best fit. {@link Evaluation}
 *       enforces this when it is created.
 *   <li><b>Determinism.</b> The same pair and context give the same evaluation, on every call and
 *       on every thread; no clock, no randomness, no mutable state.
 *   <li><b>Thread safety.</b> The engine calls one instance from many threads at once.
 *   <li><b>Consent.</b> A criterion that uses a sensitive fact (ability, support needs, target
 *       groups, benefit status, background check) checks {@link Volunteer#mayUse} for {@link
 *       io.github.koppel.core.model.ConsentPurpose#MATCHING} and abstains without it, declares the
 *       category in {@link #sensitiveCategories()}, and marks evidence that reveals the fact with
 *       its category so that explanations can be redacted per audience.
 *   <li><b>No null.</b> It returns an evaluation, never {@code null}, and throws nothing for valid
 *       domain objects.
 * </ul>
 *
 * <p>The engine wraps every criterion with {@link #checked}, so a breach fails loudly with the
 * criterion's name and the pair instead of corrupting a ranking. Criteria need not be symmetric:
 * there is one volunteer and one vacancy.
 *
 * <pre>{@code
 * Criterion bicycle = (volunteer, vacancy, context) ->
 *     volunteer.mobility() != null && volunteer.mobility().travelMode() == TravelMode.BICYCLE
 *         ? Evaluation.score(1, Evidence.of("bicycle", LocalizedText.of("Fietst", "Cycles", "À vélo")))
 *         : Evaluation.score(0.5, Evidence.of("bicycle", LocalizedText.of("Fietst niet", "No bicycle", "Pas de vélo")));
 * CriterionRegistry registry = CriterionRegistry.builtIn().with("bicycle", parameters -> bicycle);
 * }</pre>
 *
 * @since 0.2
 */
@FunctionalInterface
public interface Criterion {

  /**
   * Evaluates a pair.
   *
   * @param volunteer the volunteer
   * @param vacancy the vacancy
   * @param context the vocabularies, legal rules, day of the match and organisations
   * @return the evaluation, never {@code null}
   */
  Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context);

  /**
   * Returns the categories of sensitive facts this criterion uses. An explanation shows such a
   * criterion to an organisation only as part of the private factors.
   *
   * @return the categories; empty by default
   */
  default Set<SensitiveCategory> sensitiveCategories() {
    return Set.of();
  }

  /**
   * Returns the fields of a volunteer this criterion reads, besides the id, so that data
   * minimisation keeps exactly what matching uses. A criterion must give the same evaluation for
   * two volunteers that agree on these fields (and on the consents for their categories).
   *
   * @return the fields; by default every field, which keeps a volunteer whole
   * @since 0.2
   */
  default Set<VolunteerField> fieldsRead() {
    return EnumSet.allOf(VolunteerField.class);
  }

  /**
   * Creates a built-in criterion by type name, such as {@code language} or {@code distance}.
   *
   * @param type the type name; see {@link CriterionRegistry#builtIn()}
   * @param parameters its parameters; values are numbers, booleans or strings
   * @return the criterion, checked by {@link #checked}
   * @throws IllegalArgumentException if the type is unknown or a parameter is unknown or invalid
   */
  static Criterion builtIn(String type, Map<String, ?> parameters) {
    return CriterionRegistry.builtIn().create(type, Parameters.of(parameters));
  }

  /**
   * Wraps a criterion so that a breach of the contract fails loudly: a {@code null} evaluation or
   * an exception becomes an {@link IllegalStateException} naming the criterion and the pair.
   * Wrapping a checked criterion again returns it unchanged.
   *
   * @param name the name of the criterion in messages
   * @param criterion the criterion
   * @return the checked criterion
   */
  static Criterion checked(String name, Criterion criterion) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(criterion, "criterion");
    if (criterion instanceof CheckedCriterion c && c.name().equals(name)) {
      return c;
    }
    return new CheckedCriterion(name, criterion);
  }
}
