/**
 * The criteria extension point and the built-in criteria.
 *
 * <p>A {@link io.github.koppel.matching.criteria.Criterion} evaluates one (volunteer, vacancy)
 * pair to an {@link io.github.koppel.matching.criteria.Evaluation}: a score in [0, 1], a veto or an
 * abstention, each with {@link io.github.koppel.matching.criteria.Evidence} for the explanation. The
 * built-in criteria are created by name from a {@link
 * io.github.koppel.matching.criteria.CriterionRegistry}, with {@link
 * io.github.koppel.matching.criteria.Parameters} read from a match policy; a municipality adds its
 * own criteria to a registry under a new name. Distance criteria use a {@link
 * io.github.koppel.matching.criteria.Decay}.
 *
 * <pre class="example">{@code
 * // A criterion of the municipality's own: volunteers who cycle score 1, others 0.5 unless set.
 * CriterionRegistry registry = CriterionRegistry.builtIn().with("bicycle", parameters -> {
 *   double without = parameters.number("withoutBicycle", 0.5, 0, 1);
 *   return (volunteer, vacancy, context) ->
 *       volunteer.mobility() != null && volunteer.mobility().travelMode() == TravelMode.BICYCLE
 *           ? Evaluation.score(1, Evidence.of("bicycle", LocalizedText.of("Fietst", "Cycles", "À vélo")))
 *           : Evaluation.score(without, Evidence.of("bicycle", LocalizedText.of("Geen fiets", "No bicycle", "Pas de vélo")));
 * });
 * MatchPolicy policy = MatchPolicies.inclusiveDefault().withCriterion(CriterionSpec.soft("bicycle", 0.5));
 * MatchEngine engine = MatchEngine.builder(DemoCity.bundled())
 *     .registry(registry).policy(policy).date(DemoCity.REFERENCE_DATE).build();
 * System.out.println(engine.rankVacancies("persona-amal", 3).matches().size());
 * }</pre>
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.criteria;

import org.jspecify.annotations.NullMarked;
