package io.github.koppel.matching.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.koppel.matching.Audience;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each audience may read of an allocation, and the short names of the modes. */
class AllocationSummaryTest {
  /** Two volunteers for one place; a third with no feasible vacancy. Scores as given. */
  private static Allocation allocate(double alpha, double beta) {
    AllocationProblem problem = AllocationProblem.builder()
        .volunteer("alpha").volunteer("beta").volunteer("gamma")
        .vacancy("A", 1).vacancy("B", 1)
        .pair("alpha", "A", alpha)
        .pair("beta", "B", beta)
        .build();
    return Allocator.allocate(problem, AllocationMode.OPTIMAL);
  }

  @Test
  void onlyCounsellorsReadScoresAndTheReasonsOfPersons() {
    Allocation a = allocate(0.9, 0.4);
    AllocationSummary.Full full = assertInstanceOf(AllocationSummary.Full.class, AllocationSummary.of(a, Audience.COUNSELLOR));
    assertEquals(1.3, full.totalScore(), 1e-9);
    assertEquals("gamma", full.unplaced().get(0).volunteerId());
    for (Audience audience : List.of(Audience.ORGANISATION, Audience.VOLUNTEER)) {
      AllocationSummary.WithoutScores seen =
          assertInstanceOf(AllocationSummary.WithoutScores.class, AllocationSummary.of(a, audience));
      assertEquals(2, seen.placed());
      assertEquals(1, seen.notPlaced());
      assertEquals(List.of(new AllocationSummary.PlacementWithoutScore("alpha", "A", null),
          new AllocationSummary.PlacementWithoutScore("beta", "B", null)), seen.placements());
      assertEquals(Map.of(a.unplaced().get(0).reason().name(), 1), seen.notPlacedByReason());
    }
  }

  /**
   * An organisation (or a volunteer) tries to learn the scores, which weigh what volunteers
   * consented to share with counsellors only: two allocations with the same placements and other
   * scores must read the same.
   */
  @Test
  void scoreGapsDoNotReachAnOrganisationOrAVolunteer() {
    Allocation close = allocate(0.50, 0.49);
    Allocation far = allocate(0.99, 0.01);
    assertEquals(AllocatorTest.pairs(close), AllocatorTest.pairs(far));
    assertNotEquals(AllocationSummary.of(close, Audience.COUNSELLOR), AllocationSummary.of(far, Audience.COUNSELLOR));
    for (Audience audience : List.of(Audience.ORGANISATION, Audience.VOLUNTEER)) {
      assertEquals(AllocationSummary.of(close, audience), AllocationSummary.of(far, audience), audience.name());
    }
  }

  @Test
  void everyModeHasAShortNameThatReadsBack() {
    for (AllocationMode m : AllocationMode.values()) {
      assertEquals(m, AllocationMode.ofShortName(m.shortName()));
    }
    assertEquals(List.of("optimal", "stable", "stable-vacancies", "greedy"),
        java.util.Arrays.stream(AllocationMode.values()).map(AllocationMode::shortName).toList());
    assertEquals("the mode must be optimal, stable, stable-vacancies or greedy: \"best\"",
        assertThrows(IllegalArgumentException.class, () -> AllocationMode.ofShortName("best")).getMessage());
  }
}
