package io.github.koppel.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a generated city from JSON with Koppel's strict, validating reader, against the peer of a
 * plain Jackson tree parse of the same bytes (the cost of reading the JSON at all). The ratio of
 * the two is the price of validation and of building immutable records.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar DatasetJsonBenchmark}
 * after {@code mvn -B -DskipTests package}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DatasetJsonBenchmark {
  /** The number of volunteers in the city; organisations and vacancies stay at 300 and 400. */
  @Param({"10000"})
  public int volunteers;

  private byte[] json;
  private KoppelJson reader;
  private ObjectMapper plain;

  /** Generates the city with a fixed seed and writes it once. */
  @Setup
  public void setUp() {
    reader = KoppelJson.create();
    plain = new ObjectMapper();
    Dataset city = DemoCity.generate(DemoCity.DEFAULT_SEED, volunteers, 300, 400);
    json = reader.toJson(city).getBytes(StandardCharsets.UTF_8);
  }

  /** Koppel's strict read: parse, validate, check vocabularies, build records. */
  @Benchmark
  public Dataset koppelRead() {
    return reader.readDataset(new ByteArrayInputStream(json), "benchmark");
  }

  /** The peer: a plain Jackson tree parse, without any validation. */
  @Benchmark
  public JsonNode jacksonTreePeer() throws IOException {
    return plain.readTree(json);
  }
}
