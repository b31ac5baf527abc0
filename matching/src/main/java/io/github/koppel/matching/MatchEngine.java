package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import io.github.koppel.matching.policy.TieBreak;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ranks volunteers for a vacancy and vacancies for a volunteer under a {@link MatchPolicy}, and
 * explains any pair.
 *
 * <p>Every pair is evaluated by each criterion of the policy; a pair that fails a gate (a hard
 * criterion, the minimum score, or a vacancy that is not open on the day of the match) becomes a
 * near miss; the others are ranked by score, ties broken by the policy's {@link TieBreak} and then
 * by id. Rankings are deterministic. The legal notices of the rules in force are attached to each
 * proposed match.
 *
 * <p>Implementations are immutable and thread-safe: one engine serves all the threads of a portal.
 *
 * <pre>{@code
 * MatchEngine engine = MatchEngine.builder(DemoCity.bundled())
 *     .policy(MatchPolicies.inclusiveDefault())
 *     .date(DemoCity.REFERENCE_DATE)
 *     .build();
 * Ranking ranking = engine.rankVacancies("persona-amal", 5);
 * for (Match m : ranking.matches()) {
 *   System.out.println(ExplanationText.render(m.explanation(), Audience.VOLUNTEER, "nl"));
 * }
 * }</pre>
 *
 * @since 0.2
 */
public interface MatchEngine {

  /**
   * Returns a builder of an engine over a dataset.
   *
   * @param dataset the organisations, vacancies and volunteers
   * @return the builder
   */
  static Builder builder(Dataset dataset) {
    return new Builder(dataset);
  }

  /**
   * Returns the top volunteers for a vacancy. A volunteer whose {@link
   * io.github.koppel.core.model.Participation} does not let them be proposed on the day of the
   * match (paused, or withdrawn) is not a candidate: neither a match nor a near miss, nor counted.
   * For a vacancy that is full (a capacity of 0) the ranking is a reserve list ({@link
   * Ranking#reserve()}): who comes first when a place opens. A counsellor's ranking names the
   * matches a contact cap holds back ({@link Ranking#heldBack()}).
   *
   * @param vacancyId the vacancy
   * @param k how many matches at most, &ge; 0
   * @return the ranking, unredacted
   * @throws IllegalArgumentException if the vacancy is unknown or {@code k} is negative
   */
  Ranking rankVolunteers(String vacancyId, int k);

  /**
   * Returns the top volunteers for a vacancy as an audience may see them. For a counsellor it is
   * {@code rankVolunteers(vacancyId, k).redactedFor(audience)}; a volunteer is not an audience of
   * a ranking of volunteers (each would see all the others' facts). For an organisation
   * it is computed for it: the volunteers are ranked by the <em>organisation score</em>, the
   * policy's aggregation of the criteria that use no sensitive fact (the others weigh 0, whatever
   * the volunteer consented to), so that no score, weight, contribution or order depends on a
   * sensitive fact, a consent, or whether a sensitive criterion abstained. The gates of sensitive
   * criteria still decide who may be proposed, without showing: who fails one is neither a match
   * nor a near miss, their counts are left out, and at most ten near misses are given (a complete
   * list would tell, by who is missing, who failed a private gate). Under a fairness target the
   * organisation gets the shortlist that FA*IR chose, block by block of ten of the fair order,
   * without any score and within each block in an order fixed by the policy's seed that says
   * nothing about rank: scores or the fair order would show who was moved up for the target
   * group. An organisation's ranking holds only volunteers who consented that organisations may
   * find them ({@link io.github.koppel.core.model.Participation#findableOn}); the others are not
   * candidates at all. See {@code docs/privacy.md}.
   *
   * @param vacancyId the vacancy
   * @param k how many matches at most, &ge; 0
   * @param audience who reads it
   * @return the ranking for that audience
   * @throws IllegalArgumentException if the vacancy is unknown, {@code k} is negative or the
   *     audience is {@link Audience#VOLUNTEER}
   * @since 0.2
   */
  Ranking rankVolunteers(String vacancyId, int k, Audience audience);

