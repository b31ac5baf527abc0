package io.github.koppel.benchmarks;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.Volunteer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Reading a volunteers CSV file of a city as it grows (#14): Koppel's reader (deciding the
 * encoding in a first pass over the bytes, then streaming, validating every cell and checking the
 * vocabularies) against the peer of plain Jackson parsing the same file into maps of strings. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} gives the bytes allocated per read, which grow with
 * the rows as the result does; the file is never held whole in memory.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar CsvReadBenchmark -prof gc}
 * after {@code mvn -B -DskipTests package}; {@code scoring-benchmarks/run-csv.sh} prints a table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class CsvReadBenchmark {
  /** The number of volunteers (rows): a small town, a city, a large city. */
  @Param({"1000", "10000", "100000"})
  public int rows;

  private Path file;
  private KoppelCsv csv;
  private CsvMapper plain;

  /** Generates the volunteers with a fixed seed and writes them once, Windows-1252 free (UTF-8). */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    csv = KoppelCsv.create().withSeparator(';');
    plain = new CsvMapper();
    // The CSV form keeps earlier matches in a history file of their own: the volunteers go without.
    List<Volunteer> volunteers = History.of(List.of())
        .recordOn(DemoCity.generate(DemoCity.DEFAULT_SEED, rows, 300, 400), "none").volunteers();
    file = Files.createTempFile("koppel-volunteers-", ".csv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      csv.writeVolunteers(volunteers, out);
    }
  }

  /** Removes the file. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** Koppel's read: the encoding, then every row parsed, validated and built into a record. */
  @Benchmark
  public List<Volunteer> koppelRead() {
    return csv.readVolunteers(file);
  }

  /** The peer: plain Jackson reading the same file into maps, without any check. */
  @Benchmark
  public int plainJackson() {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> it =
            plain.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';'))
                .readValues(in)) {
      int n = 0;
      while (it.hasNextValue()) {
        n += it.nextValue().size();
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
