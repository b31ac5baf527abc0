package io.github.koppel.benchmarks;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LanguageRequirement;
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
import io.github.koppel.matching.criteria.Decay;
import io.github.koppel.matching.policy.MatchPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
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
 * The compiled path against Apache Lucene, the engine under the Elasticsearch-based portals, on a
 * policy that Lucene can express as filters plus a function score: the legal age (hard), one
 * mandatory language level (hard), talents (soft, weight 3, taxonomy-aware as in the engine) and a
 * Gaussian distance decay (soft, weight 2, no mobility limit), aggregated as a weighted mean.
 *
 * <p>In Lucene the gates are {@code FILTER} clauses on points and terms, and the score is a {@code
 * FunctionScoreQuery} over doc values that computes the same weighted mean. Setup asserts, for
 * every query, that both return the same top 10 with the same scores (to Lucene's float
 * precision) before anything is timed. The vacancies are those where the two semantics coincide:
 * on site, no own minimum age, at most one (mandatory) language requirement and no offer to
 * practise a language.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar LucenePeerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
public class LucenePeerBenchmark {
  private static final double EARTH_RADIUS_KM = 6371.0088;
  private static final double LANGUAGE = PeerPolicy.LANGUAGE;
  private static final double TALENTS = PeerPolicy.TALENTS;
  private static final double DISTANCE = PeerPolicy.DISTANCE;

  /** The number of volunteers; organisations and vacancies stay at 300 and 400. */
  @Param({"10000", "100000"})
  public int volunteers;

  private MatchEngine compiled;
  private IndexSearcher searcher;
  private Vacancy[] vacancies;
  private Query[] queries;
  private int next;

