/**
 * Fair ranking: FA*IR's ranked group fairness test, its minimum-protected tables, the correction
 * of the significance for testing every prefix, and the re-ranking algorithm.
 *
 * <pre class="example">{@code
 * // At least 30 % of every top-k prefix from the protected group, tested at alpha 0.1 overall.
 * FairTopK fair = FairTopK.adjusted(10, 0.3, 0.1);
 * List<String> ranking = List.of("a", "b", "c", "d", "e", "f", "g", "h", "x", "y");
 * Set<String> newcomers = Set.of("x", "y");
 * FairTopK.Outcome outcome = fair.test(ranking, newcomers::contains);
 * List<String> reranked = fair.rerank(ranking, newcomers::contains);
 * System.out.println(outcome.fair() + " " + reranked);
 * }</pre>
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.fairness;

import org.jspecify.annotations.NullMarked;
