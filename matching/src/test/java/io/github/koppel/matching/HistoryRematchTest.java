package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.MatchRecord;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Re-matching that knows the history (#19), on the demo city: what did not work is not offered
 * again, the counsellor reads why, and a volunteer who comes back gets a new ranking without it.
 */
final class HistoryRematchTest {
  private static final Dataset CITY = DemoCity.bundled();

  private static MatchEngine engine(MatchPolicy policy, MatchEngine.Strategy strategy) {
    return MatchEngine.builder(CITY)
        .date(DemoCity.REFERENCE_DATE)
        .policy(policy)
        .strategy(strategy)
        .checkMode(MatchEngine.CheckMode.COMPARE)
        .build();
  }

  private static final MatchEngine ENGINE = engine(MatchPolicies.inclusiveDefault(), MatchEngine.Strategy.COMPILED);
  private static final MatchEngine WITHOUT_HISTORY =
      engine(MatchPolicies.inclusiveDefault().withoutCriterion("history"), MatchEngine.Strategy.COMPILED);

  private static List<String> vacancies(Ranking r) {
    return r.matches().stream().map(Match::vacancyId).toList();
  }

  /** The evidence of the history gate of a pair that fails it. */
  private static String historyReason(MatchExplanation e, String language) {
    return e.failedGates().stream()
        .filter(g -> g.gate().equals("history"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no history gate failed: " + e.failedGates()))
        .evidence().get(0).message().in(language);
  }

  @Test
  void aVacancyStoppedEarlyIsNotOfferedAgainAndTheCounsellorReadsWhy() {
    // vol-0003 stopped early at vac-0354. Under the volunteers' wishes (no gates) the history
    // ranks it lower.
    MatchEngine wishesWithout =
        engine(MatchPolicies.volunteerWishes().withoutCriterion("history"), MatchEngine.Strategy.COMPILED);
    MatchEngine wishes = engine(MatchPolicies.volunteerWishes(), MatchEngine.Strategy.COMPILED);
    int before = vacancies(wishesWithout.rankVacancies("vol-0003", 400)).indexOf("vac-0354");
    int after = vacancies(wishes.rankVacancies("vol-0003", 400)).indexOf("vac-0354");
    assertTrue(before >= 0, "ranked without the history");
    assertTrue(after > before, "rank with it: " + after + ", without: " + before);
    // Under the inclusive default it is a gate: not a match, and the counsellor reads why.
    assertFalse(vacancies(ENGINE.rankVacancies("vol-0003", 400)).contains("vac-0354"));
    MatchExplanation why = ENGINE.explain("vol-0003", "vac-0354", Audience.COUNSELLOR);
    assertEquals("Binnen drie maanden gestopt bij deze vacature op 2026-03-11.", historyReason(why, "nl"));
  }

  @Test
  void comingBackRanksAgainWithoutWhatDidNotWork() {
    for (MatchEngine e : List.of(ENGINE, WITHOUT_HISTORY)) {
      ComeBack back = e.comeBack("vol-0003", 10, Audience.COUNSELLOR);
      assertFalse(vacancies(back.ranking()).contains("vac-0354"));
      // vac-0174, where vol-0003 is still active after three months, is left out too.
      assertEquals(List.of("vac-0174", "vac-0354"), back.leftOut().stream().map(NearMiss::vacancyId).toList());
      assertEquals(
          "Already volunteering in this vacancy since 2025-02-08.", historyReason(back.leftOut().get(0).explanation(), "en"));
      assertEquals(
          "Stopped within three months in this vacancy on 2026-03-11.", historyReason(back.leftOut().get(1).explanation(), "en"));
      assertEquals(Audience.COUNSELLOR, back.ranking().audience());
    }
    // Under the default policy, coming back is the ranking the counsellor already gets.
    assertEquals(ENGINE.rankVacancies("vol-0003", 10, Audience.COUNSELLOR), ENGINE.comeBack("vol-0003", 10, Audience.COUNSELLOR).ranking());
    // The volunteer reads their own come-back.
    assertEquals(Audience.VOLUNTEER, ENGINE.comeBack("vol-0003", 5, Audience.VOLUNTEER).ranking().audience());
  }

  @Test
  void aSoftHistoryLowersAndComingBackMakesItAGate() {
    MatchEngine wishes = engine(MatchPolicies.volunteerWishes(), MatchEngine.Strategy.COMPILED);
    // A soft criterion never removes a vacancy: the early stop ranks it lower.
    MatchEngine wishesWithout = engine(MatchPolicies.volunteerWishes().withoutCriterion("history"), MatchEngine.Strategy.COMPILED);
    double with = wishes.explain("vol-0003", "vac-0354").score().soft();
    double without = wishesWithout.explain("vol-0003", "vac-0354").score().soft();
    assertTrue(with < without, with + " < " + without);
    assertTrue(vacancies(wishes.rankVacancies("vol-0003", 400)).contains("vac-0354"));
    ComeBack back = wishes.comeBack("vol-0003", 400, Audience.COUNSELLOR);
    assertFalse(vacancies(back.ranking()).contains("vac-0354"));
    assertEquals(List.of("vac-0174", "vac-0354"), back.leftOut().stream().map(NearMiss::vacancyId).toList());
  }

  @Test
  void everyVolunteerWithAHistoryRanksAlikeOnBothPaths() {
    MatchEngine objects = engine(MatchPolicies.inclusiveDefault(), MatchEngine.Strategy.OBJECT);
    int checked = 0;
    Set<String> vacanciesSeen = new HashSet<>();
    for (Volunteer v : CITY.volunteers()) {
      if (v.history().isEmpty() || checked >= 60) {
        continue;
      }
      checked++;
      // Check mode compares the compiled answer with the object path's and throws on a difference.
      Ranking compiled = ENGINE.rankVacancies(v.id(), 20);
      assertEquals(objects.rankVacancies(v.id(), 20), compiled);
      for (MatchRecord r : v.history()) {
        if (CITY.vacancy(r.vacancyId()) != null && vacanciesSeen.add(r.vacancyId()) && vacanciesSeen.size() <= 25) {
          assertEquals(objects.rankVolunteers(r.vacancyId(), 20), ENGINE.rankVolunteers(r.vacancyId(), 20));
        }
      }
    }
    assertTrue(checked >= 30, "volunteers with a history: " + checked);
  }

  @Test
  void aNewOutcomeTakesEffectAfterAnUpdate() {
    Volunteer v = CITY.volunteer("vol-0001");
    String top = ENGINE.rankVacancies(v.id(), 1).matches().get(0).vacancyId();
    List<MatchRecord> history = new java.util.ArrayList<>(v.history());
    history.add(new MatchRecord(top, DemoCity.REFERENCE_DATE.minusDays(3), MatchOutcome.REJECTED));
    MatchEngine updated = ENGINE.withVolunteer(v.toBuilder().history(history).build());
    assertFalse(vacancies(updated.rankVacancies(v.id(), 400)).contains(top));
    assertFalse(updated.rankVolunteers(top, 1000).matches().stream().anyMatch(m -> m.volunteerId().equals(v.id())));
    assertEquals(List.of(top), updated.comeBack(v.id(), 5, Audience.COUNSELLOR).leftOut().stream().map(NearMiss::vacancyId).toList());
  }

  @Test
  void badQueriesAreRefused() {
    assertEquals(
        "a come-back ranking is a volunteer's own search, for the volunteer or a counsellor, not for an organisation",
        assertThrows(IllegalArgumentException.class, () -> ENGINE.comeBack("vol-0003", 5, Audience.ORGANISATION)).getMessage());
    assertEquals(
        "no volunteer with id 'nobody' in the dataset",
        assertThrows(IllegalArgumentException.class, () -> ENGINE.comeBack("nobody", 5, Audience.COUNSELLOR)).getMessage());
    assertEquals(
        "k must be >= 0: -1",
        assertThrows(IllegalArgumentException.class, () -> ENGINE.comeBack("vol-0003", -1, Audience.COUNSELLOR)).getMessage());
  }
}
