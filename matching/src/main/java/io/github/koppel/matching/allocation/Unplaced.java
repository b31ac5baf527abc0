package io.github.koppel.matching.allocation;

import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.matching.internal.Messages;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A volunteer who was not placed, and why.
 *
 * @param volunteerId the volunteer
 * @param reason why
 * @param teamId the volunteer's team, or {@code null}
 * @since 0.2
 */
public record Unplaced(String volunteerId, Reason reason, @Nullable String teamId) {
  public Unplaced {
    Objects.requireNonNull(volunteerId, "volunteerId");
    Objects.requireNonNull(reason, "reason");
  }

  /** Why a volunteer was not placed. */
  public enum Reason {
    /** No vacancy passes the policy's gates for this volunteer. */
    NO_FEASIBLE_VACANCY,
    /** Every feasible vacancy is full with volunteers it prefers (higher scores). */
    OUTCOMPETED,
    /**
     * Every feasible vacancy is full, and at least one of them holds a volunteer it prefers less:
     * the places went where they placed more volunteers or fit the chosen mode's objective.
     */
    CAPACITY,
    /** The volunteer's team fits no vacancy: none is feasible for all members with enough places. */
    TEAM_DOES_NOT_FIT;

    /**
     * Explains the reason to a volunteer or counsellor, in nl, en and fr.
     *
     * @return the explanation
     */
    public LocalizedText description() {
      return Messages.text("allocation.reason." + name());
    }
  }
}
