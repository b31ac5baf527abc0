package io.github.koppel.matching.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Places volunteers into vacancies with capacities: optimally, stably or greedily, with teams
 * placed together.
 *
 * <p><b>Teams first.</b> Teams are placed before individuals, largest first (then by id), each in
 * the vacancy with enough places that is feasible for every member and has the highest total score
 * (then the first added). Placing indivisible teams optimally is a bin-packing problem, NP-hard in
 * general; teams are few, and a team that fits nowhere is reported as {@link
 * Unplaced.Reason#TEAM_DOES_NOT_FIT} rather than split. Individuals are then placed in the places
 * left.
 *
 * <p><b>{@link AllocationMode#OPTIMAL}.</b> A minimum-cost flow from volunteers through feasible
 * pairs to vacancies, solved by successive shortest paths with Dijkstra's algorithm on reduced
 * costs (potentials). Each pair costs 1 − score, and each volunteer may instead take a private
 * "unplaced" arc that costs more than any sum of scores, so the flow first places as many
 * volunteers as possible and then maximises the total score. Scores are rounded to 1e-6 so that
 * costs are exact integers. Volunteers enter one at a time; each search stops at the first free
 * place it settles. Worst case O(n · (P + n + m) · log(n + m)) for n volunteers, m vacancies and P
 * feasible pairs; memory O(n + m + P).
 *
 * <p><b>Stable modes.</b> Deferred acceptance with capacities (Gale and Shapley 1962; Roth 1984),
 * proposing either from the volunteers or from the vacancies: no volunteer and vacancy would both
 * rather be together (see {@link #blockingPairs}). Volunteers' preferences come from the problem's
 * wishes, vacancies' from the policy's scores. O(P) proposals, each O(log capacity).
 *
 * <p>Each algorithm has a file of its own behind this facade: teams first, then a minimum-cost
 * flow, deferred acceptance or the greedy baseline, all writing one shared assignment.
 *
 * <p><b>{@link AllocationMode#GREEDY}.</b> The baseline: pairs by rounded score, best first (ties in
 * the order of volunteers and their preferences), taken while both sides are free. O(P log P).
 *
 * @since 0.2
 */
public final class Allocator {
  /** Scores are rounded to multiples of 1 / SCALE, so that the optimal mode's costs are exact. */
  static final long SCALE = 1_000_000L;

  private Allocator() {}

  /**
   * Allocates.
   *
   * @param problem the instance
   * @param mode how
   * @return who is placed where, and who is not and why
   */
  public static Allocation allocate(AllocationProblem problem, AllocationMode mode) {
    return allocate(problem, mode, VOLUNTEER_EDGES);
  }

  /** How many of its cheapest pairs each volunteer starts with in the optimal mode. */
  static final int VOLUNTEER_EDGES = 24;

  /** Allocates, with the optimal mode's first graph as wide as given; for tests. */
  static Allocation allocate(AllocationProblem problem, AllocationMode mode, int volunteerEdges) {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(mode, "mode");
    Assignment state = new Assignment(problem);
    TeamPlacement.place(state);
    switch (mode) {
      case OPTIMAL -> new MinCostFlowAllocation(state, volunteerEdges).run();
      case STABLE_VOLUNTEERS_PROPOSE -> DeferredAcceptance.volunteersPropose(state);
      case STABLE_VACANCIES_PROPOSE -> DeferredAcceptance.vacanciesPropose(state);
      case GREEDY -> GreedyAllocation.run(state);
    }
    return state.result(mode);
  }

  /**
   * Lists the blocking pairs of an allocation: a volunteer in no team, placed or not, and a
   * feasible vacancy that the volunteer prefers to their placement and that has a free
   * place for individuals or holds a volunteer it prefers less. Places taken by teams are not
   * free. A stable allocation has none.
   *
   * @param problem the instance
   * @param allocation an allocation of that instance
   * @return the blocking pairs, in the order of the problem's volunteers and their preferences
   * @throws IllegalArgumentException if the allocation places someone outside the problem
   */
  public static List<BlockingPair> blockingPairs(AllocationProblem problem, Allocation allocation) {
    int n = problem.volunteers.length;
    int m = problem.vacancies.length;
    int[] assigned = new int[n];
    boolean[] team = new boolean[n];
    int[] free = problem.capacity.clone();
    int[] worst = new int[m];
    Arrays.fill(assigned, -1);
    Arrays.fill(worst, -1);
    for (AllocationProblem.Team t : problem.teams) {
      for (String member : t.members()) {
        team[problem.volunteer(member)] = true;
      }
    }
    for (Placement p : allocation.placements()) {
      int v = problem.volunteer(p.volunteerId());
      int j = problem.vacancy(p.vacancyId());
      int q = problem.pair(v, j);
      if (q < 0) {
        throw new IllegalArgumentException(
            "placement of " + p.volunteerId() + " in " + p.vacancyId() + " is not feasible");
      }
      free[j]--;
      if (!team[v]) {
        assigned[v] = q;
        worst[j] = Math.max(worst[j], problem.rankAtVacancy[q]);
      }
    }
    List<BlockingPair> out = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      if (team[v]) {
        continue;
      }
      int end = assigned[v] >= 0 ? assigned[v] : problem.pairStart[v + 1];
      for (int q = problem.pairStart[v]; q < end; q++) {
        int j = problem.pairVacancy[q];
        if (free[j] > 0 || worst[j] > problem.rankAtVacancy[q]) {
          out.add(new BlockingPair(problem.volunteers[v], problem.vacancies[j]));
        }
      }
    }
    return List.copyOf(out);
  }

  static long rounded(double score) {
    return Math.round(score * SCALE);
  }
}