  /**
   * Returns every volunteer who is a feasible match for a vacancy (passes every gate, the vacancy
   * is open and the score reaches the policy's minimum) with the score, without explanations: what
   * allocation and evaluation need, at the cost of a scan. Volunteers who may not be proposed on
   * the day (paused, withdrawn) are left out; contact caps are not applied here ({@link
   * #heldBack}), so that evaluation counts what the counsellor's ranking counts.
   *
   * @param vacancyId the vacancy
   * @return volunteer id to score, in the order of the dataset's volunteers
   * @throws IllegalArgumentException if the vacancy is unknown
   * @since 0.2
   */
  Map<String, Double> feasibleVolunteers(String vacancyId);

  /**
   * Returns the top volunteers for every vacancy of the dataset, as a researcher replaying a year
   * needs. With {@link Builder#parallelism} above 1 the vacancies are ranked on that many threads.
   *
   * @param k how many matches per vacancy at most, &ge; 0
   * @return one ranking per vacancy, in the dataset's order, unredacted
   * @throws IllegalArgumentException if {@code k} is negative
   */
  List<Ranking> rankVolunteersForEveryVacancy(int k);

  /**
   * Returns the top vacancies for a volunteer of the dataset.
   *
   * @param volunteerId the volunteer
   * @param k how many matches at most, &ge; 0
   * @return the ranking, unredacted
   * @throws IllegalArgumentException if the volunteer is unknown or {@code k} is negative
   */
  Ranking rankVacancies(String volunteerId, int k);

  /**
   * Returns the top vacancies for a volunteer who need not be in the dataset, such as someone at
   * the counter.
   *
   * @param volunteer the volunteer
   * @param k how many matches at most, &ge; 0
   * @return the ranking, unredacted
   * @throws InvalidDataException if the volunteer uses ids the vocabularies do not know
   * @throws IllegalArgumentException if {@code k} is negative
   */
  Ranking rankVacancies(Volunteer volunteer, int k);

  /**
   * Returns the top vacancies for a volunteer of the dataset as an audience may see them: for an
   * organisation ranked by the organisation score (see {@link #rankVolunteers(String, int,
   * Audience)}), without scores under a fairness target; otherwise redacted.
   *
   * @param volunteerId the volunteer
   * @param k how many matches at most, &ge; 0
   * @param audience who reads it
   * @return the ranking for that audience
   * @throws IllegalArgumentException if the volunteer is unknown or {@code k} is negative
   * @since 0.2
   */
  Ranking rankVacancies(String volunteerId, int k, Audience audience);

  /**
   * Returns the top vacancies for a volunteer who need not be in the dataset as an audience may
   * see them; see {@link #rankVacancies(String, int, Audience)}.
   *
   * @param volunteer the volunteer
   * @param k how many matches at most, &ge; 0
   * @param audience who reads it
   * @return the ranking for that audience
   * @throws InvalidDataException if the volunteer uses ids the vocabularies do not know
   * @throws IllegalArgumentException if {@code k} is negative
   * @since 0.2
   */
  Ranking rankVacancies(Volunteer volunteer, int k, Audience audience);

  /**
   * Ranks the vacancies again for a volunteer of the dataset who comes back after a match that did
   * not work. The policy's {@code history} criterion decides what an earlier outcome does (see
   * {@code docs/policies.md}); here it is a gate whatever its mode, so that a vacancy that rejected
   * the volunteer, one they stopped early or one they already do is left out, and a policy without
   * one gets the built-in criterion with its defaults as a gate of weight 3. The answer lists the
   * vacancies of the volunteer's history so left out, each with the reason.
   *
   * @param volunteerId the volunteer
   * @param k how many matches at most, &ge; 0
   * @param audience the volunteer or a counsellor
   * @return the ranking and what the history left out
   * @throws IllegalArgumentException if the volunteer is unknown, {@code k} is negative or the
   *     audience is {@link Audience#ORGANISATION} (a volunteer's own search is not an
   *     organisation's)
   * @since 0.2
   */
  ComeBack comeBack(String volunteerId, int k, Audience audience);

  /**
   * Returns why a contact cap holds a volunteer back from a vacancy: they reached their cap of
   * proposals in the 30 days before the day of the match (the policy's {@code proposalsPerMonth}
   * or their own, the lower), or the vacancy was already proposed to them. Organisations'
   * rankings, alerts and allocation ({@link io.github.koppel.matching.allocation.Allocations})
   * leave out a pair held back.
   *
   * @param volunteerId the volunteer
   * @param vacancyId the vacancy
   * @return why, or {@code null} when no cap holds them back
   * @throws IllegalArgumentException if either is unknown
   * @since 0.2
   */
  @Nullable HeldBack heldBack(String volunteerId, String vacancyId);

