package io.github.koppel.matching.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Properties of the allocator over random instances: capacities and feasibility respected, no
 * blocking pair in the stable modes (and the proposing side's optimum among all stable
 * allocations, found by enumeration on small instances), the optimum at least as good as greedy,
 * and the optimal cost equal to JGraphT's minimum-cost flow on the same network.
 */
class AllocationProperties {

  /** A random instance: scores on a coarse grid so that ties happen. */
  static AllocationProblem random(long seed, int n, int m, boolean teams) {
    Random r = new Random(seed);
    AllocationProblem.Builder b = AllocationProblem.builder();
    for (int v = 0; v < n; v++) {
      b.volunteer("v" + v);
    }
    for (int j = 0; j < m; j++) {
      b.vacancy("j" + j, r.nextInt(4));
    }
    for (int v = 0; v < n; v++) {
      for (int j = 0; j < m; j++) {
        if (r.nextDouble() < 0.5) {
          b.pair("v" + v, "j" + j, r.nextInt(21) / 20.0, r.nextInt(11) / 10.0);
        }
      }
    }
    if (teams && n >= 4) {
      b.team(new AllocationProblem.Team("t0", List.of("v0", "v1")));
      b.team(new AllocationProblem.Team("t1", List.of("v2", "v3")));
    }
    return b.build();
  }

