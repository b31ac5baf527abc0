package io.github.koppel.matching.allocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link Allocator#allocate}: who is placed where with which score, who is not and
 * why, and the total score. Placements and unplaced volunteers are listed in the problem's order
 * of volunteers. Immutable.
 *
 * @since 0.2
 */
public final class Allocation {
  private final AllocationMode mode;
  private final List<Placement> placements;
  private final List<Unplaced> unplaced;
  private final Map<String, Placement> byVolunteer;
  private final Map<String, Integer> remaining;
  private final double totalScore;

  Allocation(
      AllocationMode mode,
      List<Placement> placements,
      List<Unplaced> unplaced,
      Map<String, Integer> remaining) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.placements = List.copyOf(placements);
    this.unplaced = List.copyOf(unplaced);
    Map<String, Placement> map = new LinkedHashMap<>();
    double total = 0;
    for (Placement p : this.placements) {
      map.put(p.volunteerId(), p);
      total += p.score();
    }
    this.byVolunteer = Collections.unmodifiableMap(map);
    this.remaining = Collections.unmodifiableMap(new LinkedHashMap<>(remaining));
    this.totalScore = total;
  }

  /** Returns the mode that produced this allocation. */
  public AllocationMode mode() {
    return mode;
  }

  /** Returns the placements, in the problem's order of volunteers. */
  public List<Placement> placements() {
    return placements;
  }

  /** Returns the volunteers who were not placed, with the reason, in the problem's order. */
  public List<Unplaced> unplaced() {
    return unplaced;
  }

  /** Returns the number of volunteers placed. */
  public int placedCount() {
    return placements.size();
  }

  /** Returns the sum of the scores of the placements. */
  public double totalScore() {
    return totalScore;
  }

  /**
   * Returns where a volunteer was placed.
   *
   * @param volunteerId the volunteer
   * @return the placement, or empty if the volunteer was not placed or is unknown
   */
  public Optional<Placement> placementOf(String volunteerId) {
    return Optional.ofNullable(byVolunteer.get(volunteerId));
  }

  /**
   * Returns the places a vacancy has left.
   *
   * @param vacancyId the vacancy
   * @return its free places
   * @throws IllegalArgumentException if the vacancy was not in the problem
   */
  public int remainingCapacity(String vacancyId) {
    Integer left = remaining.get(vacancyId);
    if (left == null) {
      throw new IllegalArgumentException("unknown vacancy: " + vacancyId);
    }
    return left;
  }

  @Override
  public String toString() {
    return "Allocation[" + mode + ", " + placements.size() + " placed, " + unplaced.size()
        + " not placed, total score " + totalScore + "]";
  }
}
