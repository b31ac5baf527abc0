package io.github.koppel.benchmarks;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.allocation.Allocation;
import io.github.koppel.matching.allocation.AllocationMode;
import io.github.koppel.matching.allocation.AllocationProblem;
import io.github.koppel.matching.allocation.Allocations;
import io.github.koppel.matching.allocation.Allocator;
import io.github.koppel.matching.allocation.Placement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Allocation instances for the benchmarks and their JGraphT formulations. An instance is a
 * generated city (fixed seed) whose feasible pairs and scores come from the engine under the
 * inclusive default policy; capacities are redrawn uniformly in 1–10 with a fixed seed.
 *
 * <p>Costs are those of Koppel's optimal mode, in units of one score point: a pair costs 1 −
 * score (the score rounded to 1e-6) and leaving a volunteer unplaced costs n + 2, more than any
 * sum of pair costs, so the minimum cost places the most volunteers and then maximises the score.
 */
final class AllocationInstances {
  private AllocationInstances() {}

  static AllocationProblem instance(int volunteers, int vacancies) {
    Dataset city =
        DemoCity.generate(DemoCity.DEFAULT_SEED, volunteers, Math.max(60, vacancies * 3 / 4), vacancies);
    MatchEngine engine =
        MatchEngine.builder(city)
            .date(DemoCity.REFERENCE_DATE)
            .strategy(MatchEngine.Strategy.COMPILED)
            .build();
    AllocationProblem fromEngine = Allocations.problem(engine);
    Random random = new Random(42);
    AllocationProblem.Builder b = AllocationProblem.builder();
    fromEngine.volunteers().forEach(b::volunteer);
    for (String j : fromEngine.vacancies()) {
      b.vacancy(j, 1 + random.nextInt(10));
    }
    for (String v : fromEngine.volunteers()) {
      for (String j : fromEngine.preferencesOf(v)) {
        b.pair(v, j, fromEngine.score(v, j));
      }
    }
    return b.build();
  }

  static double pairCost(double score) {
    return (1_000_000L - Math.round(score * 1_000_000)) / 1e6;
  }

  static double unplacedCost(AllocationProblem p) {
    return p.volunteers().size() + 2;
  }

  /** The cost of an allocation: pairs placed plus volunteers with feasible pairs left unplaced. */
  static double cost(AllocationProblem p, Allocation a) {
    double total = 0;
    for (Placement placement : a.placements()) {
      total += pairCost(placement.score());
    }
    for (var u : a.unplaced()) {
      if (!p.preferencesOf(u.volunteerId()).isEmpty()) {
        total += unplacedCost(p);
      }
    }
    return total;
  }

  /**
   * Fails unless Koppel's optimal mode reaches the same minimum cost as every peer, to 1e-6
   * relative: checked in setup, before anything is timed.
   *
   * @param p the instance
   * @param peers each peer's name and minimum cost
   */
  static void checkSameOptimum(AllocationProblem p, Map<String, Double> peers) {
    double ours = cost(p, Allocator.allocate(p, AllocationMode.OPTIMAL));
    for (Map.Entry<String, Double> peer : peers.entrySet()) {
      double theirs = peer.getValue();
      if (Math.abs(ours - theirs) > 1e-6 * Math.max(1, Math.abs(theirs))) {
        throw new IllegalStateException(
            "optimal costs differ: Koppel " + ours + ", " + peer.getKey() + " " + theirs);
      }
    }
  }

  /** The network for JGraphT's capacity-scaling minimum-cost flow. */
  static final class Flow {
    final Graph<Integer, DefaultWeightedEdge> graph =
        new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    final MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem;

    Flow(AllocationProblem p) {
      Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
      Map<Integer, Integer> supply = new HashMap<>();
      int sink = -1;
      graph.addVertex(sink);
      List<String> vacancies = p.vacancies();
      Map<String, Integer> vertex = new HashMap<>();
      for (int j = 0; j < vacancies.size(); j++) {
        int node = 1_000_000_000 + j;
        vertex.put(vacancies.get(j), node);
        graph.addVertex(node);
        DefaultWeightedEdge e = graph.addEdge(node, sink);
        graph.setEdgeWeight(e, 0);
        capacity.put(e, p.capacity(vacancies.get(j)));
      }
      int sources = 0;
      List<String> volunteers = p.volunteers();
      for (int v = 0; v < volunteers.size(); v++) {
        List<String> prefs = p.preferencesOf(volunteers.get(v));
        if (prefs.isEmpty()) {
          continue;
        }
        sources++;
        graph.addVertex(v);
        supply.put(v, 1);
        for (String j : prefs) {
          DefaultWeightedEdge e = graph.addEdge(v, vertex.get(j));
          graph.setEdgeWeight(e, pairCost(p.score(volunteers.get(v), j)));
          capacity.put(e, 1);
        }
        DefaultWeightedEdge out = graph.addEdge(v, sink);
        graph.setEdgeWeight(out, unplacedCost(p));
        capacity.put(out, 1);
      }
      supply.put(sink, -sources);
      problem =
          new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
              graph, x -> supply.getOrDefault(x, 0), capacity::get);
    }

    double solve() {
      return new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
          .getMinimumCostFlow(problem)
          .getCost();
    }
  }

  /**
   * The slot-expanded assignment for JGraphT's Kuhn–Munkres: rows are the volunteers and one
   * filler per place, columns the places and one "unplaced" column per volunteer. A volunteer
   * takes a place of a feasible vacancy at its pair cost or its own unplaced column; a filler
   * takes any column at no cost; every other pairing is forbidden by a prohibitive cost.
   */
  static final class Assignment {
    final Graph<String, DefaultWeightedEdge> graph =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    final Set<String> rows = new HashSet<>();
    final Set<String> columns = new HashSet<>();

    Assignment(AllocationProblem p) {
      List<String> volunteers = p.volunteers();
      double forbidden = 100 * unplacedCost(p);
      int places = 0;
      for (String j : p.vacancies()) {
        for (int k = 0; k < p.capacity(j); k++) {
          add(columns, "place:" + j + ":" + k);
          places++;
        }
      }
      for (String v : volunteers) {
        add(columns, "out:" + v);
        add(rows, "v:" + v);
      }
      for (int f = 0; f < places; f++) {
        add(rows, "filler:" + f);
      }
      for (String row : rows) {
        for (String column : columns) {
          double w;
          if (row.startsWith("filler:")) {
            w = 0;
          } else {
            String v = row.substring(2);
            if (column.startsWith("out:")) {
              boolean own = column.substring(4).equals(v);
              w = !own ? forbidden : p.preferencesOf(v).isEmpty() ? 0 : unplacedCost(p);
            } else {
              String j = column.substring(6, column.lastIndexOf(':'));
              double score = p.score(v, j);
              w = Double.isNaN(score) ? forbidden : pairCost(score);
            }
          }
          graph.setEdgeWeight(graph.addEdge(row, column), w);
        }
      }
    }

    private void add(Set<String> side, String vertex) {
      side.add(vertex);
      graph.addVertex(vertex);
    }

    double solve() {
      MatchingAlgorithm.Matching<String, DefaultWeightedEdge> m =
          new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(graph, rows, columns).getMatching();
      return m.getWeight();
    }
  }
}
