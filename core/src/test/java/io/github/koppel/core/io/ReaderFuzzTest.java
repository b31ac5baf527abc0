package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.testdata.HostileCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of every reader of core with Jazzer. The first byte of an input picks
 * the reader, the rest is the document. Each input must either load, and then survive a round
 * trip through the matching writer unchanged, or fail with an {@link InvalidDataException}; any
 * other exception or error is a finding.
 *
 * <p>{@code mvn verify} replays the seeds (the hostile-input corpus and any finding kept under
 * {@code ReaderFuzzTestInputs}) with the other tests, then fuzzes for {@value #CI_DURATION} in a
 * run of its own. {@code scripts/fuzz.sh} fuzzes for longer.
 */
class ReaderFuzzTest {
  static final String CI_DURATION = "20s";

  /** The readers, in the order the first byte picks them; the hostile corpus's folder names. */
  static final List<String> READERS =
      List.of(
          "dataset-json",
          "vocabularies-json",
          "legal-rules-json",
          "history-json",
          "organisations-csv",
          "vacancies-csv",
          "volunteers-csv",
          "history-csv");

  private static final KoppelJson JSON = KoppelJson.create();
  private static final KoppelCsv CSV = KoppelCsv.create();

  /** Seeds the fuzzer with the hostile-input corpus, each file prefixed with its reader's byte. */
  static Stream<byte[]> corpus() throws IOException {
    Path root = HostileCorpus.root(ReaderFuzzTest.class, "/hostile");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals("expected.tsv"))
          .sorted()
          .map(f -> seed(READERS.indexOf(f.getParent().getFileName().toString()), f))
          .toList()
          .stream();
    }
  }

  private static byte[] seed(int reader, Path file) {
    try {
      byte[] content = Files.readAllBytes(file);
      byte[] seed = new byte[content.length + 1];
      seed[0] = (byte) reader;
      System.arraycopy(content, 0, seed, 1, content.length);
      return seed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @MethodSource("corpus")
  @FuzzTest(maxDuration = CI_DURATION)
  void readers(byte[] input) {
    if (input.length == 0) {
      return;
    }
    String reader = READERS.get(Byte.toUnsignedInt(input[0]) % READERS.size());
    byte[] document = Arrays.copyOfRange(input, 1, input.length);
    Object value;
    try {
      value = read(reader, document);
    } catch (InvalidDataException rejected) {
      return;
    }
    // Core has no CSV writer for histories; a history read from CSV goes round through JSON.
    String back = reader.equals("history-csv") ? "history-json" : reader;
    assertEquals(value, read(back, write(reader, value)), "a round trip through the writer changed the value");
  }

  private static Object read(String reader, byte[] document) {
    String text = new String(document, StandardCharsets.UTF_8);
    return switch (reader) {
      case "dataset-json" -> JSON.readDataset(new ByteArrayInputStream(document), "fuzz");
      case "vocabularies-json" -> JSON.readVocabularies(new ByteArrayInputStream(document), "fuzz");
      case "legal-rules-json" -> JSON.readLegalRules(new ByteArrayInputStream(document), "fuzz");
      case "history-json" -> JSON.readHistory(new ByteArrayInputStream(document), "fuzz");
      case "organisations-csv" -> CSV.readOrganisations(new StringReader(text), "fuzz");
      case "vacancies-csv" -> CSV.readVacancies(new StringReader(text), "fuzz");
      case "volunteers-csv" -> CSV.readVolunteers(new StringReader(text), "fuzz");
      case "history-csv" -> CSV.readHistory(new StringReader(text), "fuzz");
      default -> throw new IllegalArgumentException(reader);
    };
  }

  @SuppressWarnings("unchecked")
  private static byte[] write(String reader, Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter text = new StringWriter();
    switch (reader) {
      case "dataset-json" -> JSON.writeDataset((Dataset) value, bytes);
      case "vocabularies-json", "legal-rules-json" -> text.write(JSON.toJson(value));
      case "history-json", "history-csv" -> JSON.writeHistory((History) value, bytes);
      case "organisations-csv" -> CSV.writeOrganisations((List<Organisation>) value, text);
      case "vacancies-csv" -> CSV.writeVacancies((List<Vacancy>) value, text);
      case "volunteers-csv" -> CSV.writeVolunteers((List<Volunteer>) value, text);
      default -> throw new IllegalArgumentException(reader);
    }
    // Each writer writes either bytes or text.
    return bytes.size() > 0 ? bytes.toByteArray() : text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
