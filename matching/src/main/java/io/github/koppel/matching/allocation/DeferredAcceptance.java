package io.github.koppel.matching.allocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Deferred acceptance with capacities (Gale and Shapley 1962; Roth 1984), proposing from either
 * side, for the individuals left after teams: no volunteer and vacancy would both rather be
 * together ({@link Allocator#blockingPairs} lists the pairs that would). Volunteers' preferences
 * are the problem's order of their pairs (their wishes), vacancies' the policy's scores
 * ({@code rankAtVacancy}). O(P) proposals for P feasible pairs, each O(log capacity).
 */
final class DeferredAcceptance {
  private DeferredAcceptance() {}

  /** Deferred acceptance with the volunteers proposing: the volunteer-optimal stable placement. */
  static void volunteersPropose(Assignment s) {
    int[] next = new int[s.n];
    ArrayDeque<Integer> free = new ArrayDeque<>();
    for (int v = 0; v < s.n; v++) {
      next[v] = s.p.pairStart[v];
      if (s.individual(v)) {
        free.add(v);
      }
    }
    List<PriorityQueue<Integer>> holds = new ArrayList<>(s.m);
    for (int j = 0; j < s.m; j++) {
      // The worst held proposal (highest rank at the vacancy) at the head.
      holds.add(new PriorityQueue<>(Comparator.comparingInt((Integer q) -> -s.p.rankAtVacancy[q])));
    }
    while (!free.isEmpty()) {
      int v = free.poll();
      if (next[v] == s.p.pairStart[v + 1]) {
        continue;
      }
      int q = next[v]++;
      int j = s.p.pairVacancy[q];
      PriorityQueue<Integer> hold = holds.get(j);
      if (hold.size() < s.individualCapacity[j]) {
        hold.add(q);
        s.assigned[v] = q;
      } else if (!hold.isEmpty() && s.p.rankAtVacancy[hold.peek()] > s.p.rankAtVacancy[q]) {
        int evicted = hold.poll();
        s.assigned[s.pairVolunteer[evicted]] = -1;
        free.add(s.pairVolunteer[evicted]);
        hold.add(q);
        s.assigned[v] = q;
      } else {
        free.add(v);
      }
    }
  }


  /** Deferred acceptance with the vacancies proposing: the vacancy-optimal stable placement. */
  static void vacanciesPropose(Assignment s) {
    // Volunteers placed individually per vacancy.
    int[] held = new int[s.m];
    int[] next = new int[s.m];
    ArrayDeque<Integer> open = new ArrayDeque<>();
    boolean[] queued = new boolean[s.m];
    for (int j = 0; j < s.m; j++) {
      next[j] = s.p.vacancyStart[j];
      open.add(j);
      queued[j] = true;
    }
    while (!open.isEmpty()) {
      int j = open.poll();
      queued[j] = false;
      while (held[j] < s.individualCapacity[j] && next[j] < s.p.vacancyStart[j + 1]) {
        int q = s.p.vacancyPairs[next[j]++];
        int v = s.pairVolunteer[q];
        if (!s.individual(v)) {
          continue;
        }
        int current = s.assigned[v];
        // A volunteer's pairs are stored in the volunteer's order: a lower index is preferred.
        if (current < 0 || q < current) {
          if (current >= 0) {
            int left = s.p.pairVacancy[current];
            held[left]--;
            if (!queued[left]) {
              open.add(left);
              queued[left] = true;
            }
          }
          s.assigned[v] = q;
          held[j]++;
        }
      }
    }
  }
}
