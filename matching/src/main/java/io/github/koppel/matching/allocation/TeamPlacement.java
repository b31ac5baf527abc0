package io.github.koppel.matching.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Places teams before individuals, largest first (then by id), each in the vacancy with enough
 * places that is feasible for every member and has the highest total score (then the first
 * added). Placing indivisible teams optimally is a bin-packing problem, NP-hard in general; teams
 * are few, and a team that fits nowhere stays unplaced ({@link Unplaced.Reason#TEAM_DOES_NOT_FIT})
 * rather than split. O(t · (P_t + m)) for t teams with P_t feasible pairs of their members.
 */
final class TeamPlacement {
  private TeamPlacement() {}

  /** Places the problem's teams and takes their places from the individuals' capacity. */
  static void place(Assignment s) {
    List<Integer> order = new ArrayList<>();
    for (int t = 0; t < s.p.teams.size(); t++) {
      order.add(t);
    }
    order.sort(
        Comparator.comparingInt((Integer t) -> -s.p.teams.get(t).members().size())
            .thenComparing(t -> s.p.teams.get(t).id()));
    int[] count = new int[s.m];
    double[] sum = new double[s.m];
    for (int t : order) {
      List<String> members = s.p.teams.get(t).members();
      int[] vs = new int[members.size()];
      for (int k = 0; k < vs.length; k++) {
        vs[k] = s.p.volunteer(members.get(k));
        s.teamOf[vs[k]] = t;
      }
      Arrays.fill(count, 0);
      Arrays.fill(sum, 0);
      for (int v : vs) {
        for (int q = s.p.pairStart[v]; q < s.p.pairStart[v + 1]; q++) {
          count[s.p.pairVacancy[q]]++;
          sum[s.p.pairVacancy[q]] += s.p.pairScore[q];
        }
      }
      int best = -1;
      for (int j = 0; j < s.m; j++) {
        if (count[j] == vs.length
            && s.individualCapacity[j] >= vs.length
            && (best < 0 || sum[j] > sum[best])) {
          best = j;
        }
      }
      if (best >= 0) {
        for (int v : vs) {
          s.assigned[v] = s.p.pair(v, best);
        }
        s.individualCapacity[best] -= vs.length;
      }
    }
  }
}
