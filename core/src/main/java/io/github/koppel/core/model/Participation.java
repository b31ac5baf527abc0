package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether and how a volunteer takes part in matching: their status, their consent that
 * organisations may find them in the candidate bank, and how many proposals a month they want.
 *
 * <p>A volunteer who is not {@linkplain #proposableOn proposable} on a day (paused, or withdrawn)
 * is proposed to no vacancy: rankings of volunteers, allocations and alerts leave them out. A
 * volunteer who did not consent that organisations may find them ({@link #findableOn}) never
 * appears in a ranking for an organisation; a counsellor still finds them.
 *
 * <p>This class is immutable.
 *
 * @param status active, paused or withdrawn; {@link Status#ACTIVE} when not given
 * @param pausedUntil for a paused volunteer, the last day of the pause (proposed again from the
 *     day after), or {@code null} for a pause until further notice; {@code null} for any other
 *     status
 * @param findableSince the day the volunteer consented that organisations may find them (the
 *     consent purpose "organisations may find me"), or {@code null} without that consent; not in
 *     the future
 * @param maxProposalsPerMonth the most proposals in 30 days the volunteer wants, in [0, 100], or
 *     {@code null} for the engine's cap alone
 * @since 0.2
 */
public record Participation(
    Status status,
    @Nullable LocalDate pausedUntil,
    @Nullable LocalDate findableSince,
    @Nullable Integer maxProposalsPerMonth) {

  /** The most proposals a month a volunteer may ask for. */
  public static final int MAX_PROPOSALS_PER_MONTH = 100;

  /** An active volunteer without the candidate-bank consent and without a cap of their own. */
  public static final Participation DEFAULT = new Participation(Status.ACTIVE, null, null, null);

  public Participation {
    status = status == null ? Status.ACTIVE : status;
    checkArgument(
        pausedUntil == null || status == Status.PAUSED,
        "participation.pausedUntil is only for a PAUSED volunteer, not %s: %s", status, pausedUntil);
    if (findableSince != null) {
      Checks.pastDate(findableSince, "participation.findableSince");
    }
    checkArgument(
        maxProposalsPerMonth == null
            || (maxProposalsPerMonth >= 0 && maxProposalsPerMonth <= MAX_PROPOSALS_PER_MONTH),
        "participation.maxProposalsPerMonth must be in [0, %s]: %s", MAX_PROPOSALS_PER_MONTH, maxProposalsPerMonth);
  }

  /** A volunteer's status in the volunteer bank. */
  public enum Status {
    /** Proposed as usual. */
    ACTIVE,
    /** Not proposed until the end of the pause. */
    PAUSED,
    /** Not proposed at all: the volunteer left the bank, though their record is kept. */
    WITHDRAWN
  }

  /**
   * Returns an active participation with the candidate-bank consent of a day.
   *
   * @param since the day of the consent
   * @return the participation
   */
  public static Participation findable(LocalDate since) {
    return new Participation(Status.ACTIVE, null, Objects.requireNonNull(since, "since"), null);
  }

  /**
   * Returns whether the volunteer may be proposed on a day: active, or paused until an earlier
   * day.
   *
   * @param day the day of the match
   * @return whether they may be proposed
   */
  public boolean proposableOn(LocalDate day) {
    return switch (status) {
      case ACTIVE -> true;
      case PAUSED -> pausedUntil != null && day.isAfter(pausedUntil);
      case WITHDRAWN -> false;
    };
  }

  /**
   * Returns whether organisations may find the volunteer on a day: they consented on that day or
   * before.
   *
   * @param day the day of the match
   * @return whether an organisation's ranking may hold them
   */
  public boolean findableOn(LocalDate day) {
    return findableSince != null && !findableSince.isAfter(day);
  }

  /**
   * Returns a copy with another status.
   *
   * @param newStatus the status
   * @param until for {@link Status#PAUSED}, the last day of the pause or {@code null}; else {@code null}
   * @return the copy
   */
  public Participation withStatus(Status newStatus, @Nullable LocalDate until) {
    return new Participation(newStatus, until, findableSince, maxProposalsPerMonth);
  }

  /**
   * Returns a copy with another candidate-bank consent.
   *
   * @param since the day of the consent, or {@code null} to withdraw it
   * @return the copy
   */
  public Participation withFindableSince(@Nullable LocalDate since) {
    return new Participation(status, pausedUntil, since, maxProposalsPerMonth);
  }

  /**
   * Returns a copy with another cap of the volunteer's own.
   *
   * @param max the most proposals in 30 days, or {@code null} for none of their own
   * @return the copy
   */
  public Participation withMaxProposalsPerMonth(@Nullable Integer max) {
    return new Participation(status, pausedUntil, findableSince, max);
  }
}
