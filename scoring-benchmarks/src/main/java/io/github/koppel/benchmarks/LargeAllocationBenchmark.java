package io.github.koppel.benchmarks;

import io.github.koppel.matching.allocation.Allocation;
import io.github.koppel.matching.allocation.AllocationMode;
import io.github.koppel.matching.allocation.AllocationProblem;
import io.github.koppel.matching.allocation.Allocator;
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
 * Optimal allocation of 10,000 generated volunteers into 2,000 vacancies with 1–10 places each,
 * on one core, single shot (see {@link AllocationInstances}); the greedy baseline runs in the same
 * fork. JGraphT is left out at this size: its graph of about ten million arcs does not fit the
 * machine's time budget (see {@link AllocationBenchmark} for the side-by-side figures).
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar LargeAllocationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx16g"})
public class LargeAllocationBenchmark {
  /** The number of volunteers; vacancies are a fifth of it. */
  @Param({"10000"})
  public int volunteers;

  private AllocationProblem problem;

  /** Builds the instance. */
  @Setup
  public void setup() {
    problem = AllocationInstances.instance(volunteers, volunteers / 5);
  }

  /** Koppel's optimal mode. */
  @Benchmark
  public Allocation koppelOptimal() {
    return Allocator.allocate(problem, AllocationMode.OPTIMAL);
  }

  /** The greedy baseline. */
  @Benchmark
  public Allocation koppelGreedy() {
    return Allocator.allocate(problem, AllocationMode.GREEDY);
  }
}
