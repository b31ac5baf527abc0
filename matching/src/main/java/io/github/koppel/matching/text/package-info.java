/**
 * Free-text normalisation: {@link io.github.koppel.matching.text.TalentNormaliser} maps what a
 * volunteer says at the counter ("kok", "koken", "cooking") to vocabulary concepts.
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.text;

import org.jspecify.annotations.NullMarked;
