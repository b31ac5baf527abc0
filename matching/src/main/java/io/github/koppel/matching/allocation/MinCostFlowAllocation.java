package io.github.koppel.matching.allocation;

import java.util.Arrays;

/**
 * The optimal mode: successive shortest paths with potentials on the network source →
 * volunteer → vacancy → sink, plus an "unplaced" arc from each volunteer to the sink.
 */
final class MinCostFlowAllocation {
  private final Assignment s;
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

  MinCostFlowAllocation(Assignment s, int volunteerEdges) {
    this.volunteerEdges = volunteerEdges;
    this.s = s;
    this.p = s.p;
    this.n = s.n;
    int m = s.m;
    this.sink = n + m;
    this.unplacedCost = Math.multiplyExact(n + 2L, Allocator.SCALE);
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
      pairCost[q] = Allocator.SCALE - Allocator.rounded(p.pairScore[q]);
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
