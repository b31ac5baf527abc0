/**
 * The matching engine: match policies as data, rankings in both directions, explanations and near
 * misses.
 *
 * <p>Entry points: {@link io.github.koppel.matching.MatchEngine#builder} builds an engine over a
 * dataset with a {@link io.github.koppel.matching.policy.MatchPolicy} (read with {@link
 * io.github.koppel.matching.policy.MatchPolicies}); {@link io.github.koppel.matching.MatchEngine#rankVolunteers}
 * and {@link io.github.koppel.matching.MatchEngine#rankVacancies} return a {@link
 * io.github.koppel.matching.Ranking} of {@link io.github.koppel.matching.Match}es and {@link
 * io.github.koppel.matching.NearMiss}es; each carries a {@link
 * io.github.koppel.matching.MatchExplanation}, redacted per {@link
 * io.github.koppel.matching.Audience} and rendered by {@link
 * io.github.koppel.matching.ExplanationText}.
 *
 * <pre class="example">{@code
 * MatchPolicy policy = MatchPolicies.inclusiveDefault();   // or MatchPolicies.read(Path.of("ours.json"))
 * MatchEngine engine = MatchEngine.builder(DemoCity.bundled())
 *     .policy(policy.withMinimumScore(0.3))
 *     .date(DemoCity.REFERENCE_DATE)
 *     .build();
 * // An organisation sees its candidates ranked without the factors volunteers shared with the counter.
 * Ranking candidates = engine.rankVolunteers("vac-0077", 10, Audience.ORGANISATION);
 * for (Match m : candidates.matches()) {
 *   System.out.println(m.rank() + ". " + m.volunteerId());
 * }
 * // A counsellor sees why, and what would change a near miss.
 * Ranking forAmal = engine.rankVacancies("persona-amal", 3, Audience.COUNSELLOR);
 * for (NearMiss n : forAmal.nearMisses()) {
 *   System.out.println(ExplanationText.render(n.explanation(), Audience.COUNSELLOR, "nl"));
 * }
 * }</pre>
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching;

import org.jspecify.annotations.NullMarked;
