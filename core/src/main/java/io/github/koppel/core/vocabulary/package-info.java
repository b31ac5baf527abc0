/**
 * SKOS-like concept schemes: {@link io.github.koppel.core.vocabulary.Concept}, {@link
 * io.github.koppel.core.vocabulary.ConceptScheme} and the five schemes a municipality configures,
 * {@link io.github.koppel.core.vocabulary.Vocabularies}.
 *
 * <p>Schemes reject duplicate ids, broader ids that are not in the scheme and cycles with an {@link
 * io.github.koppel.core.InvalidDataException} that names the concept.
 */
@NullMarked
package io.github.koppel.core.vocabulary;

import org.jspecify.annotations.NullMarked;
