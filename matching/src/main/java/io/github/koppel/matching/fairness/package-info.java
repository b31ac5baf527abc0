/**
 * Fair ranking: FA*IR's ranked group fairness test, its minimum-protected tables, the correction
 * of the significance for testing every prefix, and the re-ranking algorithm.
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.fairness;

import org.jspecify.annotations.NullMarked;
