package io.github.koppel.matching.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.HistoryEvent;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.matching.Match;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.Ranking;
import io.github.koppel.matching.policy.MatchPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays match policies over a history and measures how well their rankings foresaw what
 * happened.
 *
 * <p><b>Queries.</b> Each volunteer with a history is one query, asked on the day of their first
 * event (the visit). The relevant vacancies are those the volunteer started in: gain 2 if still
 * active after three months, else 1. Volunteers who started nowhere are not queries. The ranking is
 * the policy's top k vacancies for the volunteer <em>on that day</em>, so only what was open then
 * can be proposed.
 *
 * <p><b>Measures</b> per query: precision@k, recall@k, nDCG@k (graded) and the reciprocal rank;
 * their means; coverage (the share of vacancies open on the evaluation day with at least one
 * feasible volunteer, and of volunteers with at least one feasible vacancy); the gate funnel
 * (how many (volunteer, vacancy) pairs each gate removes on that day); the exposure per target
 * group; and concentration, the Gini coefficient of the replayed proposals per vacancy and per
 * organisation.
 *
 * <p>Instances are immutable; evaluation builds engines, one per visiting day.
 *
 * @since 0.2
 */
public final class Evaluator {
  private final Dataset dataset;
  private final LocalDate day;
  private final List<Query> queries;

  private Evaluator(Dataset dataset, LocalDate day, List<Query> queries) {
    this.dataset = dataset;
    this.day = day;
    this.queries = List.copyOf(queries);
  }

  /**
   * Prepares the queries of a history.
   *
   * @param dataset the volunteers and vacancies the history is about
   * @param history the history; every id must be in the dataset
   * @param day the day coverage, the funnel and exposure are measured on
   * @return the evaluator
   * @throws io.github.koppel.core.InvalidDataException if the history names an unknown id
   * @throws IllegalArgumentException if an event or the day lies outside the period the bundled
   *     legal rules cover, naming the event and the period
   */
  public static Evaluator of(Dataset dataset, History history, LocalDate day) {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(day, "day");
    history.checkAgainst(dataset, "history");
    LegalRules rules = BundledData.belgianLegalRules();
    rules.checkInForce(day);
    for (int i = 0; i < history.events().size(); i++) {
      HistoryEvent e = history.events().get(i);
      try {
        rules.checkInForce(e.date());
      } catch (IllegalArgumentException outside) {
        throw new IllegalArgumentException(
            "history event " + i + " (volunteer " + e.volunteerId() + ", vacancy " + e.vacancyId()
                + ", " + e.date() + "): " + outside.getMessage(),
            outside);
      }
    }
    Map<String, LocalDate> visit = new LinkedHashMap<>();
    Map<String, Map<String, Double>> gains = new TreeMap<>();
    for (HistoryEvent e : history.events()) {
      visit.merge(e.volunteerId(), e.date(), (a, b) -> a.isBefore(b) ? a : b);
      double gain =
          e.outcome() == MatchOutcome.ACTIVE_AFTER_THREE_MONTHS
              ? 2
              : e.outcome() == MatchOutcome.STARTED ? 1 : 0;
      if (gain > 0) {
        gains.computeIfAbsent(e.volunteerId(), v -> new TreeMap<>())
            .merge(e.vacancyId(), gain, Math::max);
      }
    }
    List<Query> queries = new ArrayList<>();
    gains.forEach((v, g) -> queries.add(new Query(v, visit.get(v), Collections.unmodifiableMap(new TreeMap<>(g)))));
    return new Evaluator(dataset, day, queries);
  }

  /** Returns the queries: each volunteer who started somewhere, with the visit day. */
  public List<Query> queries() {
    return queries;
  }

