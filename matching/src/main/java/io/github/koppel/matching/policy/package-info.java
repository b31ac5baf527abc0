/**
 * Match policies as data: which criteria take part, hard (a gate) or soft (a weight), with which
 * parameters; how their scores combine; the minimum score of a match; the tie-break; the number of
 * near misses; and an optional fairness target for rankings of volunteers.
 *
 * <p>A {@link io.github.koppel.matching.policy.MatchPolicy} is an immutable value. {@link
 * io.github.koppel.matching.policy.MatchPolicies} reads it from JSON (strictly, with the location of
 * every error), writes it back and holds the bundled policies. The policy creates its own criteria
 * from a {@link io.github.koppel.matching.criteria.CriterionRegistry} with {@link
 * io.github.koppel.matching.policy.MatchPolicy#createCriteria}; an engine binds them once, with the
 * weights and gates, for both of its paths.
 *
 * <pre class="example">{@code
 * MatchPolicy ours = MatchPolicies.inclusiveDefault()
 *     .withName("ours", "2026.2")
 *     .withCriterion(CriterionSpec.soft("distance", 3))      // replaces the criterion of that name
 *     .withMinimumScore(0.4)
 *     .withTieBreak(TieBreak.NEAREST, 0);
 * String json = MatchPolicies.toJson(ours);                   // schemaVersion 1
 * MatchPolicy again = MatchPolicies.fromJson(json);
 * System.out.println(again.equals(ours) + " " + again.criterion("distance").weight());
 * }</pre>
 *
 * <p>prints {@code true 3.0}.
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.policy;

import org.jspecify.annotations.NullMarked;
