package io.github.koppel.matching.allocation;

import java.util.Arrays;

/**
 * The baseline: pairs by rounded score, best first (ties in the order of volunteers and their
 * preferences), taken while both sides are free. O(P log P) for P feasible pairs.
 */
final class GreedyAllocation {
  private GreedyAllocation() {}

  /** Takes the pairs by rounded score, best first, while both sides are free. */
  static void run(Assignment s) {
    int[] held = new int[s.m];
    int pairs = s.p.pairVacancy.length;
    long[] keys = new long[pairs];
    int k = 0;
    for (int q = 0; q < pairs; q++) {
      if (s.individual(s.pairVolunteer[q])) {
        keys[k++] = (Allocator.SCALE - Allocator.rounded(s.p.pairScore[q])) << 40 | q;
      }
    }
    keys = Arrays.copyOf(keys, k);
    Arrays.sort(keys);
    for (long key : keys) {
      int q = (int) (key & ((1L << 40) - 1));
      int v = s.pairVolunteer[q];
      int j = s.p.pairVacancy[q];
      if (s.assigned[v] < 0 && held[j] < s.individualCapacity[j]) {
        s.assigned[v] = q;
        held[j]++;
      }
    }
  }
}
