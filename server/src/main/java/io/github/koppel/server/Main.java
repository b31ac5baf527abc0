package io.github.koppel.server;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.geo.Gazetteer;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.server.access.AccessKeys;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Store;
import io.github.koppel.server.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code koppel serve}: starts a server on the embedded database (a file, created on first start
 * with the demo city and a municipality key, printed once) or on PostgreSQL. The day of matching
 * is {@code --date}, else the store's own (the demo city's reference day for a store it filled),
 * else today in Brussels.
 *
 * <pre>
 * koppel serve [--port 8080] [--host 127.0.0.1] [--database koppel-data/koppel]
 *              [--postgres jdbc:postgresql://host/db] [--date YYYY-MM-DD] [--rate-limit 50]
 *              [--idle-timeout 30] [--follow-interval 1000] [--postcodes BE.txt]
 * </pre>
 *
 * <p>{@code --postcodes} reads a GeoNames postal code table, so that an address given by its
 * postcode alone (as people at a counter give it) is placed; without it only place names are
 * known (the bundled Belgian gazetteer).
 *
 * <p>PostgreSQL's user and password come from {@code KOPPEL_DB_USER} and {@code
 * KOPPEL_DB_PASSWORD}, never from the command line.
 */
public final class Main {
  /** The store's setting of the day to match on when {@code --date} is not given. */
  static final String MATCH_DATE = "match.date";

  private Main() {}

  /** The settings of the command line. */
  record Options(
      int port, String host, Path database, @Nullable String postgres, @Nullable LocalDate date, RateLimit rateLimit,
      Duration idleTimeout, Duration followInterval, @Nullable Path postcodes) {
    Options(int port, String host, Path database, @Nullable String postgres, @Nullable LocalDate date) {
      this(port, host, database, postgres, date, RateLimit.DEFAULT, KoppelServer.Settings.DEFAULT_IDLE_TIMEOUT,
          KoppelServer.Settings.DEFAULT_FOLLOW_INTERVAL, null);
    }
  }

  /** The usage line. */
  static final String USAGE = "usage: koppel serve [--port 8080] [--host 127.0.0.1] [--database FILE] [--postgres JDBC_URL]"
      + " [--date YYYY-MM-DD] [--rate-limit N] [--idle-timeout SECONDS] [--follow-interval MILLISECONDS]"
      + " [--postcodes GEONAMES_FILE]";

  /**
   * Starts the server and waits.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    Options options;
    try {
      options = parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("koppel serve: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    try {
      KoppelServer server = start(options, System.getenv(), System.out);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "koppel-server-stop"));
    } catch (StoreException | InvalidDataException | java.io.UncheckedIOException e) {
      // The database, or the postcode table, cannot be read.
      System.err.println("koppel serve: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Reads the arguments; throws with the argument named when one is wrong. */
  static Options parse(List<String> args) {
    int port = 8080;
    String host = "127.0.0.1";
    Path database = Path.of("koppel-data", "koppel");
    String postgres = null;
    LocalDate date = null;
    RateLimit rateLimit = RateLimit.DEFAULT;
    Duration idleTimeout = KoppelServer.Settings.DEFAULT_IDLE_TIMEOUT;
    Duration followInterval = KoppelServer.Settings.DEFAULT_FOLLOW_INTERVAL;
    Path postcodes = null;
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String option = rest.remove(0);
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unknown argument " + option);
      }
      String value = rest.remove(0);
      switch (option) {
        case "--port" -> port = number(value, 0, 65_535, "--port must be a number in [0, 65535]: ");
        case "--host" -> host = value;
        case "--database" -> database = Path.of(value);
        case "--postgres" -> {
          if (!value.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--postgres must be a jdbc:postgresql: address: " + value);
          }
          postgres = value;
        }
        case "--date" -> {
          try {
            date = LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date must be a day as YYYY-MM-DD: " + value);
          }
        }
        case "--rate-limit" -> {
          int perSecond = number(value, 1, 100_000, "--rate-limit must be a number of requests per second in [1, 100000]: ");
          rateLimit = new RateLimit(perSecond, 2 * perSecond);
        }
        case "--idle-timeout" -> idleTimeout = Duration.ofSeconds(
            number(value, 1, 3_600, "--idle-timeout must be a number of seconds in [1, 3600]: "));
        case "--follow-interval" -> followInterval = Duration.ofMillis(
            number(value, 10, 3_600_000, "--follow-interval must be a number of milliseconds in [10, 3600000]: "));
        case "--postcodes" -> postcodes = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new Options(port, host, database, postgres, date, rateLimit, idleTimeout, followInterval, postcodes);
  }

  /** Reads a whole number in [min, max]; otherwise the message, followed by the value. */
  private static int number(String value, int min, int max, String message) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(message + value);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(message + value);
    }
    return n;
  }

  /**
   * Opens the store, fills an empty one with the demo city and a municipality key, and starts
   * the server.
   */
  static KoppelServer start(Options options, Map<String, String> env, PrintStream out) {
    KoppelJson json = options.postcodes() == null ? KoppelJson.create()
        : KoppelJson.create().withGeocoder(Gazetteer.readGeoNames(options.postcodes()).with(Gazetteer.belgium()));
    Store store = options.postgres() != null
        ? Store.open(options.postgres(), env.get("KOPPEL_DB_USER"), env.get("KOPPEL_DB_PASSWORD"), json)
        : Store.open(Store.embedded(options.database()), null, null, json);
    boolean empty = store.version() == 0;
    if (empty) {
      store.putAll(DemoCity.bundled());
      // The demo city's vacancies and history are of its reference day: matched on it, also later.
      store.setSetting(MATCH_DATE, DemoCity.REFERENCE_DATE.toString());
    }
    String stored = store.setting(MATCH_DATE);
    LocalDate date = options.date() != null ? options.date()
        : stored != null ? LocalDate.parse(stored) : LocalDate.now(ZoneId.of("Europe/Brussels"));
    KoppelServer server = KoppelServer.start(new KoppelServer.Settings(store, json, date, options.host(), options.port(),
        options.rateLimit(), options.idleTimeout(), options.followInterval()));
    out.println("Koppel server on http://" + options.host() + ":" + server.port() + " ("
        + (options.postgres() != null ? "PostgreSQL" : "embedded database " + options.database().toAbsolutePath())
        + ", matching on " + date + ", data version " + server.dataVersion() + ")");
    if (empty) {
      AccessKeys.Issued key = server.keys().issue(Role.MUNICIPALITY, null, "first start");
      out.println("The store was empty: it now holds the demo city. The municipality's key, shown only now:");
      out.println("  " + key.key());
      out.println("Try: curl -H \"Authorization: Bearer " + key.key() + "\" http://" + options.host() + ":"
          + server.port() + "/v1/volunteers/" + DemoCity.bundled().volunteers().get(0).id() + "/vacancies?k=3");
      AccessKeys.Issued counter = server.keys().issue(Role.COUNSELLOR, null, "counter, first start");
      out.println("A counsellor's key for the counter page, shown only now:");
      out.println("  " + counter.key());
    }
    out.println("The counter page: http://" + options.host() + ":" + server.port() + "/counter");
    return server;
  }
}
