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
import java.util.HashMap;
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
  /**
   * What each text placed as: a counter's file names the same few hundred words again and again,
   * and placing one compares it with every label of the vocabulary. Bounded, so that a file of
   * only different words costs time, not memory.
   */
  private final Map<VocabularyKind, Map<String, Placed>> seen = new EnumMap<>(VocabularyKind.class);

  private static final int MAX_REMEMBERED = 20_000;

  /** A text's placement: the concept of the whole, or its parts, or its nearest concepts. */
  private record Placed(@Nullable ConceptMatch whole, List<String> parts, List<String> nearest) {}

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
    Placed p = placement(kind, normaliser, item);
    if (p.whole() != null) {
      placed(source, location, item, p.whole());
      return List.of(p.whole().conceptId());
    }
    if (p.parts().size() < 2) {
      unplaced(new UnplacedWord(source, location, item, p.nearest()));
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String part : p.parts()) {
      Placed q = placement(kind, normaliser, part);
      ConceptMatch m = q.whole();
      if (m == null) {
        unplaced(new UnplacedWord(source, location, part, q.nearest()));
      } else {
        placed(source, location, part, m);
        if (!ids.contains(m.conceptId())) {
          ids.add(m.conceptId());
        }
      }
    }
    return ids;
  }

  /** How a text places, remembered for the import: its concept, else its parts and nearest concepts. */
  private Placed placement(VocabularyKind kind, ConceptNormaliser normaliser, String text) {
    Map<String, Placed> remembered = seen.computeIfAbsent(kind, k -> new HashMap<>());
    Placed p = remembered.get(text);
    if (p == null) {
      ConceptMatch whole = normaliser.normalise(text);
      List<String> parts = whole != null ? List.of() : normaliser.split(text);
      // The nearest concepts are reported only for a text that is one part.
      p = new Placed(whole, parts, whole != null || parts.size() > 1 ? List.of()
          : normaliser.candidates(text, 3).stream().map(ConceptMatch::conceptId).toList());
      if (remembered.size() < MAX_REMEMBERED) {
        remembered.put(text, p);
      }
    }
    return p;
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
