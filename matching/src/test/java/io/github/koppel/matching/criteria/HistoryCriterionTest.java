package io.github.koppel.matching.criteria;

import static io.github.koppel.core.testdata.Testdata.DAY;
import static io.github.koppel.core.testdata.Testdata.organisation;
import static io.github.koppel.core.testdata.Testdata.vacancy;
import static io.github.koppel.core.testdata.Testdata.volunteer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.MatchRecord;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.criteria.Evaluation.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the {@code history} criterion: what each earlier outcome does to the same
 * vacancy and to the organisation's other vacancies, with the explanation in three languages.
 */
final class HistoryCriterionTest {
  private static final Vacancy COOK = vacancy("cook");
  private static final Vacancy TUTOR = vacancy("tutor");
  /** A vacancy of another organisation. */
  private static final Vacancy ELSEWHERE =
      Vacancy.builder("vac-elsewhere", "org-garden", COOK.title())
          .place(io.github.koppel.core.model.WorkMode.ON_SITE, io.github.koppel.core.testdata.Testdata.CENTRE).build();
  private static final MatchContext CONTEXT =
      MatchContext.of(
          BundledData.flemishVocabularies(), BundledData.belgianLegalRules(), DAY,
          List.of(organisation("kitchen"), organisation("garden")), List.of(COOK, TUTOR, ELSEWHERE));

  private static Volunteer with(MatchRecord... records) {
    return volunteer("ada").toBuilder().history(List.of(records)).build();
  }

  private static MatchRecord record(String vacancy, int daysBefore, MatchOutcome outcome) {
    return new MatchRecord(vacancy, DAY.minusDays(daysBefore), outcome);
  }

  private static Evaluation eval(Map<String, ?> parameters, Volunteer v, Vacancy vacancy) {
    return Criterion.builtIn("history", parameters).evaluate(v, vacancy, CONTEXT);
  }

  private static Evaluation eval(Volunteer v, Vacancy vacancy) {
    return eval(Map.of(), v, vacancy);
  }

  @Test
  void withoutAnOutcomeItAbstains() {
    Evaluation e = eval(volunteer("ada"), COOK);
    assertEquals(Outcome.ABSTAINED, e.outcome());
    assertEquals("history.none", e.evidence().get(0).code());
    // A proposal or an application without an answer yet decides nothing.
    Evaluation pending = eval(with(record("vac-cook", 10, MatchOutcome.PROPOSED), record("vac-cook", 5, MatchOutcome.APPLIED)), COOK);
    assertEquals(Outcome.ABSTAINED, pending.outcome());
    assertEquals("history.none", pending.evidence().get(0).code());
  }

  @Test
  void aRejectionOrAnEarlyStopExcludesTheSameVacancy() {
    Evaluation rejected = eval(with(record("vac-cook", 30, MatchOutcome.APPLIED), record("vac-cook", 20, MatchOutcome.REJECTED)), COOK);
    assertEquals(Outcome.VETOED, rejected.outcome());
    Evidence why = rejected.evidence().get(0);
    assertEquals("history.rejected", why.code());
    assertEquals("Rejected by the organisation for this vacancy on 2026-09-11.", why.message().in("en"));
    assertEquals("Afgewezen door de organisatie voor deze vacature op 2026-09-11.", why.message().in("nl"));
    assertEquals("Candidature refusée par l'organisation pour cette offre le 2026-09-11.", why.message().in("fr"));
    assertNull(why.remedy());

    Evaluation stopped = eval(with(record("vac-cook", 120, MatchOutcome.STARTED), record("vac-cook", 60, MatchOutcome.STOPPED_EARLY)), COOK);
    assertEquals(Outcome.VETOED, stopped.outcome());
    assertEquals("Stopped within three months in this vacancy on 2026-08-02.", stopped.evidence().get(0).message().in("en"));

    Evaluation placed = eval(with(record("vac-cook", 200, MatchOutcome.STARTED), record("vac-cook", 100, MatchOutcome.ACTIVE_AFTER_THREE_MONTHS)), COOK);
    assertEquals(Outcome.VETOED, placed.outcome());
    assertEquals("Al aan de slag bij deze vacature sinds 2026-06-23.", placed.evidence().get(0).message().in("nl"));
  }

  @Test
  void withTheExclusionsOffTheOutcomesScoreInstead() {
    Map<String, Object> lenient = Map.of(
        "excludeRejected", false, "rejectedScore", 0.1, "excludeStoppedEarly", false, "stoppedEarlyScore", 0.2,
        "excludePlaced", false);
    assertEquals(0.1, eval(lenient, with(record("vac-cook", 20, MatchOutcome.REJECTED)), COOK).score());
    assertEquals(0.2, eval(lenient, with(record("vac-cook", 20, MatchOutcome.STOPPED_EARLY)), COOK).score());
    Evaluation placed = eval(lenient, with(record("vac-cook", 20, MatchOutcome.STARTED)), COOK);
    assertEquals(Outcome.ABSTAINED, placed.outcome());
    assertEquals("history.placed", placed.evidence().get(0).code());
  }

  @Test
  void aDeclinedProposalRanksTheVacancyLower() {
    Evaluation e = eval(with(record("vac-cook", 7, MatchOutcome.PROPOSED), record("vac-cook", 3, MatchOutcome.DECLINED)), COOK);
    assertEquals(Outcome.SCORED, e.outcome());
    assertEquals(0.25, e.score());
    assertEquals("Proposed before and declined on 2026-09-28; ranked lower.", e.evidence().get(0).message().in("en"));
    assertEquals(0.6, eval(Map.of("declinedScore", 0.6), with(record("vac-cook", 3, MatchOutcome.DECLINED)), COOK).score());
  }

