package io.github.koppel.benchmarks;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
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
 * The top 10 volunteers for a vacancy under the inclusive default policy: the compiled path
 * against the peer of the object path (every criterion on every pair as objects), on the same
 * generated city (fixed seed), cycling over 16 vacancies. Setup asserts that both return equal
 * rankings before anything is timed.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar RankVolunteersBenchmark}
 * after {@code mvn -B -DskipTests package}; divide the time by {@code volunteers} for the cost per
 * candidate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class RankVolunteersBenchmark {
  /**
   * The number of volunteers; organisations and vacancies stay at 300 and 400. A small city is
   * measured too, where the per-query set-up of the compiled path weighs most.
   */
  @Param({"1000", "10000"})
  public int volunteers;

  private MatchEngine objects;
  private MatchEngine compiled;
  private String[] vacancies;
  private String[] volunteerIds;
  private int next;

  /** Generates the city, builds both engines and checks they agree. */
  @Setup
  public void setUp() {
    Dataset city = DemoCity.generate(DemoCity.DEFAULT_SEED, volunteers, 300, 400);
    objects = MatchEngine.builder(city).date(DemoCity.REFERENCE_DATE).build();
    compiled =
        MatchEngine.builder(city)
            .date(DemoCity.REFERENCE_DATE)
            .strategy(MatchEngine.Strategy.COMPILED)
            .build();
    volunteerIds = new String[16];
    for (int i = 0; i < volunteerIds.length; i++) {
      volunteerIds[i] = city.volunteers().get(i * 613 % city.volunteers().size()).id();
    }
    vacancies = new String[16];
    for (int i = 0; i < vacancies.length; i++) {
      vacancies[i] = city.vacancies().get(i * 23 % city.vacancies().size()).id();
    }
    for (String id : new String[] {vacancies[0], vacancies[1]}) {
      if (!objects.rankVolunteers(id, 10).equals(compiled.rankVolunteers(id, 10))) {
        throw new IllegalStateException("the compiled and object paths disagree on " + id);
      }
    }
  }

  private String nextVacancy() {
    next = (next + 1) & 15;
    return vacancies[next];
  }

  /** The peer: every pair evaluated as objects. */
  @Benchmark
  public Ranking objectPath() {
    return objects.rankVolunteers(nextVacancy(), 10);
  }

  /** The compiled index. */
  @Benchmark
  public Ranking compiledPath() {
    return compiled.rankVolunteers(nextVacancy(), 10);
  }

  /** The other direction, top 10 of the 400 vacancies for a volunteer, on the object path. */
  @Benchmark
  public Ranking vacanciesForAVolunteer() {
    next = (next + 1) & 15;
    return objects.rankVacancies(volunteerIds[next], 10);
  }
}
