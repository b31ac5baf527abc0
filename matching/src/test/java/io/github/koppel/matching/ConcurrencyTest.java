package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Volunteer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The engine used as a portal would: many threads rank, explain and update at once. Engines are
 * immutable, so a portal keeps the current one in an {@link AtomicReference} and updates it with
 * a compare-and-set; every reader works on a snapshot.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int OPERATIONS = 60;

  @Test
  void concurrentReadersAndWritersMatchASingleThread() throws Exception {
    Dataset city = DemoCity.generate(DemoCity.DEFAULT_SEED, 600, 120, 160);
    MatchEngine start =
        MatchEngine.builder(city)
            .date(DemoCity.REFERENCE_DATE)
            .strategy(MatchEngine.Strategy.COMPILED)
            .parallelism(2)
            .build();
    AtomicReference<MatchEngine> current = new AtomicReference<>(start);
    // Each result is recorded with the snapshot it was computed on, to be checked afterwards.
    Map<String, Ranking> rankings = new ConcurrentHashMap<>();
    Map<String, MatchEngine> snapshots = new ConcurrentHashMap<>();
    List<Volunteer> added = new ArrayList<>();
    for (int i = 0; i < THREADS * 3; i++) {
      Volunteer v = city.volunteers().get(i).toBuilder().id("new-" + i).build();
      added.add(v);
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                for (int op = 0; op < OPERATIONS; op++) {
                  MatchEngine snapshot = current.get();
                  String vacancy = city.vacancies().get((thread * 31 + op * 7) % city.vacancies().size()).id();
                  String key = thread + ":" + op;
                  switch (op % 4) {
                    case 0, 1 -> {
                      rankings.put(key, snapshot.rankVolunteers(vacancy, 5));
                      snapshots.put(key, snapshot);
                    }
                    case 2 -> assertNotNull(
                        snapshot.explain(city.volunteers().get(op).id(), vacancy));
                    default -> {
                      if (op / 4 < 3) {
                        Volunteer v = added.get(thread * 3 + op / 4);
                        current.updateAndGet(e -> e.withVolunteer(v));
                      }
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    // No lost update: every added volunteer is in the final engine.
    MatchEngine last = current.get();
    assertEquals(city.volunteers().size() + added.size(), last.dataset().volunteers().size());
    // Every concurrent ranking equals the one its snapshot gives on a single thread.
    for (Map.Entry<String, Ranking> r : rankings.entrySet()) {
      MatchEngine snapshot = snapshots.get(r.getKey());
      assertEquals(snapshot.rankVolunteers(r.getValue().subjectId(), 5), r.getValue(), r.getKey());
    }
    // And the final engine ranks as one built fresh from its data.
    MatchEngine fresh =
        MatchEngine.builder(last.dataset()).date(DemoCity.REFERENCE_DATE).build();
    for (int q = 0; q < 10; q++) {
      String vacancy = city.vacancies().get(q * 13).id();
      assertEquals(fresh.rankVolunteers(vacancy, 5), last.rankVolunteers(vacancy, 5));
    }
    assertEquals(THREADS * OPERATIONS / 2, rankings.size());
  }
}
