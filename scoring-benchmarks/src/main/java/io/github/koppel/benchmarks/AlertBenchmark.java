package io.github.koppel.benchmarks;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Alert;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.MatchEngine;
import java.util.List;
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
 * Alerts after an update (#19) on a generated city of 100,000 volunteers (fixed seed), 300
 * organisations and 400 vacancies, under the inclusive default policy: who newly matches a new
 * vacancy (the update included, and the alert alone), and which vacancies newly match a changed
 * volunteer, on the compiled path against the object path as the peer. Setup checks that both
 * paths give equal alerts before anything is timed.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar AlertBenchmark} after
 * {@code mvn -B -DskipTests package}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class AlertBenchmark {
  /** The number of volunteers. */
  @Param({"100000"})
  public int volunteers;

  private MatchEngine objects;
  private MatchEngine compiled;
  private MatchEngine objectsAfter;
  private MatchEngine compiledAfter;
  private MatchEngine objectsChanged;
  private MatchEngine compiledChanged;
  private Vacancy fresh;
  private String volunteerId;

  /** Generates the city, builds both engines, applies the updates and checks the paths agree. */
  @Setup
  public void setUp() {
    Dataset city = DemoCity.generate(DemoCity.DEFAULT_SEED, volunteers, 300, 400);
    objects = MatchEngine.builder(city).date(DemoCity.REFERENCE_DATE).strategy(MatchEngine.Strategy.OBJECT).build();
    compiled = MatchEngine.builder(city).date(DemoCity.REFERENCE_DATE).strategy(MatchEngine.Strategy.COMPILED).build();
    Vacancy model = city.vacancies().get(7);
    fresh = model.toBuilder().id("vac-alert").build();
    objectsAfter = objects.withVacancy(fresh);
    compiledAfter = compiled.withVacancy(fresh);
    Volunteer changed = city.volunteers().get(city.volunteers().size() / 3);
    volunteerId = changed.id();
    Volunteer moved = changed.toBuilder().interests(java.util.Set.of("culture", "sport")).build();
    objectsChanged = objects.withVolunteer(moved);
    compiledChanged = compiled.withVolunteer(moved);
    List<Alert> a = objectsAfter.alertsForVacancy("vac-alert", 0.5, 100, Audience.COUNSELLOR);
    if (a.isEmpty() || !a.equals(compiledAfter.alertsForVacancy("vac-alert", 0.5, 100, Audience.COUNSELLOR))) {
      throw new IllegalStateException("the paths disagree on the alerts for a new vacancy, or there are none");
    }
    if (!objectsChanged.alertsForVolunteer(volunteerId, 0.3, 50).equals(compiledChanged.alertsForVolunteer(volunteerId, 0.3, 50))) {
      throw new IllegalStateException("the paths disagree on the alerts for a changed volunteer");
    }
  }

  /** The peer: the alerts for a new vacancy, every pair evaluated as objects. */
  @Benchmark
  public List<Alert> newVacancyObjectPath() {
    return objectsAfter.alertsForVacancy("vac-alert", 0.5, 100, Audience.COUNSELLOR);
  }

  /** The alerts for a new vacancy on the compiled path. */
  @Benchmark
  public List<Alert> newVacancyCompiledPath() {
    return compiledAfter.alertsForVacancy("vac-alert", 0.5, 100, Audience.COUNSELLOR);
  }

  /** The update and the alerts, on the compiled path: what a portal does when a vacancy is saved. */
  @Benchmark
  public List<Alert> updateAndAlertCompiledPath() {
    return compiled.withVacancy(fresh).alertsForVacancy("vac-alert", 0.5, 100, Audience.COUNSELLOR);
  }

  /** The update and the alerts, on the object path. */
  @Benchmark
  public List<Alert> updateAndAlertObjectPath() {
    return objects.withVacancy(fresh).alertsForVacancy("vac-alert", 0.5, 100, Audience.COUNSELLOR);
  }

  /** The peer: the vacancies for a changed volunteer as objects. */
  @Benchmark
  public List<Alert> changedVolunteerObjectPath() {
    return objectsChanged.alertsForVolunteer(volunteerId, 0.3, 50);
  }

  /** The vacancies for a changed volunteer on the compiled path. */
  @Benchmark
  public List<Alert> changedVolunteerCompiledPath() {
    return compiledChanged.alertsForVolunteer(volunteerId, 0.3, 50);
  }
}
