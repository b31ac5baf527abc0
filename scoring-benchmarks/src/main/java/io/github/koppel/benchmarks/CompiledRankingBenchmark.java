package io.github.koppel.benchmarks;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.Ranking;
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
 * The compiled path at sizes where the object path is too slow to measure: the top 10 volunteers
 * for a vacancy on one thread and on two, and building the engine (validation and index). Same
 * generated city and fixed seed as {@link RankVolunteersBenchmark}, where the compiled path is
 * compared with the object path.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar CompiledRankingBenchmark}
 * after {@code mvn -B -DskipTests package}, or {@code scoring-benchmarks/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
public class CompiledRankingBenchmark {
  /** The number of volunteers; organisations and vacancies stay at 300 and 400. */
  @Param({"100000", "1000000"})
  public int volunteers;

  private Dataset city;
  private MatchEngine sequential;
  private MatchEngine parallel;
  private String[] vacancies;
  private Volunteer[] changed;
  private int next;

  /** Generates the city and builds the engines. */
  @Setup
  public void setUp() {
    city = DemoCity.generate(DemoCity.DEFAULT_SEED, volunteers, 300, 400);
    sequential = build(1);
    parallel = build(2);
    changed = new Volunteer[16];
    for (int i = 0; i < changed.length; i++) {
      changed[i] =
          city.volunteers().get(i * 7919 % volunteers).toBuilder()
              .mobility(Mobility.of(7.5, TravelMode.BICYCLE))
              .build();
    }
    vacancies = new String[16];
    for (int i = 0; i < vacancies.length; i++) {
      vacancies[i] = city.vacancies().get(i * 23 % city.vacancies().size()).id();
    }
    if (!sequential.rankVolunteers(vacancies[0], 10).equals(parallel.rankVolunteers(vacancies[0], 10))) {
      throw new IllegalStateException("the sequential and parallel scans disagree");
    }
  }

  private MatchEngine build(int threads) {
    return MatchEngine.builder(city)
        .date(DemoCity.REFERENCE_DATE)
        .strategy(MatchEngine.Strategy.COMPILED)
        .parallelism(threads)
        .build();
  }

  private String nextVacancy() {
    next = (next + 1) & 15;
    return vacancies[next];
  }

  /** Top 10 on one thread. */
  @Benchmark
  public Ranking top10() {
    return sequential.rankVolunteers(nextVacancy(), 10);
  }

  /** Top 10 scanned on two threads. */
  @Benchmark
  public Ranking top10TwoThreads() {
    return parallel.rankVolunteers(nextVacancy(), 10);
  }

  /**
   * One update: a changed volunteer replaces the old one (a deletion in the base segment and a new
   * tail segment), then the top 10 for a vacancy on the updated engine.
   */
  @Benchmark
  public Ranking updateThenTop10() {
    return sequential.withVolunteer(changed[next]).rankVolunteers(nextVacancy(), 10);
  }

  /** One update alone: a changed volunteer replaces the old one. */
  @Benchmark
  public MatchEngine update() {
    next = (next + 1) & 15;
    return sequential.withVolunteer(changed[next]);
  }

  /** Building the engine: validating the ids against the vocabularies and indexing. */
  @Benchmark
  public MatchEngine build() {
    return build(1);
  }
}
