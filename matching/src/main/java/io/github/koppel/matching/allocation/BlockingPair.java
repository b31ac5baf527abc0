package io.github.koppel.matching.allocation;

import java.util.Objects;

/**
 * A pair that blocks an allocation's stability: a volunteer and a feasible vacancy that the
 * volunteer prefers to their placement (or to being unplaced), and that has a free place for
 * individuals or holds a volunteer it prefers less. See {@link Allocator#blockingPairs}.
 *
 * @param volunteerId the volunteer
 * @param vacancyId the vacancy both would rather have together
 * @since 0.2
 */
public record BlockingPair(String volunteerId, String vacancyId) {
  /**
   * A blocking pair.
   *
   * @param volunteerId the volunteer
   * @param vacancyId the vacancy
   */
  public BlockingPair {
    Objects.requireNonNull(volunteerId, "volunteerId");
    Objects.requireNonNull(vacancyId, "vacancyId");
  }
}
