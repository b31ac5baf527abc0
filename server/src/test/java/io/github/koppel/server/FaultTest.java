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
import io.github.koppel.server.store.Change;
import io.github.koppel.server.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults under a stream of updates: the server killed with SIGKILL, and the database restarted
 * under a running server. Every acknowledged update must be there afterwards, and nothing half
 * applied: a bulk import is there whole or not at all.
 */
class FaultTest {
  private static final KoppelJson JSON = KoppelJson.create();
  private static final Dataset CITY = DemoCity.bundled();
  private static final int WRITERS = 4;
  private static final int IDS_PER_WRITER = 10;
  private static final int BATCH = 20;

  @TempDir Path dir;

  /** What the writers sent and what was acknowledged. */
  private static final class Writes {
    final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    final Map<Integer, Integer> inFlight = new ConcurrentHashMap<>();
    final Set<Integer> batchesAcknowledged = ConcurrentHashMap.newKeySet();
    final List<Integer> statuses = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger count = new AtomicInteger();
    final AtomicBoolean stop = new AtomicBoolean();
    final List<Thread> threads = new ArrayList<>();

    void join() throws InterruptedException {
      stop.set(true);
      for (Thread t : threads) {
        t.join(60_000);
      }
    }
  }

  private static Volunteer volunteer(String id, String name) {
    return CITY.volunteers().get(0).toBuilder().id(id).displayName(name).build();
  }

