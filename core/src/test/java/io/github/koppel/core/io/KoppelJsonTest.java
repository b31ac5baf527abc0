package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.testdata.Testdata;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class KoppelJsonTest {
  private final KoppelJson json = KoppelJson.create();

  private static String dataset(String volunteers) {
    return "{\"schemaVersion\": 1, \"organisations\": [], \"vacancies\": [], \"volunteers\": [" + volunteers + "]}";
  }

  private InvalidDataException readBad(String text) {
    return assertThrows(
        InvalidDataException.class,
        () -> json.readDataset(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "bad.json"));
  }

  @Test
  void readDataset_minimalDocument() {
    Dataset d = json.fromJson(dataset("{\"id\": \"v1\"}"), Dataset.class);
    Volunteer v = d.volunteer("v1");
    assertEquals(List.of(), v.languages());
    assertTrue(v.consents().isEmpty());
  }

  @Test
  void readDataset_unknownField() {
    InvalidDataException e = readBad(dataset("{\"id\": \"v1\", \"langauges\": []}"));
    assertEquals("$.volunteers[0].langauges", e.path());
    assertEquals("langauges", e.value());
    assertEquals("bad.json", e.source());
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("unknown field 'langauges'"), e.getMessage());
    assertTrue(e.getMessage().contains("languages"), "lists the known fields: " + e.getMessage());
  }

  @Test
  void readDataset_badEnumValue() {
    InvalidDataException e =
        readBad(dataset("{\"id\": \"v1\",\n \"languages\": [{\"language\": \"nl\", \"level\": \"B3\"}]}"));
    assertEquals("$.volunteers[0].languages[0].level", e.path());
    assertEquals("B3", e.value());
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("A1, A2, B1, B2, C1, C2"), e.getMessage());
  }

  @Test
  void readDataset_valueOutOfRange() {
    InvalidDataException e =
        readBad(dataset("{\"id\": \"v1\", \"home\": {\"latitude\": 91, \"longitude\": 3.7}}"));
    assertEquals("$.volunteers[0].home.latitude", e.path());
    assertEquals("91.0", e.value());
    assertTrue(e.getMessage().contains("latitude must be a finite number in [-90.0, 90.0]: 91.0"), e.getMessage());
  }

  @Test
  void readDataset_nanCoordinateIsRejected() {
    InvalidDataException e =
        readBad(dataset("{\"id\": \"v1\", \"home\": {\"latitude\": NaN, \"longitude\": 3.7}}"));
    assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
  }

  @Test
  void readDataset_missingRequiredNumber() {
    String text =
        "{\"schemaVersion\": 1, \"organisations\": [{\"id\": \"o\", \"name\": \"O\", \"legalForm\": \"FOUNDATION\"}],"
            + " \"vacancies\": [{\"id\": \"x\", \"organisationId\": \"o\", \"title\": {\"nl\": \"T\"},"
            + " \"schedule\": {\"regularity\": \"REGULAR\"}, \"workMode\": \"REMOTE\"}], \"volunteers\": []}";
    InvalidDataException e = readBad(text);
    assertEquals("$.vacancies[0].capacity", e.path());
    assertTrue(e.getMessage().contains("missing required field 'capacity'"), e.getMessage());
  }

  @Test
  void readDataset_missingRequiredObject() {
    InvalidDataException e = readBad(dataset("{\"displayName\": \"no id\"}"));
    assertEquals("$.volunteers[0].id", e.path());
    assertTrue(e.getMessage().contains("missing required field 'id'"), e.getMessage());
  }

  @Test
  void readDataset_wrongType() {
    InvalidDataException e = readBad(dataset("{\"id\": \"v1\", \"interests\": \"culture\"}"));
    assertEquals("$.volunteers[0].interests", e.path());
    assertTrue(e.getMessage().contains("wrong type"), e.getMessage());
  }

  @Test
  void readDataset_numberAsStringIsNotCoerced() {
    InvalidDataException e =
        readBad(dataset("{\"id\": \"v1\", \"mobility\": {\"maxDistanceKm\": \"5\", \"travelMode\": \"WALK\"}}"));
    assertEquals("$.volunteers[0].mobility.maxDistanceKm", e.path());
  }

  @Test
  void readDataset_malformed() {
    InvalidDataException e = readBad("{\"schemaVersion\": 1, \"volunteers\": [");
    assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    assertEquals("bad.json", e.source());
  }

  @Test
  void readDataset_empty() {
    InvalidDataException e = readBad("");
    assertTrue(e.getMessage().contains("the document is empty"), e.getMessage());
  }

  @Test
  void readDataset_trailingTokens() {
    InvalidDataException e = readBad(dataset("") + " {}");
    assertEquals("bad.json", e.source());
  }

  @Test
  void readDataset_duplicateKey() {
    InvalidDataException e = readBad(dataset("{\"id\": \"v1\", \"id\": \"v2\"}"));
    assertTrue(e.getMessage().contains("Duplicate field 'id'"), e.getMessage());
  }

  @Test
  void readDataset_tooDeeplyNestedFailsCleanly() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    InvalidDataException e = readBad("{\"schemaVersion\": 1, \"organisations\": " + deep + "}");
    assertEquals("bad.json", e.source());
    InvalidDataException tree = readBad("{\"schemaVersion\": 1, \"x\": " + deep + "}");
    assertEquals("bad.json", tree.source());
  }

  @Test
  void fromJson_nestingLimitIsEnforced() {
    String deep = "{\"nl\": \"x\"}";
    String text = "[".repeat(200) + deep + "]".repeat(200);
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> json.fromJson(text, Location.class));
    assertTrue(e.getMessage().contains("wrong type") || e.getMessage().contains("size limit"), e.getMessage());
  }

  @Test
  void readDataset_hugeStringIsRejected() {
    String huge = "x".repeat(1_000_001);
    InvalidDataException e = readBad(dataset("{\"id\": \"v1\", \"displayName\": \"" + huge + "\"}"));
    assertTrue(e.getMessage().contains("size limit"), e.getMessage());
  }

  @Test
  void readDataset_longTextIsRejectedByTheModel() {
    String big = "x".repeat(20_001);
    InvalidDataException e = readBad(dataset("{\"id\": \"v1\", \"displayName\": \"" + big + "\"}"));
    assertTrue(e.getMessage().contains("displayName must be at most 20000 characters"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"2, newer than this version", "0, positive integer"})
  void readDataset_schemaVersion(int version, String expected) {
    InvalidDataException e =
        readBad("{\"schemaVersion\": " + version + ", \"organisations\": [], \"vacancies\": [], \"volunteers\": []}");
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains("schemaVersion"), e.getMessage());
  }

  @Test
  void readDataset_schemaVersionMissing() {
    InvalidDataException e = readBad("{\"organisations\": [], \"vacancies\": [], \"volunteers\": []}");
    assertEquals("$.schemaVersion", e.path());
  }

  @Test
  void readDataset_unknownVocabularyId() {
    InvalidDataException e =
        readBad(dataset("{\"id\": \"v1\", \"talents\": [{\"conceptId\": \"juggling\"}]}"));
    assertEquals("$.volunteers[0].talents[0].conceptId", e.path());
    assertEquals("juggling", e.value());
    assertEquals("bad.json", e.source());
    assertTrue(e.getMessage().contains("unknown talents id"), e.getMessage());
  }

  @Test
  void readDataset_duplicateIds() {
    InvalidDataException e = readBad(dataset("{\"id\": \"v1\"}, {\"id\": \"v1\"}"));
    assertEquals("$.volunteers[1].id", e.path());
    assertEquals("v1", e.value());
    assertTrue(e.getMessage().contains("duplicate id"), e.getMessage());
  }

  @Test
  void readDataset_danglingOrganisation() {
    String text =
        "{\"schemaVersion\": 1, \"organisations\": [], \"volunteers\": [], \"vacancies\": [{\"id\": \"x\","
            + " \"organisationId\": \"ghost\", \"title\": {\"nl\": \"T\"}, \"schedule\": {\"regularity\": \"REGULAR\"},"
            + " \"workMode\": \"REMOTE\", \"capacity\": 1}]}";
    InvalidDataException e = readBad(text);
    assertEquals("$.vacancies[0].organisationId", e.path());
    assertEquals("ghost", e.value());
  }

  @Test
  void readDataset_negativeCapacity() {
    String text =
        "{\"schemaVersion\": 1, \"organisations\": [{\"id\": \"o\", \"name\": \"O\", \"legalForm\": \"FOUNDATION\"}],"
            + " \"volunteers\": [], \"vacancies\": [{\"id\": \"x\", \"organisationId\": \"o\", \"title\": {\"nl\": \"T\"},"
            + " \"schedule\": {\"regularity\": \"REGULAR\"}, \"workMode\": \"REMOTE\", \"capacity\": -3}]}";
    InvalidDataException e = readBad(text);
    assertEquals("$.vacancies[0].capacity", e.path());
    assertEquals("-3", e.value());
    assertTrue(e.getMessage().contains("capacity must be in [0, 100000]: -3"), e.getMessage());
  }

  @Test
  void readDataset_birthDateInTheFuture() {
    InvalidDataException e = readBad(dataset("{\"id\": \"v1\", \"birthDate\": \"2999-01-01\"}"));
    assertTrue(e.getMessage().contains("birthDate must lie between 1900-01-01 and today"), e.getMessage());
  }

  @Test
  void readDataset_invalidDate() {
    InvalidDataException e = readBad(dataset("{\"id\": \"v1\", \"birthDate\": \"1990-02-30\"}"));
    assertEquals("$.volunteers[0].birthDate", e.path());
    assertEquals("1990-02-30", e.value());
  }

  @Test
  void readDataset_fileNotFound(@TempDir Path dir) {
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> json.readDataset(dir.resolve("missing.json")));
    assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
  }

  @Test
  void writeDataset_andReadBackFromFile(@TempDir Path dir) {
    Dataset d =
        Dataset.of(List.of(Testdata.organisation("kitchen")), List.of(Testdata.vacancy("cook")), List.of(Testdata.volunteer("amal")));
    Path file = dir.resolve("d.json");
    json.writeDataset(d, file);
    assertEquals(d, json.readDataset(file));
  }

  @Test
  void withVocabularies_checksAgainstTheGivenVocabularies() throws Exception {
    Vocabularies own = json.readVocabularies(
        new ByteArrayInputStream(
            Files.readString(Path.of("src/test/resources/vocabularies/tiny.json")).getBytes(StandardCharsets.UTF_8)),
        "tiny.json");
    KoppelJson strict = json.withVocabularies(own);
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class,
            () -> strict.fromJson(dataset("{\"id\": \"v1\", \"talents\": [{\"conceptId\": \"cooking\"}]}"), Dataset.class));
    assertEquals("cooking", e.value());
    Dataset ok = strict.fromJson(dataset("{\"id\": \"v1\", \"talents\": [{\"conceptId\": \"baking\"}]}"), Dataset.class);
    assertEquals(1, ok.volunteers().size());
  }

  @Test
  void toJson_rejectsForeignTypes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> json.toJson(List.of(1)));
    assertTrue(e.getMessage().contains("value must be a Koppel type"), e.getMessage());
  }

  @Test
  void fromJson_nullDocument() {
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> json.fromJson("null", Location.class));
    assertTrue(e.getMessage().contains("JSON null"), e.getMessage());
  }

  @Test
  void fromJson_vacancyContradiction() {
    String text =
        "{\"id\": \"x\", \"organisationId\": \"o\", \"title\": {\"nl\": \"T\"}, \"noDutchRequired\": true,"
            + " \"languages\": [{\"language\": \"nl\", \"minimumLevel\": \"B1\", \"mandatory\": true}],"
            + " \"schedule\": {\"regularity\": \"REGULAR\"}, \"workMode\": \"REMOTE\", \"capacity\": 1}";
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> json.fromJson(text, Vacancy.class));
    assertTrue(e.getMessage().contains("noDutchRequired contradicts"), e.getMessage());
  }

  @Test
  void readLegalRules_overlappingPeriods() {
    String rules = json.toJson(BundledData.belgianLegalRules());
    String bad = rules.replace("\"ageRules\" : [ {", "\"ageRules\" : [ { \"validity\" : { \"validFrom\" : \"2010-01-01\" }, \"minimumAge\" : 16, \"reducedMinimumAge\" : 15, \"byCalendarYear\" : true }, {");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> json.fromJson(bad, LegalRules.class));
    assertTrue(e.getMessage().contains("ageRules[0] and ageRules[1] are in force in overlapping periods"), e.getMessage());
  }

  @Test
  void readLegalRules_unknownText() {
    String rules = json.toJson(BundledData.belgianLegalRules());
    String bad = rules.replace("\"AGE_UNVERIFIED\"", "\"AGE_UNVERIFIED_X\"");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> json.fromJson(bad, LegalRules.class));
    assertTrue(e.getMessage().contains("texts holds an unknown gate or notice: 'AGE_UNVERIFIED_X'"), e.getMessage());
  }

  @Test
  void readDataset_explicitNullNumber() {
    InvalidDataException e =
        readBad(dataset("{\"id\": \"v1\", \"mobility\": {\"maxDistanceKm\": null, \"travelMode\": \"WALK\"}}"));
    assertEquals("$.volunteers[0].mobility.maxDistanceKm", e.path());
  }
}
