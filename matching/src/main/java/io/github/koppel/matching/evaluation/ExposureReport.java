package io.github.koppel.matching.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Match;
import io.github.koppel.matching.MatchEngine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How much of the attention of top-k lists each group of volunteers gets, against its share of the
 * feasible candidates: for every open vacancy, the engine's top k volunteers (under its policy,
 * fairness target included) and its feasible volunteers. A match at rank r gets the exposure
 * 1 / log2(r + 1), as in discounted cumulative gain. A group whose exposure share is well below
 * its feasible share is seen less than its fit warrants.
 *
 * <p>Groups are the target groups volunteers declared and consented to use for matching, plus
 * {@link #NO_GROUP} for volunteers with none (or without consent); a volunteer in several groups
 * counts in each. The report holds aggregates only, never a person's group.
 *
 * @param k the length of the lists
 * @param vacancies the open vacancies ranked
 * @param groups per group, in id order with {@link #NO_GROUP} last
 * @since 0.2
 */
public record ExposureReport(int k, int vacancies, List<GroupExposure> groups) {
  /** The group of volunteers without a consented target group. */
  public static final String NO_GROUP = "none";

  public ExposureReport {
    groups = List.copyOf(groups);
  }

  /**
   * Measures exposure under an engine's policy.
   *
   * @param engine the engine
   * @param k the length of the lists, at least 1
   * @return the report
   * @throws IllegalArgumentException if k is below 1
   */
  public static ExposureReport of(MatchEngine engine, int k) {
    Objects.requireNonNull(engine, "engine");
    checkArgument(k >= 1, "k must be at least 1: %s", k);
    Tally tally = new Tally(engine.dataset(), k);
    for (Vacancy vacancy : engine.dataset().vacancies()) {
      if (vacancy.isOpenOn(engine.date())) {
        tally.add(
            engine.feasibleVolunteers(vacancy.id()).keySet(),
            engine.rankVolunteers(vacancy.id(), k).matches());
      }
    }
    return tally.report();
  }

  /** Adds up exposure and feasible pairs per group, one open vacancy at a time. */
  static final class Tally {
    private final Dataset dataset;
    private final int k;
    private final Map<String, double[]> totals = new TreeMap<>();
    private int vacancies;

    Tally(Dataset dataset, int k) {
      this.dataset = dataset;
      this.k = k;
    }

    /** Counts one vacancy: its feasible volunteers and its top k matches. */
    void add(Collection<String> feasible, List<Match> matches) {
      vacancies++;
      for (String id : feasible) {
        for (String g : groups(dataset.volunteer(id))) {
          totals.computeIfAbsent(g, x -> new double[2])[1]++;
        }
      }
      for (Match m : matches) {
        double exposure = 1 / (Math.log(m.rank() + 1) / Math.log(2));
        for (String g : groups(dataset.volunteer(m.volunteerId()))) {
          totals.computeIfAbsent(g, x -> new double[2])[0] += exposure;
        }
      }
    }

    ExposureReport report() {
      double exposureSum = 0;
      double feasibleSum = 0;
      for (double[] t : totals.values()) {
        exposureSum += t[0];
        feasibleSum += t[1];
      }
      List<GroupExposure> out = new ArrayList<>();
      for (Map.Entry<String, double[]> e : totals.entrySet()) {
        if (!e.getKey().equals(NO_GROUP)) {
          out.add(GroupExposure.of(e.getKey(), e.getValue(), exposureSum, feasibleSum));
        }
      }
      double[] none = totals.get(NO_GROUP);
      if (none != null) {
        out.add(GroupExposure.of(NO_GROUP, none, exposureSum, feasibleSum));
      }
      return new ExposureReport(k, vacancies, out);
    }
  }

  private static List<String> groups(Volunteer v) {
    if (v == null
        || v.targetGroups().isEmpty()
        || !v.mayUse(SensitiveCategory.TARGET_GROUP, ConsentPurpose.MATCHING)) {
      return List.of(NO_GROUP);
    }
    return List.copyOf(v.targetGroups());
  }

  /**
   * One group's exposure.
   *
   * @param group the target group's id, or {@link #NO_GROUP}
   * @param exposure the group's summed exposure over all lists
   * @param feasible the group's feasible (volunteer, vacancy) pairs
   * @param exposureShare the group's share of all exposure, in [0, 1]
   * @param feasibleShare the group's share of all feasible pairs, in [0, 1]
   * @param ratio exposure share over feasible share: 1 is proportional, below 1 under-exposed;
   *     NaN without feasible pairs
   */
  public record GroupExposure(
      String group,
      double exposure,
      long feasible,
      double exposureShare,
      double feasibleShare,
      double ratio) {
    static GroupExposure of(String group, double[] t, double exposureSum, double feasibleSum) {
      double e = exposureSum == 0 ? 0 : t[0] / exposureSum;
      double f = feasibleSum == 0 ? 0 : t[1] / feasibleSum;
      return new GroupExposure(group, t[0], (long) t[1], e, f, f == 0 ? Double.NaN : e / f);
    }
  }
}
