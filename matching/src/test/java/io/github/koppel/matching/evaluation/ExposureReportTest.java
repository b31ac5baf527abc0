package io.github.koppel.matching.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.policy.FairnessTarget;
import io.github.koppel.matching.policy.MatchPolicies;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExposureReportTest {
  private static final Dataset CITY = DemoCity.bundled();

  private static MatchEngine engine(FairnessTarget target) {
    return MatchEngine.builder(CITY)
        .date(DemoCity.REFERENCE_DATE)
        .policy(MatchPolicies.inclusiveDefault().withFairness(target))
        .strategy(MatchEngine.Strategy.COMPILED)
        .build();
  }

  private static Map<String, ExposureReport.GroupExposure> byGroup(ExposureReport r) {
    return r.groups().stream()
        .collect(Collectors.toMap(ExposureReport.GroupExposure::group, g -> g));
  }

  @Test
  void sharesAddUpAndTheFairnessTargetRaisesTheGroupsExposure() {
    ExposureReport plain = ExposureReport.of(engine(null), 10);
    ExposureReport fair = ExposureReport.of(engine(new FairnessTarget("newcomer", 0.6, 0.1)), 10);
    assertEquals(10, plain.k());
    assertTrue(plain.vacancies() > 300 && plain.vacancies() <= 400, () -> "" + plain.vacancies());
    for (ExposureReport r : new ExposureReport[] {plain, fair}) {
      assertEquals(1, r.groups().stream().mapToDouble(ExposureReport.GroupExposure::exposureShare).sum(), 1e-9);
      assertEquals(1, r.groups().stream().mapToDouble(ExposureReport.GroupExposure::feasibleShare).sum(), 1e-9);
      assertEquals(ExposureReport.NO_GROUP, r.groups().get(r.groups().size() - 1).group());
      for (ExposureReport.GroupExposure g : r.groups()) {
        assertEquals(g.exposureShare() / g.feasibleShare(), g.ratio(), 1e-12);
      }
    }
    ExposureReport.GroupExposure before = byGroup(plain).get("newcomer");
    ExposureReport.GroupExposure after = byGroup(fair).get("newcomer");
    // The feasible pairs do not change; the exposure of the target group grows.
    assertEquals(before.feasible(), after.feasible());
    assertTrue(after.exposure() > before.exposure(), () -> before + " -> " + after);
    assertTrue(after.ratio() > before.ratio());
  }

  @Test
  void exposureWeightsAreDiscountedByLogRank() {
    MatchEngine engine = engine(null);
    ExposureReport r = ExposureReport.of(engine, 1);
    // With k = 1 each open vacancy with a match gives exposure 1 to its first volunteer's groups.
    double total = r.groups().stream().mapToDouble(ExposureReport.GroupExposure::exposure).sum();
    long firsts =
        CITY.vacancies().stream()
            .filter(v -> v.isOpenOn(DemoCity.REFERENCE_DATE))
            .filter(v -> !engine.rankVolunteers(v.id(), 1).isEmpty())
            .count();
    assertTrue(total >= firsts, () -> total + " < " + firsts);
    ExposureReport two = ExposureReport.of(engine, 2);
    double total2 = two.groups().stream().mapToDouble(ExposureReport.GroupExposure::exposure).sum();
    assertTrue(total2 > total && total2 <= total * (1 + 1 / (Math.log(3) / Math.log(2))) + 1e-9);
  }

  @Test
  void badK() {
    assertEquals(
        "k must be at least 1: 0",
        assertThrows(IllegalArgumentException.class, () -> ExposureReport.of(engine(null), 0))
            .getMessage());
  }
}
