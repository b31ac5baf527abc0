/**
 * Evaluation of match policies on what happened afterwards: ranking metrics (precision, recall,
 * nDCG, reciprocal rank), concentration (Gini), exposure per target group, paired bootstrap
 * intervals for comparing policies, replay of a history, tuning and the HTML report.
 *
 * <pre class="example">{@code
 * Dataset city = DemoCity.bundled();
 * MatchEngine engine = MatchEngine.builder(city).date(DemoCity.REFERENCE_DATE).build();
 * // A synthetic history to try the measures on; a municipality replays its recorded outcomes.
 * History history = SyntheticHistory.generate(engine, 0.3, 7);
 * Evaluator evaluator = Evaluator.of(city, history, DemoCity.REFERENCE_DATE);
 * for (MatchPolicy p : List.of(MatchPolicies.inclusiveDefault(), MatchPolicies.volunteerWishes())) {
 *   PolicyEvaluation e = evaluator.evaluate(p, 10);
 *   System.out.println(e.policy() + ": nDCG@10 " + e.mean("ndcg") + ", recall@10 " + e.mean("recall"));
 * }
 * }</pre>
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.evaluation;

import org.jspecify.annotations.NullMarked;
