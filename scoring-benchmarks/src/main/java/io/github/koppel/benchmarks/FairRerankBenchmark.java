package io.github.koppel.benchmarks;

import io.github.koppel.matching.fairness.FairTopK;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FA*IR re-ranking of a top 100 from a merit-ordered pool of 200 candidates, 15% of them protected
 * (fixed seed), with p = 0.5 and α = 0.1 (adjusted). The peer is a naive implementation of the
 * same algorithm that evaluates the binomial test prefix by prefix during the re-ranking instead
 * of reading a precomputed table. Setup asserts that both return the same list.
 *
 * <p>Run with {@code java -jar scoring-benchmarks/target/benchmarks.jar FairRerankBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FairRerankBenchmark {
  /** A candidate in merit order. */
  record Candidate(int position, boolean isProtected) {}

  private final List<Candidate> pool = new ArrayList<>();
  private FairTopK fair;

  /** Draws the pool and checks that both implementations agree. */
  @Setup
  public void setup() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      pool.add(new Candidate(i, random.nextDouble() < 0.15));
    }
    fair = FairTopK.adjusted(100, 0.5, 0.1);
    if (!fair.rerank(pool, Candidate::isProtected).equals(naive())) {
      throw new IllegalStateException("the naive re-ranking differs");
    }
  }

  /** Koppel's FA*IR re-ranking with its precomputed table. */
  @Benchmark
  public List<Candidate> fairTopK() {
    return fair.rerank(pool, Candidate::isProtected);
  }

  /** The peer: the same algorithm, testing each prefix with the binomial CDF as it goes. */
  @Benchmark
  public List<Candidate> naive() {
    double p = fair.proportion();
    double alpha = fair.adjustedAlpha();
    List<Candidate> protectedOnes = new ArrayList<>();
    List<Candidate> others = new ArrayList<>();
    for (Candidate c : pool) {
      (c.isProtected() ? protectedOnes : others).add(c);
    }
    List<Candidate> out = new ArrayList<>();
    int count = 0;
    int pi = 0;
    int oi = 0;
    for (int i = 1; i <= 100 && (pi < protectedOnes.size() || oi < others.size()); i++) {
      int needed = minimumProtected(i, p, alpha);
      boolean takeProtected =
          pi < protectedOnes.size()
              && (count < needed
                  || oi >= others.size()
                  || protectedOnes.get(pi).position() < others.get(oi).position());
      if (takeProtected) {
        out.add(protectedOnes.get(pi++));
        count++;
      } else {
        out.add(others.get(oi++));
      }
    }
    return out;
  }

  /** min{τ : F(τ; i, p) > α}, from the binomial probabilities of i trials. */
  private static int minimumProtected(int i, double p, double alpha) {
    double pmf = Math.pow(1 - p, i);
    double cdf = pmf;
    int tau = 0;
    while (cdf <= alpha && tau < i) {
      pmf *= (double) (i - tau) / (tau + 1) * p / (1 - p);
      tau++;
      cdf += pmf;
    }
    return tau;
  }
}
