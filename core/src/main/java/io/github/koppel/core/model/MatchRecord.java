package io.github.koppel.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An earlier match of a volunteer and what came of it.
 *
 * <p>This class is immutable.
 *
 * @param vacancyId the vacancy
 * @param date the day of the outcome
 * @param outcome what happened
 * @since 0.1
 */
public record MatchRecord(String vacancyId, LocalDate date, MatchOutcome outcome) {

  public MatchRecord {
    Checks.id(vacancyId, "vacancyId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(outcome, "outcome");
  }
}
