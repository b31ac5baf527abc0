package io.github.koppel.core.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.LocalizedText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ConceptSchemeTest {
  private static final LocalizedText T = LocalizedText.of("nl", "x");

  private static Concept c(String id, String... broader) {
    return Concept.of(id, LocalizedText.of(id, id, id), Set.of(broader));
  }

  @Test
  void of_duplicateId() {
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> ConceptScheme.of("s", T, List.of(c("a"), c("a"))));
    assertEquals("$.concepts[1].id", e.path());
    assertEquals("a", e.value());
    assertTrue(e.getMessage().contains("duplicate concept id"), e.getMessage());
  }

  @Test
  void of_danglingBroader() {
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> ConceptScheme.of("s", T, List.of(c("a", "ghost"))));
    assertEquals("$.concepts[0].broader", e.path());
    assertEquals("ghost", e.value());
  }

  @Test
  void of_cycle() {
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class,
            () -> ConceptScheme.of("s", T, List.of(c("a", "c"), c("b", "a"), c("c", "b"))));
    assertTrue(e.getMessage().contains("has a cycle"), e.getMessage());
    assertTrue(e.getMessage().matches("(?s).*(a -> c -> b -> a|c -> b -> a -> c|b -> a -> c -> b).*"), e.getMessage());
  }

  @Test
  void concept_selfBroader() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c("a", "a"));
    assertTrue(e.getMessage().contains("must not be its own broader concept"), e.getMessage());
  }

  @Test
  void of_deepChainDoesNotOverflow() {
    Concept[] chain = new Concept[3_000];
    chain[0] = c("n0");
    for (int i = 1; i < chain.length; i++) {
      chain[i] = c("n" + i, "n" + (i - 1));
    }
    ConceptScheme s = ConceptScheme.of("deep", T, List.of(chain));
    assertEquals(2_999, s.stepsUp("n2999", "n0"));
  }

  @Test
  void ancestors_inADag() {
    ConceptScheme s = ConceptScheme.of("s", T, List.of(c("root"), c("mid", "root"), c("other"), c("leaf", "mid", "other")));
    assertEquals(Map.of("mid", 1, "other", 1, "root", 2), s.ancestors("leaf"));
    assertEquals(2, s.stepsUp("leaf", "root"));
    assertEquals(0, s.stepsUp("leaf", "leaf"));
    assertEquals(-1, s.stepsUp("root", "leaf"));
    assertEquals(Set.of("mid"), s.narrower("root"));
    assertEquals(2, s.indexOf("other"));
    assertEquals(-1, s.indexOf("nope"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.ancestors("nope"));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
  }

  @Test
  void flemishDefaults_sizesAndLabels() {
    Vocabularies v = BundledData.flemishVocabularies();
    assertTrue(v.talents().size() >= 60, "talents: " + v.talents().size());
    assertTrue(v.sectors().size() >= 15, "sectors: " + v.sectors().size());
    assertTrue(v.functionalDimensions().size() >= 12, "dimensions: " + v.functionalDimensions().size());
    assertTrue(v.accommodations().size() >= 15, "accommodations: " + v.accommodations().size());
    assertTrue(v.targetGroups().size() >= 8, "target groups: " + v.targetGroups().size());
    for (VocabularyKind kind : VocabularyKind.values()) {
      for (Concept concept : v.scheme(kind).concepts()) {
        for (String language : List.of("nl", "en", "fr")) {
          assertTrue(concept.label().has(language), kind + " " + concept.id() + " lacks " + language);
        }
      }
    }
    assertEquals(1, v.talents().stepsUp("cooking", "hospitality_food"));
    assertEquals(Set.of("education_coaching", "languages_interpreting"), v.talents().concept("language_coaching").broader());
    assertTrue(v.talents().concept("cooking").altLabels().contains("kok"));
  }

  /** The concepts a Mechelen counter's morning needed, and ESCO skills for the talents (#14). */
  @Test
  void bundledVocabulariesHoldTheCountersConceptsAndEscoSkills() {
    Vocabularies v = BundledData.flemishVocabularies();
    assertEquals(Set.of("bicycle_repair", "appliance_repair", "computer_repair"),
        Set.copyOf(v.talents().concepts().stream().filter(c -> c.broader().contains("repairs")).map(Concept::id).toList()));
    assertEquals("Spel en spelbegeleiding", v.talents().concept("games_play").label().in("nl"));
    assertEquals("Helpdesk et permanence téléphonique", v.talents().concept("helpdesk_phone").label().in("fr"));
    assertEquals("Circular economy", v.sectors().concept("circular_economy").label().in("en"));
    assertTrue(v.accommodations().concept("step_free_access").placeBound());
    assertEquals("Eenvoudige mondelinge uitleg", v.accommodations().concept("simple_spoken_instructions").label().in("nl"));
    assertTrue(v.targetGroups().contains("civic_integration"));
    List<Concept> withEsco = v.talents().concepts().stream().filter(c -> c.externalUri() != null).toList();
    assertEquals(23, withEsco.size());
    for (Concept c : withEsco) {
      assertTrue(c.externalUri().toString().matches("http://data\\.europa\\.eu/esco/skill/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"),
          c.id() + ": " + c.externalUri());
    }
    assertEquals("http://data.europa.eu/esco/skill/19858dd3-a5fe-4855-b644-6ecfefd1c384",
        v.talents().concept("carpentry").externalUri().toString());
  }
}