  /** The most alerts one call returns. */
  int MAX_ALERTS = 10_000;

  /**
   * Returns who newly matches a vacancy, for a portal to tell them (or the organisation) after
   * {@link #withVacancy}: the volunteers who are a feasible match now with a score of at least the
   * threshold and whom nothing holds back. Whoever may not be proposed on the day (paused,
   * withdrawn), has reached a contact cap or was already proposed this vacancy is left out, so a
   * portal that records each message it sends as a {@code PROPOSED} event never sends one twice.
   * For an organisation, only volunteers it may find, scored by the organisation score. A full
   * vacancy (a capacity of 0) alerts no one. Computed on the compiled path with the scan of {@link
   * #feasibleVolunteers}; best first, then by id.
   *
   * @param vacancyId the vacancy
   * @param threshold the lowest score, in [0, 1]
   * @param limit how many alerts at most, in [0, {@value #MAX_ALERTS}]
   * @param audience a counsellor (the volunteers are told) or the organisation
   * @return the alerts
   * @throws IllegalArgumentException if the vacancy is unknown, a number is out of range, the
   *     audience is {@link Audience#VOLUNTEER}, or it is an organisation under a fairness target
   *     (scores and their order would show who the target moves up; its shortlist is the way)
   * @since 0.2
   */
  List<Alert> alertsForVacancy(String vacancyId, double threshold, int limit, Audience audience);

  /**
   * Returns the vacancies that newly match a volunteer, for a portal to tell them after {@link
   * #withVolunteer}: the open vacancies with places whose pair with the volunteer is feasible with
   * a score of at least the threshold, except those already proposed to them. A volunteer who may
   * not be proposed on the day, or has reached a contact cap, gets none. Best first, then by id.
   *
   * @param volunteerId the volunteer
   * @param threshold the lowest score, in [0, 1]
   * @param limit how many alerts at most, in [0, {@value #MAX_ALERTS}]
   * @return the alerts
   * @throws IllegalArgumentException if the volunteer is unknown or a number is out of range
   * @since 0.2
   */
  List<Alert> alertsForVolunteer(String volunteerId, double threshold, int limit);

  /**
   * Explains a pair of the dataset as an audience may see it. For an organisation the explanation
   * is computed for it: the criteria that use sensitive facts and their gates are left out
   * altogether (a pair it is told passes may still not be proposed, because of a private gate),
   * the score is the organisation score, and under a fairness target no number is given. An
   * organisation is refused a volunteer it may not find (see {@link #rankVolunteers(String, int,
   * Audience)}) with the message an unknown id gets.
   *
   * @param volunteerId the volunteer
   * @param vacancyId the vacancy
   * @param audience who reads it
   * @return the explanation for that audience
   * @throws IllegalArgumentException if either is unknown, or the audience is an organisation and
   *     it may not find the volunteer
   * @since 0.2
   */
  MatchExplanation explain(String volunteerId, String vacancyId, Audience audience);

  /**
   * Explains a pair as an audience may see it; see {@link #explain(String, String, Audience)}.
   *
   * @param volunteer the volunteer
   * @param vacancy the vacancy, whose organisation is in the dataset
   * @param audience who reads it
   * @return the explanation for that audience
   * @throws InvalidDataException if either uses ids the vocabularies do not know
   * @throws IllegalArgumentException if the vacancy's organisation is unknown
   * @since 0.2
   */
  MatchExplanation explain(Volunteer volunteer, Vacancy vacancy, Audience audience);

  /**
   * Explains a pair of the dataset, with the legal notices.
   *
   * @param volunteerId the volunteer
   * @param vacancyId the vacancy
   * @return the explanation, unredacted
   * @throws IllegalArgumentException if either is unknown
   */
  MatchExplanation explain(String volunteerId, String vacancyId);

  /**
   * Explains a pair, with the legal notices.
   *
   * @param volunteer the volunteer
   * @param vacancy the vacancy, whose organisation is in the dataset
   * @return the explanation, unredacted
   * @throws InvalidDataException if either uses ids the vocabularies do not know
   * @throws IllegalArgumentException if the vacancy's organisation is unknown
   */
  MatchExplanation explain(Volunteer volunteer, Vacancy vacancy);

