package io.github.koppel.matching.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.model.History;
import io.github.koppel.core.model.HistoryEvent;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Match;
import io.github.koppel.matching.MatchEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A plausible synthetic history for a dataset, for demonstrations and tests of evaluation: a
 * share of the volunteers came to the counter on a day in the year before the engine's date; each
 * was proposed their top three vacancies under the engine's policy on that day; what followed
 * depends on the match score, so that better matches are applied to, started and kept more often:
 *
 * <ul>
 *   <li>the volunteer applies with probability 0.15 + 0.7 · score², else declines (a week later);
 *   <li>an application is accepted with probability 0.85, else rejected (two weeks later);
 *   <li>an accepted volunteer starts (three weeks later), and is still active three months on with
 *       probability 0.35 + 0.6 · score, else stops early.
 * </ul>
 *
 * <p>Visits fall on the first day of one of the twelve months before the engine's date, and
 * outcomes after that date are left out. Deterministic for a seed. The history is fiction: its point is that a policy's rankings can
 * be checked against outcomes that depend on match quality in a known way.
 *
 * @since 0.2
 */
public final class SyntheticHistory {
  private SyntheticHistory() {}

  /**
   * Generates a history.
   *
   * @param engine the engine whose dataset and policy drive the outcomes
   * @param share the share of volunteers who came to the counter, in [0, 1]
   * @param seed the seed
   * @return the history
   * @throws IllegalArgumentException if the share is out of range
   */
  public static History generate(MatchEngine engine, double share, long seed) {
    Objects.requireNonNull(engine, "engine");
    checkArgument(share >= 0 && share <= 1, "share must be in [0, 1]: %s", share);
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate end = engine.date();
    List<HistoryEvent> events = new ArrayList<>();
    // Engines by visiting day, built on demand; the policy and data stay the same.
    java.util.Map<LocalDate, MatchEngine> byDay = new java.util.HashMap<>();
    for (Volunteer v : engine.dataset().volunteers()) {
      if (random.nextDouble() >= share) {
        continue;
      }
      // Visits fall on the first of a month, so that the engines are few.
      LocalDate day = end.minusMonths(1 + random.nextInt(12)).withDayOfMonth(1);
      MatchEngine then =
          byDay.computeIfAbsent(
              day,
              d ->
                  MatchEngine.builder(engine.dataset())
                      .policy(engine.policy())
                      .date(d)
                      .build());
      for (Match m : then.rankVacancies(v.id(), 3).matches()) {
        String vacancy = m.vacancyId();
        double score = m.score();
        events.add(new HistoryEvent(v.id(), vacancy, day, MatchOutcome.PROPOSED));
        if (random.nextDouble() >= 0.15 + 0.7 * score * score) {
          events.add(new HistoryEvent(v.id(), vacancy, day.plusDays(7), MatchOutcome.DECLINED));
          continue;
        }
        events.add(new HistoryEvent(v.id(), vacancy, day.plusDays(7), MatchOutcome.APPLIED));
        if (random.nextDouble() >= 0.85) {
          events.add(new HistoryEvent(v.id(), vacancy, day.plusDays(14), MatchOutcome.REJECTED));
          continue;
        }
        LocalDate start = day.plusDays(21);
        events.add(new HistoryEvent(v.id(), vacancy, start, MatchOutcome.STARTED));
        boolean stays = random.nextDouble() < 0.35 + 0.6 * score;
        events.add(
            new HistoryEvent(
                v.id(),
                vacancy,
                stays ? start.plusMonths(3) : start.plusDays(20 + random.nextInt(60)),
                stays ? MatchOutcome.ACTIVE_AFTER_THREE_MONTHS : MatchOutcome.STOPPED_EARLY));
      }
    }
    // Outcomes after the engine's day are not known yet.
    events.removeIf(e -> e.date().isAfter(end));
    return History.of(events);
  }
}