  /** Starts writers of single volunteers and one of bulk imports, until stopped or refused. */
  private static Writes write(Http http, String key, boolean stopOnConnectionLoss) {
    Writes w = new Writes();
    for (int writer = 0; writer < WRITERS; writer++) {
      int me = writer;
      w.threads.add(new Thread(() -> {
        for (int n = 0; !w.stop.get(); n++) {
          String id = "fault-" + me + "-" + (n % IDS_PER_WRITER);
          w.inFlight.put(me, n);
          HttpResponse<String> r;
          try {
            r = http.send("PUT", "/v1/volunteers/" + id, key, JSON.toJson(volunteer(id, "w " + me + " " + n)));
          } catch (UncheckedIOException e) {
            if (!stopOnConnectionLoss) {
              w.failures.add(id + ": " + e);
            }
            return;
          }
          w.statuses.add(r.statusCode());
          if (r.statusCode() == 200 || r.statusCode() == 201) {
            w.acknowledged.put(id, n);
            w.count.incrementAndGet();
          }
        }
      }, "writer-" + writer));
    }
    w.threads.add(new Thread(() -> {
      for (int b = 0; !w.stop.get(); b++) {
        List<Volunteer> batch = new ArrayList<>();
        for (int j = 0; j < BATCH; j++) {
          batch.add(volunteer("bulk-" + b + "-" + j, "bulk " + b));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        JSON.writeDataset(Dataset.of(List.of(), List.of(), batch), body);
        HttpResponse<String> r;
        try {
          r = http.send("POST", "/v1/imports", key, body.toByteArray(), "application/json");
        } catch (UncheckedIOException e) {
          if (!stopOnConnectionLoss) {
            w.failures.add("batch " + b + ": " + e);
          }
          return;
        }
        w.statuses.add(r.statusCode());
        if (r.statusCode() == 200) {
          w.batchesAcknowledged.add(b);
        }
      }
    }, "importer"));
    w.threads.forEach(Thread::start);
    return w;
  }

  /** Every acknowledged update is in the dataset, each batch whole or absent, the log whole. */
  private static void assertNothingLostOrHalfApplied(Writes w, Store store) {
    Store.Snapshot snapshot = store.load();
    Dataset d = snapshot.dataset();
    for (int writer = 0; writer < WRITERS; writer++) {
      for (int i = 0; i < IDS_PER_WRITER; i++) {
        String id = "fault-" + writer + "-" + i;
        Integer acked = w.acknowledged.get(id);
        Volunteer stored = d.volunteer(id);
        if (acked == null) {
          continue;
        }
        assertTrue(stored != null, "an acknowledged volunteer is lost: " + id);
        int n = Integer.parseInt(stored.displayName().split(" ")[2]);
        int sent = w.inFlight.get(writer);
        // The last acknowledged update or a later one this writer sent (applied, but its answer
        // lost with the process or the connection): never an older one, never one not sent.
        assertTrue(n >= acked && n <= sent && n % IDS_PER_WRITER == i,
            id + " holds update " + n + ", acknowledged " + acked + ", last sent " + sent);
      }
    }
    Map<Integer, Integer> perBatch = new java.util.HashMap<>();
    for (Volunteer v : d.volunteers()) {
      if (v.id().startsWith("bulk-")) {
        perBatch.merge(Integer.parseInt(v.id().split("-")[1]), 1, Integer::sum);
      }
    }
    perBatch.forEach((b, n) -> assertEquals(BATCH, n, "batch " + b + " is half there"));
    for (int b : w.batchesAcknowledged) {
      assertEquals(BATCH, perBatch.getOrDefault(b, 0), "an acknowledged batch is lost: " + b);
    }
    // The log is whole: one change per version, from 1 to the version, none missing.
    List<Change> log = store.changesSince(0, Integer.MAX_VALUE);
    assertEquals(snapshot.version(), log.size());
    for (int i = 0; i < log.size(); i++) {
      assertEquals(i + 1, log.get(i).seq());
    }
  }

  @Test
  void aServerKilledMidStreamLosesNoAcknowledgedUpdate() throws Exception {
    Path file = dir.resolve("koppel");
    String key;
    try (Store store = Store.open(Store.embedded(file), null, null, JSON)) {
      store.putAll(CITY);
      key = new AccessKeys(store).issue(Role.MUNICIPALITY, null, "fault test").key();
    }
    List<String> args = List.of("--database", file.toString(), "--date", DemoCity.REFERENCE_DATE.toString(),
        "--rate-limit", "100000");
    Writes w;
    try (ServerProcess server = ServerProcess.start(args, Map.of(), dir.resolve("first.log"))) {
      w = write(new Http(server.port()), key, true);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while ((w.count.get() < 300 || w.batchesAcknowledged.size() < 3) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      server.kill();
      w.join();
    }
    assertTrue(w.count.get() >= 300, "the writers ran: " + w.count.get());
    assertTrue(w.statuses.stream().allMatch(s -> s == 200 || s == 201), "only successes before the kill: " + new TreeSet<>(w.statuses));
    try (Store store = Store.open(Store.embedded(file), null, null, JSON)) {
      assertNothingLostOrHalfApplied(w, store);
    }
    // A new server on the same file serves exactly what the store holds.
    Map<String, String> served = new java.util.TreeMap<>();
    long servedVersion;
    try (ServerProcess again = ServerProcess.start(args, Map.of(), dir.resolve("second.log"))) {
      Http http = new Http(again.port());
      servedVersion = Http.tree(http.get("/health", null)).get("dataVersion").asLong();
      for (String id : w.acknowledged.keySet()) {
        HttpResponse<String> r = http.get("/v1/volunteers/" + id, key);
        assertEquals(200, r.statusCode(), r.body());
        served.put(id, r.body());
      }
    }
    try (Store store = Store.open(Store.embedded(file), null, null, JSON)) {
      assertEquals(store.version(), servedVersion);
      Dataset d = store.load().dataset();
      served.forEach((id, body) -> assertEquals(JSON.toJsonDocument(d.volunteer(id)), body, id));
    }
  }

  @Test
  void aDatabaseRestartedUnderTheServerLosesNoAcknowledgedUpdate() throws Exception {
    assumeTrue(TestDatabases.names().contains("postgresql"), "needs PostgreSQL");
    TestDatabases.Database db = TestDatabases.fresh("postgresql", dir);
    Store store = Store.open(db.url(), db.user(), db.password(), JSON);
    store.putAll(CITY);
    try (KoppelServer server = KoppelServer.start(new KoppelServer.Settings(store, JSON, DemoCity.REFERENCE_DATE,
        "127.0.0.1", 0, new RateLimit(100_000, 200_000)))) {
      String key = server.keys().issue(Role.MUNICIPALITY, null, "fault test").key();
      Http http = new Http(server.port());
      Writes w = write(http, key, false);
      while (w.count.get() < 100) {
        Thread.sleep(10);
      }
      int before = w.count.get();
      restartDatabase(db);
      // Writing goes on through the restart and after it.
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (w.count.get() < before + 100 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      w.join();
      assertEquals(List.of(), w.failures, "no request fails at the connection");
      assertTrue(w.count.get() >= before + 100, "the server writes again after the restart: " + w.count.get());
      assertTrue(w.statuses.stream().allMatch(s -> s == 200 || s == 201 || s == 503),
          "during the outage only 503, never another error: " + new TreeSet<>(w.statuses));
      try (Store check = Store.open(db.url(), db.user(), db.password(), JSON)) {
        assertNothingLostOrHalfApplied(w, check);
        // An update whose answer was lost with the connection may be stored: the server follows
        // the store, and then holds exactly what it holds.
        server.followNow();
        assertEquals(byId(check.load().dataset()), byId(server.engine().dataset()));
      }
    }
  }

  private static Map<String, Volunteer> byId(Dataset d) {
    Map<String, Volunteer> m = new java.util.TreeMap<>();
    d.volunteers().forEach(v -> m.put(v.id(), v));
    return m;
  }

  /** Restarts PostgreSQL with KOPPEL_TEST_POSTGRES_RESTART (CI), else drops every connection to it. */
  private static void restartDatabase(TestDatabases.Database db) throws Exception {
    String restart = System.getenv("KOPPEL_TEST_POSTGRES_RESTART");
    if (restart != null && !restart.isBlank()) {
      Process p = new ProcessBuilder("bash", "-c", restart).inheritIO().start();
      assertEquals(0, p.waitFor(), "the restart command failed: " + restart);
      return;
    }
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }
  }
}
