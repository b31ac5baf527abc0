/**
 * SKOS-like concept schemes: {@link io.github.koppel.core.vocabulary.Concept}, {@link
 * io.github.koppel.core.vocabulary.ConceptScheme} and the five schemes a municipality configures,
 * {@link io.github.koppel.core.vocabulary.Vocabularies}.
 *
 * <p>Schemes reject duplicate ids, broader ids that are not in the scheme and cycles with an {@link
 * io.github.koppel.core.InvalidDataException} that names the concept.
 *
 * <pre class="example">{@code
 * Vocabularies vocabularies = BundledData.flemishVocabularies();
 * ConceptNormaliser talents = ConceptNormaliser.withoutCategories(vocabularies.talents());
 * ConceptMatch m = talents.normalise("kookt graag");        // cooking, from an alternative label
 * System.out.println(m == null ? "not placed" : m.conceptId() + " (" + m.matchedLabel() + ")");
 * System.out.println(talents.candidates("tuinieeren", 3));   // the nearest concepts, for a counsellor
 * }</pre>
 */
@NullMarked
package io.github.koppel.core.vocabulary;

import org.jspecify.annotations.NullMarked;
