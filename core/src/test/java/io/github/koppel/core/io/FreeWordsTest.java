package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.core.vocabulary.VocabularyKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The free words of a form, placed as the normalising import places them. */
class FreeWordsTest {
  private static final Vocabularies VOCABULARIES = BundledData.flemishVocabularies();

  @Test
  void placesIdsLabelsNearWordsAndListsAndKeepsWhatItCannotPlace() {
    FreeWords words = FreeWords.of(VOCABULARIES, "counter form");
    assertEquals(List.of("cooking"), words.place(VocabularyKind.TALENTS, "cooking", "talent 1"));
    assertEquals(List.of(), words.placed(), "an id is no free word");
    assertEquals(List.of("cooking"), words.place(VocabularyKind.TALENTS, " kookt graag ", "talent 2"));
    PlacedWord placed = words.placed().get(0);
    assertEquals("counter form", placed.source());
    assertEquals("talent 2", placed.location());
    assertEquals("kookt graag", placed.word());
    assertEquals("cooking", placed.conceptId());
    assertEquals(List.of("cooking", "gardening"), words.place(VocabularyKind.TALENTS, "koken en tuinieren", "talent 3"));
    assertEquals(List.of("poverty"), words.place(VocabularyKind.SECTORS, "Armoedebestrijding", "interest 1"));
    assertEquals(List.of(), words.place(VocabularyKind.TALENTS, "qwxzvb", "talent 4"));
    UnplacedWord unplaced = words.unplaced().get(0);
    assertEquals("qwxzvb", unplaced.word());
    assertEquals("talent 4", unplaced.location());
    assertTrue(unplaced.nearest().size() <= 3, unplaced.nearest().toString());
  }

  @Test
  void refusesOtherVocabulariesAndBlankText() {
    FreeWords words = FreeWords.of(VOCABULARIES, "counter form");
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> words.place(VocabularyKind.TARGET_GROUPS, "nieuwkomer", "group 1"));
    assertEquals("free words are placed on talents or sectors, not on TARGET_GROUPS", kind.getMessage());
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> words.place(VocabularyKind.TALENTS, "  ", "talent 1"));
    assertEquals("the text at talent 1 is blank", blank.getMessage());
    assertEquals("FreeWords{counter form}", words.toString());
  }
}