  /**
   * Returns an engine with a volunteer added, or replacing the one with the same id. This engine
   * is not changed. The compiled index is not rebuilt: only a small tail segment is (see {@link
   * Strategy#COMPILED}).
   *
   * @param volunteer the volunteer
   * @return the new engine
   * @throws InvalidDataException if the volunteer uses ids the vocabularies do not know
   */
  MatchEngine withVolunteer(Volunteer volunteer);

  /**
   * Returns an engine without a volunteer. This engine is not changed; the compiled index marks
   * the volunteer deleted instead of being rebuilt.
   *
   * @param volunteerId the volunteer's id
   * @return the new engine
   * @throws IllegalArgumentException if no volunteer has that id
   */
  MatchEngine withoutVolunteer(String volunteerId);

  /**
   * Returns an engine with a vacancy added, or replacing the one with the same id. This engine is
   * not changed, and the volunteer index is shared.
   *
   * @param vacancy the vacancy, of an organisation of the engine
   * @return the new engine
   * @throws InvalidDataException if the vacancy uses ids the vocabularies do not know, or its
   *     organisation is not in the engine
   */
  MatchEngine withVacancy(Vacancy vacancy);

  /**
   * Returns an engine without a vacancy. This engine is not changed.
   *
   * @param vacancyId the vacancy's id
   * @return the new engine
   * @throws IllegalArgumentException if no vacancy has that id
   */
  MatchEngine withoutVacancy(String vacancyId);

  /**
   * Returns the policy.
   *
   * @return the policy
   */
  MatchPolicy policy();

  /**
   * Returns the day of the match.
   *
   * @return the day
   */
  LocalDate date();

  /**
   * Returns the dataset, with every update applied. After updates it is assembled on first call
   * (O(n)) and kept.
   *
   * @return the dataset
   */
  Dataset dataset();

  /**
   * Returns an engine with the same data and another policy.
   *
   * @param policy the policy
   * @return the new engine
   * @throws InvalidDataException if a criterion's type or parameters are invalid
   */
  MatchEngine withPolicy(MatchPolicy policy);

  /**
   * Returns an engine with the same data, policy and settings on another day of the match: ages,
   * 596.2 extracts and the periods of vacancies are judged on that day. The index of
   * the volunteers does not depend on the day and is shared, so this costs no more than an update;
   * a portal that keeps an engine running moves it to the new day at midnight with it.
   *
   * @param date the day of the match
   * @return the new engine
   * @throws IllegalArgumentException if the legal rules are not in force on that day, naming the
   *     day and the periods they cover
   */
  MatchEngine withDate(LocalDate date);

  /**
   * How an engine evaluates the candidates of a ranking. Both give identical rankings, scores and
   * explanations; they differ only in speed.
   *
   * @since 0.2
   */
  enum Strategy {
    /** Every criterion evaluates every candidate pair as objects. */
    OBJECT,
    /**
     * The volunteers are compiled into flat arrays once, and the vacancies into an index on the
     * first search of a volunteer; each query compiles the policy's criteria for its subject (the
     * vacancy of {@link MatchEngine#rankVolunteers}, the volunteer or visitor of {@link
     * MatchEngine#rankVacancies}) and scans the other side; the returned matches and near misses
     * are re-scored with the object criteria. Criteria of your own that cannot be compiled are
     * evaluated as objects. Explanations of single pairs use objects.
     */
    COMPILED
  }

  /**
   * Whether an engine checks its compiled path against its object path, in the spirit of a solver's
   * full-assert mode: for tests, for trying a criterion of your own, and for finding a bug of the
   * compiled path on real data. It has no effect on an engine of {@link Strategy#OBJECT}.
   *
   * @since 0.2
   */
  enum CheckMode {
    /** The compiled path answers alone (the default). */
    OFF,
    /**
     * Every query answered on the compiled path ({@link MatchEngine#rankVolunteers}, including the
     * target group's ranking under a fairness target, {@link
     * MatchEngine#rankVolunteersForEveryVacancy}, {@link MatchEngine#feasibleVolunteers} and {@link
     * MatchEngine#rankVacancies}, for a volunteer of the engine or a visitor) is
     * answered on the object path too, and any difference (a score, a count per gate, a match or a
     * near miss) throws an {@link IllegalStateException} that names the query and the first
     * difference. Each such query then costs as much as on the object path, and more.
     */
    COMPARE
  }

