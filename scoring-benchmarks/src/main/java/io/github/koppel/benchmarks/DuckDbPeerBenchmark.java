package io.github.koppel.benchmarks;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.matching.Match;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.Ranking;
import io.github.koppel.matching.policy.MatchPolicy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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
 * The compiled path against DuckDB, the embedded analytical SQL engine a portal's developer would
 * reach for, through its JDBC driver: the same policy as {@link LucenePeerBenchmark} (the legal
 * age and one mandatory language level as gates, talents with weight 3 and a Gaussian distance
 * decay with weight 2 in a weighted mean), written as one SQL query per vacancy that computes every
 * candidate's score, the counts per gate the engine reports, and the top 10.
 *
 * <p>The volunteers, their languages and their talent codes are three tables loaded once; a
 * query carries the vacancy's talent credits as a {@code VALUES} list (the engine's own taxonomy
 * rule, computed in Java once per vacancy, as a portal would). Setup asserts, for every query,
 * that both return the same top 10 with the same scores (to 1e-9, ties by id) and the same counts
 * per gate before anything is timed. DuckDB runs on one thread, as the engine does. Like the Lucene
 * peer, the query counts the reduced minimum age of 15 (after the first stage of secondary school)
 * by birth year, where the rules count it from the birthday; setup's check guards that no one in
 * the generated city tells the two apart.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar DuckDbPeerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
public class DuckDbPeerBenchmark {
  private static final double LANGUAGE = PeerPolicy.LANGUAGE;
  private static final double TALENTS = PeerPolicy.TALENTS;
  private static final double DISTANCE = PeerPolicy.DISTANCE;

  /** The number of volunteers; organisations and vacancies stay at 300 and 400. */
  @Param({"10000", "100000"})
  public int volunteers;

  private MatchEngine compiled;
  private Connection connection;
  private Vacancy[] vacancies;
  private PreparedStatement[] queries;
  private int next;

