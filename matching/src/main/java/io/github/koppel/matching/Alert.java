package io.github.koppel.matching;

import java.util.Objects;

/**
 * A pair that newly matches, for a portal to send a message about: a volunteer for a vacancy,
 * with the score of the audience it was computed for ({@link MatchEngine#alertsForVacancy}, {@link
 * MatchEngine#alertsForVolunteer}).
 *
 * <p>This class is immutable.
 *
 * @param volunteerId the volunteer
 * @param vacancyId the vacancy
 * @param score the soft score, in [0, 1]: the organisation score in an organisation's alerts
 * @since 0.2
 */
public record Alert(String volunteerId, String vacancyId, double score) {
  public Alert {
    Objects.requireNonNull(volunteerId, "volunteerId");
    Objects.requireNonNull(vacancyId, "vacancyId");
  }
}
