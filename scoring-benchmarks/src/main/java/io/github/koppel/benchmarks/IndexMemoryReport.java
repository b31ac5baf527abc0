package io.github.koppel.benchmarks;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.Locale;

/**
 * Measures the heap the compiled volunteer index takes per volunteer: the used heap after a full
 * garbage collection, with and without the index, on the generated city with the fixed seed. The
 * volunteers and vocabularies themselves are not counted (an index is built and dropped first, so
 * that their lazily built caches exist), except the index's list of references to the volunteers.
 *
 * <p>Then the dictionaries that the kernels build on an engine's first queries ({@link
 * VolunteerIndex#tabled}): the used heap after 20 queries against the engine before any.
 *
 * <p>Run with {@code java -cp scoring-benchmarks/target/benchmarks.jar
 * io.github.koppel.benchmarks.IndexMemoryReport [volunteers]}.
 */
public final class IndexMemoryReport {
  private IndexMemoryReport() {}

  /**
   * Prints the bytes per volunteer.
   *
   * @param args the number of volunteers, 1,000,000 by default
   */
  public static void main(String[] args) {
    int n = args.length == 0 ? 1_000_000 : Integer.parseInt(args[0]);
    Dataset city = DemoCity.generate(DemoCity.DEFAULT_SEED, n, 300, 400);
    Vocabularies vocabularies = BundledData.flemishVocabularies();
    // A first index lets the volunteers and vocabularies build their own lazy caches, which are
    // theirs and not the index's.
    new VolunteerIndex(city.volunteers(), vocabularies);
    long before = used();
    VolunteerIndex index = new VolunteerIndex(city.volunteers(), vocabularies);
    long after = used();
    System.out.printf(
        Locale.ROOT, "| VolunteerIndex memory | %d | %.1f bytes per volunteer |%n", index.size(),
        (after - before) / (double) n);
    if (index.size() != n) {
      throw new IllegalStateException("the index lost volunteers");
    }
    // The dictionaries the kernels build on an engine's first queries, one per set of columns.
    MatchEngine engine = MatchEngine.builder(city)
        .date(DemoCity.REFERENCE_DATE)
        .strategy(MatchEngine.Strategy.COMPILED)
        .parallelism(1)
        .build();
    long built = used();
    for (int v = 0; v < 20; v++) {
      engine.rankVolunteers(city.vacancies().get(v * 13 % city.vacancies().size()).id(), 10);
    }
    long queried = used();
    System.out.printf(
        Locale.ROOT, "| Dictionaries after 20 vacancies' queries | %d | %.1f bytes per volunteer |%n",
        n, (queried - built) / (double) n);
  }

  private static long used() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
