package io.github.koppel.benchmarks;

import io.github.koppel.matching.allocation.Allocation;
import io.github.koppel.matching.allocation.AllocationMode;
import io.github.koppel.matching.allocation.AllocationProblem;
import io.github.koppel.matching.allocation.Allocator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Koppel's optimal allocation against JGraphT's Kuhn–Munkres on the slot-expanded assignment (see
 * {@link AllocationInstances.Assignment}) and its capacity-scaling minimum-cost flow. The
 * assignment is a complete bipartite graph of (volunteers + places)² edges and Kuhn–Munkres is
 * cubic, so this runs on 300 volunteers and 60 vacancies; setup asserts the three optima agree.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar
 * AllocationKuhnMunkresBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 2, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
public class AllocationKuhnMunkresBenchmark {
  /** The number of volunteers; vacancies are a fifth of it. */
  @Param({"300"})
  public int volunteers;

  private AllocationProblem problem;
  private AllocationInstances.Flow flow;
  private AllocationInstances.Assignment assignment;

  /** Builds the instance and checks that the three routes agree on the optimum. */
  @Setup
  public void setup() {
    problem = AllocationInstances.instance(volunteers, volunteers / 5);
    flow = new AllocationInstances.Flow(problem);
    assignment = new AllocationInstances.Assignment(problem);
    AllocationInstances.checkSameOptimum(
        problem,
        Map.of(
            "JGraphT capacity scaling", flow.solve(),
            "JGraphT Kuhn-Munkres", assignment.solve()));
  }

  /** Koppel's optimal mode. */
  @Benchmark
  public Allocation koppelOptimal() {
    return Allocator.allocate(problem, AllocationMode.OPTIMAL);
  }

  /** The peer: Kuhn–Munkres on the slot-expanded assignment. */
  @Benchmark
  public double jgraphtKuhnMunkres() {
    return assignment.solve();
  }

  /** The peer: JGraphT's capacity-scaling minimum-cost flow. */
  @Benchmark
  public double jgraphtCapacityScaling() {
    return flow.solve();
  }
}
