package io.github.koppel.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One step in the history of a (volunteer, vacancy) pair, as a volunteer centre records it: the
 * vacancy was proposed, the volunteer applied or declined, the organisation rejected, the volunteer
 * started, was still active after three months, or stopped early.
 *
 * <p>This class is immutable.
 *
 * @param volunteerId the volunteer
 * @param vacancyId the vacancy
 * @param date the day it happened
 * @param outcome what happened
 * @since 0.2
 */
public record HistoryEvent(String volunteerId, String vacancyId, LocalDate date, MatchOutcome outcome) {
  public HistoryEvent {
    Checks.id(volunteerId, "volunteerId");
    Checks.id(vacancyId, "vacancyId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(outcome, "outcome");
  }
}