  /** Builds the engine and the DuckDB tables, and checks that they agree on every query. */
  @Setup
  public void setUp() throws SQLException {
    Dataset city = PeerPolicy.allActive(DemoCity.generate(DemoCity.DEFAULT_SEED, volunteers, 300, 400));
    MatchPolicy policy = PeerPolicy.policy("duckdb-peer");
    compiled =
        MatchEngine.builder(city)
            .policy(policy)
            .date(DemoCity.REFERENCE_DATE)
            .strategy(MatchEngine.Strategy.COMPILED)
            .build();
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads TO 1");
      s.execute("CREATE TABLE v (id VARCHAR, birth_year INTEGER, first_stage BOOLEAN, lat DOUBLE, lon DOUBLE)");
      s.execute("CREATE TABLE lang (id VARCHAR, language VARCHAR, level INTEGER)");
      s.execute("CREATE TABLE tal (id VARCHAR, code BIGINT)");
    }
    ConceptScheme talents = BundledData.flemishVocabularies().talents();
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    try (DuckDBAppender v = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "v");
        DuckDBAppender l = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "lang");
        DuckDBAppender t = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tal")) {
      for (Volunteer volunteer : city.volunteers()) {
        v.beginRow();
        v.append(volunteer.id());
        if (volunteer.birthDate() == null) {
          v.appendNull();
        } else {
          v.append(volunteer.birthDate().getYear());
        }
        v.append(volunteer.completedFirstStageSecondary());
        Location home = volunteer.home();
        if (home == null) {
          v.appendNull();
          v.appendNull();
        } else {
          v.append(home.latitude());
          v.append(home.longitude());
        }
        v.endRow();
        for (LanguageSkill skill : volunteer.languages()) {
          l.beginRow();
          l.append(volunteer.id());
          l.append(skill.language());
          l.append(skill.level().ordinal());
          l.endRow();
        }
        for (Talent talent : volunteer.talents()) {
          int level = talent.level() == null ? 0 : talent.level().ordinal() + 1;
          t.beginRow();
          t.append(volunteer.id());
          t.append(talents.indexOf(talent.conceptId()) * 8L + level * 2 + (talent.wantsToLearn() ? 1 : 0));
          t.endRow();
        }
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE INDEX lang_id ON lang (id, language)");
    }
    vacancies = PeerPolicy.comparableVacancies(city);
    queries = new PreparedStatement[vacancies.length];
    for (int i = 0; i < vacancies.length; i++) {
      queries[i] = connection.prepareStatement(sql(vacancies[i], talents));
      check(vacancies[i], queries[i]);
    }
  }

  /** Closes the database. */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    connection.close();
  }

  /**
   * The policy as one query: the talent credits of the vacancy's requirements, the best credit per
   * requirement and volunteer, the weighted mean with the haversine distance and the Gaussian decay
   * of the engine, the gates, the counts per gate (repeated on every row), and the top 10.
   */
  static String sql(Vacancy vacancy, ConceptScheme talents) {
    List<TalentRequirement> requirements = vacancy.talents();
    StringBuilder credits = new StringBuilder();
    double weights = 0;
    for (int k = 0; k < requirements.size(); k++) {
      TalentRequirement r = requirements.get(k);
      double weight = r.required() ? 2 : 1;
      weights += weight;
      for (int c = 0; c < talents.size(); c++) {
        double relation = PeerPolicy.relation(talents, talents.concepts().get(c).id(), r.conceptId());
        if (Double.isNaN(relation)) {
          continue;
        }
        for (int level = 0; level <= 3; level++) {
          double plain = PeerPolicy.held(r, relation, level);
          double learn = PeerPolicy.learn(vacancy, relation);
          credits.append(credits.length() == 0 ? "" : ", ")
              .append(String.format(Locale.ROOT, "(%d, %d, %.17g, %.1f)", k, c * 8L + level * 2, plain, weight))
              .append(String.format(Locale.ROOT, ", (%d, %d, %.17g, %.1f)", k, c * 8L + level * 2 + 1, learn, weight));
        }
      }
    }
    if (credits.length() == 0) {
      credits.append("(0, -1, 0.0, 1.0)");
    }
    Location place = vacancy.location();
    int year = DemoCity.REFERENCE_DATE.getYear();
    String language = vacancy.languages().isEmpty() ? null : vacancy.languages().get(0).language();
    int level = vacancy.languages().isEmpty() ? 0 : vacancy.languages().get(0).minimumLevel().ordinal();
    double sigmaSquared = -5.0 * 5.0 / (2 * Math.log(0.5));
    String talentScore =
        requirements.isEmpty() ? "1.0" : String.format(Locale.ROOT, "least(1.0, coalesce(ts.s, 0.0) / %.17g)", weights);
    return String.format(Locale.ROOT, """
        WITH credit(req, code, credit, weight) AS (VALUES %s),
        best AS (
          SELECT tal.id, credit.req, max(credit.credit) AS best, any_value(credit.weight) AS weight
          FROM tal JOIN credit ON tal.code = credit.code GROUP BY tal.id, credit.req),
        ts AS (SELECT id, sum(weight * best) AS s FROM best GROUP BY id),
        d AS (
          SELECT v.id, v.lat IS NOT NULL AS home,
            2 * 6371.0088 * asin(least(1.0, sqrt(
              sin((radians(%.17g) - radians(v.lat)) / 2) * sin((radians(%.17g) - radians(v.lat)) / 2)
              + cos(radians(v.lat)) * cos(radians(%.17g))
                * sin(radians(%.17g - v.lon) / 2) * sin(radians(%.17g - v.lon) / 2)))) AS km,
            (v.birth_year IS NULL OR (NOT v.first_stage AND v.birth_year <= %d)
              OR (v.first_stage AND v.birth_year <= %d)) AS age_ok,
            %s AS language_ok,
            %s AS talent_score
          FROM v LEFT JOIN ts ON ts.id = v.id),
        scored AS (
          SELECT id, age_ok, language_ok,
            CASE WHEN home THEN least(1.0,
                %.1f * 1 / (%.1f) + %.1f * talent_score / (%.1f)
                + %.1f * exp(-greatest(0.0, km - 1.0) * greatest(0.0, km - 1.0) / (2 * %.17g)) / (%.1f))
              ELSE least(1.0, %.1f * 1 / (%.1f) + %.1f * talent_score / (%.1f)) END AS score
          FROM d),
        counts AS (
          SELECT count(*) FILTER (WHERE NOT age_ok) AS age_blocked,
            count(*) FILTER (WHERE NOT language_ok) AS language_blocked,
            count(*) FILTER (WHERE age_ok AND language_ok) AS feasible
          FROM scored)
        SELECT scored.id, scored.score, counts.age_blocked, counts.language_blocked, counts.feasible
        FROM counts LEFT JOIN (
          SELECT id, score FROM scored WHERE age_ok AND language_ok ORDER BY score DESC, id LIMIT 10) scored
          ON true
        ORDER BY scored.score DESC, scored.id
        """,
        credits,
        place.latitude(), place.latitude(), place.latitude(), place.longitude(), place.longitude(),
        year - 16, year - 15,
        language == null
            ? "true"
            : String.format(Locale.ROOT,
                "EXISTS (SELECT 1 FROM lang WHERE lang.id = v.id AND lang.language = '%s' AND lang.level >= %d)",
                language, level),
        talentScore,
        LANGUAGE, LANGUAGE + TALENTS + DISTANCE, TALENTS, LANGUAGE + TALENTS + DISTANCE, DISTANCE, sigmaSquared,
        LANGUAGE + TALENTS + DISTANCE,
        LANGUAGE, LANGUAGE + TALENTS, TALENTS, LANGUAGE + TALENTS);
  }

  /** The top 10 and the counts per gate of one query. */
  record Answer(List<String> ids, List<Double> scores, Map<String, Integer> blockedBy, int feasible) {}

  static Answer run(PreparedStatement query) throws SQLException {
    List<String> ids = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    Map<String, Integer> blockedBy = new LinkedHashMap<>();
    int feasible = 0;
    try (ResultSet r = query.executeQuery()) {
      while (r.next()) {
        blockedBy.put("age", r.getInt(3));
        blockedBy.put("language", r.getInt(4));
        feasible = r.getInt(5);
        if (r.getString(1) != null) {
          ids.add(r.getString(1));
          scores.add(r.getDouble(2));
        }
      }
    }
    blockedBy.values().removeIf(count -> count == 0);
    return new Answer(ids, scores, blockedBy, feasible);
  }

  private void check(Vacancy vacancy, PreparedStatement query) throws SQLException {
    Ranking ranking = compiled.rankVolunteers(vacancy.id(), 10);
    Answer answer = run(query);
    if (!answer.blockedBy().equals(ranking.blockedBy()) || answer.feasible() != ranking.feasible()) {
      throw new IllegalStateException(vacancy.id() + ": DuckDB counts " + answer.blockedBy() + ", "
          + answer.feasible() + " feasible; the engine " + ranking.blockedBy() + ", " + ranking.feasible());
    }
    if (answer.ids().size() != ranking.matches().size()) {
      throw new IllegalStateException(vacancy.id() + ": DuckDB found " + answer.ids().size()
          + " matches, the engine " + ranking.matches().size());
    }
    for (int i = 0; i < answer.ids().size(); i++) {
      Match m = ranking.matches().get(i);
      double score = answer.scores().get(i);
      boolean tie = i + 1 < answer.scores().size() && Math.abs(answer.scores().get(i + 1) - score) < 1e-9
          || i > 0 && Math.abs(answer.scores().get(i - 1) - score) < 1e-9;
      if (Math.abs(score - m.score()) > 1e-9 || (!answer.ids().get(i).equals(m.volunteerId()) && !tie)) {
        throw new IllegalStateException(vacancy.id() + " rank " + (i + 1) + ": DuckDB " + answer.ids().get(i)
            + " " + score + ", engine " + m.volunteerId() + " " + m.score());
      }
    }
  }

  private int nextQuery() {
    next = (next + 1) % vacancies.length;
    return next;
  }

  /** The compiled path of the engine. */
  @Benchmark
  public Ranking compiledPath() {
    return compiled.rankVolunteers(vacancies[nextQuery()].id(), 10);
  }

  /** The peer: one SQL query with the counts per gate and the top 10. */
  @Benchmark
  public Answer duckdb() throws SQLException {
    return run(queries[nextQuery()]);
  }
}
