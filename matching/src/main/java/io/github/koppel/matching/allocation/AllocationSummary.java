package io.github.koppel.matching.allocation;

import io.github.koppel.matching.Audience;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An allocation as a reader in an audience may see it, for JSON and other documents. Counsellors
 * see the scores and who is not placed for which reason. An organisation or a volunteer sees who
 * is placed where, without scores (they weigh what volunteers consented to share with counsellors),
 * and only how many are not placed for each reason, not who: a person's reason, such as "no
 * feasible vacancy", could come from a gate on a sensitive fact.
 */
public sealed interface AllocationSummary permits AllocationSummary.Full, AllocationSummary.WithoutScores {
  /**
   * Returns the summary of an allocation for an audience.
   *
   * @param allocation the allocation
   * @param audience who reads it
   * @return {@link Full} for {@link Audience#COUNSELLOR}, else {@link WithoutScores}
   */
  static AllocationSummary of(Allocation allocation, Audience audience) {
    Objects.requireNonNull(allocation, "allocation");
    Objects.requireNonNull(audience, "audience");
    if (audience != Audience.COUNSELLOR) {
      Map<String, Integer> reasons = new TreeMap<>();
      for (Unplaced u : allocation.unplaced()) {
        reasons.merge(u.reason().name(), 1, Integer::sum);
      }
      return new WithoutScores(
          allocation.mode().name(), allocation.placedCount(), allocation.unplaced().size(),
          allocation.placements().stream()
              .map(p -> new PlacementWithoutScore(p.volunteerId(), p.vacancyId(), p.teamId()))
              .toList(),
          reasons);
    }
    return new Full(allocation.mode().name(), allocation.placedCount(), allocation.unplaced().size(),
        allocation.totalScore(), allocation.placements(), allocation.unplaced());
  }

  /**
   * The whole allocation.
   *
   * @param mode the mode's name
   * @param placed how many volunteers are placed
   * @param notPlaced how many are not
   * @param totalScore the sum of the placements' scores
   * @param placements the placements
   * @param unplaced who is not placed, and why
   */
  record Full(String mode, int placed, int notPlaced, double totalScore, List<Placement> placements,
      List<Unplaced> unplaced) implements AllocationSummary {
    /** A summary. */
    public Full {
      placements = List.copyOf(placements);
      unplaced = List.copyOf(unplaced);
    }
  }

  /**
   * The allocation without scores or the reasons of persons.
   *
   * @param mode the mode's name
   * @param placed how many volunteers are placed
   * @param notPlaced how many are not
   * @param placements who is placed where
   * @param notPlacedByReason how many are not placed, by reason
   */
  record WithoutScores(String mode, int placed, int notPlaced, List<PlacementWithoutScore> placements,
      Map<String, Integer> notPlacedByReason) implements AllocationSummary {
    /** A summary. */
    public WithoutScores {
      placements = List.copyOf(placements);
      notPlacedByReason = java.util.Collections.unmodifiableMap(new TreeMap<>(notPlacedByReason));
    }
  }

  /**
   * A placement without its score.
   *
   * @param volunteerId the volunteer
   * @param vacancyId the vacancy
   * @param teamId the team placed together, or null
   */
  record PlacementWithoutScore(String volunteerId, String vacancyId, @Nullable String teamId) {
    /** A placement. */
    public PlacementWithoutScore {
      Objects.requireNonNull(volunteerId, "volunteerId");
      Objects.requireNonNull(vacancyId, "vacancyId");
    }
  }
}
