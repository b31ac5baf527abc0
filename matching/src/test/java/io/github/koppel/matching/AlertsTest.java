package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.MatchRecord;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.policy.FairnessTarget;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alerts in both directions (#19): after an update, who newly matches above a threshold, bounded
 * by consent, status and caps, equal on both paths.
 */
final class AlertsTest {
  private static final Dataset CITY = DemoCity.bundled();
  private static final LocalDate DAY = DemoCity.REFERENCE_DATE;
  private static final MatchEngine ENGINE =
      MatchEngine.builder(CITY).date(DAY).strategy(MatchEngine.Strategy.COMPILED)
          .checkMode(MatchEngine.CheckMode.COMPARE).build();
  private static final MatchEngine OBJECTS =
      MatchEngine.builder(CITY).date(DAY).strategy(MatchEngine.Strategy.OBJECT).build();

  /** A new vacancy like an existing busy one, under another id. */
  private static Vacancy newVacancy() {
    Vacancy model = CITY.vacancies().stream()
        .filter(v -> v.capacity() > 0 && ENGINE.feasibleVolunteers(v.id()).size() >= 8)
        .findFirst().orElseThrow();
    return model.toBuilder().id("vac-new").build();
  }

  @Test
  void aNewVacancyAlertsTheVolunteersWhoMatchItBestFirst() {
    MatchEngine after = ENGINE.withVacancy(newVacancy());
    List<Alert> alerts = after.alertsForVacancy("vac-new", 0.3, 100, Audience.COUNSELLOR);
    assertFalse(alerts.isEmpty());
    Map<String, Double> feasible = after.feasibleVolunteers("vac-new");
    long expected = feasible.values().stream().filter(s -> s >= 0.3).count();
    assertEquals(Math.min(100, expected), alerts.size());
    for (int i = 0; i < alerts.size(); i++) {
      Alert a = alerts.get(i);
      assertEquals("vac-new", a.vacancyId());
      assertEquals(feasible.get(a.volunteerId()), a.score());
      assertTrue(a.score() >= 0.3);
      assertTrue(i == 0 || alerts.get(i - 1).score() >= a.score());
      Participation p = CITY.volunteer(a.volunteerId()).participation();
      assertTrue(p.proposableOn(DAY), "no alert for a paused or withdrawn volunteer");
    }
    assertEquals(alerts, OBJECTS.withVacancy(newVacancy()).alertsForVacancy("vac-new", 0.3, 100, Audience.COUNSELLOR));
    assertEquals(alerts.subList(0, 3), after.alertsForVacancy("vac-new", 0.3, 3, Audience.COUNSELLOR));
    assertTrue(after.alertsForVacancy("vac-new", 1, 100, Audience.COUNSELLOR).stream().allMatch(a -> a.score() == 1));
  }

  @Test
  void anOrganisationIsAlertedOnlyOfTheCandidateBankWithItsOwnScore() {
    MatchEngine after = ENGINE.withVacancy(newVacancy());
    List<Alert> org = after.alertsForVacancy("vac-new", 0, 10_000, Audience.ORGANISATION);
    assertFalse(org.isEmpty());
    Ranking ranking = after.rankVolunteers("vac-new", 1000, Audience.ORGANISATION);
    assertEquals(ranking.matches().size(), org.size());
    for (Alert a : org) {
      assertTrue(CITY.volunteer(a.volunteerId()).participation().findableOn(DAY), a.volunteerId());
      assertEquals(ranking.matches().stream().filter(m -> m.volunteerId().equals(a.volunteerId())).findFirst().orElseThrow().score(),
          a.score());
    }
    MatchEngine fair = after.withPolicy(after.policy().withFairness(new FairnessTarget("newcomer", 0.3, 0.1)));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> fair.alertsForVacancy("vac-new", 0.3, 10, Audience.ORGANISATION)).getMessage()
        .startsWith("an organisation's alerts under a fairness target would show its merit order"));
    assertFalse(fair.alertsForVacancy("vac-new", 0.3, 10, Audience.COUNSELLOR).isEmpty());
  }

  @Test
  void aMessageRecordedAsAProposalIsNotSentTwice() {
    MatchEngine after = ENGINE.withVacancy(newVacancy());
    Alert first = after.alertsForVacancy("vac-new", 0.3, 1, Audience.COUNSELLOR).get(0);
    Volunteer v = CITY.volunteer(first.volunteerId());
    List<MatchRecord> history = new ArrayList<>(v.history());
    history.add(new MatchRecord("vac-new", DAY.minusDays(1), MatchOutcome.PROPOSED));
    MatchEngine sent = after.withVolunteer(v.toBuilder().history(history).build());
    assertFalse(sent.alertsForVacancy("vac-new", 0.3, 10_000, Audience.COUNSELLOR).stream()
        .anyMatch(a -> a.volunteerId().equals(v.id())));
    // A full vacancy alerts no one.
    assertTrue(after.withVacancy(newVacancy().toBuilder().capacity(0).build())
        .alertsForVacancy("vac-new", 0, 100, Audience.COUNSELLOR).isEmpty());
  }

  @Test
  void aChangedVolunteerIsAlertedOfTheVacanciesThatMatchThemNow() {
    Volunteer v = CITY.volunteers().stream()
        .filter(x -> x.participation().proposableOn(DAY) && x.participation().maxProposalsPerMonth() == null)
        .filter(x -> x.history().stream().noneMatch(r -> r.outcome() == MatchOutcome.PROPOSED))
        .filter(x -> ENGINE.rankVacancies(x.id(), 5).matches().size() == 5)
        .findFirst().orElseThrow();
    List<Alert> alerts = ENGINE.alertsForVolunteer(v.id(), 0.2, 50);
    assertFalse(alerts.isEmpty());
    Ranking ranking = ENGINE.rankVacancies(v.id(), 400);
    assertEquals(ranking.matches().stream().filter(m -> m.score() >= 0.2).limit(50).map(Match::vacancyId).toList(),
        alerts.stream().map(Alert::vacancyId).toList());
    assertEquals(alerts, OBJECTS.alertsForVolunteer(v.id(), 0.2, 50));
    // Proposed one of them already: it is not alerted again.
    List<MatchRecord> history = new ArrayList<>(v.history());
    history.add(new MatchRecord(alerts.get(0).vacancyId(), DAY.minusDays(40), MatchOutcome.PROPOSED));
    MatchEngine changed = ENGINE.withVolunteer(v.toBuilder().history(history).build());
    assertEquals(alerts.subList(1, alerts.size()), changed.alertsForVolunteer(v.id(), 0.2, 50).subList(0, alerts.size() - 1));
    // Paused: no alert at all; at a cap of their own: none either.
    assertTrue(ENGINE.withVolunteer(v.toBuilder().participation(v.participation().withStatus(Participation.Status.PAUSED, null)).build())
        .alertsForVolunteer(v.id(), 0, 50).isEmpty());
    List<MatchRecord> once = new ArrayList<>(v.history());
    once.add(new MatchRecord(CITY.vacancies().get(0).id(), DAY.minusDays(3), MatchOutcome.PROPOSED));
    assertTrue(ENGINE.withVolunteer(v.toBuilder().history(once)
            .participation(v.participation().withMaxProposalsPerMonth(1)).build())
        .alertsForVolunteer(v.id(), 0, 50).isEmpty());
  }

  @Test
  void badArgumentsAreRefusedWithTheirValue() {
    assertEquals("threshold must be in [0, 1]: 1.5",
        assertThrows(IllegalArgumentException.class, () -> ENGINE.alertsForVolunteer("vol-0001", 1.5, 5)).getMessage());
    assertEquals("limit must be in [0, 10000]: 10001",
        assertThrows(IllegalArgumentException.class, () -> ENGINE.alertsForVolunteer("vol-0001", 0.5, 10_001)).getMessage());
    assertEquals("threshold must be in [0, 1]: NaN",
        assertThrows(IllegalArgumentException.class,
            () -> ENGINE.alertsForVacancy(CITY.vacancies().get(0).id(), Double.NaN, 5, Audience.COUNSELLOR)).getMessage());
    assertEquals("alerts for a vacancy are for a counsellor (to tell the volunteers) or the organisation",
        assertThrows(IllegalArgumentException.class,
            () -> ENGINE.alertsForVacancy(CITY.vacancies().get(0).id(), 0.5, 5, Audience.VOLUNTEER)).getMessage());
    assertEquals("no vacancy with id 'vac-none' in the dataset",
        assertThrows(IllegalArgumentException.class, () -> ENGINE.alertsForVacancy("vac-none", 0.5, 5, Audience.COUNSELLOR)).getMessage());
    assertTrue(ENGINE.alertsForVolunteer("vol-0001", 0.5, 0).isEmpty());
  }
}
