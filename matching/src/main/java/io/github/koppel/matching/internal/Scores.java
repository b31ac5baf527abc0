package io.github.koppel.matching.internal;

import java.util.Arrays;

/**
 * The aggregation of criterion scores into a match score, shared by the engine's object and
 * compiled paths and by tuning, so that all compute the same doubles.
 */
public final class Scores {
  private Scores() {}

  /**
   * Returns whether a criterion takes part in a pair's score: with a weight above 0, when it scored
   * or vetoed, or always when it is a bonus (a wish), whose abstention then scores 0.
   *
   * @param abstained whether the criterion abstained
   * @param bonus whether the criterion is a bonus
   * @param weight its weight
   * @return whether it takes part
   */
  public static boolean takesPart(boolean abstained, boolean bonus, double weight) {
    return weight > 0 && (bonus || !abstained);
  }

  /**
   * Computes each criterion's contribution to the score.
   *
   * @param geometric whether the aggregation is the weighted geometric mean (else arithmetic)
   * @param weights the weights
   * @param scores the criterion scores, 0 for a veto or an abstention
   * @param part whether each criterion takes part (scored or vetoed, with a weight above 0)
   * @param totalWeight the sum of the weights of the criteria that take part
   * @param c receives the contributions
   */
  public static void aggregateInto(
      boolean geometric,
      double[] weights,
      double[] scores,
      boolean[] part,
      double totalWeight,
      double[] c) {
    int n = scores.length;
    Arrays.fill(c, 0);
    if (totalWeight <= 0) {
      return;
    }
    if (!geometric) {
      for (int i = 0; i < n; i++) {
        if (part[i]) {
          c[i] = weights[i] * scores[i] / totalWeight;
        }
      }
      return;
    }
    double logSum = 0;
    double weightedSum = 0;
    boolean zero = false;
    for (int i = 0; i < n; i++) {
      if (part[i]) {
        double s = scores[i];
        double w = weights[i];
        if (s == 0) {
          zero = true;
        } else {
          logSum += w / totalWeight * Math.log(s);
        }
        weightedSum += w * s;
      }
    }
    if (zero || weightedSum == 0) {
      return;
    }
    double geometricMean = Math.min(1, Math.exp(logSum));
    for (int i = 0; i < n; i++) {
      if (part[i]) {
        c[i] = geometricMean * (weights[i] * scores[i] / weightedSum);
      }
    }
  }

  /**
   * Keeps the sum of the contributions in [0, 1] when rounding lifts it just above 1, by taking
   * the excess from the largest contribution, so that the contributions still add up to the score.
   *
   * @param contributions the contributions, adjusted in place
   * @param score their sum
   * @return the score, in [0, 1]
   */
  public static double fitToUnit(double[] contributions, double score) {
    for (int round = 0; round < 4 && score > 1; round++) {
      int largest = 0;
      for (int i = 1; i < contributions.length; i++) {
        if (contributions[i] > contributions[largest]) {
          largest = i;
        }
      }
      contributions[largest] -= score - 1;
      score = 0;
      for (double c : contributions) {
        score += c;
      }
    }
    return Math.min(1, score);
  }

  /**
   * Computes the score of a pair and each criterion's contribution: the contributions' sum, fitted
   * to [0, 1].
   *
   * @param geometric whether the aggregation is the weighted geometric mean
   * @param weights the weights
   * @param scores the criterion scores, 0 for a veto or an abstention
   * @param part whether each criterion takes part
   * @param totalWeight the sum of the weights of the criteria that take part
   * @param contributions receives the contributions, which add up to the score
   * @return the score
   */
  public static double scoreInto(
      boolean geometric,
      double[] weights,
      double[] scores,
      boolean[] part,
      double totalWeight,
      double[] contributions) {
    aggregateInto(geometric, weights, scores, part, totalWeight, contributions);
    double score = 0;
    for (double c : contributions) {
      score += c;
    }
    return fitToUnit(contributions, score);
  }

  /**
   * Computes the score of a pair, summing the weights of the criteria that take part.
   *
   * @param geometric whether the aggregation is the weighted geometric mean
   * @param weights the weights
   * @param scores the criterion scores, 0 for a veto or an abstention
   * @param part whether each criterion takes part
   * @param contributions scratch space of the criteria's length
   * @return the score
   */
  public static double score(
      boolean geometric, double[] weights, double[] scores, boolean[] part, double[] contributions) {
    double totalWeight = 0;
    for (int i = 0; i < weights.length; i++) {
      if (part[i]) {
        totalWeight += weights[i];
      }
    }
    return scoreInto(geometric, weights, scores, part, totalWeight, contributions);
  }
}
