package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.github.koppel.core.model.SensitiveCategory;
import java.time.LocalDate;
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
 * @param heldBack the volunteers among a counsellor's matches whom a contact cap holds back from
 *     organisations and allocation, in the order of the matches; empty in every other ranking
 * @param reserve whether this is a reserve list: a ranking of volunteers for a vacancy that is
 *     full (a capacity of 0), whose matches wait for a place to open rather than being proposed now
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
    @Nullable FairnessReport fairness,
    List<HeldBack> heldBack,
    boolean reserve) {

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
    heldBack = List.copyOf(heldBack);
  }

  /**
   * Creates a ranking in which no one is held back.
   *
   * @param direction volunteers for a vacancy, or vacancies for a volunteer
   * @param subjectId the vacancy or volunteer the query is about
   * @param policy the policy's name
   * @param date the day of the match
   * @param candidates how many candidates were considered
   * @param feasible how many passed every gate
   * @param matches the top matches, best first
   * @param nearMisses the nearest misses, nearest first
   * @param blockedBy per gate, how many candidates it removed
   * @param sensitiveGates the gates whose criteria use sensitive facts
   * @param audience the audience the explanations were redacted for, or {@code null}
   * @param fairness how the matches met the policy's fairness target, or {@code null}
   */
  public Ranking(
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
    this(direction, subjectId, policy, date, candidates, feasible, matches, nearMisses, blockedBy,
        sensitiveGates, audience, fairness, List.of(), false);
  }

  /**
   * Returns this ranking with the volunteers a contact cap holds back.
   *
   * @param held the volunteers held back, in the order of the matches
   * @return the ranking
   */
  Ranking withHeldBack(List<HeldBack> held) {
    return new Ranking(direction, subjectId, policy, date, candidates, feasible, matches, nearMisses,
        blockedBy, sensitiveGates, audience, fairness, held, reserve);
  }

  /** Returns this ranking with another count of candidates. */
  Ranking withCandidates(int count) {
    return new Ranking(direction, subjectId, policy, date, count, feasible, matches, nearMisses,
        blockedBy, sensitiveGates, audience, fairness, heldBack, reserve);
  }

  /**
   * Returns this ranking as a reserve list, or not.
   *
   * @param isReserve whether it is one
   * @return the ranking
   */
  Ranking asReserve(boolean isReserve) {
    return isReserve == reserve
        ? this
        : new Ranking(direction, subjectId, policy, date, candidates, feasible, matches, nearMisses,
            blockedBy, sensitiveGates, audience, fairness, heldBack, isReserve);
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
   * Returns this ranking as a counsellor, or the volunteer it is for, may see it; see {@link
   * MatchExplanation#redactedFor}. The counts are kept: they are about the population, not about a
   * person. For a counsellor, the fairness report names only the promoted volunteers who let a
   * counsellor see their target group.
   *
   * <p>An organisation's ranking is computed, not redacted: {@link MatchEngine#rankVolunteers(String,
   * int, Audience)} ranks by the organisation score (a ranking by the full score would tell, by
   * its order, what the hidden factors are), leaves out near misses that failed a private gate and
   * the counts of the private gates, and under a fairness target shows the shortlist without
   * scores and in an order that says nothing about rank. A ranking already computed for an
   * organisation is returned as it is.
   *
   * @param reader the audience
   * @return the redacted ranking
   * @throws IllegalArgumentException if {@code reader} is {@link Audience#ORGANISATION} and this
   *     ranking was not computed for an organisation, or if it is {@link Audience#VOLUNTEER} and
   *     this ranking is of volunteers (each of whom would see all the others' facts)
   * @throws IllegalStateException if this ranking was already redacted for another audience
   */
  public Ranking redactedFor(Audience reader) {
    Objects.requireNonNull(reader, "reader");
    if (audience != null) {
      checkState(audience == reader, "ranking already redacted for %s, not %s", audience, reader);
      return this;
    }
    checkArgument(
        reader != Audience.ORGANISATION,
        "an organisation's ranking is computed for it, not redacted: use"
            + " MatchEngine.rankVolunteers(vacancyId, k, Audience.ORGANISATION)");
    checkArgument(
        reader != Audience.VOLUNTEER || direction == Direction.VACANCIES_FOR_VOLUNTEER,
        "a volunteer sees rankings of vacancies for themselves; a ranking of volunteers for a"
            + " vacancy is for a counsellor or an organisation");
    List<Match> shown =
        matches.stream().map(m -> new Match(m.rank(), m.explanation().redactedFor(reader))).toList();
    FairnessReport report = fairness;
    if (report != null && reader == Audience.COUNSELLOR) {
      Set<String> consented = new TreeSet<>();
      for (Match m : shown) {
        if (m.explanation().counsellorMayView().contains(SensitiveCategory.TARGET_GROUP)) {
          consented.add(m.volunteerId());
        }
      }
      report = report.onlyPromoted(consented);
    }
    return new Ranking(
        direction, subjectId, policy, date, candidates, feasible, shown,
        nearMisses.stream().map(n -> new NearMiss(n.explanation().redactedFor(reader))).toList(),
        blockedBy, sensitiveGates, reader, report, heldBack, reserve);
  }

  /** Returns a short diagnostic form: the direction, the subject and the counts. */
  @Override
  public String toString() {
    return "Ranking{" + direction + ", " + subjectId + ", matches=" + matches.size() + ", feasible="
        + feasible + "/" + candidates + (audience == null ? "" : ", for " + audience) + "}";
  }
}
