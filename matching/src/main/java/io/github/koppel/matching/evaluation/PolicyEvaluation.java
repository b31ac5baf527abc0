package io.github.koppel.matching.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Evaluator#evaluate} measured for one policy: per-query values in the evaluator's
 * query order (so that two evaluations pair up for {@link #compare}), their means, coverage, the
 * gate funnel, exposure per group and concentration. Immutable.
 *
 * @since 0.2
 */
public final class PolicyEvaluation {
  /** The names of the per-query metrics, in the order {@link #compare} lists them. */
  public static final List<String> METRICS = List.of("precision", "recall", "ndcg", "mrr");

  private final String policy;
  private final int k;
  private final List<String> volunteerIds;
  private final double[][] values;
  private final double vacancyCoverage;
  private final double volunteerCoverage;
  private final Map<String, Integer> gateFunnel;
  private final ExposureReport exposure;
  private final double vacancyGini;
  private final double organisationGini;
  private final double[][] byCutOff;
  private final double[] scores;
  private final LocalDate day;

  PolicyEvaluation(
      String policy,
      int k,
      List<String> volunteerIds,
      double[] precision,
      double[] recall,
      double[] ndcg,
      double[] reciprocalRank,
      double vacancyCoverage,
      double volunteerCoverage,
      Map<String, Integer> gateFunnel,
      ExposureReport exposure,
      double vacancyGini,
      double organisationGini,
      double[][] byCutOff,
      double[] scores,
      LocalDate day) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.k = k;
    this.volunteerIds = List.copyOf(volunteerIds);
    this.values =
        new double[][] {precision.clone(), recall.clone(), ndcg.clone(), reciprocalRank.clone()};
    this.vacancyCoverage = vacancyCoverage;
    this.volunteerCoverage = volunteerCoverage;
    this.gateFunnel = Collections.unmodifiableMap(new LinkedHashMap<>(gateFunnel));
    this.exposure = Objects.requireNonNull(exposure, "exposure");
    this.vacancyGini = vacancyGini;
    this.organisationGini = organisationGini;
    this.byCutOff = new double[byCutOff.length][];
    for (int m = 0; m < byCutOff.length; m++) {
      this.byCutOff[m] = byCutOff[m].clone();
    }
    this.scores = scores.clone();
    this.day = Objects.requireNonNull(day, "day");
  }

  /** Returns the day coverage, the funnel and exposure were measured on. */
  public LocalDate day() {
    return day;
  }

  /**
   * Returns the mean of a metric at every cut-off from 1 to k, from the same replayed lists.
   *
   * @param metric one of {@link #METRICS}
   * @return the means at cut-offs 1..k (index 0 is cut-off 1), NaN where no query had a value
   */
  public double[] byCutOff(String metric) {
    return byCutOff[index(metric)].clone();
  }

  /** Returns the scores of every match in the replayed rankings. */
  public double[] scores() {
    return scores.clone();
  }

  /** Returns the policy's name. */
  public String policy() {
    return policy;
  }

  /** Returns the length of the replayed rankings. */
  public int k() {
    return k;
  }

  /** Returns the queries' volunteers, in order. */
  public List<String> volunteerIds() {
    return volunteerIds;
  }

  /**
   * Returns a metric per query.
   *
   * @param metric one of {@link #METRICS}
   * @return the values, in query order (a copy)
   * @throws IllegalArgumentException for an unknown metric
   */
  public double[] perQuery(String metric) {
    return values[index(metric)].clone();
  }

  /**
   * Returns the mean of a metric over the queries, leaving out NaN values.
   *
   * @param metric one of {@link #METRICS}
   * @return the mean, or NaN without values
   */
  public double mean(String metric) {
    return Arrays.stream(values[index(metric)]).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
  }

  /** Returns the share of open vacancies with at least one feasible volunteer. */
  public double vacancyCoverage() {
    return vacancyCoverage;
  }

  /** Returns the share of volunteers with at least one feasible vacancy. */
  public double volunteerCoverage() {
    return volunteerCoverage;
  }

  /** Returns, per gate, how many (volunteer, open vacancy) pairs it removed. */
  public Map<String, Integer> gateFunnel() {
    return gateFunnel;
  }

  /** Returns the exposure per target group. */
  public ExposureReport exposure() {
    return exposure;
  }

  /** Returns the Gini coefficient of the replayed proposals per open vacancy. */
  public double vacancyGini() {
    return vacancyGini;
  }

  /** Returns the Gini coefficient of the replayed proposals per organisation. */
  public double organisationGini() {
    return organisationGini;
  }

  /**
   * Compares this evaluation (A) with another of the same queries (B), metric by metric, with
   * paired bootstrap intervals of B − A.
   *
   * @param other the other evaluation
   * @param resamples the number of resamples
   * @param level the confidence level
   * @param seed the seed
   * @return per metric, the interval
   * @throws IllegalArgumentException if the two were not made on the same queries
   */
  public Map<String, PairedBootstrap> compare(
      PolicyEvaluation other, int resamples, double level, long seed) {
    checkArgument(
        volunteerIds.equals(other.volunteerIds) && k == other.k,
        "evaluations must share their queries and k to be compared");
    Map<String, PairedBootstrap> out = new LinkedHashMap<>();
    for (int m = 0; m < METRICS.size(); m++) {
      out.put(METRICS.get(m), PairedBootstrap.of(values[m], other.values[m], resamples, level, seed));
    }
    return Collections.unmodifiableMap(out);
  }

  private static int index(String metric) {
    int i = METRICS.indexOf(metric);
    checkArgument(i >= 0, "unknown metric '%s'; known: %s", metric, METRICS);
    return i;
  }

  @Override
  public String toString() {
    return "PolicyEvaluation[" + policy + ", k=" + k + ", " + volunteerIds.size() + " queries, ndcg="
        + mean("ndcg") + "]";
  }
}
