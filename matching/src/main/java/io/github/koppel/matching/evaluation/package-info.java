/**
 * Evaluation of match policies on what happened afterwards: ranking metrics (precision, recall,
 * nDCG, reciprocal rank), concentration (Gini), exposure per target group, paired bootstrap
 * intervals for comparing policies, replay of a history, tuning and the HTML report.
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.evaluation;

import org.jspecify.annotations.NullMarked;
