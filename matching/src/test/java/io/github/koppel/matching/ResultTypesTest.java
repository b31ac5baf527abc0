package io.github.koppel.matching;

import static io.github.koppel.core.testdata.Testdata.DAY;
import static io.github.koppel.core.testdata.Testdata.organisation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.MatchContext;
import io.github.koppel.matching.policy.Aggregation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bad values of the result types, each with its message. */
final class ResultTypesTest {

  private static MatchExplanation explanation(MatchScore score) {
    return new MatchExplanation(
        "vol-1", "vac-1", "p", DAY, score, Aggregation.WEIGHTED_MEAN, List.of(), List.of(), List.of(),
        null, Set.of(), false);
  }

  @Test
  void matchScore_badValuesAndOrder() {
    IllegalArgumentException hard = assertThrows(IllegalArgumentException.class, () -> MatchScore.of(1, 0.5));
    assertEquals("hard must be <= 0 (minus the failed gates): 1", hard.getMessage());
    IllegalArgumentException soft = assertThrows(IllegalArgumentException.class, () -> MatchScore.of(0, Double.NaN));
    assertEquals("soft must be in [0, 1]: NaN", soft.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MatchScore.of(0, 1.5));
    assertTrue(MatchScore.of(0, 0.1).compareTo(MatchScore.of(-1, 0.9)) > 0, "feasible first");
    assertEquals("-1hard/0.2500soft", MatchScore.of(-1, 0.25).toString());
  }

  @Test
  void matchAndNearMiss_requireTheirKindOfPair() {
    MatchExplanation feasible = explanation(MatchScore.of(0, 0.5));
    MatchExplanation infeasible = explanation(MatchScore.of(-1, 0.5));
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> new Match(0, feasible));
    assertEquals("rank must be >= 1: 0", rank.getMessage());
    IllegalArgumentException match = assertThrows(IllegalArgumentException.class, () -> new Match(1, infeasible));
    assertTrue(match.getMessage().startsWith("a match must pass every gate: "), match.getMessage());
    IllegalArgumentException miss = assertThrows(IllegalArgumentException.class, () -> new NearMiss(feasible));
    assertTrue(miss.getMessage().startsWith("a near miss must fail a gate: "), miss.getMessage());
  }

  @Test
  void contributionAndRanking_badValues() {
    IllegalArgumentException weight =
        assertThrows(IllegalArgumentException.class,
            () -> new Contribution("c", "t", false, Evaluation.Outcome.SCORED, 2, 0.5, 0.5, List.of(), Set.of(), false));
    assertEquals("weight must be in [0, 1]: 2.0", weight.getMessage());
    IllegalArgumentException score =
        assertThrows(IllegalArgumentException.class,
            () -> new Contribution("c", "t", false, Evaluation.Outcome.SCORED, 0.5, -1, 0.5, List.of(), Set.of(), false));
    assertEquals("score must be in [0, 1]: -1.0", score.getMessage());
    IllegalArgumentException counts =
        assertThrows(IllegalArgumentException.class,
            () -> new Ranking(Ranking.Direction.VOLUNTEERS_FOR_VACANCY, "vac-1", "p", DAY, 2, 3, List.of(),
                List.of(), Map.of(), Set.of(), null, null));
    assertEquals("feasible (3) must be in [0, candidates (2)]", counts.getMessage());
  }

  @Test
  void matchContext_duplicateOrganisations() {
    IllegalArgumentException twice =
        assertThrows(IllegalArgumentException.class,
            () -> MatchContext.of(BundledData.flemishVocabularies(), BundledData.belgianLegalRules(), DAY,
                List.of(organisation("kitchen"), organisation("kitchen"))));
    assertEquals("organisations hold id org-kitchen twice", twice.getMessage());
  }
}
