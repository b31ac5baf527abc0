package io.github.koppel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code koppel serve}: its options, and a first start that a newcomer can use at once. */
class MainTest {
  @TempDir Path dir;

  @Test
  void badOptionsAreNamed() {
    Map<List<String>, String> bad = Map.ofEntries(
        Map.entry(List.of("--port", "http"), "--port must be a number in [0, 65535]: http"),
        Map.entry(List.of("--port", "70000"), "--port must be a number in [0, 65535]: 70000"),
        Map.entry(List.of("--port"), "--port needs a value"),
        Map.entry(List.of("--postcodes"), "--postcodes needs a value"),
        Map.entry(List.of("--date", "7/12/2026"), "--date must be a day as YYYY-MM-DD: 7/12/2026"),
        Map.entry(List.of("--postgres", "postgres://x"), "--postgres must be a jdbc:postgresql: address: postgres://x"),
        Map.entry(List.of("--colour", "red"), "unknown option --colour"),
        Map.entry(List.of("serve"), "unknown argument serve"),
        Map.entry(List.of("--rate-limit", "0"), "--rate-limit must be a number of requests per second in [1, 100000]: 0"),
        Map.entry(List.of("--rate-limit", "many"), "--rate-limit must be a number of requests per second in [1, 100000]: many"),
        Map.entry(List.of("--idle-timeout", "0"), "--idle-timeout must be a number of seconds in [1, 3600]: 0"),
        Map.entry(List.of("--follow-interval", "5"), "--follow-interval must be a number of milliseconds in [10, 3600000]: 5"));
    bad.forEach((args, message) ->
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Main.parse(args)).getMessage(), args.toString()));
    try (io.github.koppel.server.store.Store store = dummyStore()) {
      for (int port : new int[] {-1, 65_536}) {
      assertEquals("port must be in [0, 65535]: " + port, assertThrows(IllegalArgumentException.class,
          () -> new KoppelServer.Settings(store, io.github.koppel.core.io.KoppelJson.create(),
              DemoCity.REFERENCE_DATE, "127.0.0.1", port)).getMessage());
      }
      KoppelServer.Settings settings = new KoppelServer.Settings(store, io.github.koppel.core.io.KoppelJson.create(),
          DemoCity.REFERENCE_DATE, "127.0.0.1", 0);
      assertEquals("idleTimeout must be in [100 ms, 1 h]: PT0.05S", assertThrows(IllegalArgumentException.class,
          () -> settings.withIdleTimeout(java.time.Duration.ofMillis(50))).getMessage());
      assertEquals("followInterval must be in [10 ms, 1 h]: PT2H", assertThrows(IllegalArgumentException.class,
          () -> settings.withFollowInterval(java.time.Duration.ofHours(2))).getMessage());
    }
    Main.Options defaults = Main.parse(List.of());
    assertEquals(java.time.Duration.ofSeconds(30), defaults.idleTimeout());
    assertEquals(java.time.Duration.ofSeconds(1), defaults.followInterval());
    assertEquals(java.time.Duration.ofSeconds(5), Main.parse(List.of("--idle-timeout", "5")).idleTimeout());
    assertEquals(java.time.Duration.ofMillis(200), Main.parse(List.of("--follow-interval", "200")).followInterval());
    assertEquals(Path.of("BE.txt"), Main.parse(List.of("--postcodes", "BE.txt")).postcodes());
    assertEquals(null, defaults.postcodes());
    assertEquals(8080, defaults.port());
    assertEquals("127.0.0.1", defaults.host());
    assertEquals(Path.of("koppel-data", "koppel"), defaults.database());
    assertEquals(RateLimit.DEFAULT, defaults.rateLimit());
    assertEquals(new RateLimit(5, 10), Main.parse(List.of("--rate-limit", "5")).rateLimit());
  }

  private io.github.koppel.server.store.Store dummyStore() {
    return io.github.koppel.server.store.Store.open(io.github.koppel.server.store.Store.embedded(dir.resolve("settings")),
        null, null, io.github.koppel.core.io.KoppelJson.create());
  }

  @Test
  void aFirstStartServesTheDemoCityWithAKeyShownOnce() throws Exception {
    Main.Options options = new Main.Options(0, "127.0.0.1", dir.resolve("koppel"), null, null);
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    String key;
    try (KoppelServer server = Main.start(options, Map.of(), new PrintStream(first, true, StandardCharsets.UTF_8))) {
      String printed = first.toString(StandardCharsets.UTF_8);
      assertTrue(printed.contains("matching on " + DemoCity.REFERENCE_DATE), printed);
      Matcher m = Pattern.compile("  (koppel_\\S+)").matcher(printed);
      assertTrue(m.find(), printed);
      key = m.group(1);
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
              "http://127.0.0.1:" + server.port() + "/v1/volunteers/" + DemoCity.bundled().volunteers().get(0).id() + "/vacancies?k=3"))
          .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(DemoCity.bundled().volunteers().size(), server.engine().dataset().volunteers().size());
      // The counter page's address and a counsellor's key for it, shown once too.
      String page = "http://127.0.0.1:" + server.port() + "/counter";
      assertTrue(printed.contains("The counter page: " + page), printed);
      assertTrue(m.find(), printed);
      String counsellor = m.group(1);
      assertEquals(io.github.koppel.server.access.Role.COUNSELLOR, server.keys().authenticate(counsellor).orElseThrow().role());
      HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page))
          .header("Cookie", CounterPages.KEY_COOKIE + "=" + counsellor).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, form.statusCode());
      assertTrue(form.body().contains("<h1>Een bezoeker oriënteren</h1>"), form.body());
    }
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    try (KoppelServer server = Main.start(options, Map.of(), new PrintStream(second, true, StandardCharsets.UTF_8))) {
      String printed = second.toString(StandardCharsets.UTF_8);
      assertTrue(!printed.contains("koppel_"), "a key is shown once: " + printed);
      assertTrue(printed.contains("The counter page: http://127.0.0.1:" + server.port() + "/counter"), printed);
      assertEquals(DemoCity.REFERENCE_DATE, server.engine().date(), "the demo's day, also later");
      assertTrue(server.keys().authenticate(key).isPresent());
    }
    Main.Options dated = new Main.Options(0, "127.0.0.1", dir.resolve("koppel"), null, LocalDate.of(2026, 11, 2));
    try (KoppelServer server = Main.start(dated, Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertEquals(LocalDate.of(2026, 11, 2), server.engine().date());
    }
  }
}
