/**
 * Evaluation of match policies on what happened afterwards: ranking metrics (precision, recall,
 * nDCG, reciprocal rank), concentration (Gini) and paired bootstrap intervals for comparing two
 * policies.
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.evaluation;

import org.jspecify.annotations.NullMarked;
