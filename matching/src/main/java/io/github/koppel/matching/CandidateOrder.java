package io.github.koppel.matching;

import io.github.koppel.core.model.Location;
import io.github.koppel.matching.policy.MatchPolicy;
import io.github.koppel.matching.policy.TieBreak;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The order of the candidates of one ranking, the one place where it is defined for objects and
 * for positions of an index alike: fewer failed gates first, then the higher score, then the
 * policy's tie-break (none, the nearer, or an order shuffled by the policy's seed and the
 * subject), then the id. Immutable.
 */
final class CandidateOrder {
  private final TieBreak tieBreak;
  private final long seed;
  private final String subject;

  /**
   * The order of a ranking.
   *
   * @param policy the policy, for its tie-break and seed
   * @param subjectId the id of the vacancy (ranking volunteers) or volunteer (ranking vacancies)
   */
  CandidateOrder(MatchPolicy policy, String subjectId) {
    this.tieBreak = policy.tieBreak();
    this.seed = policy.seed();
    this.subject = subjectId;
  }

  /** Returns whether the tie-break reads the distance of a candidate. */
  boolean usesDistance() {
    return tieBreak == TieBreak.NEAREST;
  }

  /**
   * Compares two candidates on their gates and scores; negative if a ranks before b, 0 when the
   * tie-break decides.
   */
  int compare(int hardA, double scoreA, int hardB, double scoreB) {
    int c = Integer.compare(hardB, hardA);
    return c != 0 ? c : Double.compare(scoreB, scoreA);
  }

  /**
   * Breaks a tie of gates and scores; negative if a ranks before b. The distances are read only by
   * {@link TieBreak#NEAREST} (see {@link #usesDistance()}).
   */
  int tie(String idA, double distanceA, String idB, double distanceB) {
    int c =
        switch (tieBreak) {
          case ID -> 0;
          case NEAREST -> Double.compare(distanceA, distanceB);
          case SHUFFLED -> Long.compare(shuffle(seed, subject, idA), shuffle(seed, subject, idB));
        };
    return c != 0 ? c : idA.compareTo(idB);
  }

  /** Returns the order of evaluated candidates, given how far each is. */
  Comparator<PolicyEvaluator.Candidate> candidates(ToDoubleFunction<PolicyEvaluator.Candidate> distance) {
    return (a, b) -> {
      MatchScore sa = a.explanation().score();
      MatchScore sb = b.explanation().score();
      int c = compare(sa.hard(), sa.soft(), sb.hard(), sb.soft());
      if (c != 0) {
        return c;
      }
      boolean far = usesDistance();
      return tie(a.id(), far ? distance.applyAsDouble(a) : 0, b.id(), far ? distance.applyAsDouble(b) : 0);
    };
  }

  /** Returns the distance from a volunteer's home to a place of work, infinite if either is unknown. */
  static double distanceKm(@Nullable Location home, @Nullable Location place) {
    return home == null || place == null ? Double.POSITIVE_INFINITY : home.distanceKm(place);
  }

  /** Returns the shuffled rank key of a candidate for a subject, fixed by the seed. */
  static long shuffle(long seed, String subject, String candidate) {
    return mix(mix(seed ^ subject.hashCode()) ^ candidate.hashCode());
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
