package io.github.koppel.matching.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.HistoryEvent;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static final Dataset CITY = DemoCity.bundled();
  private static final LocalDate DAY = DemoCity.REFERENCE_DATE;

  @Test
  void queriesComeFromStartsWithGradedGains() {
    LocalDate visit = LocalDate.of(2026, 5, 1);
    History h =
        History.of(
            List.of(
                new HistoryEvent("vol-0001", "vac-0002", visit, MatchOutcome.PROPOSED),
                new HistoryEvent("vol-0001", "vac-0002", visit.plusDays(20), MatchOutcome.STARTED),
                new HistoryEvent("vol-0001", "vac-0002", visit.plusDays(120), MatchOutcome.ACTIVE_AFTER_THREE_MONTHS),
                new HistoryEvent("vol-0001", "vac-0003", visit.plusDays(3), MatchOutcome.STARTED),
                new HistoryEvent("vol-0002", "vac-0002", visit, MatchOutcome.PROPOSED),
                new HistoryEvent("vol-0002", "vac-0002", visit.plusDays(5), MatchOutcome.DECLINED)));
    Evaluator evaluator = Evaluator.of(CITY, h, DAY);
    assertEquals(
        List.of(new Evaluator.Query("vol-0001", visit, Map.of("vac-0002", 2.0, "vac-0003", 1.0))),
        evaluator.queries());
  }

  /**
   * On a synthetic history whose outcomes follow the inclusive default policy's scores, that
   * policy foresees the starts better than a policy that only looks at distance.
   */
  @Test
  void theGeneratingPolicyBeatsADistanceOnlyPolicy() {
    MatchEngine engine = MatchEngine.builder(CITY).date(DAY).build();
    History history = SyntheticHistory.generate(engine, 0.15, 3);
    Evaluator evaluator = Evaluator.of(CITY, history, DAY);
    assertTrue(evaluator.queries().size() > 20, () -> "" + evaluator.queries().size());
    MatchPolicy inclusive = MatchPolicies.inclusiveDefault();
    MatchPolicy distance =
        MatchPolicy.of("distance-only", List.of(CriterionSpec.soft("distance", 1)));
    PolicyEvaluation a = evaluator.evaluate(distance, 5);
    PolicyEvaluation b = evaluator.evaluate(inclusive, 5);
    for (PolicyEvaluation e : List.of(a, b)) {
      for (String metric : PolicyEvaluation.METRICS) {
        double mean = e.mean(metric);
        assertTrue(mean >= 0 && mean <= 1, () -> metric + " " + mean);
        assertEquals(evaluator.queries().size(), e.perQuery(metric).length);
      }
      assertTrue(e.vacancyCoverage() > 0 && e.vacancyCoverage() <= 1);
      assertTrue(e.volunteerCoverage() > 0 && e.volunteerCoverage() <= 1);
      assertTrue(e.vacancyGini() >= 0 && e.vacancyGini() < 1);
    }
    assertTrue(b.mean("ndcg") > a.mean("ndcg"), () -> a + " vs " + b);
    assertTrue(b.gateFunnel().containsKey("language"), b.gateFunnel()::toString);
    assertTrue(a.gateFunnel().keySet().stream().noneMatch(g -> g.equals("language")));
    Map<String, PairedBootstrap> comparison = a.compare(b, 2000, 0.95, 11);
    assertEquals(PolicyEvaluation.METRICS, List.copyOf(comparison.keySet()));
    PairedBootstrap ndcg = comparison.get("ndcg");
    assertEquals(b.mean("ndcg") - a.mean("ndcg"), ndcg.difference(), 1e-9);
    assertTrue(ndcg.lower() <= ndcg.difference() && ndcg.difference() <= ndcg.upper());
    assertEquals(comparison, a.compare(b, 2000, 0.95, 11));
  }

  @Test
  void badInput() {
    History ghost =
        History.of(List.of(new HistoryEvent("nobody", "vac-0002", DAY, MatchOutcome.STARTED)));
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> Evaluator.of(CITY, ghost, DAY));
    assertTrue(e.getMessage().contains("nobody"), e.getMessage());
    Evaluator empty = Evaluator.of(CITY, History.of(List.of()), DAY);
    assertEquals(
        "k must be in [1, 1000]: 0",
        assertThrows(IllegalArgumentException.class, () -> empty.evaluate(MatchPolicies.inclusiveDefault(), 0))
            .getMessage());
    assertEquals(
        "unknown metric 'f1'; known: [precision, recall, ndcg, mrr]",
        assertThrows(
                IllegalArgumentException.class,
                () -> empty.evaluate(MatchPolicies.inclusiveDefault(), 3).mean("f1"))
            .getMessage());
  }

  @Test
  void anEventBeforeTheLegalRulesIsAClearError() {
    History old =
        History.of(
            List.of(
                new HistoryEvent("vol-0001", "vac-0002", DAY, MatchOutcome.STARTED),
                new HistoryEvent("vol-0002", "vac-0002", LocalDate.of(2005, 3, 1), MatchOutcome.STARTED)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Evaluator.of(CITY, old, DAY));
    assertTrue(
        e.getMessage().startsWith("history event 0 (volunteer vol-0002, vacancy vac-0002, 2005-03-01): "
            + "no minimum-age rule is in force on 2005-03-01: the legal rules BE 2026.1 cover from 2006-08-01"),
        e.getMessage());
  }
}
