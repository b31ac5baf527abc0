package io.github.koppel.matching.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.MatchExplanation;
import io.github.koppel.matching.allocation.AllocationProblem.Team;
import io.github.koppel.matching.allocation.Unplaced.Reason;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AllocatorTest {

  /** Volunteer id to vacancy id of an allocation, sorted. */
  static Map<String, String> pairs(Allocation a) {
    Map<String, String> out = new TreeMap<>();
    a.placements().forEach(p -> out.put(p.volunteerId(), p.vacancyId()));
    return out;
  }

  /**
   * Gale and Shapley (1962), the three-by-three instance with cyclic preferences: every volunteer
   * gets their first choice when volunteers propose, every vacancy when vacancies propose, and
   * both are stable.
   */
  @Test
  void galeShapleyCyclicInstance() {
    AllocationProblem.Builder b = AllocationProblem.builder();
    for (String v : List.of("alpha", "beta", "gamma")) {
      b.volunteer(v);
    }
    for (String j : List.of("A", "B", "C")) {
      b.vacancy(j, 1);
    }
    for (String v : List.of("alpha", "beta", "gamma")) {
      for (String j : List.of("A", "B", "C")) {
        b.pair(v, j, 0.5);
      }
    }
    b.volunteerPreferences("alpha", List.of("A", "B", "C"))
        .volunteerPreferences("beta", List.of("B", "C", "A"))
        .volunteerPreferences("gamma", List.of("C", "A", "B"))
        .vacancyPreferences("A", List.of("beta", "gamma", "alpha"))
        .vacancyPreferences("B", List.of("gamma", "alpha", "beta"))
        .vacancyPreferences("C", List.of("alpha", "beta", "gamma"));
    AllocationProblem problem = b.build();
    Allocation volunteers = Allocator.allocate(problem, AllocationMode.STABLE_VOLUNTEERS_PROPOSE);
    Allocation vacancies = Allocator.allocate(problem, AllocationMode.STABLE_VACANCIES_PROPOSE);
    assertEquals(Map.of("alpha", "A", "beta", "B", "gamma", "C"), pairs(volunteers));
    assertEquals(Map.of("alpha", "C", "beta", "A", "gamma", "B"), pairs(vacancies));
    assertEquals(List.of(), Allocator.blockingPairs(problem, volunteers));
    assertEquals(List.of(), Allocator.blockingPairs(problem, vacancies));
  }

  /** a: X 0.9, Y 0.8; b: X 0.85; c: Y 0.3; one place each. Hand-computed. */
  @Test
  void optimalBeatsGreedyOnTotalScore() {
    AllocationProblem problem =
        AllocationProblem.builder()
            .volunteer("a").volunteer("b").volunteer("c")
            .vacancy("X", 1).vacancy("Y", 1)
            .pair("a", "X", 0.9).pair("a", "Y", 0.8).pair("b", "X", 0.85).pair("c", "Y", 0.3)
            .build();
    Allocation optimal = Allocator.allocate(problem, AllocationMode.OPTIMAL);
    assertEquals(Map.of("a", "Y", "b", "X"), pairs(optimal));
    assertEquals(1.65, optimal.totalScore(), 1e-12);
    assertEquals(List.of(new Unplaced("c", Reason.OUTCOMPETED, null)), optimal.unplaced());
    Allocation greedy = Allocator.allocate(problem, AllocationMode.GREEDY);
    assertEquals(Map.of("a", "X", "c", "Y"), pairs(greedy));
    assertEquals(1.2, greedy.totalScore(), 1e-12);
    assertEquals(List.of(new Unplaced("b", Reason.OUTCOMPETED, null)), greedy.unplaced());
    assertEquals(0, optimal.remainingCapacity("X"));
  }

  /** a: X 0.9, Y 0.1; b: X 0.5: placing both beats the best single score. */
  @Test
  void optimalPlacesTheMostVolunteersFirst() {
    AllocationProblem problem =
        AllocationProblem.builder()
            .volunteer("a").volunteer("b")
            .vacancy("X", 1).vacancy("Y", 1)
            .pair("a", "X", 0.9).pair("a", "Y", 0.1).pair("b", "X", 0.5)
            .build();
    Allocation optimal = Allocator.allocate(problem, AllocationMode.OPTIMAL);
    assertEquals(Map.of("a", "Y", "b", "X"), pairs(optimal));
    Allocation greedy = Allocator.allocate(problem, AllocationMode.GREEDY);
    assertEquals(Map.of("a", "X"), pairs(greedy));
  }

  /** A volunteer who came first yields the place to a better one, and goes unplaced. */
  @Test
  void optimalMovesAnEarlierVolunteerOut() {
    AllocationProblem problem =
        AllocationProblem.builder()
            .volunteer("first").volunteer("second")
            .vacancy("X", 1)
            .pair("first", "X", 0.1).pair("second", "X", 0.9)
            .build();
    Allocation optimal = Allocator.allocate(problem, AllocationMode.OPTIMAL);
    assertEquals(Map.of("second", "X"), pairs(optimal));
    assertEquals(List.of(new Unplaced("first", Reason.OUTCOMPETED, null)), optimal.unplaced());
  }

  /** Capacities are used: three volunteers share a vacancy with three places. */
  @Test
  void capacityIsShared() {
    AllocationProblem problem =
        AllocationProblem.builder()
            .volunteer("a").volunteer("b").volunteer("c").volunteer("d")
            .vacancy("X", 3).vacancy("Y", 0)
            .pair("a", "X", 0.4).pair("b", "X", 0.6).pair("c", "X", 0.8).pair("d", "X", 0.2)
            .pair("d", "Y", 0.9)
            .build();
    for (AllocationMode mode : AllocationMode.values()) {
      Allocation a = Allocator.allocate(problem, mode);
      assertEquals(Map.of("a", "X", "b", "X", "c", "X"), pairs(a), mode::toString);
      // d lost X to better volunteers, but Y had no place at all: capacity, not merit.
      assertEquals(List.of(new Unplaced("d", Reason.CAPACITY, null)), a.unplaced(), mode::toString);
      assertEquals(0, a.remainingCapacity("X"));
    }
  }

  @Test
  void teamsArePlacedTogetherOrNotAtAll() {
    AllocationProblem problem =
        AllocationProblem.builder()
            .volunteer("mother").volunteer("son").volunteer("solo").volunteer("lonely")
            .volunteer("pair1").volunteer("pair2")
            .vacancy("big", 3).vacancy("small", 1)
            .pair("mother", "big", 0.6).pair("son", "big", 0.7).pair("mother", "small", 0.9)
            .pair("solo", "big", 0.5).pair("solo", "small", 0.4)
            .pair("pair1", "small", 0.9).pair("pair2", "small", 0.9)
            .team(new Team("family", List.of("mother", "son")))
            .team(new Team("duo", List.of("pair1", "pair2")))
            .build();
    for (AllocationMode mode : AllocationMode.values()) {
      Allocation a = Allocator.allocate(problem, mode);
      assertEquals("big", a.placementOf("mother").orElseThrow().vacancyId(), mode::toString);
      assertEquals("family", a.placementOf("son").orElseThrow().teamId());
      assertEquals(
          List.of(
              new Unplaced("lonely", Reason.NO_FEASIBLE_VACANCY, null),
              new Unplaced("pair1", Reason.TEAM_DOES_NOT_FIT, "duo"),
              new Unplaced("pair2", Reason.TEAM_DOES_NOT_FIT, "duo")),
          a.unplaced(),
          mode::toString);
      // The family takes two of big's three places; solo gets a place of its own.
      assertEquals(3, a.placedCount(), mode::toString);
      assertTrue(a.placementOf("solo").isPresent(), mode::toString);
      assertEquals(0, a.remainingCapacity("big") + a.remainingCapacity("small") - 1);
    }
  }

  @Test
  void badProblemsAreRejectedWithTheFieldAndValue() {
    assertMessage("duplicate volunteer: a", () -> AllocationProblem.builder().volunteer("a").volunteer("a"));
    assertMessage("volunteer id must not be blank", () -> AllocationProblem.builder().volunteer(" "));
    assertMessage(
        "capacity of vacancy X must be at least 0: -1",
        () -> AllocationProblem.builder().vacancy("X", -1));
    assertMessage("duplicate vacancy: X", () -> AllocationProblem.builder().vacancy("X", 1).vacancy("X", 2));
    assertMessage(
        "unknown volunteer: ghost",
        () -> AllocationProblem.builder().vacancy("X", 1).pair("ghost", "X", 0.5));
    assertMessage(
        "unknown vacancy: Z",
        () -> AllocationProblem.builder().volunteer("a").pair("a", "Z", 0.5));
    assertMessage(
        "score of (a, X) must be in [0, 1]: NaN",
        () -> AllocationProblem.builder().volunteer("a").vacancy("X", 1).pair("a", "X", Double.NaN));
    assertMessage(
        "wish of (a, X) must be in [0, 1]: 1.5",
        () -> AllocationProblem.builder().volunteer("a").vacancy("X", 1).pair("a", "X", 0.5, 1.5));
    assertMessage(
        "duplicate pair: (a, X)",
        () ->
            AllocationProblem.builder()
                .volunteer("a").vacancy("X", 1).pair("a", "X", 0.5).pair("a", "X", 0.6));
    assertMessage(
        "preferences of volunteer a must list each feasible partner once, [X, Y]; got [X]",
        () ->
            AllocationProblem.builder()
                .volunteer("a").vacancy("X", 1).vacancy("Y", 1)
                .pair("a", "X", 0.5).pair("a", "Y", 0.5)
                .volunteerPreferences("a", List.of("X"))
                .build());
    assertMessage("team t lists a member twice: [a, a]", () -> new Team("t", List.of("a", "a")));
    assertMessage("team t must have at least 2 members: [a]", () -> new Team("t", List.of("a")));
    assertMessage(
        "unknown volunteer in team t: b",
        () -> AllocationProblem.builder().volunteer("a").team(new Team("t", List.of("a", "b"))));
    assertMessage(
        "volunteer b is in teams t and u",
        () ->
            AllocationProblem.builder()
                .volunteer("a").volunteer("b").volunteer("c")
                .team(new Team("t", List.of("a", "b")))
                .team(new Team("u", List.of("b", "c"))));
    assertMessage("vacancy id must not be blank", () -> AllocationProblem.builder().vacancy("", 1));
    assertMessage("team id must not be blank", () -> new Team(" ", List.of("a", "b")));
    assertMessage(
        "duplicate team: t",
        () ->
            AllocationProblem.builder()
                .volunteer("a").volunteer("b").volunteer("c").volunteer("d")
                .team(new Team("t", List.of("a", "b")))
                .team(new Team("t", List.of("c", "d"))));
    assertMessage(
        "unknown volunteer: ghost",
        () -> AllocationProblem.builder().volunteerPreferences("ghost", List.of()));
    assertMessage(
        "unknown vacancy: Z",
        () -> AllocationProblem.builder().vacancyPreferences("Z", List.of()));
    assertMessage(
        "preferences of vacancy X must list each feasible partner once, [a, b]; got [a, a]",
        () ->
            AllocationProblem.builder()
                .volunteer("a").volunteer("b").vacancy("X", 1)
                .pair("a", "X", 0.5).pair("b", "X", 0.5)
                .vacancyPreferences("X", List.of("a", "a"))
                .build());
    AllocationProblem.Builder full = AllocationProblem.builder();
    for (int i = 0; i < AllocationProblem.MAX_VOLUNTEERS; i++) {
      full.volunteer("v" + i);
    }
    assertMessage("more than 200000 volunteers", () -> full.volunteer("one-too-many"));
    AllocationProblem one =
        AllocationProblem.builder().volunteer("a").vacancy("X", 1).vacancy("Y", 1).pair("a", "X", 0.5).build();
    assertMessage("unknown volunteer: ghost", () -> one.preferencesOf("ghost"));
    Allocation elsewhere =
        new Allocation(
            AllocationMode.GREEDY, List.of(new Placement("a", "Y", 0.5, null)), List.of(),
            java.util.Map.of("X", 1, "Y", 0));
    assertMessage("placement of a in Y is not feasible", () -> Allocator.blockingPairs(one, elsewhere));
    AllocationProblem empty = AllocationProblem.builder().vacancy("X", 1).build();
    assertMessage("unknown vacancy: Q", () -> empty.capacity("Q"));
    assertMessage(
        "unknown vacancy: Q",
        () -> Allocator.allocate(empty, AllocationMode.OPTIMAL).remainingCapacity("Q"));
  }

  /**
   * A placement that is not stable has its blocking pairs listed: a prefers X, where b holds the
   * only place though X prefers a.
   */
  @Test
  void blockingPairsOfAnUnstablePlacement() {
    AllocationProblem problem =
        AllocationProblem.builder()
            .volunteer("a").volunteer("b").vacancy("X", 1).vacancy("Y", 1)
            .pair("a", "X", 0.9).pair("a", "Y", 0.8).pair("b", "X", 0.4)
            .build();
    Allocation unstable =
        new Allocation(
            AllocationMode.GREEDY,
            List.of(new Placement("a", "Y", 0.8, null), new Placement("b", "X", 0.4, null)),
            List.of(),
            java.util.Map.of("X", 0, "Y", 0));
    assertEquals(List.of(new BlockingPair("a", "X")), Allocator.blockingPairs(problem, unstable));
    assertEquals(
        List.of(),
        Allocator.blockingPairs(problem, Allocator.allocate(problem, AllocationMode.STABLE_VOLUNTEERS_PROPOSE)));
    assertEquals("volunteerId", assertThrows(NullPointerException.class, () -> new BlockingPair(null, "X")).getMessage());
  }

  /** The demo city through the engine: every placement is a feasible match with its score. */
  @Test
  void demoCityAllocation() {
    MatchEngine engine =
        MatchEngine.builder(DemoCity.bundled())
            .date(DemoCity.REFERENCE_DATE)
            .strategy(MatchEngine.Strategy.COMPILED)
            .build();
    AllocationProblem problem = Allocations.problem(engine);
    Allocation optimal = Allocator.allocate(problem, AllocationMode.OPTIMAL);
    Allocation stable = Allocator.allocate(problem, AllocationMode.STABLE_VOLUNTEERS_PROPOSE);
    Allocation greedy = Allocator.allocate(problem, AllocationMode.GREEDY);
    assertTrue(optimal.placedCount() >= stable.placedCount());
    assertTrue(optimal.placedCount() >= greedy.placedCount());
    assertEquals(List.of(), Allocator.blockingPairs(problem, stable));
    for (Placement p : optimal.placements().subList(0, 40)) {
      MatchExplanation e = engine.explain(p.volunteerId(), p.vacancyId());
      assertTrue(e.isFeasible(), p::toString);
      assertEquals(e.score().soft(), p.score(), p::toString);
    }
    // The object path agrees on the feasible pairs and scores.
    MatchEngine objects = MatchEngine.builder(DemoCity.bundled()).date(DemoCity.REFERENCE_DATE).build();
    String vacancy = problem.vacancies().get(7);
    assertEquals(objects.feasibleVolunteers(vacancy), engine.feasibleVolunteers(vacancy));
  }

  private static void assertMessage(String message, Executable executable) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, executable).getMessage());
  }
}
