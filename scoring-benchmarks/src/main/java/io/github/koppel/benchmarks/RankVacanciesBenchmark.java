package io.github.koppel.benchmarks;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
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
 * A volunteer's own search, the top 10 vacancies under the inclusive default policy: the compiled
 * path against the peer of the object path, on the same generated city (fixed seed), cycling over
 * 16 volunteers of the city and, in {@link #visitorCompiled}, a visitor at the counter who is not
 * in it. Setup asserts that both paths return equal rankings before anything is timed.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar RankVacanciesBenchmark};
 * divide the time by {@code vacancies} for the cost per candidate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class RankVacanciesBenchmark {
  /** The number of open and closed vacancies; 1,000 volunteers over 2,000 organisations. */
  @Param({"1000", "10000"})
  public int vacancies;

  private MatchEngine objects;
  private MatchEngine compiled;
  private String[] volunteerIds;
  private Volunteer[] visitors;
  private int next;

  /** Generates the city, builds both engines and checks they agree. */
  @Setup
  public void setUp() {
    Dataset city = DemoCity.generate(DemoCity.DEFAULT_SEED, 1000, 2000, vacancies);
    objects = MatchEngine.builder(city).date(DemoCity.REFERENCE_DATE).build();
    compiled =
        MatchEngine.builder(city).date(DemoCity.REFERENCE_DATE).strategy(MatchEngine.Strategy.COMPILED).build();
    volunteerIds = new String[16];
    visitors = new Volunteer[16];
    for (int i = 0; i < volunteerIds.length; i++) {
      Volunteer v = city.volunteers().get(i * 61 % city.volunteers().size());
      volunteerIds[i] = v.id();
      visitors[i] = v.toBuilder().id("visitor-" + i).build();
    }
    for (int i = 0; i < 4; i++) {
      if (!objects.rankVacancies(volunteerIds[i], 10).equals(compiled.rankVacancies(volunteerIds[i], 10))
          || !objects.rankVacancies(visitors[i], 10).equals(compiled.rankVacancies(visitors[i], 10))) {
        throw new IllegalStateException("the compiled and object paths disagree for " + volunteerIds[i]);
      }
    }
  }

  /** The peer: every pair evaluated as objects. */
  @Benchmark
  public Ranking objectPath() {
    next = (next + 1) & 15;
    return objects.rankVacancies(volunteerIds[next], 10);
  }

  /** The compiled path: the policy compiled for the volunteer, scanning the vacancy index. */
  @Benchmark
  public Ranking compiledPath() {
    next = (next + 1) & 15;
    return compiled.rankVacancies(volunteerIds[next], 10);
  }

  /** The compiled path for a visitor who is not in the engine, as at the counter. */
  @Benchmark
  public Ranking visitorCompiled() {
    next = (next + 1) & 15;
    return compiled.rankVacancies(visitors[next], 10);
  }
}
