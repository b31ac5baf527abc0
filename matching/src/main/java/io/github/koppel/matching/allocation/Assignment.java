package io.github.koppel.matching.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The placements being built by one allocation: who is placed by which pair, who is in which team,
 * and the places of each vacancy left for individuals once teams are placed. Every algorithm of
 * this package reads the problem and writes {@link #assigned} here; {@link #result} turns it into
 * an {@link Allocation}, with the reason each unplaced volunteer has.
 */
final class Assignment {
  final AllocationProblem p;
  final int n;
  final int m;
  /** The pair each volunteer is placed by, or -1. */
  final int[] assigned;
  /** The team index of each volunteer, or -1. */
  final int[] teamOf;
  /** The places of each vacancy left for individuals, after teams. */
  final int[] individualCapacity;
  /** The volunteer of each pair. */
  final int[] pairVolunteer;

  Assignment(AllocationProblem p) {
    this.p = p;
    this.n = p.volunteers.length;
    this.m = p.vacancies.length;
    this.assigned = new int[n];
    Arrays.fill(assigned, -1);
    this.teamOf = new int[n];
    Arrays.fill(teamOf, -1);
    this.individualCapacity = p.capacity.clone();
    this.pairVolunteer = new int[p.pairVacancy.length];
    for (int v = 0; v < n; v++) {
      for (int q = p.pairStart[v]; q < p.pairStart[v + 1]; q++) {
        pairVolunteer[q] = v;
      }
    }
  }

  boolean individual(int v) {
    return teamOf[v] < 0;
  }

  Allocation result(AllocationMode mode) {
    int[] worst = new int[m];
    int[] individuals = new int[m];
    int[] load = new int[m];
    Arrays.fill(worst, -1);
    for (int v = 0; v < n; v++) {
      int q = assigned[v];
      if (q >= 0) {
        int j = p.pairVacancy[q];
        load[j]++;
        if (individual(v)) {
          individuals[j]++;
          worst[j] = Math.max(worst[j], p.rankAtVacancy[q]);
        }
      }
    }
    List<Placement> placements = new ArrayList<>();
    List<Unplaced> unplaced = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      String team = teamOf[v] < 0 ? null : p.teams.get(teamOf[v]).id();
      int q = assigned[v];
      if (q >= 0) {
        placements.add(
            new Placement(p.volunteers[v], p.vacancies[p.pairVacancy[q]], p.pairScore[q], team));
        continue;
      }
      Unplaced.Reason reason;
      if (team != null) {
        reason = Unplaced.Reason.TEAM_DOES_NOT_FIT;
      } else if (p.pairStart[v] == p.pairStart[v + 1]) {
        reason = Unplaced.Reason.NO_FEASIBLE_VACANCY;
      } else {
        reason = Unplaced.Reason.OUTCOMPETED;
        for (int r = p.pairStart[v]; r < p.pairStart[v + 1]; r++) {
          int j = p.pairVacancy[r];
          if (individualCapacity[j] == 0
              || individuals[j] < individualCapacity[j]
              || worst[j] > p.rankAtVacancy[r]) {
            reason = Unplaced.Reason.CAPACITY;
            break;
          }
        }
      }
      unplaced.add(new Unplaced(p.volunteers[v], reason, team));
    }
    Map<String, Integer> remaining = new LinkedHashMap<>();
    for (int j = 0; j < m; j++) {
      remaining.put(p.vacancies[j], p.capacity[j] - load[j]);
    }
    return new Allocation(mode, placements, unplaced, remaining);
  }
}