  @Test
  void theLastOutcomeWithTheVacancyDecides() {
    // Declined first, later proposed again, applied and started: already working there.
    Evaluation e = eval(with(
        record("vac-cook", 300, MatchOutcome.DECLINED), record("vac-cook", 40, MatchOutcome.PROPOSED),
        record("vac-cook", 30, MatchOutcome.STARTED)), COOK);
    assertEquals("history.placed", e.evidence().get(0).code());
  }

  @Test
  void anOutcomeOnOrAfterTheDayOfTheMatchIsIgnored() {
    assertEquals(Outcome.ABSTAINED, eval(with(record("vac-cook", 0, MatchOutcome.REJECTED)), COOK).outcome());
    assertEquals(Outcome.ABSTAINED, eval(with(record("vac-cook", -5, MatchOutcome.REJECTED)), COOK).outcome());
    assertEquals(Outcome.VETOED, eval(with(record("vac-cook", 1, MatchOutcome.REJECTED)), COOK).outcome());
  }

  @Test
  void vacancyDaysLetsAnOldOutcomeExpire() {
    Volunteer v = with(record("vac-cook", 400, MatchOutcome.REJECTED));
    assertEquals(Outcome.VETOED, eval(v, COOK).outcome());
    assertEquals(Outcome.VETOED, eval(Map.of("vacancyDays", 400), v, COOK).outcome());
    assertEquals(Outcome.ABSTAINED, eval(Map.of("vacancyDays", 399), v, COOK).outcome());
  }

  @Test
  void aRejectionAtTheSameOrganisationLowersItsOtherVacanciesForAPeriod() {
    Volunteer v = with(record("vac-tutor", 30, MatchOutcome.REJECTED));
    Evaluation e = eval(v, COOK);
    assertEquals(Outcome.SCORED, e.outcome());
    assertEquals(0.5, e.score());
    Evidence why = e.evidence().get(0);
    assertEquals("history.organisation", why.code());
    assertEquals(
        "At another vacancy of this organisation (vac-tutor): rejected by the organisation on 2026-09-01;"
            + " ranked lower until 2027-02-28.",
        why.message().in("en"));
    assertEquals(
        "Bij een andere vacature van deze organisatie (vac-tutor): afgewezen door de organisatie op 2026-09-01;"
            + " daarom lager gerangschikt tot 2027-02-28.",
        why.message().in("nl"));
    assertTrue(why.message().in("fr").startsWith("Dans une autre offre de cette organisation (vac-tutor) : candidature refusée"));
    // Another organisation's vacancy is not concerned, and the period ends.
    assertEquals(Outcome.ABSTAINED, eval(v, ELSEWHERE).outcome());
    assertEquals(Outcome.ABSTAINED, eval(Map.of("organisationDays", 29), v, COOK).outcome());
    assertEquals(0.5, eval(Map.of("organisationDays", 30), v, COOK).score());
    // A decline elsewhere at the organisation says nothing about the organisation.
    assertEquals(Outcome.ABSTAINED, eval(with(record("vac-tutor", 30, MatchOutcome.DECLINED)), COOK).outcome());
  }

  @Test
  void theLowerOfTheVacancysAndTheOrganisationsScoreCounts() {
    Volunteer v = with(record("vac-cook", 10, MatchOutcome.DECLINED), record("vac-tutor", 30, MatchOutcome.STOPPED_EARLY));
    Evaluation e = eval(v, COOK);
    assertEquals(0.25, e.score());
    assertEquals("history.declined", e.evidence().get(0).code());
    Evaluation organisationLower = eval(Map.of("organisationScore", 0.1), v, COOK);
    assertEquals(0.1, organisationLower.score());
    assertEquals("history.organisation", organisationLower.evidence().get(0).code());
  }

  @Test
  void aVacancyNoLongerInTheEngineCountsForItselfOnly() {
    Volunteer v = with(record("vac-gone", 30, MatchOutcome.REJECTED));
    assertEquals(Outcome.ABSTAINED, eval(v, COOK).outcome());
    Vacancy back = COOK.toBuilder().id("vac-gone").build();
    assertEquals(Outcome.VETOED, eval(v, back).outcome());
  }

  @Test
  void badParametersNameTheParameterAndTheValue() {
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> Criterion.builtIn("history", Map.of("declinedScore", 2.0)));
    assertTrue(e.getMessage().contains("declinedScore"), e.getMessage());
    assertTrue(e.getMessage().contains("2.0"), e.getMessage());
    InvalidDataException unknown =
        assertThrows(InvalidDataException.class, () -> Criterion.builtIn("history", Map.of("excludeDeclined", true)));
    assertTrue(unknown.getMessage().contains("excludeDeclined"), unknown.getMessage());
    InvalidDataException days =
        assertThrows(InvalidDataException.class, () -> Criterion.builtIn("history", Map.of("organisationDays", 40000)));
    assertTrue(days.getMessage().contains("organisationDays"), days.getMessage());
    InvalidDataException half =
        assertThrows(InvalidDataException.class, () -> Criterion.builtIn("history", Map.of("vacancyDays", 90.5)));
    assertTrue(half.getMessage().contains("vacancyDays must be a whole number of days"), half.getMessage());
    assertTrue(half.getMessage().contains("90.5"), half.getMessage());
  }

  @Test
  void itReadsTheHistoryOnly() {
    assertEquals(java.util.Set.of(VolunteerField.HISTORY), Criterion.builtIn("history", Map.of()).fieldsRead());
  }
}
