package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CompiledEngineTest {

  @Test
  void rankVolunteers_sameAsObjectsOnTheDemoCity() {
    Dataset city = DemoCity.bundled();
    MatchEngine objects = MatchEngine.builder(city).date(DemoCity.REFERENCE_DATE).build();
    MatchEngine compiled =
        MatchEngine.builder(city).date(DemoCity.REFERENCE_DATE).strategy(MatchEngine.Strategy.COMPILED).build();
    long fallbacks = CompiledVolunteerRanker.FALLBACKS.get();
    MatchEngine geometricObjects = objects.withPolicy(objects.policy().withAggregation(Aggregation.WEIGHTED_GEOMETRIC).withTieBreak(TieBreak.NEAREST, 0));
    MatchEngine geometricCompiled = compiled.withPolicy(geometricObjects.policy());
    for (Vacancy vacancy : city.vacancies().subList(0, 25)) {
      assertEquals(objects.rankVolunteers(vacancy.id(), 10), compiled.rankVolunteers(vacancy.id(), 10), vacancy.id());
      assertEquals(geometricObjects.rankVolunteers(vacancy.id(), 10), geometricCompiled.rankVolunteers(vacancy.id(), 10), vacancy.id());
    }
    assertEquals(fallbacks, CompiledVolunteerRanker.FALLBACKS.get());
  }

  @Test
  void rankVolunteers_userCriteriaAreEvaluatedAsObjects() {
    Dataset city = DemoCity.bundled();
    CriterionRegistry registry =
        CriterionRegistry.builtIn()
            .with("initial", p -> (v, vac, c) ->
                Evaluation.score(v.id().hashCode() % 2 == 0 ? 1 : 0.5, Evidence.of("initial", LocalizedText.of("nl", "x"))));
    MatchPolicy policy =
        MatchPolicies.inclusiveDefault().withCriterion(CriterionSpec.soft("initial", 2));
    MatchEngine objects = MatchEngine.builder(city).registry(registry).policy(policy).date(DemoCity.REFERENCE_DATE).build();
    MatchEngine compiled = MatchEngine.builder(city).registry(registry).policy(policy).date(DemoCity.REFERENCE_DATE)
        .strategy(MatchEngine.Strategy.COMPILED).build();
    for (String id : List.of("vac-0077", "vac-0331", "vac-0004")) {
      assertEquals(objects.rankVolunteers(id, 5), compiled.rankVolunteers(id, 5));
    }
  }
}
