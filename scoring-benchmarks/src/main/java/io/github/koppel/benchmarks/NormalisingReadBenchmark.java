package io.github.koppel.benchmarks;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.model.History;
import io.github.koppel.core.io.NormalisedImport;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The normalising import (#14, item 5) as a city grows: reading the three CSV files of a dataset
 * whose volunteers give their talents and interests in the counter's own words ("koken",
 * "tuinieren", an everyday alternative label), placed on concepts by the {@code ConceptNormaliser},
 * against the peer of the plain read of the same dataset with concept ids, measured in the same
 * run. A third measure reads the id files through the normalising import, the cost of choosing it
 * when there are no words to place.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar NormalisingReadBenchmark}
 * after {@code mvn -B -DskipTests package}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class NormalisingReadBenchmark {
  /** The number of volunteers (rows): a city, a large city. */
  @Param({"10000", "100000"})
  public int rows;

  private Path folder;
  private Path organisations;
  private Path vacancies;
  private Path volunteers;
  private Path volunteersInWords;
  private KoppelCsv csv;

  /**
   * Generates the city with a fixed seed, writes it as CSV, and writes a second volunteers file in
   * which every talent and interest id is one of its concept's labels or alternative labels,
   * chosen by position so that the same run always reads the same words.
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    csv = KoppelCsv.create().withSeparator(';');
    // The CSV form keeps earlier matches in a history file of their own: the volunteers go without.
    Dataset city = History.of(List.of()).recordOn(DemoCity.generate(DemoCity.DEFAULT_SEED, rows, 300, 400), "none");
    folder = Files.createTempDirectory("koppel-normalising-");
    organisations = folder.resolve("organisations.csv");
    vacancies = folder.resolve("vacancies.csv");
    volunteers = folder.resolve("volunteers.csv");
    volunteersInWords = folder.resolve("volunteers-in-words.csv");
    try (Writer o = Files.newBufferedWriter(organisations, StandardCharsets.UTF_8);
        Writer v = Files.newBufferedWriter(vacancies, StandardCharsets.UTF_8);
        Writer p = Files.newBufferedWriter(volunteers, StandardCharsets.UTF_8)) {
      csv.writeOrganisations(city.organisations(), o);
      csv.writeVacancies(city.vacancies(), v);
      csv.writeVolunteers(city.volunteers(), p);
    }
    Vocabularies vocabularies = BundledData.flemishVocabularies();
    inWords(vocabularies.talents(), vocabularies.sectors());
    NormalisedImport check = normalisingWords();
    if (check.dataset().isEmpty() || !check.unplaced().isEmpty()) {
      throw new IllegalStateException("the words of the benchmark must all be placed: " + check.unplaced());
    }
  }

  private void inWords(ConceptScheme talents, ConceptScheme sectors) throws IOException {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(';');
    List<Map<String, String>> rowsRead = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(volunteers, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
      it.forEachRemaining(rowsRead::add);
    }
    int[] next = {0};
    for (Map<String, String> row : rowsRead) {
      row.computeIfPresent("talents", (k, cell) -> words(cell, talents, next));
      row.computeIfPresent("learn", (k, cell) -> words(cell, talents, next));
      row.computeIfPresent("interests", (k, cell) -> words(cell, sectors, next));
    }
    CsvSchema.Builder header = CsvSchema.builder().setColumnSeparator(';').setUseHeader(true);
    rowsRead.get(0).keySet().forEach(header::addColumn);
    try (Writer out = Files.newBufferedWriter(volunteersInWords, StandardCharsets.UTF_8);
        SequenceWriter w = mapper.writer(header.build()).writeValues(out)) {
      for (Map<String, String> row : rowsRead) {
        w.write(new LinkedHashMap<>(row));
      }
    }
  }

  /** A cell of ids ({@code cooking:expert, gardening}) with each id written as a word. */
  private static String words(String cell, ConceptScheme scheme, int[] next) {
    if (cell.isBlank()) {
      return cell;
    }
    return Stream.of(cell.split(",")).map(String::strip).map(item -> {
      int colon = item.indexOf(':');
      String id = colon < 0 ? item : item.substring(0, colon);
      Concept concept = scheme.concept(id);
      if (concept == null) {
        return item;
      }
      List<String> words = new ArrayList<>(concept.label().texts().values());
      words.addAll(concept.altLabels());
      String word = words.get(Math.floorMod(next[0]++, words.size()));
      return colon < 0 ? word : word + item.substring(colon);
    }).collect(Collectors.joining(", "));
  }

  /** Removes the files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    for (Path p : List.of(organisations, vacancies, volunteers, volunteersInWords, folder)) {
      Files.deleteIfExists(p);
    }
  }

  /** The peer: the plain read of the dataset with concept ids. */
  @Benchmark
  public Dataset plainIds() {
    return csv.readDataset(organisations, vacancies, volunteers);
  }

  /** The normalising import of the same files: every item an id, nothing to place. */
  @Benchmark
  public NormalisedImport normalisingIds() {
    return csv.readDatasetNormalising(organisations, vacancies, volunteers);
  }

  /** The normalising import with every talent and interest of the volunteers in words. */
  @Benchmark
  public NormalisedImport normalisingWords() {
    return csv.readDatasetNormalising(organisations, vacancies, volunteersInWords);
  }
}