  /**
   * Builds a {@link MatchEngine}. Every setting has a default: the bundled Flemish vocabularies,
   * the bundled Belgian legal rules, the inclusive default policy, the built-in criteria and
   * today's date in Brussels. This class is not thread-safe; each setter may be called once.
   *
   * @since 0.2
   */
  final class Builder {
    private final Dataset dataset;
    private @Nullable Vocabularies vocabularies;
    private @Nullable LegalRules legalRules;
    private @Nullable MatchPolicy policy;
    private @Nullable CriterionRegistry registry;
    private @Nullable LocalDate date;
    private @Nullable Strategy strategy;
    private @Nullable CheckMode checkMode;
    private int parallelism;

    private Builder(Dataset dataset) {
      this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /**
     * Sets the vocabularies.
     *
     * @param vocabularies the vocabularies every id of the dataset must be in
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder vocabularies(Vocabularies vocabularies) {
      checkState(this.vocabularies == null, "vocabularies already set");
      this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
      return this;
    }

    /**
     * Sets the legal rules.
     *
     * @param legalRules the rules
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder legalRules(LegalRules legalRules) {
      checkState(this.legalRules == null, "legalRules already set");
      this.legalRules = Objects.requireNonNull(legalRules, "legalRules");
      return this;
    }

    /**
     * Sets the policy.
     *
     * @param policy the policy
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder policy(MatchPolicy policy) {
      checkState(this.policy == null, "policy already set");
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the criterion registry, to use criterion types of your own.
     *
     * @param registry the registry
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder registry(CriterionRegistry registry) {
      checkState(this.registry == null, "registry already set");
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Sets the day of the match, on which ages, extracts and vacancy validity are judged.
     *
     * @param date the day
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder date(LocalDate date) {
      checkState(this.date == null, "date already set");
      this.date = Objects.requireNonNull(date, "date");
      return this;
    }

    /**
     * Sets how candidates are evaluated (default {@link Strategy#OBJECT}).
     *
     * @param strategy the strategy
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder strategy(Strategy strategy) {
      checkState(this.strategy == null, "strategy already set");
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Sets whether the engine checks its compiled path against its object path on every query
     * (default {@link CheckMode#OFF}). Engines made from this one by updates and {@link
     * MatchEngine#withPolicy} keep it.
     *
     * @param checkMode the check mode
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder checkMode(CheckMode checkMode) {
      checkState(this.checkMode == null, "checkMode already set");
      this.checkMode = Objects.requireNonNull(checkMode, "checkMode");
      return this;
    }

    /**
     * Sets how many threads one query of the compiled path, or one batch, may use (default 1).
     * The engine then keeps a pool of that many daemon threads. Rankings do not depend on it.
     *
     * @param threads the number of threads, in [1, 256]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if already set
     */
    public Builder parallelism(int threads) {
      checkState(this.parallelism == 0, "parallelism already set");
      checkArgument(threads >= 1 && threads <= 256, "parallelism must be in [1, 256]: %s", threads);
      this.parallelism = threads;
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     * @throws InvalidDataException if the dataset uses ids the vocabularies do not know, or a
     *     criterion of the policy has an unknown type or invalid parameters
     * @throws IllegalArgumentException if the legal rules are not in force on the day of the
     *     match, naming the day and the periods they cover
     */
    public MatchEngine build() {
      Vocabularies v = vocabularies != null ? vocabularies : BundledData.flemishVocabularies();
      LegalRules rules = legalRules != null ? legalRules : BundledData.belgianLegalRules();
      LocalDate day = date != null ? date : LocalDate.now(ZoneId.of("Europe/Brussels"));
      rules.checkInForce(day);
      v.validate(dataset);
      return new DefaultMatchEngine(
          dataset,
          v,
          rules,
          policy != null ? policy : MatchPolicies.inclusiveDefault(),
          registry != null ? registry : CriterionRegistry.builtIn(),
          day,
          strategy != null ? strategy : Strategy.OBJECT,
          checkMode != null ? checkMode : CheckMode.OFF,
          parallelism == 0 ? 1 : parallelism);
    }
  }
}
