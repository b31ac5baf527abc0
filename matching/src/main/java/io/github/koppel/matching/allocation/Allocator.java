package io.github.koppel.matching.allocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

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
    State state = new State(problem);
    state.placeTeams();
    switch (mode) {
      case OPTIMAL -> new Flow(state, volunteerEdges).run();
      case STABLE_VOLUNTEERS_PROPOSE -> state.volunteersPropose();
      case STABLE_VACANCIES_PROPOSE -> state.vacanciesPropose();
      case GREEDY -> state.greedy();
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
   * @return the blocking pairs, as (volunteer id, vacancy id)
   * @throws IllegalArgumentException if the allocation places someone outside the problem
   */
  public static List<List<String>> blockingPairs(AllocationProblem problem, Allocation allocation) {
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
    List<List<String>> out = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      if (team[v]) {
        continue;
      }
      int end = assigned[v] >= 0 ? assigned[v] : problem.pairStart[v + 1];
      for (int q = problem.pairStart[v]; q < end; q++) {
        int j = problem.pairVacancy[q];
        if (free[j] > 0 || worst[j] > problem.rankAtVacancy[q]) {
          out.add(List.of(problem.volunteers[v], problem.vacancies[j]));
        }
      }
    }
    return out;
  }

  static long rounded(double score) {
    return Math.round(score * SCALE);
  }

  /** The placements being built; one allocation's worth of working arrays. */
  private static final class State {
    final AllocationProblem p;
    final int n;
    final int m;
    /** The pair each volunteer is placed by, or -1. */
    final int[] assigned;
    /** The team index of each volunteer, or -1. */
    final int[] teamOf;
    /** The places of each vacancy left for individuals, after teams. */
    final int[] individualCapacity;
    final int[] pairVolunteer;

    State(AllocationProblem p) {
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

    void placeTeams() {
      List<Integer> order = new ArrayList<>();
      for (int t = 0; t < p.teams.size(); t++) {
        order.add(t);
      }
      order.sort(
          Comparator.comparingInt((Integer t) -> -p.teams.get(t).members().size())
              .thenComparing(t -> p.teams.get(t).id()));
      int[] count = new int[m];
      double[] sum = new double[m];
      for (int t : order) {
        List<String> members = p.teams.get(t).members();
        int[] vs = new int[members.size()];
        for (int k = 0; k < vs.length; k++) {
          vs[k] = p.volunteer(members.get(k));
          teamOf[vs[k]] = t;
        }
        Arrays.fill(count, 0);
        Arrays.fill(sum, 0);
        for (int v : vs) {
          for (int q = p.pairStart[v]; q < p.pairStart[v + 1]; q++) {
            count[p.pairVacancy[q]]++;
            sum[p.pairVacancy[q]] += p.pairScore[q];
          }
        }
        int best = -1;
        for (int j = 0; j < m; j++) {
          if (count[j] == vs.length
              && individualCapacity[j] >= vs.length
              && (best < 0 || sum[j] > sum[best])) {
            best = j;
          }
        }
        if (best >= 0) {
          for (int v : vs) {
            assigned[v] = p.pair(v, best);
          }
          individualCapacity[best] -= vs.length;
        }
      }
    }

    void volunteersPropose() {
      int[] next = new int[n];
      ArrayDeque<Integer> free = new ArrayDeque<>();
      for (int v = 0; v < n; v++) {
        next[v] = p.pairStart[v];
        if (individual(v)) {
          free.add(v);
        }
      }
      List<PriorityQueue<Integer>> holds = new ArrayList<>(m);
      for (int j = 0; j < m; j++) {
        // The worst held proposal (highest rank at the vacancy) at the head.
        holds.add(new PriorityQueue<>(Comparator.comparingInt((Integer q) -> -p.rankAtVacancy[q])));
      }
      while (!free.isEmpty()) {
        int v = free.poll();
        if (next[v] == p.pairStart[v + 1]) {
          continue;
        }
        int q = next[v]++;
        int j = p.pairVacancy[q];
        PriorityQueue<Integer> hold = holds.get(j);
        if (hold.size() < individualCapacity[j]) {
          hold.add(q);
          assigned[v] = q;
        } else if (!hold.isEmpty() && p.rankAtVacancy[hold.peek()] > p.rankAtVacancy[q]) {
          int evicted = hold.poll();
          assigned[pairVolunteer[evicted]] = -1;
          free.add(pairVolunteer[evicted]);
          hold.add(q);
          assigned[v] = q;
        } else {
          free.add(v);
        }
      }
    }

    void vacanciesPropose() {
      // Volunteers placed individually per vacancy.
      int[] held = new int[m];
      int[] next = new int[m];
      ArrayDeque<Integer> open = new ArrayDeque<>();
      boolean[] queued = new boolean[m];
      for (int j = 0; j < m; j++) {
        next[j] = p.vacancyStart[j];
        open.add(j);
        queued[j] = true;
      }
      while (!open.isEmpty()) {
        int j = open.poll();
        queued[j] = false;
        while (held[j] < individualCapacity[j] && next[j] < p.vacancyStart[j + 1]) {
          int q = p.vacancyPairs[next[j]++];
          int v = pairVolunteer[q];
          if (!individual(v)) {
            continue;
          }
          int current = assigned[v];
          // A volunteer's pairs are stored in the volunteer's order: a lower index is preferred.
          if (current < 0 || q < current) {
            if (current >= 0) {
              int left = p.pairVacancy[current];
              held[left]--;
              if (!queued[left]) {
                open.add(left);
                queued[left] = true;
              }
            }
            assigned[v] = q;
            held[j]++;
          }
        }
      }
    }

    void greedy() {
      int[] held = new int[m];
      int pairs = p.pairVacancy.length;
      long[] keys = new long[pairs];
      int k = 0;
      for (int q = 0; q < pairs; q++) {
        if (individual(pairVolunteer[q])) {
          keys[k++] = (SCALE - rounded(p.pairScore[q])) << 40 | q;
        }
      }
      keys = Arrays.copyOf(keys, k);
      Arrays.sort(keys);
      for (long key : keys) {
        int q = (int) (key & ((1L << 40) - 1));
        int v = pairVolunteer[q];
        int j = p.pairVacancy[q];
        if (assigned[v] < 0 && held[j] < individualCapacity[j]) {
          assigned[v] = q;
          held[j]++;
        }
      }
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

  /**
   * The optimal mode: successive shortest paths with potentials on the network source →
   * volunteer → vacancy → sink, plus an "unplaced" arc from each volunteer to the sink.
   */
  private static final class Flow {
    private final State s;
    private final AllocationProblem p;
    private final int n;
    private final int sink;
    /** The cost of a volunteer's "unplaced" arc: more than any sum of pair costs. */
    private final long unplacedCost;
    private final long[] potential;
    /** Potentials are potential[x] + offset; the offset carries what every unvisited node gets. */
    private long offset;
    private final long[] dist;
    private final int[] seen;
    private final int[] done;
    private final int[] previous;
    private final int[] previousPair;
    private final int[][] members;
    private final int[] memberCount;
    private final int[] memberSlot;
    private final boolean[] unplacedArc;
    /** The cost of each pair: SCALE minus the rounded score, in [0, SCALE]. */
    private final long[] pairCost;
    /** The pairs the current round searches, per volunteer (CSR of pair indices). */
    private int[] edgeStart;
    private int[] edges;
    /** Whether a pair is in the current round's graph. */
    private final boolean[] chosen;
    /** How many of its cheapest pairs each volunteer starts with. */
    private final int volunteerEdges;
    private long[] heapKey = new long[64];
    private int[] heapNode = new int[64];
    private int heapSize;
    private int round;
    private final int[] visited;
    private int visitedCount;

    Flow(State s, int volunteerEdges) {
      this.volunteerEdges = volunteerEdges;
      this.s = s;
      this.p = s.p;
      this.n = s.n;
      int m = s.m;
      this.sink = n + m;
      this.unplacedCost = Math.multiplyExact(n + 2L, SCALE);
      int nodes = n + m + 1;
      potential = new long[nodes];
      dist = new long[nodes];
      seen = new int[nodes];
      done = new int[nodes];
      previous = new int[nodes];
      previousPair = new int[nodes];
      visited = new int[nodes];
      members = new int[m][];
      memberCount = new int[m];
      memberSlot = new int[n];
      unplacedArc = new boolean[n];
      pairCost = new long[p.pairScore.length];
      for (int q = 0; q < pairCost.length; q++) {
        pairCost[q] = SCALE - rounded(p.pairScore[q]);
      }
      for (int j = 0; j < m; j++) {
        members[j] = new int[Math.min(Math.max(0, s.individualCapacity[j]), 16)];
      }
      chosen = new boolean[pairCost.length];
      edgeStart = new int[n + 1];
      edges = new int[0];
    }

    /**
     * Solves on a sparse graph first, each volunteer's few cheapest pairs
     * and each vacancy's cheapest pairs for twice its places, then checks every other pair's
     * reduced cost against the potentials: a flow with non-negative reduced costs on every
     * residual arc of the full network is optimal (complementary slackness). Pairs that violate it
     * join the graph and the search runs again; each round adds at least one pair.
     */
    void run() {
      chooseInitialPairs();
      while (true) {
        rebuildEdges();
        reset();
        solve();
        if (addViolatingPairs() == 0) {
          break;
        }
      }
    }

    private void chooseInitialPairs() {
      long[] keys = new long[0];
      for (int v = 0; v < n; v++) {
        int from = p.pairStart[v];
        int degree = p.pairStart[v + 1] - from;
        if (degree <= volunteerEdges) {
          Arrays.fill(chosen, from, from + degree, true);
          continue;
        }
        if (keys.length < degree) {
          keys = new long[degree];
        }
        for (int k = 0; k < degree; k++) {
          keys[k] = pairCost[from + k] << 32 | k;
        }
        Arrays.sort(keys, 0, degree);
        for (int k = 0; k < volunteerEdges; k++) {
          chosen[from + (int) keys[k]] = true;
        }
      }
      for (int j = 0; j < s.m; j++) {
        int want = 2 * Math.max(0, s.individualCapacity[j]) + 8;
        long[] best = new long[Math.min(want, p.vacancyStart[j + 1] - p.vacancyStart[j])];
        int size = 0;
        for (int k = p.vacancyStart[j]; k < p.vacancyStart[j + 1]; k++) {
          int q = p.vacancyPairs[k];
          long key = pairCost[q] << 32 | q;
          if (size < best.length) {
            best[size++] = key;
            if (size == best.length) {
              Arrays.sort(best);
            }
          } else if (best.length > 0 && key < best[best.length - 1]) {
            int at = Arrays.binarySearch(best, key);
            at = at < 0 ? -at - 1 : at;
            System.arraycopy(best, at, best, at + 1, best.length - 1 - at);
            best[at] = key;
          }
        }
        for (int k = 0; k < size; k++) {
          chosen[(int) best[k]] = true;
        }
      }
    }

    private void rebuildEdges() {
      int count = 0;
      for (boolean c : chosen) {
        count += c ? 1 : 0;
      }
      edges = new int[count];
      int at = 0;
      for (int v = 0; v < n; v++) {
        edgeStart[v] = at;
        for (int q = p.pairStart[v]; q < p.pairStart[v + 1]; q++) {
          if (chosen[q]) {
            edges[at++] = q;
          }
        }
      }
      edgeStart[n] = at;
    }

    private void reset() {
      Arrays.fill(potential, 0);
      offset = 0;
      Arrays.fill(memberCount, 0);
      Arrays.fill(unplacedArc, false);
      for (int v = 0; v < n; v++) {
        if (s.individual(v)) {
          s.assigned[v] = -1;
        }
      }
    }

    /** Counts and adds the pairs left out whose reduced cost is negative. */
    private int addViolatingPairs() {
      int added = 0;
      for (int v = 0; v < n; v++) {
        if (!s.individual(v)) {
          continue;
        }
        for (int q = p.pairStart[v]; q < p.pairStart[v + 1]; q++) {
          if (!chosen[q] && pairCost[q] + potential[v] - potential[n + p.pairVacancy[q]] < 0) {
            chosen[q] = true;
            added++;
          }
        }
      }
      return added;
    }

    private void solve() {
      // Volunteers enter best first (by their best score): a later, weaker volunteer then rarely
      // beats the price a full vacancy has reached, and its search ends at once. The order
      // changes the work, not the optimum.
      long[] order = new long[n];
      int k = 0;
      for (int v = 0; v < n; v++) {
        if (!s.individual(v) || edgeStart[v] == edgeStart[v + 1]) {
          continue;
        }
        long best = Long.MAX_VALUE;
        for (int e = edgeStart[v]; e < edgeStart[v + 1]; e++) {
          best = Math.min(best, pairCost[edges[e]]);
        }
        order[k++] = best << 32 | v;
      }
      order = Arrays.copyOf(order, k);
      Arrays.sort(order);
      for (long key : order) {
        enter((int) key);
      }
    }

    /** Routes volunteer v's unit of flow along a shortest path to the sink. */
    private void enter(int v) {
      // A potential for the new node that keeps its arcs' reduced costs non-negative.
      long top = potential[sink] + offset - unplacedCost;
      for (int e = edgeStart[v]; e < edgeStart[v + 1]; e++) {
        int q = edges[e];
        top = Math.max(top, potential[n + p.pairVacancy[q]] + offset - pairCost[q]);
      }
      potential[v] = top - offset;
      unplacedArc[v] = true;
      round++;
      visitedCount = 0;
      heapSize = 0;
      relax(v, 0, -1, -1);
      long reach = -1;
      while (heapSize > 0) {
        long d = heapKey[0];
        int u = pop();
        if (done[u] == round || d > dist[u]) {
          continue;
        }
        done[u] = round;
        visited[visitedCount++] = u;
        if (u == sink) {
          reach = d;
          break;
        }
        if (u < n) {
          int own = s.assigned[u];
          long base = d + potential[u];
          int[] vacancyOf = p.pairVacancy;
          for (int e = edgeStart[u], end = edgeStart[u + 1]; e < end; e++) {
            int q = edges[e];
            int w = n + vacancyOf[q];
            if (q != own && done[w] != round) {
              long to = base + pairCost[q] - potential[w];
              if (to < d) {
                throw new IllegalStateException("negative reduced cost on " + u + " -> " + w);
              }
              if (seen[w] != round || to < dist[w]) {
                relax(w, to, u, q);
              }
            }
          }
          if (unplacedArc[u]) {
            relax(sink, d + reduced(u, sink, unplacedCost), u, -1);
          }
        } else {
          int j = u - n;
          if (memberCount[j] < s.individualCapacity[j]) {
            relax(sink, d + reduced(u, sink, 0), u, -1);
          }
          for (int k = 0; k < memberCount[j]; k++) {
            int w = members[j][k];
            int q = s.assigned[w];
            relax(w, d + reduced(u, w, -pairCost[q]), u, q);
          }
        }
      }
      if (reach < 0) {
        throw new IllegalStateException("no path to the sink from volunteer " + p.volunteers[v]);
      }
      augment(v);
      for (int k = 0; k < visitedCount; k++) {
        int x = visited[k];
        potential[x] += dist[x] - reach;
      }
      offset += reach;
      if (Math.abs(offset) > 1L << 60) {
        rebase();
      }
    }

    private long reduced(int u, int w, long cost) {
      long r = cost + potential[u] - potential[w];
      if (r < 0) {
        throw new IllegalStateException("negative reduced cost " + r + " on " + u + " -> " + w);
      }
      return r;
    }

    private void relax(int w, long d, int from, int pair) {
      if (seen[w] == round && dist[w] <= d) {
        return;
      }
      seen[w] = round;
      dist[w] = d;
      previous[w] = from;
      previousPair[w] = pair;
      push(d, w);
    }

    /** Moves the flow along the path found to the sink, from its start v. */
    private void augment(int v) {
      int[] path = new int[16];
      int length = 0;
      for (int x = sink; x != v; x = previous[x]) {
        if (length == path.length) {
          path = Arrays.copyOf(path, length * 2);
        }
        path[length++] = x;
      }
      int from = v;
      for (int k = length - 1; k >= 0; k--) {
        int to = path[k];
        int q = previousPair[to];
        if (from < n && to < sink) {
          // A volunteer takes a place.
          join(from, to - n, q);
        } else if (from >= n && from < sink && to < n) {
          // A volunteer leaves a place for someone on the path.
          leave(to, from - n);
        } else if (from < n) {
          // A volunteer takes the "unplaced" arc.
          unplacedArc[from] = false;
        }
        from = to;
      }
    }

    private void join(int v, int j, int q) {
      if (memberCount[j] == members[j].length) {
        members[j] = Arrays.copyOf(members[j], Math.max(4, members[j].length * 2));
      }
      memberSlot[v] = memberCount[j];
      members[j][memberCount[j]++] = v;
      s.assigned[v] = q;
      unplacedArc[v] = true;
    }

    private void leave(int v, int j) {
      int slot = memberSlot[v];
      int last = members[j][--memberCount[j]];
      members[j][slot] = last;
      memberSlot[last] = slot;
      s.assigned[v] = -1;
    }

    /** Shifts every potential by the same amount, which changes no reduced cost. */
    private void rebase() {
      long base = potential[sink];
      for (int x = 0; x < potential.length; x++) {
        potential[x] -= base;
      }
      offset = 0;
    }

    private void push(long key, int node) {
      if (heapSize == heapKey.length) {
        heapKey = Arrays.copyOf(heapKey, heapSize * 2);
        heapNode = Arrays.copyOf(heapNode, heapSize * 2);
      }
      int i = heapSize++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (heapKey[parent] <= key) {
          break;
        }
        heapKey[i] = heapKey[parent];
        heapNode[i] = heapNode[parent];
        i = parent;
      }
      heapKey[i] = key;
      heapNode[i] = node;
    }

    private int pop() {
      int top = heapNode[0];
      long key = heapKey[--heapSize];
      int node = heapNode[heapSize];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= heapSize) {
          break;
        }
        if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) {
          child++;
        }
        if (heapKey[child] >= key) {
          break;
        }
        heapKey[i] = heapKey[child];
        heapNode[i] = heapNode[child];
        i = child;
      }
      heapKey[i] = key;
      heapNode[i] = node;
      return top;
    }
  }
}
