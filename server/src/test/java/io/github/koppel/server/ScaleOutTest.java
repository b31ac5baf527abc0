package io.github.koppel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.server.access.AccessKeys;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Store;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes over one PostgreSQL database: a change made through one is served by the
 * other within the stated bound (one follow interval, plus the time to apply it), a key revoked
 * through one is refused by the other, and writes through both at once converge to the store.
 */
class ScaleOutTest {
  private static final KoppelJson JSON = KoppelJson.create();
  private static final Dataset CITY = DemoCity.bundled();
  private static final Duration FOLLOW = Duration.ofMillis(200);
  /** The stated bound, with room for a loaded CI machine: the interval and 5 s to apply and answer. */
  private static final Duration BOUND = FOLLOW.plusSeconds(5);

  @TempDir Path dir;

  /** Waits until the condition holds, at most the bound; returns how long it took. */
  private static Duration within(BooleanSupplier condition, String what) throws InterruptedException {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(waited.compareTo(BOUND) <= 0, what + " not seen within " + BOUND);
      Thread.sleep(10);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static long version(Http http) {
    return Http.tree(http.get("/health", null)).get("dataVersion").asLong();
  }

  @Test
  void aChangeThroughOneServerIsServedByTheOtherWithinTheBound() throws Exception {
    assumeTrue(TestDatabases.names().contains("postgresql"), "needs PostgreSQL");
    TestDatabases.Database db = TestDatabases.fresh("postgresql", dir);
    String key;
    try (Store store = Store.open(db.url(), db.user(), db.password(), JSON)) {
      store.putAll(CITY);
      key = new AccessKeys(store).issue(Role.MUNICIPALITY, null, "scale-out test").key();
    }
    List<String> args = List.of("--postgres", db.url(), "--date", DemoCity.REFERENCE_DATE.toString(),
        "--rate-limit", "100000", "--follow-interval", Long.toString(FOLLOW.toMillis()));
    Map<String, String> env = Map.of("KOPPEL_DB_USER", db.user(), "KOPPEL_DB_PASSWORD", db.password());
    Store storeB = Store.open(db.url(), db.user(), db.password(), JSON);
    try (ServerProcess a = ServerProcess.start(args, env, dir.resolve("a.log"));
        KoppelServer b = KoppelServer.start(new KoppelServer.Settings(storeB, JSON, DemoCity.REFERENCE_DATE,
            "127.0.0.1", 0, new RateLimit(100_000, 200_000)).withFollowInterval(FOLLOW))) {
      Http httpA = new Http(a.port());
      Http httpB = new Http(b.port());
      Volunteer fresh = CITY.volunteers().get(0).toBuilder().id("vol-scale").displayName("Through A").build();
      assertEquals(201, httpA.send("PUT", "/v1/volunteers/vol-scale", key, JSON.toJson(fresh)).statusCode());
      Duration seen = within(() -> httpB.get("/v1/volunteers/vol-scale", key).statusCode() == 200, "a volunteer made through A");
      assertEquals(fresh, b.engine().dataset().volunteer("vol-scale"));
      // Through B, seen by A.
      Volunteer renamed = fresh.toBuilder().displayName("Through B").build();
      assertEquals(200, httpB.send("PUT", "/v1/volunteers/vol-scale", key, JSON.toJson(renamed)).statusCode());
      within(() -> httpA.get("/v1/volunteers/vol-scale", key).body().contains("Through B"), "a change made through B");
      // The same data version gives the same ranking on both, and it is the library's.
      String vacancy = CITY.vacancies().get(0).id();
      within(() -> version(httpA) == version(httpB), "the same data version");
      HttpResponse<String> rankedA = httpA.get("/v1/vacancies/" + vacancy + "/volunteers?k=20", key);
      HttpResponse<String> rankedB = httpB.get("/v1/vacancies/" + vacancy + "/volunteers?k=20", key);
      assertEquals(rankedA.headers().firstValue("Koppel-Data-Version"), rankedB.headers().firstValue("Koppel-Data-Version"));
      assertEquals(rankedB.body(), rankedA.body());
      assertEquals(JSON.toJsonDocument(b.engine().rankVolunteers(vacancy, 20, io.github.koppel.matching.Audience.COUNSELLOR)),
          rankedB.body());
      // A key issued through B works on A; revoked through B, A refuses it.
      HttpResponse<String> issued = httpB.send("POST", "/v1/keys", key, "{\"role\": \"counsellor\", \"label\": \"counter\"}");
      assertEquals(201, issued.statusCode(), issued.body());
      String counsellor = Http.tree(issued).get("key").asText();
      within(() -> httpA.get("/v1/vacancies/" + vacancy + "/volunteers?k=1", counsellor).statusCode() == 200, "a new key");
      assertEquals(200, httpB.send("DELETE", "/v1/keys/" + Http.tree(issued).get("id").asText(), key, null).statusCode());
      within(() -> httpA.get("/v1/vacancies/" + vacancy + "/volunteers?k=1", counsellor).statusCode() == 401, "a revoked key");
      // Deleted through A, gone from B.
      assertEquals(200, httpA.send("DELETE", "/v1/volunteers/vol-scale", key, null).statusCode());
      within(() -> httpB.get("/v1/volunteers/vol-scale", key).statusCode() == 404, "a deletion made through A");

      // Writers on both at once: both servers end on the store's content.
      List<Thread> writers = new ArrayList<>();
      java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
      for (Http http : List.of(httpA, httpB)) {
        for (int t = 0; t < 2; t++) {
          String prefix = "vol-both-" + (http == httpA ? "a" : "b") + t + "-";
          writers.add(new Thread(() -> {
            for (int n = 0; n < 40; n++) {
              String id = prefix + (n % 8);
              Volunteer v = CITY.volunteers().get(n % 50).toBuilder().id(id).build();
              try {
                HttpResponse<String> r = http.send("PUT", "/v1/volunteers/" + id, key, JSON.toJson(v));
                if (r.statusCode() != 200 && r.statusCode() != 201) {
                  failures.add(id + " -> " + r.statusCode() + " " + r.body());
                }
              } catch (RuntimeException e) {
                failures.add(id + " -> " + e);
              }
            }
          }));
        }
      }
      writers.forEach(Thread::start);
      for (Thread t : writers) {
        t.join();
      }
      assertEquals(List.of(), List.copyOf(failures), "every write through either server succeeds");
      long stored;
      Map<String, Volunteer> expected;
      try (Store check = Store.open(db.url(), db.user(), db.password(), JSON)) {
        Store.Snapshot s = check.load();
        stored = s.version();
        expected = byId(s.dataset());
      }
      within(() -> version(httpA) == stored && version(httpB) == stored, "both servers at the store's version");
      assertEquals(expected, byId(b.engine().dataset()));
      for (int i = 0; i < 5; i++) {
        String v = CITY.vacancies().get(i * 7).id();
        assertEquals(httpB.get("/v1/vacancies/" + v + "/volunteers?k=50", key).body(),
            httpA.get("/v1/vacancies/" + v + "/volunteers?k=50", key).body(), v);
      }
      System.out.println("scale-out: a change made through one server was served by the other after " + seen.toMillis() + " ms");
    }
  }

  private static Map<String, Volunteer> byId(Dataset d) {
    Map<String, Volunteer> m = new TreeMap<>();
    d.volunteers().forEach(v -> m.put(v.id(), v));
    return m;
  }
}
