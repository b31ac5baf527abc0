package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.matching.allocation.AllocationMode;
import io.github.koppel.matching.allocation.Allocations;
import io.github.koppel.matching.allocation.Allocator;
import io.github.koppel.matching.allocation.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reserve list for a vacancy that is full (#19): ranked as ever, marked, and not allocated. */
final class ReserveListTest {
  private static final Dataset CITY = DemoCity.bundled();
  private static final MatchEngine ENGINE =
      MatchEngine.builder(CITY).date(DemoCity.REFERENCE_DATE).strategy(MatchEngine.Strategy.COMPILED)
          .checkMode(MatchEngine.CheckMode.COMPARE).build();
  /** For the whole-city queries: the compiled path alone. */
  private static final MatchEngine FAST = MatchEngine.builder(CITY).date(DemoCity.REFERENCE_DATE).strategy(MatchEngine.Strategy.COMPILED).build();

  private static List<String> ids(Ranking r) {
    return r.matches().stream().map(Match::volunteerId).toList();
  }

  @Test
  void aFullVacancysRankingIsAReserveListInTheSameOrder() {
    Vacancy open = CITY.vacancies().stream()
        .filter(v -> v.capacity() > 0 && ENGINE.rankVolunteers(v.id(), 5).matches().size() == 5)
        .findFirst().orElseThrow();
    Ranking before = ENGINE.rankVolunteers(open.id(), 5);
    assertFalse(before.reserve());
    MatchEngine full = ENGINE.withVacancy(open.toBuilder().capacity(0).build());
    for (Audience audience : List.of(Audience.COUNSELLOR, Audience.ORGANISATION)) {
      Ranking reserve = full.rankVolunteers(open.id(), 5, audience);
      assertTrue(reserve.reserve(), audience.toString());
      assertEquals(ids(ENGINE.rankVolunteers(open.id(), 5, audience)), ids(reserve), audience.toString());
    }
    MatchEngine fullFast = FAST.withVacancy(open.toBuilder().capacity(0).build());
    assertTrue(fullFast.rankVolunteersForEveryVacancy(3).stream()
        .filter(r -> r.subjectId().equals(open.id())).allMatch(Ranking::reserve));
    assertTrue(KoppelJson.create().toJson(full.rankVolunteers(open.id(), 5)).contains("\"reserve\" : true"));
    assertTrue(KoppelJson.create().toJson(before).contains("\"reserve\" : false"));
    // Allocation fills places only: nobody goes to a full vacancy.
    assertFalse(Allocator.allocate(Allocations.problem(fullFast), AllocationMode.GREEDY).placements().stream()
        .map(Placement::vacancyId).anyMatch(open.id()::equals));
  }
}
