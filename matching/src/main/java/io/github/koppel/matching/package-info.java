/**
 * The matching engine: match policies as data, rankings in both directions, explanations and near
 * misses.
 *
 * <p>Entry points: {@link io.github.koppel.matching.MatchEngine#builder} builds an engine over a
 * dataset with a {@link io.github.koppel.matching.MatchPolicy} (read with {@link
 * io.github.koppel.matching.MatchPolicies}); {@link io.github.koppel.matching.MatchEngine#rankVolunteers}
 * and {@link io.github.koppel.matching.MatchEngine#rankVacancies} return a {@link
 * io.github.koppel.matching.Ranking} of {@link io.github.koppel.matching.Match}es and {@link
 * io.github.koppel.matching.NearMiss}es; each carries a {@link
 * io.github.koppel.matching.MatchExplanation}, redacted per {@link
 * io.github.koppel.matching.Audience} and rendered by {@link
 * io.github.koppel.matching.ExplanationText}.
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching;

import org.jspecify.annotations.NullMarked;
