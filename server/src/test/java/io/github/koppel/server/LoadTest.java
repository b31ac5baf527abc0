package io.github.koppel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Store;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load test on loopback: concurrent clients send mixed requests (rankings both ways,
 * explanations, updates) to a real server over a real database. Every answer must be a success,
 * and every ranking and explanation must equal the library's for the data version the answer
 * names, replayed from the updates in the order of their sequence numbers.
 *
 * <p>In the test suite it runs small (16 clients, 2,000 requests). {@code server/load-test.sh}
 * runs it at full size ({@code -Dkoppel.load.requests=50000}) and writes the latencies and the
 * throughput to {@code -Dkoppel.load.report}; no timing is asserted.
 */
class LoadTest {
  private static final KoppelJson JSON = KoppelJson.create();
  private static final int REQUESTS = Integer.getInteger("koppel.load.requests", 2_000);
  private static final int CLIENTS = Integer.getInteger("koppel.load.clients", 16);
  private static final String DATABASE = System.getProperty("koppel.load.database", "h2");
  private static final String REPORT = System.getProperty("koppel.load.report", "");
  private static final int K = 10;

  @TempDir Path dir;

  enum Type { VOLUNTEERS_FOR_VACANCY, VACANCIES_FOR_VOLUNTEER, EXPLANATION, UPDATE }

  /** A read: what was asked, at which data version, and a digest of the answer. */
  record Read(Type type, String first, String second, long version, String digest) {}

  /** A write: its sequence number, and the volunteer written (null for a deletion of {@code id}). */
  record Write(long seq, String id, Volunteer volunteer) {}

  private static String digest(String body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Dataset byId(Dataset d) {
    return Dataset.of(
        d.organisations().stream().sorted(Comparator.comparing(o -> o.id())).toList(),
        d.vacancies().stream().sorted(Comparator.comparing(Vacancy::id)).toList(),
        d.volunteers().stream().sorted(Comparator.comparing(Volunteer::id)).toList());
  }

  @Test
  void everyAnswerUnderLoadIsTheLibrarysForItsDataVersion() throws Exception {
    Dataset city = DemoCity.bundled();
    TestDatabases.Database db = TestDatabases.fresh(DATABASE, dir);
    Store store = Store.open(db.url(), db.user(), db.password(), JSON);
    store.putAll(city);
    KoppelServer server = KoppelServer.start(new KoppelServer.Settings(store, JSON, DemoCity.REFERENCE_DATE,
        "127.0.0.1", 0, new RateLimit(100_000, 200_000)));
    ConcurrentLinkedQueue<Read> reads = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    Map<Type, long[]> latencies = new EnumMap<>(Type.class);
    Map<Type, Integer> counts = new EnumMap<>(Type.class);
    long wall;
    long startVersion;
    try {
      String key = server.keys().issue(Role.COUNSELLOR, null, "load test").key();
      String municipality = server.keys().issue(Role.MUNICIPALITY, null, "load test").key();
      server.followNow();
      startVersion = server.dataVersion();
      List<Vacancy> vacancies = city.vacancies();
      List<Volunteer> volunteers = city.volunteers();
      List<long[]> perClient = new ArrayList<>();
      List<Type[]> typesPerClient = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      int each = REQUESTS / CLIENTS;
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        long[] nanos = new long[each];
        Type[] types = new Type[each];
        perClient.add(nanos);
        typesPerClient.add(types);
        threads.add(new Thread(() -> {
          Random random = new Random(17 + client);
          Http http = new Http(server.port());
          for (int i = 0; i < each; i++) {
            int pick = random.nextInt(100);
            Type type = pick < 35 ? Type.VOLUNTEERS_FOR_VACANCY : pick < 65 ? Type.VACANCIES_FOR_VOLUNTEER
                : pick < 80 ? Type.EXPLANATION : Type.UPDATE;
            types[i] = type;
            Vacancy vacancy = vacancies.get(random.nextInt(vacancies.size()));
            Volunteer volunteer = volunteers.get(random.nextInt(volunteers.size()));
            long start = System.nanoTime();
            HttpResponse<String> r;
            String first;
            String second = "";
            switch (type) {
              case VOLUNTEERS_FOR_VACANCY -> {
                first = vacancy.id();
                r = http.get("/v1/vacancies/" + first + "/volunteers?k=" + K, key);
              }
              case VACANCIES_FOR_VOLUNTEER -> {
                first = volunteer.id();
                r = http.get("/v1/volunteers/" + first + "/vacancies?k=" + K, key);
              }
              case EXPLANATION -> {
                first = volunteer.id();
                second = vacancy.id();
                r = http.get("/v1/volunteers/" + first + "/vacancies/" + second + "/explanation", key);
              }
              default -> {
                // A volunteer of this client's own, created, replaced or deleted.
                first = "load-" + client + "-" + random.nextInt(20);
                boolean delete = random.nextInt(10) == 0;
                Volunteer written = delete ? null : volunteer.toBuilder().id(first).build();
                r = delete
                    ? http.send("DELETE", "/v1/volunteers/" + first, municipality, null)
                    : http.send("PUT", "/v1/volunteers/" + first, key, JSON.toJson(written));
                if (delete && r.statusCode() == 404) {
                  // Not created yet: a valid answer, no change.
                  nanos[i] = System.nanoTime() - start;
                  continue;
                }
                if (r.statusCode() == 200 || r.statusCode() == 201) {
                  writes.add(new Write(Http.tree(r).get("dataVersion").asLong(), first, written));
                }
              }
            }
            nanos[i] = System.nanoTime() - start;
            if (r.statusCode() != 200 && r.statusCode() != 201) {
              errors.add(type + " " + first + " " + second + " -> " + r.statusCode() + " " + r.body());
              continue;
            }
            if (type != Type.UPDATE) {
              long version = Long.parseLong(r.headers().firstValue("Koppel-Data-Version").orElseThrow());
              reads.add(new Read(type, first, second, version, digest(r.body())));
            }
          }
        }, "client-" + c));
      }
      long started = System.nanoTime();
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      wall = System.nanoTime() - started;
      for (Type t : Type.values()) {
        List<Long> all = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          for (int i = 0; i < each; i++) {
            if (typesPerClient.get(c)[i] == t) {
              all.add(perClient.get(c)[i]);
            }
          }
        }
        latencies.put(t, all.stream().mapToLong(Long::longValue).sorted().toArray());
        counts.put(t, all.size());
      }
    } finally {
      server.close();
    }
    assertEquals(List.of(), List.copyOf(errors), "no request fails");
    assertEquals(REQUESTS / CLIENTS * CLIENTS, counts.values().stream().mapToInt(Integer::intValue).sum());

