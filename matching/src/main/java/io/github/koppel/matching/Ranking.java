package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a query: the top matches, the nearest misses, and how many candidates each gate
 * removed. A query without a match still says who came close and why.
 *
 * <p>This class is immutable; {@code blockedBy} iterates in the policy's gate order and {@code
 * sensitiveGates} by name.
 *
 * @param direction volunteers for a vacancy, or vacancies for a volunteer
 * @param subjectId the vacancy or volunteer the query is about
 * @param policy the policy's name
 * @param date the day of the match
 * @param candidates how many candidates were considered
 * @param feasible how many passed every gate
 * @param matches the top matches, best first
 * @param nearMisses the nearest misses, nearest first
 * @param blockedBy per gate, how many candidates it removed (a candidate may fail several)
 * @param sensitiveGates the gates whose criteria use sensitive facts
 * @param audience the audience the explanations were redacted for, or {@code null}
 * @param fairness how the matches met the policy's fairness target, or {@code null} without one
 * @since 0.2
 */
public record Ranking(
    Direction direction,
    String subjectId,
    String policy,
    LocalDate date,
    int candidates,
    int feasible,
    List<Match> matches,
    List<NearMiss> nearMisses,
    Map<String, Integer> blockedBy,
    Set<String> sensitiveGates,
    @Nullable Audience audience,
    @Nullable FairnessReport fairness) {

  /** What a query ranks. */
  public enum Direction {
    /** Volunteers for one vacancy. */
    VOLUNTEERS_FOR_VACANCY,
    /** Vacancies for one volunteer. */
    VACANCIES_FOR_VOLUNTEER
  }

  public Ranking {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(date, "date");
    checkArgument(candidates >= 0 && feasible >= 0 && feasible <= candidates,
        "feasible (%s) must be in [0, candidates (%s)]", feasible, candidates);
    matches = List.copyOf(matches);
    nearMisses = List.copyOf(nearMisses);
    blockedBy = Collections.unmodifiableMap(new LinkedHashMap<>(blockedBy));
    sensitiveGates = Collections.unmodifiableSortedSet(new TreeSet<>(sensitiveGates));
  }

  /**
   * Returns whether the query found no match.
   *
   * @return whether {@code matches} is empty
   */
  public boolean isEmpty() {
    return matches.isEmpty();
  }

  /**
   * Returns this ranking as an audience may see it; see {@link MatchExplanation#redactedFor}. For
   * an organisation, near misses that fail a gate on sensitive facts are left out (even a hidden
   * reason would tell that the person has such a fact), and the counts of sensitive gates are
   * merged into one {@value Contribution#PRIVATE} count, and the fairness report loses its counts
   * of target-group members. The other counts are kept: they are about the population, not about
   * a person.
   *
   * @param reader the audience
   * @return the redacted ranking
   * @throws IllegalStateException if this ranking was already redacted for another audience
   */
  public Ranking redactedFor(Audience reader) {
    Objects.requireNonNull(reader, "reader");
    if (audience != null) {
      checkState(audience == reader, "ranking already redacted for %s, not %s", audience, reader);
      return this;
    }
    List<NearMiss> misses = new ArrayList<>();
    for (NearMiss n : nearMisses) {
      MatchExplanation e = n.explanation().redactedFor(reader);
      boolean privateFailure = e.failedGates().stream().anyMatch(GateResult::redacted);
      if (reader != Audience.ORGANISATION || !privateFailure) {
        misses.add(new NearMiss(e));
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    int hidden = 0;
    for (Map.Entry<String, Integer> e : blockedBy.entrySet()) {
      if (reader == Audience.ORGANISATION && sensitiveGates.contains(e.getKey())) {
        hidden += e.getValue();
      } else {
        counts.put(e.getKey(), e.getValue());
      }
    }
    if (hidden > 0) {
      counts.put(Contribution.PRIVATE, hidden);
    }
    return new Ranking(
        direction, subjectId, policy, date, candidates, feasible,
        matches.stream().map(m -> new Match(m.rank(), m.explanation().redactedFor(reader))).toList(),
        misses, counts, sensitiveGates, reader,
        fairness == null || reader != Audience.ORGANISATION ? fairness : fairness.redacted());
  }

  /** Returns a short diagnostic form: the direction, the subject and the counts. */
  @Override
  public String toString() {
    return "Ranking{" + direction + ", " + subjectId + ", matches=" + matches.size() + ", feasible="
        + feasible + "/" + candidates + (audience == null ? "" : ", for " + audience) + "}";
  }
}
