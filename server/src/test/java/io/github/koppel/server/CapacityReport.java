package io.github.koppel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Store;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How far one server process goes: for a generated city of {@code -Dkoppel.capacity.volunteers}
 * volunteers (300 organisations, {@code -Dkoppel.capacity.vacancies} vacancies, the fixed seed),
 * the time to import it into the embedded database, the time to start a server on it (read the
 * store, build the engine), the heap the server holds after a full garbage collection, and the
 * latency of a ranking in each direction over HTTP. Run by {@code server/capacity.sh}; skipped in
 * the test suite, and no figure is asserted.
 */
class CapacityReport {
  private static final KoppelJson JSON = KoppelJson.create();

  @TempDir Path dir;

  private static long used() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void report() throws Exception {
    String size = System.getProperty("koppel.capacity.volunteers");
    assumeTrue(size != null, "a report, run by server/capacity.sh");
    int volunteers = Integer.parseInt(size);
    int vacancies = Integer.getInteger("koppel.capacity.vacancies", 400);
    Path file = dir.resolve("koppel");
    long base = used();
    long t0 = System.nanoTime();
    try (Store store = Store.open(Store.embedded(file), null, null, JSON)) {
      Dataset city = DemoCity.generate(DemoCity.DEFAULT_SEED, volunteers, 300, vacancies);
      store.putAll(city);
    }
    long imported = System.nanoTime() - t0;
    long t1 = System.nanoTime();
    Store store = Store.open(Store.embedded(file), null, null, JSON);
    KoppelServer server = KoppelServer.start(new KoppelServer.Settings(store, JSON, DemoCity.REFERENCE_DATE, "127.0.0.1", 0,
        new RateLimit(100_000, 200_000)));
    long started = System.nanoTime() - t1;
    try {
      assertEquals(volunteers, server.engine().dataset().volunteers().size());
      String key = server.keys().issue(Role.COUNSELLOR, null, "capacity").key();
      Http http = new Http(server.port());
      Dataset d = server.engine().dataset();
      long[] toVolunteers = new long[60];
      long[] toVacancies = new long[60];
      for (int i = 0; i < 60; i++) {
        long s = System.nanoTime();
        assertEquals(200, http.get("/v1/vacancies/" + d.vacancies().get(i * 7 % d.vacancies().size()).id()
            + "/volunteers?k=10", key).statusCode());
        toVolunteers[i] = System.nanoTime() - s;
        s = System.nanoTime();
        assertEquals(200, http.get("/v1/volunteers/" + d.volunteers().get(i * 7919 % volunteers).id()
            + "/vacancies?k=10", key).statusCode());
        toVacancies[i] = System.nanoTime() - s;
      }
      long held = used() - base;
      long fileBytes = Files.size(dir.resolve("koppel.mv.db"));
      String line = String.format(Locale.ROOT,
          "| %,d | %,d | %.1f s | %.1f s | %,d MB (%,.0f B per volunteer) | %,d MB | %.1f ms | %.1f ms |%n",
          volunteers, vacancies, imported / 1e9, started / 1e9, held >> 20, held / (double) volunteers, fileBytes >> 20,
          median(toVolunteers) / 1e6, median(toVacancies) / 1e6);
      System.out.print(line);
      String report = System.getProperty("koppel.capacity.report", "");
      if (!report.isEmpty()) {
        Files.writeString(Path.of(report), line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      }
    } finally {
      server.close();
    }
  }

  /** The median of the last 40 (the first 20 warm up). */
  private static double median(long[] nanos) {
    long[] tail = Arrays.copyOfRange(nanos, 20, nanos.length);
    Arrays.sort(tail);
    return tail[tail.length / 2];
  }
}
