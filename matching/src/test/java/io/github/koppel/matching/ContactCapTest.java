package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.MatchRecord;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.allocation.AllocationMode;
import io.github.koppel.matching.allocation.Allocations;
import io.github.koppel.matching.allocation.Allocator;
import io.github.koppel.matching.allocation.Placement;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contact caps (#19): at most N proposals in 30 days per volunteer, and one per vacancy, honoured
 * by organisations' rankings and by allocation; the counsellor sees who was held back and why.
 */
final class ContactCapTest {
  private static final Dataset CITY = DemoCity.bundled();
  private static final LocalDate DAY = DemoCity.REFERENCE_DATE;
  private static final MatchPolicy CAPPED = MatchPolicies.inclusiveDefault().withProposalsPerMonth(3);

  private static MatchEngine engine(Dataset city, MatchPolicy policy, MatchEngine.Strategy strategy) {
    return MatchEngine.builder(city).policy(policy).date(DAY).strategy(strategy)
        .checkMode(MatchEngine.CheckMode.COMPARE).build();
  }

  /** A vacancy and the best volunteer for it whom an organisation may find, without history. */
  private record Pair(String vacancy, Volunteer volunteer) {}

  private static Pair pair() {
    MatchEngine plain = engine(CITY, CAPPED, MatchEngine.Strategy.COMPILED);
    for (int j = 0; j < CITY.vacancies().size(); j += 3) {
      String vacancy = CITY.vacancies().get(j).id();
      for (Match m : plain.rankVolunteers(vacancy, 10, Audience.ORGANISATION).matches()) {
        Volunteer v = CITY.volunteer(m.volunteerId());
        if (v.history().isEmpty() && v.participation().maxProposalsPerMonth() == null) {
          return new Pair(vacancy, v);
        }
      }
    }
    throw new AssertionError("no candidate");
  }

  private static Dataset with(Volunteer changed) {
    List<Volunteer> volunteers = new ArrayList<>(CITY.volunteers());
    volunteers.replaceAll(v -> v.id().equals(changed.id()) ? changed : v);
    return Dataset.of(CITY.organisations(), CITY.vacancies(), volunteers);
  }

  /** The volunteer proposed a vacancy, or (with an empty id) other vacancies than the pair's, some times. */
  private static Volunteer proposed(Pair p, int times, String vacancy) {
    List<String> others = CITY.vacancies().stream().map(x -> x.id()).filter(id -> !id.equals(p.vacancy())).toList();
    List<MatchRecord> history = new ArrayList<>(p.volunteer().history());
    for (int i = 0; i < times; i++) {
      history.add(new MatchRecord(vacancy.isEmpty() ? others.get(i) : vacancy, DAY.minusDays(2 + i * 9), MatchOutcome.PROPOSED));
    }
    return p.volunteer().toBuilder().history(history).build();
  }

  private static boolean listed(Ranking r, String id) {
    return r.matches().stream().anyMatch(m -> m.volunteerId().equals(id))
        || r.nearMisses().stream().anyMatch(n -> n.volunteerId().equals(id));
  }

  @Test
  void aVolunteerAtTheMonthlyCapIsHeldBackFromOrganisationsAndAllocation() {
    Pair p = pair();
    Volunteer busy = proposed(p, 3, "");
    for (MatchEngine.Strategy strategy : MatchEngine.Strategy.values()) {
      MatchEngine e = engine(with(busy), CAPPED, strategy);
      Ranking counsellor = e.rankVolunteers(p.vacancy(), 10);
      assertTrue(listed(counsellor, busy.id()), "the counsellor still sees them");
      HeldBack held = counsellor.heldBack().stream().filter(h -> h.volunteerId().equals(busy.id())).findFirst().orElseThrow();
      assertEquals(3, held.proposals());
      assertEquals(3, held.cap());
      assertNull(held.proposedOn());
      assertEquals("Held back from organisations: already 3 proposals in 30 days (at most 3).", held.reason().in("en"));
      assertEquals("Niet aan organisaties voorgesteld: al 3 voorstellen in 30 dagen (hoogstens 3).", held.reason().in("nl"));
      assertEquals(held, counsellor.redactedFor(Audience.COUNSELLOR).heldBack().stream()
          .filter(h -> h.volunteerId().equals(busy.id())).findFirst().orElseThrow());
      Ranking org = e.rankVolunteers(p.vacancy(), 1000, Audience.ORGANISATION);
      assertFalse(listed(org, busy.id()), strategy + ": an organisation is not shown them");
      assertTrue(org.heldBack().isEmpty(), "an organisation is never told who is held back");
      assertEquals(held, e.heldBack(busy.id(), p.vacancy()));
      assertTrue(e.feasibleVolunteers(p.vacancy()).containsKey(busy.id()), "feasible: the cap is not a gate");
      assertFalse(Allocator.allocate(Allocations.problem(e), AllocationMode.GREEDY).placements().stream()
          .map(Placement::volunteerId).anyMatch(busy.id()::equals));
      assertFalse(e.alertsForVacancy(p.vacancy(), 0, 10_000, Audience.COUNSELLOR).stream()
          .anyMatch(a -> a.volunteerId().equals(busy.id())));
      // The proposals of DAY-2, DAY-11 and DAY-20: on DAY+9 the window [DAY-21, DAY+9) holds all three,
      // on DAY+11 only two.
      assertEquals(3, e.withDate(DAY.plusDays(9)).heldBack(busy.id(), p.vacancy()).proposals());
      assertNull(e.withDate(DAY.plusDays(11)).heldBack(busy.id(), p.vacancy()));
    }
    // Without a cap in the policy, three proposals hold no one back.
    MatchEngine uncapped = engine(with(busy), MatchPolicies.inclusiveDefault(), MatchEngine.Strategy.COMPILED);
    assertTrue(listed(uncapped.rankVolunteers(p.vacancy(), 1000, Audience.ORGANISATION), busy.id()));
  }

  @Test
  void minimisedDataKeepsWhatTheCapsCount() {
    Pair p = pair();
    Volunteer busy = proposed(p, 3, "");
    MatchPolicy withoutHistory = CAPPED.withoutCriterion("history");
    Volunteer minimised = DataMinimisation.minimise(busy, withoutHistory);
    assertEquals(busy.history(), minimised.history(), "the proposals stay");
    MatchEngine e = engine(with(minimised), withoutHistory, MatchEngine.Strategy.COMPILED);
    assertEquals(3, e.heldBack(busy.id(), p.vacancy()).proposals());
    assertFalse(listed(e.rankVolunteers(p.vacancy(), 1000, Audience.ORGANISATION), busy.id()));
  }

  @Test
  void aVolunteersOwnCapCountsTooAndTheLowerWins() {
    Pair p = pair();
    Volunteer once = proposed(p, 1, "").toBuilder()
        .participation(p.volunteer().participation().withMaxProposalsPerMonth(1)).build();
    MatchEngine e = engine(with(once), MatchPolicies.inclusiveDefault(), MatchEngine.Strategy.COMPILED);
    assertFalse(listed(e.rankVolunteers(p.vacancy(), 1000, Audience.ORGANISATION), once.id()));
    HeldBack held = e.rankVolunteers(p.vacancy(), 10).heldBack().get(0);
    assertEquals(1, held.cap(), "the own cap, without one in the policy");
    MatchEngine both = engine(with(once), CAPPED, MatchEngine.Strategy.COMPILED);
    assertEquals(1, both.rankVolunteers(p.vacancy(), 10).heldBack().get(0).cap(), "own cap 1 under a policy cap of 3");
  }

  @Test
  void aVacancyIsProposedToAVolunteerOnce() {
    Pair p = pair();
    Volunteer asked = proposed(p, 1, p.vacancy());
    for (MatchEngine.Strategy strategy : MatchEngine.Strategy.values()) {
      MatchEngine e = engine(with(asked), MatchPolicies.inclusiveDefault(), strategy);
      HeldBack held = e.rankVolunteers(p.vacancy(), 10).heldBack().stream()
          .filter(h -> h.volunteerId().equals(asked.id())).findFirst().orElseThrow();
      assertEquals(DAY.minusDays(2), held.proposedOn());
      assertEquals("Not proposed to the organisation again: this vacancy was already proposed on 2026-09-29.", held.reason().in("en"));
      assertFalse(listed(e.rankVolunteers(p.vacancy(), 1000, Audience.ORGANISATION), asked.id()), strategy.toString());
      assertEquals(held, e.heldBack(asked.id(), p.vacancy()));
      assertEquals("no volunteer with id '" + asked.id() + "' in the dataset", assertThrows(IllegalArgumentException.class,
          () -> e.explain(asked.id(), p.vacancy(), Audience.ORGANISATION)).getMessage());
      // Other vacancies may still be proposed to them.
      String other = e.rankVacancies(asked.id(), 5).matches().stream().map(Match::vacancyId)
          .filter(v -> !v.equals(p.vacancy())).findFirst().orElseThrow();
      assertNull(e.heldBack(asked.id(), other));
    }
  }

  @Test
  void theCapTravelsWithThePolicyFileAndBadValuesAreRefused() {
    String json = MatchPolicies.toJson(CAPPED);
    assertTrue(json.contains("\"proposalsPerMonth\" : 3"), json);
    assertEquals(CAPPED, MatchPolicies.fromJson(json));
    assertFalse(MatchPolicies.toJson(MatchPolicies.inclusiveDefault()).contains("proposalsPerMonth"));
    InvalidDataException e = assertThrows(InvalidDataException.class,
        () -> MatchPolicies.fromJson(json.replace("\"proposalsPerMonth\" : 3", "\"proposalsPerMonth\" : 500")));
    assertEquals("$.proposalsPerMonth", e.path());
    assertEquals("500", e.value());
    InvalidDataException fraction = assertThrows(InvalidDataException.class,
        () -> MatchPolicies.fromJson(json.replace("\"proposalsPerMonth\" : 3", "\"proposalsPerMonth\" : 2.5")));
    assertEquals("$.proposalsPerMonth", fraction.path());
    assertEquals(
        "proposalsPerMonth must be in [0, 100]: -1",
        assertThrows(IllegalArgumentException.class, () -> CAPPED.withProposalsPerMonth(-1)).getMessage());
    assertEquals(Participation.MAX_PROPOSALS_PER_MONTH, CAPPED.withProposalsPerMonth(100).proposalsPerMonth());
  }
}