  /** Builds the engine and the Lucene index, and checks that they agree on every query. */
  @Setup
  public void setUp() throws IOException {
    Dataset city = PeerPolicy.allActive(DemoCity.generate(DemoCity.DEFAULT_SEED, volunteers, 300, 400));
    MatchPolicy policy = PeerPolicy.policy("lucene-peer");
    compiled =
        MatchEngine.builder(city)
            .policy(policy)
            .date(DemoCity.REFERENCE_DATE)
            .strategy(MatchEngine.Strategy.COMPILED)
            .build();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    List<Volunteer> sorted = new ArrayList<>(city.volunteers());
    sorted.sort(Comparator.comparing(Volunteer::id));
    ConceptScheme talents = BundledData.flemishVocabularies().talents();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (Volunteer v : sorted) {
        writer.addDocument(document(v, talents));
      }
      writer.forceMerge(1);
    }
    searcher = new IndexSearcher(DirectoryReader.open(directory));
    vacancies = PeerPolicy.comparableVacancies(city);
    queries = new Query[vacancies.length];
    for (int i = 0; i < vacancies.length; i++) {
      queries[i] = query(vacancies[i], talents);
      check(vacancies[i], queries[i], sorted);
    }
  }

  private static Document document(Volunteer v, ConceptScheme talents) {
    Document d = new Document();
    d.add(new StringField("id", v.id(), Field.Store.YES));
    if (v.birthDate() == null) {
      d.add(new StringField("birth", "unknown", Field.Store.NO));
    } else {
      d.add(new IntPoint("birthYear", v.birthDate().getYear()));
      d.add(new StringField("firstStage", Boolean.toString(v.completedFirstStageSecondary()), Field.Store.NO));
    }
    for (LanguageSkill s : v.languages()) {
      d.add(new IntPoint("lang_" + s.language(), s.level().ordinal()));
    }
    for (Talent t : v.talents()) {
      int level = t.level() == null ? 0 : t.level().ordinal() + 1;
      d.add(new SortedNumericDocValuesField("talent", talents.indexOf(t.conceptId()) * 8L + level * 2 + (t.wantsToLearn() ? 1 : 0)));
    }
    Location home = v.home();
    if (home != null) {
      d.add(new NumericDocValuesField("lat", Double.doubleToRawLongBits(home.latitude())));
      d.add(new NumericDocValuesField("lon", Double.doubleToRawLongBits(home.longitude())));
    }
    return d;
  }

  private static Query query(Vacancy vacancy, ConceptScheme talents) {
    int year = DemoCity.REFERENCE_DATE.getYear();
    BooleanQuery.Builder age = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    age.add(new TermQuery(new Term("birth", "unknown")), Occur.SHOULD);
    age.add(
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("firstStage", "false")), Occur.FILTER)
            .add(IntPoint.newRangeQuery("birthYear", Integer.MIN_VALUE, year - 16), Occur.FILTER)
            .build(),
        Occur.SHOULD);
    age.add(
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("firstStage", "true")), Occur.FILTER)
            .add(IntPoint.newRangeQuery("birthYear", Integer.MIN_VALUE, year - 15), Occur.FILTER)
            .build(),
        Occur.SHOULD);
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(age.build(), Occur.FILTER);
    for (LanguageRequirement r : vacancy.languages()) {
      q.add(IntPoint.newRangeQuery("lang_" + r.language(), r.minimumLevel().ordinal(), Integer.MAX_VALUE), Occur.FILTER);
    }
    q.add(new FunctionScoreQuery(new MatchAllDocsQuery(), new Score(vacancy, talents)), Occur.MUST);
    return q.build();
  }

  private void check(Vacancy vacancy, Query query, List<Volunteer> sorted) throws IOException {
    Ranking ranking = compiled.rankVolunteers(vacancy.id(), 10);
    TopDocs top = searcher.search(query, 10);
    if (top.scoreDocs.length != ranking.matches().size()) {
      throw new IllegalStateException(vacancy.id() + ": Lucene found " + top.scoreDocs.length
          + " matches, the engine " + ranking.matches().size());
    }
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc doc = top.scoreDocs[i];
      Match m = ranking.matches().get(i);
      String id = sorted.get(doc.doc).id();
      boolean floatTie = i + 1 < top.scoreDocs.length && top.scoreDocs[i + 1].score == doc.score
          || i > 0 && top.scoreDocs[i - 1].score == doc.score;
      if (Math.abs(doc.score - m.score()) > 1e-6 || (!id.equals(m.volunteerId()) && !floatTie)) {
        throw new IllegalStateException(vacancy.id() + " rank " + (i + 1) + ": Lucene " + id + " "
            + doc.score + ", engine " + m.volunteerId() + " " + m.score());
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

  /** The peer: Lucene filters and a function score. */
  @Benchmark
  public TopDocs lucene() throws IOException {
    return searcher.search(queries[nextQuery()], 10);
  }

  /** The policy's weighted mean of language (1), talents and distance, from doc values. */
  private static final class Score extends DoubleValuesSource {
    private final Vacancy vacancy;
    private final double[][] credit;
    private final double[] weight;
    private final double latitude;
    private final double longitude;
    private final Decay decay = Decay.of(Decay.Shape.GAUSSIAN, 0, 5, 1, 0.5);

    Score(Vacancy vacancy, ConceptScheme talents) {
      this.vacancy = vacancy;
      List<TalentRequirement> requirements = vacancy.talents();
      credit = new double[requirements.size()][talents.size() * 8];
      weight = new double[requirements.size()];
      for (int k = 0; k < requirements.size(); k++) {
        TalentRequirement r = requirements.get(k);
        weight[k] = r.required() ? 2 : 1;
        Arrays.fill(credit[k], 0);
        for (int c = 0; c < talents.size(); c++) {
          double relation = PeerPolicy.relation(talents, talents.concepts().get(c).id(), r.conceptId());
          if (Double.isNaN(relation)) {
            continue;
          }
          for (int level = 0; level <= 3; level++) {
            credit[k][c * 8 + level * 2] = PeerPolicy.held(r, relation, level);
            credit[k][c * 8 + level * 2 + 1] = PeerPolicy.learn(vacancy, relation);
          }
        }
      }
      latitude = Objects.requireNonNull(vacancy.location()).latitude();
      longitude = vacancy.location().longitude();
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      SortedNumericDocValues codes = DocValues.getSortedNumeric(ctx.reader(), "talent");
      NumericDocValues lat = DocValues.getNumeric(ctx.reader(), "lat");
      NumericDocValues lon = DocValues.getNumeric(ctx.reader(), "lon");
      return new DoubleValues() {
        private double value;

        @Override
        public double doubleValue() {
          return value;
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          long[] held = new long[0];
          if (codes.advanceExact(doc)) {
            held = new long[codes.docValueCount()];
            for (int i = 0; i < held.length; i++) {
              held[i] = codes.nextValue();
            }
          }
          double talentScore = 1;
          if (credit.length > 0) {
            double sum = 0;
            double weights = 0;
            for (int k = 0; k < credit.length; k++) {
              double best = 0;
              for (long code : held) {
                best = Math.max(best, credit[k][(int) code]);
              }
              sum += weight[k] * best;
              weights += weight[k];
            }
            talentScore = Math.min(1, sum / weights);
          }
          boolean home = lat.advanceExact(doc) && lon.advanceExact(doc);
          double total = LANGUAGE + TALENTS + (home ? DISTANCE : 0);
          double score = LANGUAGE * 1 / total + TALENTS * talentScore / total;
          if (home) {
            double km = haversine(Double.longBitsToDouble(lat.longValue()), Double.longBitsToDouble(lon.longValue()));
            score += DISTANCE * decay.apply(km) / total;
          }
          value = Math.min(1, score);
          return true;
        }
      };
    }

    private double haversine(double homeLatitude, double homeLongitude) {
      double phi1 = Math.toRadians(homeLatitude);
      double phi2 = Math.toRadians(latitude);
      double dPhi = phi2 - phi1;
      double dLambda = Math.toRadians(longitude - homeLongitude);
      double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
          + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
      return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    @Override
    public boolean needsScores() {
      return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
      return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return false;
    }

    @Override
    public int hashCode() {
      return vacancy.id().hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Score s && s.vacancy.id().equals(vacancy.id());
    }

    @Override
    public String toString() {
      return "koppel-score(" + vacancy.id() + ")";
    }
  }
}
