package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Without consent, sensitive facts are not used: for the default policy and every built-in
 * criterion alone (hard and soft), a volunteer who consented to nothing gets exactly the scores,
 * gates and outcomes of the same volunteer with their ability, support needs, target groups,
 * benefits and background check removed.
 */
class ConsentSweepTest {
  private static final Dataset CITY = DemoCity.bundled();

  private static Volunteer withoutConsents(Volunteer v) {
    return v.toBuilder().consents(List.of()).build();
  }

  private static Volunteer withoutSensitiveFacts(Volunteer v) {
    return new Volunteer(
        v.id(), v.displayName(), v.birthDate(), v.completedFirstStageSecondary(), v.languages(),
        v.talents(), v.interests(), Map.of(), Set.of(), v.availability(), v.home(), v.mobility(),
        v.preferences(), Set.of(), Set.of(), null, List.of(), v.history(), v.drivingLicences(),
        v.participation());
  }

  /** What consent may change: each criterion's outcome and score, each gate, the total. */
  private static List<Object> outcome(MatchExplanation e) {
    return List.of(
        e.score(),
        e.contributions().stream().map(c -> List.of(c.criterion(), c.outcome(), c.score())).toList(),
        e.gates().stream().map(g -> List.of(g.gate(), g.passed())).toList());
  }

  @Test
  void aCriterionWithoutConsentActsAsIfTheFactsWereAbsent() {
    List<Volunteer> sensitive =
        CITY.volunteers().stream()
            .filter(v -> !v.consents().isEmpty()
                && (!v.targetGroups().isEmpty() || !v.benefits().isEmpty() || !v.possibilities().isEmpty()
                    || !v.supportNeeds().isEmpty() || v.backgroundCheckDate() != null))
            .toList();
    assertTrue(sensitive.size() > 50, "the demo city has consenting volunteers with sensitive facts");
    int compared = 0;
    int changedByConsent = 0;
    for (MatchPolicy policy : PrivacySweepTest.policies()) {
      MatchEngine engine = MatchEngine.builder(CITY).policy(policy).date(DemoCity.REFERENCE_DATE).build();
      for (int i = 0; i < sensitive.size(); i += 7) {
        Volunteer v = sensitive.get(i);
        Vacancy vacancy = CITY.vacancies().get((i * 31) % CITY.vacancies().size());
        List<Object> noConsent = outcome(engine.explain(withoutConsents(v), vacancy));
        assertEquals(
            outcome(engine.explain(withoutSensitiveFacts(v), vacancy)), noConsent, policy.name() + " " + v.id() + " " + vacancy.id());
        if (!noConsent.equals(outcome(engine.explain(v, vacancy)))) {
          changedByConsent++;
        }
        compared++;
      }
    }
    assertTrue(compared > 500, "compared " + compared);
    // The sweep is not vacuous: with their consents, the facts do change some outcomes.
    assertTrue(changedByConsent > 20, "consent changed " + changedByConsent + " outcomes");
  }
}
