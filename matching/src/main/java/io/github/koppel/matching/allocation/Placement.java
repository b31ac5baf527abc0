package io.github.koppel.matching.allocation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A volunteer placed in a vacancy.
 *
 * @param volunteerId the volunteer
 * @param vacancyId the vacancy
 * @param score the policy's score of the pair
 * @param teamId the team the volunteer was placed with, or {@code null}
 * @since 0.2
 */
public record Placement(
    String volunteerId, String vacancyId, double score, @Nullable String teamId) {
  public Placement {
    Objects.requireNonNull(volunteerId, "volunteerId");
    Objects.requireNonNull(vacancyId, "vacancyId");
  }
}
