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
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.criteria;

import org.jspecify.annotations.NullMarked;
