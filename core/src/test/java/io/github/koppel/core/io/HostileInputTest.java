package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.testdata.HostileCorpus;
import io.github.koppel.core.testdata.HostileCorpus.Expectation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile-input corpus under {@code src/test/resources/hostile}: every file is read with the
 * reader its folder names, and must either load (the controls) or fail with an {@link
 * InvalidDataException} that names the expected path, value and problem, and the file. Any other
 * exception, a {@code StackOverflowError} included, fails the test. {@code expected.tsv} lists
 * every file. Generated inputs too large to keep as files (deep nesting, megabyte strings, long
 * numbers) are checked below the corpus.
 */
class HostileInputTest {
  private static final KoppelJson JSON = KoppelJson.create();
  private static final KoppelCsv CSV = KoppelCsv.create();

  /** The reader of each corpus folder. */
  private static final Map<String, Function<Path, Object>> READERS =
      Map.of(
          "dataset-json", JSON::readDataset,
          "vocabularies-json", JSON::readVocabularies,
          "legal-rules-json", JSON::readLegalRules,
          "history-json", JSON::readHistory,
          "organisations-csv", CSV::readOrganisations,
          "vacancies-csv", CSV::readVacancies,
          "volunteers-csv", CSV::readVolunteers,
          "history-csv", CSV::readHistory);

  private static Path root() {
    return HostileCorpus.root(HostileInputTest.class, "/hostile");
  }

  private static Map<String, Expectation> expectations() {
    return HostileCorpus.expectations(root());
  }

  private static List<String> corpusFiles() throws IOException {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
          .filter(f -> !f.equals("expected.tsv"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyFileHasOneExpectationAndEveryExpectationAFile() throws IOException {
    assertEquals(new TreeSet<>(expectations().keySet()), new TreeSet<>(corpusFiles()));
    for (String folder : corpusFiles().stream().map(f -> f.substring(0, f.indexOf('/'))).distinct().toList()) {
      assertTrue(READERS.containsKey(folder), "no reader for folder " + folder);
    }
  }

  @TestFactory
  Stream<DynamicTest> eachFileIsRejectedCleanlyOrLoads() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Expectation x : expectations().values()) {
      tests.add(DynamicTest.dynamicTest(x.file(), () -> check(x)));
    }
    assertTrue(tests.size() >= 100, "the corpus has " + tests.size() + " files");
    return tests.stream();
  }

  private static void check(Expectation x) {
    Path file = root().resolve(x.file());
    Function<Path, Object> reader = READERS.get(x.file().substring(0, x.file().indexOf('/')));
    if (x.accepted()) {
      assertNotNull(reader.apply(file));
      return;
    }
    x.assertMatches(assertThrows(InvalidDataException.class, () -> reader.apply(file)), file.toString());
  }

  // ---------------------------------------------------------------- generated inputs

  private static final List<String> JSON_DOCUMENTS = List.of("dataset", "vocabularies", "legal-rules", "history");

  private static Object readJson(String document, String text) {
    ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return switch (document) {
      case "dataset" -> JSON.readDataset(in, "generated");
      case "vocabularies" -> JSON.readVocabularies(in, "generated");
      case "legal-rules" -> JSON.readLegalRules(in, "generated");
      case "history" -> JSON.readHistory(in, "generated");
      default -> throw new IllegalArgumentException(document);
    };
  }

  /** 100,000 levels of nesting, at the top and inside each list a document holds. */
  @ParameterizedTest
  @ValueSource(strings = {"", "{\"schemaVersion\":1,\"volunteers\":", "{\"schemaVersion\":1,\"events\":",
      "{\"schemaVersion\":1,\"talents\":{\"id\":\"t\",\"concepts\":", "{\"schemaVersion\":1,\"ageRules\":"})
  void deepNestingFailsWithoutOverflowingTheStack(String prefix) {
    for (String opener : List.of("[", "{\"a\":", "[{\"id\":")) {
      String text = prefix + opener.repeat(100_000);
      for (String document : JSON_DOCUMENTS) {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> readJson(document, text));
        assertEquals("generated", e.source());
        assertTrue(e.path().startsWith("$"), e::getMessage);
      }
    }
  }

