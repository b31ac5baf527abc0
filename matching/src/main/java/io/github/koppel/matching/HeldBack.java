package io.github.koppel.matching;

import io.github.koppel.core.model.LocalizedText;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A volunteer of a counsellor's ranking of volunteers whom a contact cap holds back: an
 * organisation's ranking does not show them and allocation does not place them. The caps are the
 * policy's ({@code MatchPolicy.proposalsPerMonth}) and the volunteer's own ({@code
 * Participation.maxProposalsPerMonth}), counted over the proposals ({@code PROPOSED} events) of
 * the 30 days before the day of the match, and one proposal per vacancy.
 *
 * <p>This class is immutable.
 *
 * @param volunteerId the volunteer
 * @param proposals the volunteer's proposals in the 30 days before the day of the match
 * @param cap the lower of the policy's and the volunteer's own cap, or {@code null} for none
 * @param proposedOn the day this vacancy was already proposed to the volunteer, or {@code null}
 * @param reason why, in nl, en and fr
 * @since 0.2
 */
public record HeldBack(
    String volunteerId, int proposals, @Nullable Integer cap, @Nullable LocalDate proposedOn, LocalizedText reason) {
  public HeldBack {
    Objects.requireNonNull(volunteerId, "volunteerId");
    Objects.requireNonNull(reason, "reason");
  }
}