  @Property(tries = 300)
  void everyModeRespectsCapacityAndFeasibilityAndIsDeterministic(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 30) int n,
      @ForAll @IntRange(min = 0, max = 8) int m,
      @ForAll boolean teams) {
    AllocationProblem problem = random(seed, n, m, teams);
    for (AllocationMode mode : AllocationMode.values()) {
      Allocation a = Allocator.allocate(problem, mode);
      Map<String, Integer> used = new HashMap<>();
      for (Placement p : a.placements()) {
        assertTrue(!Double.isNaN(problem.score(p.volunteerId(), p.vacancyId())), p::toString);
        assertEquals(problem.score(p.volunteerId(), p.vacancyId()), p.score());
        used.merge(p.vacancyId(), 1, Integer::sum);
      }
      for (String j : problem.vacancies()) {
        int placed = used.getOrDefault(j, 0);
        assertTrue(placed <= problem.capacity(j), j);
        assertEquals(problem.capacity(j) - placed, a.remainingCapacity(j));
      }
      assertEquals(n, a.placements().size() + a.unplaced().size());
      assertEquals(pairsOf(a), pairsOf(Allocator.allocate(problem, mode)));
      // Team members are placed together or not at all.
      for (AllocationProblem.Team t : problem.teams()) {
        Set<String> where = new HashSet<>();
        for (String member : t.members()) {
          where.add(a.placementOf(member).map(Placement::vacancyId).orElse("-"));
        }
        assertEquals(1, where.size(), t::toString);
      }
    }
  }

  @Property(tries = 300)
  void stableModesLeaveNoBlockingPair(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 30) int n,
      @ForAll @IntRange(min = 0, max = 8) int m,
      @ForAll boolean teams) {
    AllocationProblem problem = random(seed, n, m, teams);
    assertEquals(
        List.of(),
        Allocator.blockingPairs(
            problem, Allocator.allocate(problem, AllocationMode.STABLE_VOLUNTEERS_PROPOSE)));
    assertEquals(
        List.of(),
        Allocator.blockingPairs(
            problem, Allocator.allocate(problem, AllocationMode.STABLE_VACANCIES_PROPOSE)));
  }

  /**
   * On small instances every allocation is enumerated: the volunteer-proposing result is the
   * stable allocation every volunteer likes best, the vacancy-proposing one the one they like
   * least (the lattice of stable allocations), and all stable allocations place the same
   * volunteers (the rural hospitals theorem).
   */
  @Property(tries = 200)
  void proposingSideGetsItsBestStableAllocation(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int n,
      @ForAll @IntRange(min = 1, max = 3) int m) {
    AllocationProblem problem = random(seed, n, m, false);
    List<Map<String, String>> stable = new ArrayList<>();
    enumerate(problem, 0, new HashMap<>(), stable);
    Map<String, String> best =
        pairsOf(Allocator.allocate(problem, AllocationMode.STABLE_VOLUNTEERS_PROPOSE));
    Map<String, String> worst =
        pairsOf(Allocator.allocate(problem, AllocationMode.STABLE_VACANCIES_PROPOSE));
    assertTrue(stable.contains(best), () -> best + " not in " + stable);
    assertTrue(stable.contains(worst), () -> worst + " not in " + stable);
    for (Map<String, String> s : stable) {
      assertEquals(best.keySet(), s.keySet());
      for (String v : problem.volunteers()) {
        if (s.containsKey(v)) {
          List<String> prefs = problem.preferencesOf(v);
          assertTrue(prefs.indexOf(best.get(v)) <= prefs.indexOf(s.get(v)));
          assertTrue(prefs.indexOf(worst.get(v)) >= prefs.indexOf(s.get(v)));
        }
      }
    }
  }

  @Property(tries = 300)
  void optimalIsAtLeastGreedyAndStableAndMatchesJGraphT(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 30) int n,
      @ForAll @IntRange(min = 0, max = 8) int m) {
    AllocationProblem problem = random(seed, n, m, false);
    Allocation optimal = Allocator.allocate(problem, AllocationMode.OPTIMAL);
    for (AllocationMode other : AllocationMode.values()) {
      Allocation a = Allocator.allocate(problem, other);
      assertTrue(
          optimal.placedCount() > a.placedCount()
              || (optimal.placedCount() == a.placedCount()
                  && optimal.totalScore() >= a.totalScore() - 1e-9),
          () -> other + ": " + a + " beats " + optimal);
    }
    assertEquals(jgraphtOptimalCost(problem), cost(problem, optimal));
  }

  /**
   * The optimal mode starts from a sparse graph and adds the pairs whose reduced costs say the
   * flow is not yet optimal; starting from one pair per volunteer (and few per vacancy) must end
   * at the same optimum.
   */
  @Property(tries = 300)
  void sparseStartReachesTheSameOptimum(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 40) int n,
      @ForAll @IntRange(min = 0, max = 10) int m,
      @ForAll @IntRange(min = 1, max = 3) int width) {
    AllocationProblem problem = random(seed, n, m, false);
    Allocation sparse = Allocator.allocate(problem, AllocationMode.OPTIMAL, width);
    Allocation full = Allocator.allocate(problem, AllocationMode.OPTIMAL, Integer.MAX_VALUE);
    assertEquals(full.placedCount(), sparse.placedCount());
    assertEquals(cost(problem, full), cost(problem, sparse));
    assertEquals(jgraphtOptimalCost(problem), cost(problem, sparse));
  }

  /** The optimal mode's cost of an allocation, in the units of its integer costs. */
  static double cost(AllocationProblem problem, Allocation a) {
    long unplaced = (problem.volunteers().size() + 2L) * Allocator.SCALE;
    long total = 0;
    for (Placement p : a.placements()) {
      total += Allocator.SCALE - Allocator.rounded(p.score());
    }
    return total + (double) a.unplaced().stream().filter(u -> u.reason() != Unplaced.Reason.NO_FEASIBLE_VACANCY).count() * unplaced;
  }

  /** The same network as the optimal mode, solved by JGraphT's capacity-scaling min-cost flow. */
  static double jgraphtOptimalCost(AllocationProblem problem) {
    Graph<String, DefaultWeightedEdge> g = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
    Map<String, Integer> supply = new HashMap<>();
    long unplacedCost = (problem.volunteers().size() + 2L) * Allocator.SCALE;
    g.addVertex("sink");
    int volunteersWithPairs = 0;
    for (String j : problem.vacancies()) {
      g.addVertex("j:" + j);
      DefaultWeightedEdge e = g.addEdge("j:" + j, "sink");
      g.setEdgeWeight(e, 0);
      capacity.put(e, problem.capacity(j));
    }
    for (String v : problem.volunteers()) {
      List<String> prefs = problem.preferencesOf(v);
      if (prefs.isEmpty()) {
        continue;
      }
      volunteersWithPairs++;
      g.addVertex("v:" + v);
      supply.put("v:" + v, 1);
      for (String j : prefs) {
        DefaultWeightedEdge e = g.addEdge("v:" + v, "j:" + j);
        g.setEdgeWeight(e, Allocator.SCALE - Allocator.rounded(problem.score(v, j)));
        capacity.put(e, 1);
      }
      DefaultWeightedEdge out = g.addEdge("v:" + v, "sink");
      g.setEdgeWeight(out, unplacedCost);
      capacity.put(out, 1);
    }
    supply.put("sink", -volunteersWithPairs);
    if (volunteersWithPairs == 0) {
      return 0;
    }
    MinimumCostFlowProblem<String, DefaultWeightedEdge> flow =
        new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
            g, x -> supply.getOrDefault(x, 0), capacity::get);
    return new CapacityScalingMinimumCostFlow<String, DefaultWeightedEdge>()
        .getMinimumCostFlow(flow)
        .getCost();
  }

  static Map<String, String> pairsOf(Allocation a) {
    return AllocatorTest.pairs(a);
  }

  /** Enumerates every allocation of the volunteers from index v on and keeps the stable ones. */
  private static void enumerate(
      AllocationProblem problem, int v, Map<String, String> current, List<Map<String, String>> out) {
    List<String> volunteers = problem.volunteers();
    if (v == volunteers.size()) {
      Map<String, Integer> load = new HashMap<>();
      current.values().forEach(j -> load.merge(j, 1, Integer::sum));
      for (Map.Entry<String, Integer> e : load.entrySet()) {
        if (e.getValue() > problem.capacity(e.getKey())) {
          return;
        }
      }
      if (isStable(problem, current, load)) {
        out.add(new java.util.TreeMap<>(current));
      }
      return;
    }
    String id = volunteers.get(v);
    enumerate(problem, v + 1, current, out);
    for (String j : problem.preferencesOf(id)) {
      current.put(id, j);
      enumerate(problem, v + 1, current, out);
      current.remove(id);
    }
  }

  /** Stability straight from the definition, with vacancies preferring higher scores, then ids. */
  private static boolean isStable(
      AllocationProblem problem, Map<String, String> assignment, Map<String, Integer> load) {
    for (String v : problem.volunteers()) {
      List<String> prefs = problem.preferencesOf(v);
      int mine = assignment.containsKey(v) ? prefs.indexOf(assignment.get(v)) : prefs.size();
      for (int k = 0; k < mine; k++) {
        String j = prefs.get(k);
        if (load.getOrDefault(j, 0) < problem.capacity(j)) {
          return false;
        }
        for (Map.Entry<String, String> e : assignment.entrySet()) {
          if (e.getValue().equals(j) && prefersFirst(problem, j, v, e.getKey())) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean prefersFirst(AllocationProblem problem, String j, String a, String b) {
    int c = Double.compare(problem.score(b, j), problem.score(a, j));
    return c != 0 ? c < 0 : a.compareTo(b) < 0;
  }
}
