package io.github.koppel.matching;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a volunteer who comes back after a match that did not work ({@link
 * MatchEngine#comeBack}): the vacancies ranked again with the volunteer's history applied, and the
 * vacancies of that history it left out, each with its reason.
 *
 * <p>This class is immutable.
 *
 * @param ranking the vacancies for the volunteer, as {@link MatchEngine#rankVacancies(String, int,
 *     Audience)} ranks them under the policy with its history criterion as a gate
 * @param leftOut the vacancies of the volunteer's history that the history criterion ruled out
 *     (rejected, stopped early, already placed), in the order the history first names them; each
 *     explanation says why, for the same audience as the ranking
 * @since 0.2
 */
public record ComeBack(Ranking ranking, List<NearMiss> leftOut) {
  public ComeBack {
    Objects.requireNonNull(ranking, "ranking");
    leftOut = List.copyOf(leftOut);
  }
}
