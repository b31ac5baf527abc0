package io.github.koppel.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Volunteer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class DemoCityTest {
  private static final KoppelJson JSON = KoppelJson.create();

  @Test
  void generate_isDeterministicForASeed() {
    assertEquals(DemoCity.generate(7, 200, 30, 40), DemoCity.generate(7, 200, 30, 40));
    assertNotEquals(DemoCity.generate(7, 200, 30, 40), DemoCity.generate(8, 200, 30, 40));
  }

  @Test
  void generate_defaultSizes() {
    Dataset city = DemoCity.generate(DemoCity.DEFAULT_SEED);
    assertEquals(DemoCity.DEFAULT_ORGANISATIONS, city.organisations().size());
    assertEquals(DemoCity.DEFAULT_VACANCIES, city.vacancies().size());
    assertEquals(
        DemoCity.DEFAULT_VOLUNTEERS + Personas.all().size(), city.volunteers().size());
    assertNotNull(city.volunteer("persona-amal"));
  }

  @Test
  void generate_usesOnlyVocabularyIds() {
    BundledData.flemishVocabularies().validate(DemoCity.generate(3, 2000, 100, 300));
  }

  @Test
  void generate_reflectsTheCounterPopulation() {
    Dataset city = DemoCity.generate(11, 5000, 50, 50);
    long practisingDutch =
        city.volunteers().stream()
            .filter(v -> v.language("nl") != null && v.language("nl").wantsToPractise())
            .count();
    long onBenefits = city.volunteers().stream().filter(v -> !v.benefits().isEmpty()).count();
    long withNeeds = city.volunteers().stream().filter(v -> !v.supportNeeds().isEmpty()).count();
    long unemployed =
        city.volunteers().stream().filter(v -> v.benefits().contains(BenefitStatus.UNEMPLOYMENT)).count();
    assertInRange("practising Dutch", practisingDutch / 5000.0, 0.22, 0.38);
    assertInRange("on benefits", onBenefits / 5000.0, 0.25, 0.45);
    assertInRange("unemployed", unemployed / 5000.0, 0.12, 0.25);
    assertInRange("with support needs", withNeeds / 5000.0, 0.08, 0.25);
  }

  private static void assertInRange(String what, double share, double low, double high) {
    assertTrue(share >= low && share <= high, what + " share " + share + " not in [" + low + ", " + high + "]");
  }

  @Test
  void generate_rejectsBadSizes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DemoCity.generate(1, -1, 10, 10));
    assertTrue(e.getMessage().contains("volunteers"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DemoCity.generate(1, 10, 0, 10));
    assertTrue(e.getMessage().contains("organisations"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DemoCity.generate(1, 10, 10, -5));
    assertTrue(e.getMessage().contains("vacancies"), e.getMessage());
  }

  @Test
  void neighbourhoodCentre_unknown() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DemoCity.neighbourhoodCentre("Atlantis"));
    assertTrue(e.getMessage().contains("Atlantis"), e.getMessage());
  }

  /**
   * The bundled JSON must be exactly what the generator makes. After changing the generator, run
   * {@code mvn -pl core test -Dtest=DemoCityTest -Dkoppel.regenerateDemo=true} to rewrite it.
   */
  @Test
  void bundled_isTheGeneratedDefaultCity() throws IOException {
    String expected = JSON.toJson(DemoCity.generate(DemoCity.DEFAULT_SEED));
    if (Boolean.getBoolean("koppel.regenerateDemo")) {
      Path file = Path.of("src/main/resources" + DemoCity.BUNDLED_RESOURCE);
      Files.writeString(file, expected, StandardCharsets.UTF_8);
      fail("rewrote " + file.toAbsolutePath() + "; rebuild and run the tests again without the property");
    }
    String actual;
    try (InputStream in = DemoCity.class.getResourceAsStream(DemoCity.BUNDLED_RESOURCE)) {
      assertNotNull(in, "the bundled dataset is missing");
      actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(
        expected.equals(actual),
        "the bundled dataset is stale; run mvn -pl core test -Dtest=DemoCityTest -Dkoppel.regenerateDemo=true");
  }

  @Test
  void bundled_loadsAndEqualsTheGenerator() {
    Dataset bundled = DemoCity.bundled();
    assertEquals(DemoCity.generate(DemoCity.DEFAULT_SEED), bundled);
    for (Persona persona : Personas.all()) {
      Volunteer v = bundled.volunteer(persona.id());
      assertEquals(persona.volunteer(), v);
    }
  }
}