    // Replay: the library's engine, from the city, with the updates in the order of their seq.
    List<Write> ordered = writes.stream().sorted(Comparator.comparingLong(Write::seq)).toList();
    for (int i = 0; i < ordered.size(); i++) {
      assertEquals(startVersion + i + 1, ordered.get(i).seq(), "the acknowledged updates are the whole log");
    }
    Map<Long, List<Read>> byVersion = new TreeMap<>();
    reads.forEach(r -> byVersion.computeIfAbsent(r.version(), v -> new ArrayList<>()).add(r));
    MatchEngine engine = MatchEngine.builder(byId(city)).date(DemoCity.REFERENCE_DATE)
        .strategy(MatchEngine.Strategy.COMPILED).build();
    int applied = 0;
    int checked = 0;
    for (Map.Entry<Long, List<Read>> e : byVersion.entrySet()) {
      assertTrue(e.getKey() >= startVersion, "a version before the load: " + e.getKey());
      while (applied < ordered.size() && ordered.get(applied).seq() <= e.getKey()) {
        Write w = ordered.get(applied++);
        engine = w.volunteer() == null ? engine.withoutVolunteer(w.id()) : engine.withVolunteer(w.volunteer());
      }
      Map<String, String> expected = new HashMap<>();
      for (Read r : e.getValue()) {
        MatchEngine at = engine;
        String want = expected.computeIfAbsent(r.type() + " " + r.first() + " " + r.second(), k -> digest(switch (r.type()) {
          case VOLUNTEERS_FOR_VACANCY -> JSON.toJsonDocument(at.rankVolunteers(r.first(), K, Audience.COUNSELLOR));
          case VACANCIES_FOR_VOLUNTEER -> JSON.toJsonDocument(at.rankVacancies(r.first(), K, Audience.COUNSELLOR));
          case EXPLANATION -> JSON.toJsonDocument(at.explain(r.first(), r.second(), Audience.COUNSELLOR));
          case UPDATE -> throw new IllegalStateException("not a read");
        }));
        assertEquals(want, r.digest(), r + " differs from the library at data version " + e.getKey());
        checked++;
      }
    }
    assertEquals(reads.size(), checked);
    String report = report(latencies, counts, wall, ordered.size(), byVersion.size());
    System.out.print(report);
    if (!REPORT.isEmpty()) {
      Files.writeString(Path.of(REPORT), report);
    }
  }

  private static String report(Map<Type, long[]> latencies, Map<Type, Integer> counts, long wallNanos, int writes,
      int versions) {
    StringBuilder b = new StringBuilder();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    b.append(String.format(Locale.ROOT, "Load test: %d requests from %d clients on %s in %.1f s: %.0f requests/s, 0 errors;"
        + " %d updates, %d data versions, every answer equal to the library's%n",
        total, CLIENTS, DATABASE, wallNanos / 1e9, total / (wallNanos / 1e9), writes, versions));
    b.append(String.format(Locale.ROOT, "%-26s %8s %10s %10s%n", "request", "count", "p50 ms", "p99 ms"));
    long[] all = latencies.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
    for (Map.Entry<Type, long[]> e : latencies.entrySet()) {
      b.append(line(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue()));
    }
    b.append(line("all", all));
    return b.toString();
  }

  private static String line(String name, long[] sorted) {
    if (sorted.length == 0) {
      return String.format(Locale.ROOT, "%-26s %8d%n", name, 0);
    }
    return String.format(Locale.ROOT, "%-26s %8d %10.2f %10.2f%n", name, sorted.length,
        sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.50))] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] / 1e6);
  }
}