  @Test
  void theNestingLimitHoldsWhereTheModelWouldDescend() {
    String text = "{\"schemaVersion\":1,\"a\":" + "[".repeat(JsonMapping.MAX_NESTING_DEPTH + 1);
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> JSON.fromJson(text, Object.class));
    assertTrue(e.problem().contains("size limit") && e.problem().contains("nesting depth"), e::getMessage);
  }

  @Test
  void aStringAboveOneMegabyteIsRejectedByTheParser() {
    String name = "x".repeat(JsonMapping.MAX_STRING_LENGTH + 1);
    for (String document : JSON_DOCUMENTS) {
      InvalidDataException e =
          assertThrows(InvalidDataException.class, () -> readJson(document, "{\"schemaVersion\":1,\"a\":\"" + name + "\"}"));
      assertTrue(e.problem().contains("size limit") && e.problem().contains("String value length"), e::getMessage);
    }
  }

  @Test
  void aLongTextIsRejectedByTheModelWithItsField() throws IOException {
    String dataset = Files.readString(root().resolve("dataset-json/valid.json"));
    String text = dataset.replace("\"displayName\": \"ada\"", "\"displayName\": \"" + "x".repeat(900_000) + "\"");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> readJson("dataset", text));
    assertEquals("$.volunteers[0].displayName", e.path());
    assertTrue(e.problem().contains("displayName must be at most 20000 characters, has 900000"), e::getMessage);
    assertTrue(e.getMessage().length() < 1_000, "the message abbreviates the value: " + e.getMessage().length());
  }

  @Test
  void aLongIdIsRejected() throws IOException {
    String dataset = Files.readString(root().resolve("dataset-json/valid.json"));
    String text = dataset.replace("\"id\": \"vol-ada\"", "\"id\": \"" + "v".repeat(10_000) + "\"");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> readJson("dataset", text));
    assertEquals("$.volunteers[0].id", e.path());
    assertTrue(e.problem().contains("id must be at most 128 characters"), e::getMessage);
  }

  @Test
  void aNumberOfAThousandDigitsIsRejectedByTheParser() throws IOException {
    String dataset = Files.readString(root().resolve("dataset-json/valid.json"));
    for (String number : List.of("9".repeat(1_000), "0." + "1".repeat(1_000), "1e" + "9".repeat(1_000))) {
      String text = dataset.replace("\"capacity\": 2", "\"capacity\": " + number);
      InvalidDataException e = assertThrows(InvalidDataException.class, () -> readJson("dataset", text));
      assertTrue(e.problem().contains("size limit") && e.problem().contains("Number value length"), e::getMessage);
    }
  }

  @Test
  void anEmptyOrBlankDocumentIsRejected() {
    for (String document : JSON_DOCUMENTS) {
      for (String text : List.of("", " ", "\n\n", "\uFEFF")) {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> readJson(document, text));
        assertTrue(e.problem().contains("empty") || e.problem().contains("malformed"), e::getMessage);
      }
    }
  }

  /** Found by fuzzing: Jackson reads these bytes as UTF-32 and cannot decode them. */
  @Test
  void bytesThatAreNotUnicodeTextAreBadDataNotAnIoError() {
    byte[] truncatedUtf32 = {0, 0, 0, '{', 0, 0, 0, '"', 0, 0, 0};
    for (String document : JSON_DOCUMENTS) {
      InvalidDataException e =
          assertThrows(
              InvalidDataException.class,
              () -> readJson(document, new String(truncatedUtf32, StandardCharsets.ISO_8859_1)));
      assertTrue(e.problem().contains("not valid Unicode text"), e::getMessage);
    }
  }

  @Test
  void aCsvCellAboveOneMegabyteIsRejectedByTheParser() throws IOException {
    String valid = Files.readString(root().resolve("volunteers-csv/valid.csv"));
    String text = valid.replace("vol-ada,ada,", "vol-ada," + "x".repeat(JsonMapping.MAX_STRING_LENGTH + 1) + ",");
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> CSV.readVolunteers(new StringReader(text), "generated.csv"));
    assertTrue(e.problem().contains("size limit") && e.problem().contains("String value length"), e::getMessage);
    assertEquals("generated.csv", e.source());
  }

  @Test
  void aLongCsvNameIsRejectedByTheModelWithItsColumn() throws IOException {
    String valid = Files.readString(root().resolve("volunteers-csv/valid.csv"));
    String text = valid.replace("vol-ada,ada,", "vol-ada," + "x".repeat(50_000) + ",");
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> CSV.readVolunteers(new StringReader(text), "generated.csv"));
    assertEquals("row 1, column name", e.path());
    assertTrue(e.problem().contains("displayName must be at most 20000 characters"), e::getMessage);
  }

  @Test
  void aHeaderOnlyFileWithABadHeaderIsStillRejected() {
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class,
            () -> CSV.readOrganisations(new StringReader("id,name,legal_form,name\n"), "header.csv"));
    assertEquals("row 0 (header), column name", e.path());
    assertTrue(e.problem().contains("occurs twice"), e::getMessage);
  }
}