  /**
   * Replays a policy.
   *
   * @param policy the policy
   * @param k the length of the rankings, in [1, 1000]
   * @return the measures
   * @throws IllegalArgumentException if k is out of range or the policy does not fit the data
   */
  public PolicyEvaluation evaluate(MatchPolicy policy, int k) {
    Objects.requireNonNull(policy, "policy");
    checkArgument(k >= 1 && k <= 1000, "k must be in [1, 1000]: %s", k);
    Map<LocalDate, MatchEngine> engines = new HashMap<>();
    int n = queries.size();
    int metrics = PolicyEvaluation.METRICS.size();
    // Per metric, the value of each query at cut-off k, and the mean at every cut-off 1..k.
    double[][] perQuery = new double[metrics][n];
    double[][] byCutOff = new double[metrics][k];
    int[][] counted = new int[metrics][k];
    Map<String, Integer> perVacancy = new HashMap<>();
    Map<String, Integer> perOrganisation = new HashMap<>();
    List<Double> scores = new ArrayList<>();
    for (int q = 0; q < n; q++) {
      Query query = queries.get(q);
      // One engine, moved from day to day: the data is validated once and shared.
      MatchEngine engine =
          engines.computeIfAbsent(
              query.day(),
              d -> engines.isEmpty()
                  ? MatchEngine.builder(dataset).policy(policy).date(d).build()
                  : engines.values().iterator().next().withDate(d));
      List<String> ranked = new ArrayList<>();
      for (Match m : engine.rankVacancies(query.volunteerId(), k).matches()) {
        ranked.add(m.vacancyId());
        scores.add(m.score());
        perVacancy.merge(m.vacancyId(), 1, Integer::sum);
        Vacancy vacancy = dataset.vacancy(m.vacancyId());
        if (vacancy != null) {
          perOrganisation.merge(vacancy.organisationId(), 1, Integer::sum);
        }
      }
      Set<String> relevant = query.gains().keySet();
      for (int c = 1; c <= k; c++) {
        double[] at = {
          RankingMetrics.precisionAt(ranked, relevant, c),
          RankingMetrics.recallAt(ranked, relevant, c),
          RankingMetrics.ndcgAt(ranked, query.gains(), c),
          RankingMetrics.reciprocalRank(ranked.subList(0, Math.min(c, ranked.size())), relevant)
        };
        for (int m = 0; m < metrics; m++) {
          if (!Double.isNaN(at[m])) {
            byCutOff[m][c - 1] += at[m];
            counted[m][c - 1]++;
          }
          if (c == k) {
            perQuery[m][q] = at[m];
          }
        }
      }
    }
    for (int m = 0; m < metrics; m++) {
      for (int c = 0; c < k; c++) {
        byCutOff[m][c] = counted[m][c] == 0 ? Double.NaN : byCutOff[m][c] / counted[m][c];
      }
    }
    MatchEngine now =
        MatchEngine.builder(dataset)
            .policy(policy)
            .date(day)
            .strategy(MatchEngine.Strategy.COMPILED)
            .build();
    // One pass over the open vacancies gives coverage, the funnel and exposure.
    int open = 0;
    int covered = 0;
    Map<String, Integer> funnel = new LinkedHashMap<>();
    Set<String> reached = new HashSet<>();
    ExposureReport.Tally exposure = new ExposureReport.Tally(dataset, k);
    for (Vacancy vacancy : dataset.vacancies()) {
      if (!vacancy.isOpenOn(day)) {
        continue;
      }
      open++;
      Map<String, Double> feasible = now.feasibleVolunteers(vacancy.id());
      if (!feasible.isEmpty()) {
        covered++;
      }
      reached.addAll(feasible.keySet());
      Ranking ranking = now.rankVolunteers(vacancy.id(), k);
      ranking.blockedBy().forEach((gate, c) -> funnel.merge(gate, c, Integer::sum));
      exposure.add(feasible.keySet(), ranking.matches());
    }
    double[] vacancyCounts = new double[open];
    int i = 0;
    for (Vacancy vacancy : dataset.vacancies()) {
      if (vacancy.isOpenOn(day)) {
        vacancyCounts[i++] = perVacancy.getOrDefault(vacancy.id(), 0);
      }
    }
    double[] organisationCounts =
        dataset.organisations().stream()
            .mapToDouble(o -> perOrganisation.getOrDefault(o.id(), 0))
            .toArray();
    return new PolicyEvaluation(
        policy.name(),
        k,
        queries.stream().map(Query::volunteerId).toList(),
        perQuery[0],
        perQuery[1],
        perQuery[2],
        perQuery[3],
        open == 0 ? Double.NaN : covered / (double) open,
        dataset.volunteers().isEmpty()
            ? Double.NaN
            : reached.size() / (double) dataset.volunteers().size(),
        funnel,
        exposure.report(),
        RankingMetrics.gini(vacancyCounts),
        RankingMetrics.gini(organisationCounts),
        byCutOff,
        scores.stream().mapToDouble(Double::doubleValue).toArray(),
        day);
  }

  /**
   * One query of a replay.
   *
   * @param volunteerId the volunteer
   * @param day the day of the visit: the first event in the history
   * @param gains the vacancies the volunteer started in, with gain 2 if still active after three
   *     months, else 1
   */
  public record Query(String volunteerId, LocalDate day, Map<String, Double> gains) {}
}
