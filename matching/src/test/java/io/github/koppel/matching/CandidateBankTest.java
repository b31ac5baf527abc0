package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.allocation.Allocation;
import io.github.koppel.matching.allocation.AllocationMode;
import io.github.koppel.matching.allocation.Allocations;
import io.github.koppel.matching.allocation.Allocator;
import io.github.koppel.matching.allocation.Placement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A candidate bank people agree to (#19): who may be proposed on a day, and whom an organisation
 * may find, on the demo city (three in four volunteers consented; some are paused or withdrew).
 */
final class CandidateBankTest {
  private static final Dataset CITY = DemoCity.bundled();
  private static final LocalDate DAY = DemoCity.REFERENCE_DATE;
  private static final MatchEngine ENGINE =
      MatchEngine.builder(CITY).date(DAY).strategy(MatchEngine.Strategy.COMPILED)
          .checkMode(MatchEngine.CheckMode.COMPARE).build();
  private static final MatchEngine OBJECTS =
      MatchEngine.builder(CITY).date(DAY).strategy(MatchEngine.Strategy.OBJECT).build();

  private static boolean proposable(String id) {
    return CITY.volunteer(id).participation().proposableOn(DAY);
  }

  private static boolean findable(String id) {
    return CITY.volunteer(id).participation().findableOn(DAY);
  }

  /** Whether a contact cap holds a volunteer back from a vacancy: the policy has none of its own. */
  private static boolean heldBack(Volunteer v, String vacancy) {
    long month = v.history().stream()
        .filter(r -> r.outcome() == io.github.koppel.core.model.MatchOutcome.PROPOSED)
        .filter(r -> !r.date().isBefore(DAY.minusDays(30)) && r.date().isBefore(DAY)).count();
    Integer cap = v.participation().maxProposalsPerMonth();
    boolean proposed = v.history().stream().anyMatch(r -> r.outcome() == io.github.koppel.core.model.MatchOutcome.PROPOSED
        && r.vacancyId().equals(vacancy) && r.date().isBefore(DAY));
    return proposed || (cap != null && month >= cap);
  }

  private static Stream<String> listed(Ranking r) {
    return Stream.concat(r.matches().stream().map(Match::volunteerId), r.nearMisses().stream().map(NearMiss::volunteerId));
  }

  @Test
  void theDemoCityHasEveryKindOfParticipation() {
    long bank = CITY.volunteers().stream().filter(v -> v.participation().findableOn(DAY)).count();
    long notProposable = CITY.volunteers().stream().filter(v -> !v.participation().proposableOn(DAY)).count();
    long pausedButBack = CITY.volunteers().stream()
        .filter(v -> v.participation().status() == Participation.Status.PAUSED && v.participation().proposableOn(DAY))
        .count();
    assertTrue(bank > 650 && bank < 850, "in the bank: " + bank);
    assertTrue(notProposable > 40, "paused or withdrawn: " + notProposable);
    assertTrue(pausedButBack > 5, "paused until a day already past: " + pausedButBack);
  }

  @Test
  void anOrganisationsRankingHoldsOnlyTheCandidateBank() {
    long bank = CITY.volunteers().stream()
        .filter(v -> v.participation().findableOn(DAY) && v.participation().proposableOn(DAY)).count();
    int seen = 0;
    for (int j = 0; j < CITY.vacancies().size(); j += 9) {
      String vacancy = CITY.vacancies().get(j).id();
      Ranking org = ENGINE.rankVolunteers(vacancy, 50, Audience.ORGANISATION);
      // The bank, before any contact cap: proposals elsewhere do not change the count.
      assertEquals(bank, org.candidates(), "an organisation's candidates are the bank");
      for (String id : listed(org).toList()) {
        assertFalse(heldBack(CITY.volunteer(id), vacancy), "held back, yet shown: " + id);
      }
      for (String id : listed(org).toList()) {
        assertTrue(findable(id) && proposable(id), vacancy + ": " + id);
        seen++;
      }
      assertEquals(OBJECTS.rankVolunteers(vacancy, 50, Audience.ORGANISATION), org);
    }
    assertTrue(seen > 300, "organisation candidates seen: " + seen);
  }

  @Test
  void aCounsellorFindsEveryoneWhoMayBeProposedAndNoOneElse() {
    long proposable = CITY.volunteers().stream().filter(v -> v.participation().proposableOn(DAY)).count();
    Set<String> outsideTheBank = new HashSet<>();
    for (int j = 0; j < CITY.vacancies().size(); j += 9) {
      String vacancy = CITY.vacancies().get(j).id();
      Ranking r = ENGINE.rankVolunteers(vacancy, 50);
      assertEquals(proposable, r.candidates());
      for (String id : listed(r).toList()) {
        assertTrue(proposable(id), "a paused or withdrawn volunteer proposed: " + id);
        if (!findable(id)) {
          outsideTheBank.add(id);
        }
      }
      assertTrue(ENGINE.feasibleVolunteers(vacancy).keySet().stream().allMatch(CandidateBankTest::proposable));
    }
    assertFalse(outsideTheBank.isEmpty(), "a counsellor also finds volunteers outside the bank");
  }

  @Test
  void aPauseEndsOnItsLastDayAndWithdrawingEndsEveryProposal() {
    Volunteer v = CITY.volunteers().stream()
        .filter(x -> x.participation().equals(Participation.DEFAULT.withFindableSince(x.participation().findableSince()))
            && x.participation().findableOn(DAY))
        .filter(x -> !ENGINE.rankVacancies(x.id(), 1).matches().isEmpty())
        .findFirst().orElseThrow();
    String vacancy = ENGINE.rankVacancies(v.id(), 1).matches().get(0).vacancyId();
    assertTrue(ENGINE.feasibleVolunteers(vacancy).containsKey(v.id()));
    Volunteer paused = v.toBuilder().participation(v.participation().withStatus(Participation.Status.PAUSED, DAY)).build();
    MatchEngine pausing = ENGINE.withVolunteer(paused);
    assertFalse(pausing.feasibleVolunteers(vacancy).containsKey(v.id()), "paused on the last day of the pause");
    assertFalse(listed(pausing.rankVolunteers(vacancy, 1000)).anyMatch(v.id()::equals));
    assertTrue(pausing.withDate(DAY.plusDays(1)).feasibleVolunteers(vacancy).containsKey(v.id()), "back the day after");
    MatchEngine withdrawn = ENGINE.withVolunteer(
        v.toBuilder().participation(v.participation().withStatus(Participation.Status.WITHDRAWN, null)).build());
    assertFalse(withdrawn.withDate(DAY.plusYears(1)).feasibleVolunteers(vacancy).containsKey(v.id()));
    // Their own search still answers: a counsellor may orient someone who comes back.
    assertFalse(withdrawn.rankVacancies(v.id(), 5).matches().isEmpty());
    // Allocation places only who may be proposed.
    Allocation placed = Allocator.allocate(Allocations.problem(withdrawn), AllocationMode.GREEDY);
    assertFalse(placed.placements().stream().map(Placement::volunteerId).anyMatch(v.id()::equals));
  }

  @Test
  void anOrganisationCannotTellAVolunteerOutsideTheBankFromAnUnknownId() {
    Volunteer outside = CITY.volunteers().stream()
        .filter(v -> !v.participation().findableOn(DAY) && v.participation().proposableOn(DAY))
        .findFirst().orElseThrow();
    String vacancy = CITY.vacancies().get(0).id();
    String unknown = assertThrows(IllegalArgumentException.class,
        () -> ENGINE.explain("vol-9999", vacancy, Audience.ORGANISATION)).getMessage();
    String refused = assertThrows(IllegalArgumentException.class,
        () -> ENGINE.explain(outside.id(), vacancy, Audience.ORGANISATION)).getMessage();
    assertEquals(unknown.replace("vol-9999", outside.id()), refused);
    assertEquals(refused, assertThrows(IllegalArgumentException.class,
        () -> ENGINE.rankVacancies(outside.id(), 5, Audience.ORGANISATION)).getMessage());
    // The counsellor explains the same pair.
    assertEquals(outside.id(), ENGINE.explain(outside.id(), vacancy, Audience.COUNSELLOR).volunteerId());
  }

  @Test
  void consentingToTheBankChangesOnlyThatOneVolunteersPresence() {
    // The attack of an organisation on the bank: two cities that differ only in one volunteer's
    // consent give it the same ranking of everyone else, in the same order.
    String vacancy = CITY.vacancies().get(2).id();
    Ranking before = ENGINE.rankVolunteers(vacancy, 1000, Audience.ORGANISATION);
    Volunteer outside = CITY.volunteers().stream()
        .filter(v -> !v.participation().findableOn(DAY) && v.participation().proposableOn(DAY))
        .filter(v -> ENGINE.rankVolunteers(vacancy, 1000).matches().stream().anyMatch(m -> m.volunteerId().equals(v.id())))
        .findFirst().orElseThrow();
    Ranking after = ENGINE.withVolunteer(outside.toBuilder()
            .participation(outside.participation().withFindableSince(DAY.minusDays(1))).build())
        .rankVolunteers(vacancy, 1000, Audience.ORGANISATION);
    List<String> others = after.matches().stream().map(Match::volunteerId).filter(id -> !id.equals(outside.id())).toList();
    assertEquals(before.matches().stream().map(Match::volunteerId).toList(), others);
    assertTrue(after.matches().stream().anyMatch(m -> m.volunteerId().equals(outside.id())));
    assertEquals(before.candidates() + 1, after.candidates());
  }
}
