package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.testdata.DomainArbitraries;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.ConceptMatch;
import io.github.koppel.core.vocabulary.ConceptNormaliser;
import io.github.koppel.core.vocabulary.ConceptScheme;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The normalising import changes nothing that is already a concept id (#14, item 5). */
final class NormalisedImportProperties {
  private static final KoppelJson JSON = KoppelJson.create();

  @Property(tries = 200)
  void aDatasetOfIdsReadsTheSameNormalisingOrNot(@ForAll("datasets") Dataset city) throws IOException {
    Path file = Files.createTempFile("city", ".json");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        JSON.writeDataset(city, out);
      }
      NormalisedImport result = JSON.readDatasetNormalising(file);
      assertEquals(JSON.readDataset(file), result.dataset().orElseThrow());
      assertTrue(result.placed().isEmpty(), result.placed().toString());
      assertTrue(result.unplaced().isEmpty(), result.unplaced().toString());
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<Dataset> datasets() {
    return DomainArbitraries.datasets();
  }

  @Test
  void everyLabelOfATalentIsPlacedOnItsOwnConcept() {
    ConceptScheme talents = BundledData.flemishVocabularies().talents();
    ConceptNormaliser normaliser = ConceptNormaliser.withoutCategories(talents);
    for (Concept c : talents.concepts()) {
      if (c.broader().isEmpty()) {
        continue;
      }
      for (String label : c.label().texts().values()) {
        ConceptMatch m = normaliser.normalise(label);
        assertEquals(c.id(), m == null ? null : m.conceptId(), label);
      }
    }
  }

  @Test
  void everyLabelOfASectorIsPlacedOnItsOwnConcept() {
    ConceptScheme sectors = BundledData.flemishVocabularies().sectors();
    ConceptNormaliser normaliser = ConceptNormaliser.of(sectors);
    for (Concept c : sectors.concepts()) {
      for (String label : c.label().texts().values()) {
        ConceptMatch m = normaliser.normalise(label);
        assertEquals(c.id(), m == null ? null : m.conceptId(), label);
      }
    }
  }
}
