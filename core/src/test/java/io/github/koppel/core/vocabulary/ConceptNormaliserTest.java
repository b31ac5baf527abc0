package io.github.koppel.core.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.BundledData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ConceptNormaliserTest {
  private static final ConceptNormaliser TALENTS = ConceptNormaliser.of(BundledData.flemishVocabularies().talents());

  @ParameterizedTest
  @CsvSource({
    "kok, cooking",
    "koken, cooking",
    "Cooking, cooking",
    "KOKEN, cooking",
    "cuisinière, cooking",
    "cuisiniere, cooking",
    "kookt graag, cooking",
    "moestuin, gardening",
    "tuinieren, gardening",
    "tuinier, gardening",
    "fietsen herstellen, bicycle_repair",
    "fietsherstelling, bicycle_repair",
    "EHBO, first_aid",
    "huiswerkbegeleiding, tutoring",
    "taalcoach, language_coaching",
    "xyzzy, ",
  })
  void normalise_knownAnswers(String text, String conceptId) {
    ConceptMatch m = TALENTS.normalise(text);
    if (conceptId == null) {
      assertNull(m, text + " -> " + m);
    } else {
      assertEquals(conceptId, m == null ? null : m.conceptId(), text + " -> " + TALENTS.candidates(text, 3));
    }
  }

  @Test
  void normalise_misspellingWithinThreshold() {
    ConceptMatch m = TALENTS.normalise("tuinieeren");
    assertEquals("gardening", m.conceptId());
    assertTrue(m.similarity() >= ConceptNormaliser.DEFAULT_THRESHOLD && m.similarity() < 1);
    assertNull(TALENTS.withThreshold(0.99).normalise("tuinieeren"));
  }

  @Test
  void normaliseAll_splitsAListOfTalents() {
    List<String> ids =
        TALENTS.normaliseAll("kok, tuinieren en fietsen herstellen; kok").stream().map(ConceptMatch::conceptId).toList();
    assertEquals(List.of("cooking", "gardening", "bicycle_repair"), ids);
  }

  @Test
  void candidates_sortedBySimilarity() {
    List<ConceptMatch> c = TALENTS.candidates("bakker", 3);
    assertEquals("baking", c.get(0).conceptId());
    assertEquals(1, c.get(0).similarity());
    assertTrue(c.get(1).similarity() <= c.get(0).similarity());
    assertEquals(List.of(), TALENTS.candidates("  !! ", 3));
  }

  @Test
  void categoriesArePlacedUnlessLeftOut() {
    var talents = BundledData.flemishVocabularies().talents();
    assertEquals("care_support", ConceptNormaliser.of(talents).normalise("Zorg en ondersteuning").conceptId());
    ConceptMatch withoutCategories = ConceptNormaliser.withoutCategories(talents).normalise("Zorg en ondersteuning");
    assertTrue(withoutCategories == null || !withoutCategories.conceptId().equals("care_support"), String.valueOf(withoutCategories));
    assertTrue(ConceptNormaliser.withoutCategories(talents).candidates("Zorg en ondersteuning", 80).stream()
        .noneMatch(m -> m.conceptId().equals("care_support")));
  }

  @ParameterizedTest
  @CsvSource({
    "voorlezen aan kinderen, reading_aloud",
    "jouer avec les enfants, games_play",
    "ik help graag oudere mensen met hun gsm, digital_help",
    "keukenhulp, cooking",
    "schilderwerken, painting_decorating",
    "ik lees graag voor, reading_aloud",
    "herstellen, repairs",
    "hairdressing, ",
    "vissen, ",
  })
  void phrases_activityComplementCompoundsAndForms(String text, String conceptId) {
    ConceptMatch m = ConceptNormaliser.withoutCategories(BundledData.flemishVocabularies().talents()).normalise(text);
    assertEquals(conceptId, m == null ? null : m.conceptId(), text + " -> " + m);
  }

  @Test
  void split_likeNormaliseAll() {
    assertEquals(List.of("kok", "tuinieren", "fietsen herstellen"), TALENTS.split("kok, tuinieren en fietsen herstellen"));
    assertEquals(List.of(), TALENTS.split(" ; , "));
    assertThrows(IllegalArgumentException.class, () -> TALENTS.split("a".repeat(1001)));
  }

  @Test
  void badInput() {
    IllegalArgumentException threshold = assertThrows(IllegalArgumentException.class, () -> TALENTS.withThreshold(0));
    assertEquals("threshold must be in (0, 1]: 0.0", threshold.getMessage());
    IllegalArgumentException limit = assertThrows(IllegalArgumentException.class, () -> TALENTS.candidates("kok", 0));
    assertEquals("limit must be >= 1: 0", limit.getMessage());
    IllegalArgumentException longText = assertThrows(IllegalArgumentException.class, () -> TALENTS.normalise("a".repeat(1001)));
    assertEquals("text must be at most 1000 characters: 1001 characters given", longText.getMessage());
    assertThrows(NullPointerException.class, () -> TALENTS.normalise(null));
  }
}
