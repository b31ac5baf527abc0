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
 * Optimal allocation of generated volunteers into 400 vacancies with 1–10 places each (see {@link
 * AllocationInstances}): Koppel's optimal mode against JGraphT's capacity-scaling minimum-cost flow
 * on the same network, with the stable and greedy modes for orientation. Setup asserts that both
 * optimal routes reach the same minimum cost before anything is timed.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar AllocationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 2, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
public class AllocationBenchmark {
  /** The number of volunteers. */
  @Param({"2000"})
  public int volunteers;

  private AllocationProblem problem;
  private AllocationInstances.Flow flow;

  /** Builds the instance and checks that both routes agree on the optimum. */
  @Setup
  public void setup() {
    problem = AllocationInstances.instance(volunteers, 400);
    flow = new AllocationInstances.Flow(problem);
    AllocationInstances.checkSameOptimum(problem, Map.of("JGraphT capacity scaling", flow.solve()));
  }

  /** Koppel's optimal mode. */
  @Benchmark
  public Allocation koppelOptimal() {
    return Allocator.allocate(problem, AllocationMode.OPTIMAL);
  }

  /** The peer: JGraphT's capacity-scaling minimum-cost flow on the same network. */
  @Benchmark
  public double jgraphtCapacityScaling() {
    return flow.solve();
  }

  /** Deferred acceptance, volunteers proposing. */
  @Benchmark
  public Allocation koppelStable() {
    return Allocator.allocate(problem, AllocationMode.STABLE_VOLUNTEERS_PROPOSE);
  }

  /** The greedy baseline. */
  @Benchmark
  public Allocation koppelGreedy() {
    return Allocator.allocate(problem, AllocationMode.GREEDY);
  }
}
