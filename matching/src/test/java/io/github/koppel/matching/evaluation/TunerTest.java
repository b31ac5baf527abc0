package io.github.koppel.matching.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TunerTest {
  private static final Dataset CITY = DemoCity.bundled();
  private static Evaluator evaluator;
  private static MatchPolicy skewed;

  /** The history follows the inclusive default; tuning starts from a skewed copy of it. */
  @BeforeAll
  static void history() {
    MatchEngine engine = MatchEngine.builder(CITY).date(DemoCity.REFERENCE_DATE).build();
    History history = SyntheticHistory.generate(engine, 0.12, 9);
    evaluator = Evaluator.of(CITY, history, DemoCity.REFERENCE_DATE);
    MatchPolicy p = MatchPolicies.inclusiveDefault();
    List<CriterionSpec> specs = new ArrayList<>();
    for (CriterionSpec c : p.criteria()) {
      double w = switch (c.type()) {
        case "talents" -> 0.2;
        case "distance" -> 8;
        default -> c.weight();
      };
      specs.add(new CriterionSpec(c.name(), c.type(), c.mode(), w, c.minimum(), c.parameters()));
    }
    skewed = p.withName("skewed", "1");
    for (CriterionSpec c : specs) {
      skewed = skewed.withCriterion(c);
    }
  }

  @Test
  void cachedScoresReproduceTheEnginesRankings() {
    for (String metric : PolicyEvaluation.METRICS) {
      Tuner tuner = Tuner.of(evaluator, CITY, skewed, metric, 5, null, 0);
      double[] weights = skewed.criteria().stream().mapToDouble(CriterionSpec::weight).toArray();
      assertEquals(evaluator.evaluate(skewed, 5).mean(metric), tuner.measure(weights), 1e-12, metric);
    }
  }

  @Test
  void tuningImprovesInSampleAndIsDeterministic() {
    Tuner tuner = Tuner.of(evaluator, CITY, skewed, "ndcg", 5, null, 0);
    Tuner.TuningResult a = tuner.tune(Tuner.Search.COORDINATE, 5, 3, 17);
    assertTrue(a.tunedMean() >= a.startMean(), () -> a.startMean() + " -> " + a.tunedMean());
    assertTrue(a.tunedMean() > a.startMean(), "the skewed weights leave room to improve");
    assertEquals("skewed-tuned", a.policy().name());
    assertEquals(3, a.foldTuned().length);
    Tuner.TuningResult b = tuner.tune(Tuner.Search.COORDINATE, 5, 3, 17);
    assertEquals(a.policy(), b.policy());
    assertArrayEquals(a.foldTuned(), b.foldTuned());
    // The tuned policy is a real policy: the engine reproduces the tuned mean on the history.
    assertEquals(a.tunedMean(), evaluator.evaluate(a.policy(), 5).mean("ndcg"), 1e-12);
    Tuner.TuningResult r = tuner.tune(Tuner.Search.RANDOM, 30, 3, 17);
    assertTrue(r.tunedMean() >= r.startMean());
    assertEquals(r.policy(), tuner.tune(Tuner.Search.RANDOM, 30, 3, 17).policy());
    // Gates keep weight 0.
    assertEquals(0, r.policy().criterion("age").weight());
  }

  @Test
  void theFairnessConstraintIsHonoured() {
    Tuner free = Tuner.of(evaluator, CITY, skewed, "ndcg", 5, null, 0);
    Tuner loose = Tuner.of(evaluator, CITY, skewed, "ndcg", 5, "newcomer", 0);
    // A ratio of 0 constrains nothing: the same result as without a group.
    assertEquals(
        free.tune(Tuner.Search.COORDINATE, 3, 2, 1).policy(),
        loose.tune(Tuner.Search.COORDINATE, 3, 2, 1).policy());
    // A strict ratio: the tuned weights serve newcomers at least as well as everyone, unless no
    // weighting tried did, in which case the starting weights are kept.
    Tuner strict = Tuner.of(evaluator, CITY, skewed, "ndcg", 5, "newcomer", 1.0);
    MatchPolicy tuned = strict.tune(Tuner.Search.RANDOM, 40, 2, 3).policy();
    double[] w = tuned.criteria().stream().mapToDouble(CriterionSpec::weight).toArray();
    double[] start = skewed.criteria().stream().mapToDouble(CriterionSpec::weight).toArray();
    double members = strict.measureGroup(w);
    assertTrue(
        java.util.Arrays.equals(w, start) || Double.isNaN(members) || members >= strict.measure(w) - 1e-9,
        () -> "newcomers " + members + ", all " + strict.measure(w));
    assertTrue(Double.isNaN(free.measureGroup(w)));
  }

  @Test
  void badArguments() {
    assertEquals(
        "unknown metric 'f1'; known: [precision, recall, ndcg, mrr]",
        assertThrows(IllegalArgumentException.class, () -> Tuner.of(evaluator, CITY, skewed, "f1", 5, null, 0))
            .getMessage());
    assertEquals(
        "ratio must be in [0, 1]: 2.0",
        assertThrows(IllegalArgumentException.class, () -> Tuner.of(evaluator, CITY, skewed, "ndcg", 5, "newcomer", 2))
            .getMessage());
    assertEquals(
        "k must be in [1, 1000]: 0",
        assertThrows(IllegalArgumentException.class, () -> Tuner.of(evaluator, CITY, skewed, "ndcg", 0, null, 0))
            .getMessage());
    Tuner tuner = Tuner.of(evaluator, CITY, skewed, "ndcg", 5, null, 0);
    assertEquals(
        "iterations must be in [1, 10000]: 0",
        assertThrows(IllegalArgumentException.class, () -> tuner.tune(Tuner.Search.RANDOM, 0, 3, 1))
            .getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> tuner.tune(Tuner.Search.RANDOM, 5, 1, 1))
            .getMessage()
            .startsWith("folds must be in [2, min(20, "));
  }
}
