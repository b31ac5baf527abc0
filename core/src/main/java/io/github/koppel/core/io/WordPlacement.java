package io.github.koppel.core.io;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.vocabulary.ConceptMatch;
import io.github.koppel.core.vocabulary.ConceptNormaliser;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.core.vocabulary.VocabularyKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The free words of one normalising import: places each word of a talents, interests or sectors
 * list that is not a concept id, and keeps what it placed and what it could not. One instance
 * serves one import, on one thread.
 */
final class WordPlacement {
  private final Vocabularies vocabularies;
  private final Map<VocabularyKind, ConceptNormaliser> normalisers = new EnumMap<>(VocabularyKind.class);
  private final List<PlacedWord> placed = new ArrayList<>();
  private final List<UnplacedWord> unplaced = new ArrayList<>();
  private boolean truncated;

  WordPlacement(Vocabularies vocabularies) {
    this.vocabularies = vocabularies;
  }

  /**
   * Returns the concept ids an item of a list stands for: the item itself when it is an id of the
   * scheme; else the concept the whole item is placed on, or the concepts of its parts ("koken en
   * tuinieren"). A part that cannot be placed is kept as unplaced, and left out.
   */
  List<String> place(VocabularyKind kind, String item, String source, String location) {
    ConceptScheme scheme = vocabularies.scheme(kind);
    if (scheme.contains(item)) {
      return List.of(item);
    }
    ConceptNormaliser normaliser = normalisers.computeIfAbsent(kind, k -> k == VocabularyKind.TALENTS
        ? ConceptNormaliser.withoutCategories(scheme) : ConceptNormaliser.of(scheme));
    if (item.length() > ConceptNormaliser.MAX_TEXT) {
      unplaced(new UnplacedWord(source, location, item.substring(0, 100) + "...", List.of()));
      return List.of();
    }
    ConceptMatch whole = normaliser.normalise(item);
    if (whole != null) {
      placed(source, location, item, whole);
      return List.of(whole.conceptId());
    }
    List<String> parts = normaliser.split(item);
    if (parts.size() < 2) {
      unplaced(source, location, item, normaliser);
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String part : parts) {
      ConceptMatch m = normaliser.normalise(part);
      if (m == null) {
        unplaced(source, location, part, normaliser);
      } else {
        placed(source, location, part, m);
        if (!ids.contains(m.conceptId())) {
          ids.add(m.conceptId());
        }
      }
    }
    return ids;
  }

  private void unplaced(String source, String location, String word, ConceptNormaliser normaliser) {
    List<String> nearest = normaliser.candidates(word, 3).stream().map(ConceptMatch::conceptId).toList();
    unplaced(new UnplacedWord(source, location, word, nearest));
  }

  private void placed(String source, String location, String word, ConceptMatch m) {
    if (placed.size() < NormalisedImport.MAX_WORDS) {
      placed.add(new PlacedWord(source, location, word, m.conceptId(), m.matchedLabel(), m.similarity()));
    } else {
      truncated = true;
    }
  }

  private void unplaced(UnplacedWord word) {
    if (unplaced.size() < NormalisedImport.MAX_WORDS) {
      unplaced.add(word);
    } else {
      truncated = true;
    }
  }

  /** Adds every unplaced word to a check's problems, with its nearest concepts as suggestions. */
  void unplacedAsProblems(ValidationReport.Collector problems) {
    for (UnplacedWord w : unplaced) {
      if (problems.truncated()) {
        return;
      }
      problems.add(new InvalidDataException(
          w.source(), w.location(), w.word(), -1, -1, "no concept of the vocabulary for this word", null)
          .withSuggestions(w.nearest()));
    }
  }

  boolean complete() {
    return unplaced.isEmpty();
  }

  NormalisedImport result(@Nullable Dataset dataset) {
    return new NormalisedImport(dataset, placed, unplaced, truncated);
  }
}
