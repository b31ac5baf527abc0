package io.github.koppel.matching.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Contribution;
import io.github.koppel.matching.GateResult;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.MatchExplanation;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.internal.Scores;
import io.github.koppel.matching.policy.Aggregation;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Tunes the weights of a policy on a history: a seeded search that maximises a ranking metric,
 * optionally under a fairness constraint, with k-fold cross-validation to tell how well the tuned
 * weights do on queries they were not tuned on.
 *
 * <p>Weights change scores but not gates, so every (query, vacancy) pair is explained once with
 * the starting policy and its criterion scores are kept; a candidate weighting then re-ranks every
 * query from those scores with the engine's own aggregation, in microseconds. Ties are broken by
 * vacancy id, as the engine does for {@link io.github.koppel.matching.policy.TieBreak#ID}. Criteria with
 * weight 0 (pure gates) keep it.
 *
 * <p><b>Searches.</b> {@link Search#COORDINATE}: rounds over the criteria, trying each weight times
 * 0.5, 0.8, 1.25 and 2 and keeping a change only if it improves the objective; {@link
 * Search#RANDOM}: weights drawn log-uniformly between a quarter and four times the starting ones,
 * keeping the best. Both are deterministic for a seed.
 *
 * <p><b>Fairness constraint.</b> With a target group and a ratio r, a weighting is admissible only
 * if the metric's mean over the queries of volunteers in the group (who consented to its use) is
 * at least r times the mean over all queries: the group is served about as well as everyone.
 *
 * @since 0.2
 */
public final class Tuner {
  /** How the weights are searched. */
  public enum Search {
    /** Coordinate ascent with multiplicative steps. */
    COORDINATE,
    /** Random search, log-uniform around the starting weights. */
    RANDOM
  }

  private static final double[] STEPS = {0.5, 0.8, 1.25, 2.0};

  private final MatchPolicy start;
  private final int k;
  private final String metric;
  private final int criteria;
  private final double[] startWeights;
  private final List<QueryData> data;
  private final @Nullable String group;
  private final double ratio;

  private Tuner(
      MatchPolicy start,
      int k,
      String metric,
      List<QueryData> data,
      @Nullable String group,
      double ratio) {
    this.start = start;
    this.k = k;
    this.metric = metric;
    this.criteria = start.criteria().size();
    this.startWeights = start.criteria().stream().mapToDouble(CriterionSpec::weight).toArray();
    this.data = data;
    this.group = group;
    this.ratio = ratio;
  }

  /**
   * Prepares tuning: explains every (query, vacancy) pair once with the starting policy.
   *
   * @param evaluator the queries
   * @param dataset the dataset the evaluator was made for
   * @param start the starting policy
   * @param metric the metric to maximise, one of {@link PolicyEvaluation#METRICS}
   * @param k the length of the rankings, in [1, 1000]
   * @param group a target group for the fairness constraint, or {@code null} for none
   * @param ratio the constraint's ratio, in [0, 1]; ignored without a group
   * @return the tuner
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static Tuner of(
      Evaluator evaluator,
      Dataset dataset,
      MatchPolicy start,
      String metric,
      int k,
      @Nullable String group,
      double ratio) {
    Objects.requireNonNull(evaluator, "evaluator");
    Objects.requireNonNull(start, "start");
    checkArgument(
        PolicyEvaluation.METRICS.contains(metric),
        "unknown metric '%s'; known: %s",
        metric,
        PolicyEvaluation.METRICS);
    checkArgument(k >= 1 && k <= 1000, "k must be in [1, 1000]: %s", k);
    checkArgument(ratio >= 0 && ratio <= 1, "ratio must be in [0, 1]: %s", ratio);
    Map<LocalDate, MatchEngine> engines = new HashMap<>();
    List<QueryData> data = new ArrayList<>();
    int m = start.criteria().size();
    for (Evaluator.Query q : evaluator.queries()) {
      // One engine, moved from day to day: the data is validated once and shared.
      MatchEngine engine =
          engines.computeIfAbsent(
              q.day(),
              d -> engines.isEmpty()
                  ? MatchEngine.builder(dataset).policy(start).date(d).build()
                  : engines.values().iterator().next().withDate(d));
      List<String> ids = new ArrayList<>();
      List<double[]> scores = new ArrayList<>();
      List<boolean[]> takesPart = new ArrayList<>();
      for (Vacancy vacancy : dataset.vacancies()) {
        if (!vacancy.isOpenOn(q.day())) {
          continue; // fails the gate "open" whatever the weights
        }
        MatchExplanation e = engine.explain(q.volunteerId(), vacancy.id());
        boolean gates = true;
        for (GateResult g : e.gates()) {
          if (!g.passed() && !g.gate().equals(GateResult.MINIMUM_SCORE)) {
            gates = false;
            break;
          }
        }
        if (!gates) {
          continue;
        }
        double[] s = new double[m];
        boolean[] part = new boolean[m];
        for (int j = 0; j < m; j++) {
          Contribution c = e.contributions().get(j);
          boolean abstained = c.outcome() == Evaluation.Outcome.ABSTAINED;
          // The weight decides later; a bonus takes part even when it abstains.
          part[j] =
              Scores.takesPart(
                  abstained,
                  start.criteria().get(j).isBonus() && start.aggregation() == Aggregation.WEIGHTED_MEAN,
                  1);
          s[j] = c.outcome() == Evaluation.Outcome.SCORED ? c.score() : 0;
        }
        ids.add(vacancy.id());
        scores.add(s);
        takesPart.add(part);
      }
      Volunteer v = dataset.volunteer(q.volunteerId());
      boolean member =
          group != null
              && v != null
              && v.mayUse(SensitiveCategory.TARGET_GROUP, ConsentPurpose.MATCHING)
              && v.targetGroups().contains(group);
      data.add(new QueryData(q, ids, scores, takesPart, member));
    }
    return new Tuner(start, k, metric, data, group, ratio);
  }

  /** Returns the number of queries. */
  public int queries() {
    return data.size();
  }

  /**
   * Measures a weighting on all queries.
   *
   * @param weights one weight per criterion of the starting policy
   * @return the metric's mean
   */
  public double measure(double[] weights) {
    int[] all = new int[data.size()];
    Arrays.setAll(all, i -> i);
    return mean(weights, all, false);
  }

  /**
   * Measures how the metric responds to each weight: every criterion with a weight above 0 has
   * its weight multiplied by 1/4, 1/2, 1, 2 and 4 while the others keep theirs.
   *
   * @return the metric per criterion and multiplier
   */
  public Sensitivity sensitivity() {
    double[] multipliers = {0.25, 0.5, 1, 2, 4};
    Map<String, double[]> values = new java.util.LinkedHashMap<>();
    for (int j = 0; j < criteria; j++) {
      if (startWeights[j] == 0) {
        continue;
      }
      double[] row = new double[multipliers.length];
      for (int i = 0; i < multipliers.length; i++) {
        double[] w = startWeights.clone();
        w[j] *= multipliers[i];
        row[i] = measure(w);
      }
      values.put(start.criteria().get(j).name(), row);
    }
    return new Sensitivity(start.name(), metric, multipliers, values);
  }

  /**
   * The response of a metric to each weight of a policy.
   *
   * @param policy the policy's name
   * @param metric the metric
   * @param multipliers the factors applied to one weight at a time
   * @param values per criterion, the metric at each multiplier
   */
  public record Sensitivity(
      String policy, String metric, double[] multipliers, Map<String, double[]> values) {}

  /**
   * Measures a weighting on the queries of the fairness target group's members.
   *
   * @param weights one weight per criterion of the starting policy
   * @return the metric's mean over the members' queries, or NaN without a group or members
   */
  public double measureGroup(double[] weights) {
    int[] all = new int[data.size()];
    Arrays.setAll(all, i -> i);
    return group == null ? Double.NaN : mean(weights, all, true);
  }

  /**
   * Searches for the best weights on all queries and cross-validates the search.
   *
   * @param search how to search
   * @param iterations rounds (coordinate) or samples (random), in [1, 10,000]
   * @param folds the folds of cross-validation, in [2, 20], at most the number of queries
   * @param seed the seed of the folds and the search
   * @return the tuned policy and its measures
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public TuningResult tune(Search search, int iterations, int folds, long seed) {
    Objects.requireNonNull(search, "search");
    checkArgument(
        iterations >= 1 && iterations <= 10_000, "iterations must be in [1, 10000]: %s", iterations);
    checkArgument(
        folds >= 2 && folds <= 20 && folds <= data.size(),
        "folds must be in [2, min(20, %s queries)]: %s",
        data.size(),
        folds);
    int[] order = new int[data.size()];
    Arrays.setAll(order, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double[] foldStart = new double[folds];
    double[] foldTuned = new double[folds];
    for (int f = 0; f < folds; f++) {
      List<Integer> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < order.length; i++) {
        (i % folds == f ? test : train).add(order[i]);
      }
      int[] trainIdx = train.stream().mapToInt(Integer::intValue).toArray();
      int[] testIdx = test.stream().mapToInt(Integer::intValue).toArray();
      double[] w = search(search, iterations, trainIdx, seed + f + 1);
      foldStart[f] = mean(startWeights, testIdx, false);
      foldTuned[f] = mean(w, testIdx, false);
    }
    int[] all = new int[data.size()];
    Arrays.setAll(all, i -> i);
    double[] best = search(search, iterations, all, seed);
    List<CriterionSpec> specs = new ArrayList<>();
    for (int j = 0; j < criteria; j++) {
      CriterionSpec c = start.criteria().get(j);
      specs.add(
          new CriterionSpec(c.name(), c.type(), c.mode(), round(best[j]), c.minimum(), c.parameters()));
    }
    MatchPolicy tuned =
        new MatchPolicy(
            start.name() + "-tuned",
            start.version(),
            start.description(),
            start.aggregation(),
            start.minimumScore(),
            start.tieBreak(),
            start.seed(),
            start.nearMisses(),
            specs,
            start.fairness());
    double[] tunedWeights = specs.stream().mapToDouble(CriterionSpec::weight).toArray();
    return new TuningResult(
        tuned, metric, k, mean(startWeights, all, false), mean(tunedWeights, all, false),
        foldStart, foldTuned);
  }

  /** Weights rounded to three significant digits, so that policy files stay readable. */
  private static double round(double w) {
    if (w == 0) {
      return 0;
    }
    double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(w))));
    return Math.round(w * scale) / scale;
  }

  private double[] search(Search search, int iterations, int[] queries, long seed) {
    double[] best = startWeights.clone();
    double bestValue = objective(best, queries);
    if (search == Search.COORDINATE) {
      for (int round = 0; round < iterations; round++) {
        boolean improved = false;
        for (int j = 0; j < criteria; j++) {
          if (startWeights[j] == 0) {
            continue;
          }
          for (double step : STEPS) {
            double[] w = best.clone();
            w[j] *= step;
            double value = objective(w, queries);
            if (value > bestValue + 1e-12) {
              best = w;
              bestValue = value;
              improved = true;
            }
          }
        }
        if (!improved) {
          break;
        }
      }
    } else {
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < iterations; i++) {
        double[] w = new double[criteria];
        for (int j = 0; j < criteria; j++) {
          w[j] = startWeights[j] * Math.exp((random.nextDouble() * 2 - 1) * Math.log(4));
        }
        double value = objective(w, queries);
        if (value > bestValue + 1e-12) {
          best = w;
          bestValue = value;
        }
      }
    }
    return best;
  }

  /** The mean metric, or −∞ when the fairness constraint fails. */
  private double objective(double[] weights, int[] queries) {
    double all = mean(weights, queries, false);
    if (group != null) {
      double members = mean(weights, queries, true);
      if (!Double.isNaN(members) && !Double.isNaN(all) && members < ratio * all) {
        return Double.NEGATIVE_INFINITY;
      }
    }
    return Double.isNaN(all) ? Double.NEGATIVE_INFINITY : all;
  }

  private double mean(double[] weights, int[] queries, boolean membersOnly) {
    boolean geometric = start.aggregation() == Aggregation.WEIGHTED_GEOMETRIC;
    double[] contributions = new double[criteria];
    boolean[] part = new boolean[criteria];
    double sum = 0;
    int n = 0;
    for (int q : queries) {
      QueryData d = data.get(q);
      if (membersOnly && !d.member()) {
        continue;
      }
      int size = d.vacancyIds().size();
      double[] score = new double[size];
      Integer[] index = new Integer[size];
      int kept = 0;
      for (int c = 0; c < size; c++) {
        boolean[] takes = d.takesPart().get(c);
        for (int j = 0; j < criteria; j++) {
          part[j] = takes[j] && weights[j] > 0;
        }
        double s = Scores.score(geometric, weights, d.scores().get(c), part, contributions);
        if (s >= start.minimumScore()) {
          score[c] = s;
          index[kept++] = c;
        }
      }
      Integer[] feasible = Arrays.copyOf(index, kept);
      Arrays.sort(
          feasible,
          (a, b) -> {
            int cmp = Double.compare(score[b], score[a]);
            return cmp != 0 ? cmp : d.vacancyIds().get(a).compareTo(d.vacancyIds().get(b));
          });
      List<String> ranked = new ArrayList<>();
      for (int i = 0; i < Math.min(k, feasible.length); i++) {
        ranked.add(d.vacancyIds().get(feasible[i]));
      }
      double value =
          switch (metric) {
            case "precision" -> RankingMetrics.precisionAt(ranked, d.query().gains().keySet(), k);
            case "recall" -> RankingMetrics.recallAt(ranked, d.query().gains().keySet(), k);
            case "ndcg" -> RankingMetrics.ndcgAt(ranked, d.query().gains(), k);
            default -> RankingMetrics.reciprocalRank(ranked, d.query().gains().keySet());
          };
      if (!Double.isNaN(value)) {
        sum += value;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** A query with the criterion scores of every vacancy that passes its gates. */
  private record QueryData(
      Evaluator.Query query,
      List<String> vacancyIds,
      List<double[]> scores,
      List<boolean[]> takesPart,
      boolean member) {}

  /**
   * What tuning found.
   *
   * @param policy the tuned policy, named after the starting one with {@code -tuned}
   * @param metric the metric maximised
   * @param k the length of the rankings
   * @param startMean the starting policy's mean metric over all queries
   * @param tunedMean the tuned policy's mean metric over all queries (in-sample)
   * @param foldStart the starting policy's mean on each held-out fold
   * @param foldTuned the mean on each held-out fold of the weights tuned on the other folds
   */
  public record TuningResult(
      MatchPolicy policy,
      String metric,
      int k,
      double startMean,
      double tunedMean,
      double[] foldStart,
      double[] foldTuned) {

    /** Returns the mean over the folds of the held-out metric with the starting weights. */
    public double crossValidatedStart() {
      return Arrays.stream(foldStart).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }

    /** Returns the mean over the folds of the held-out metric with the tuned weights. */
    public double crossValidatedTuned() {
      return Arrays.stream(foldTuned).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }
  }
}
