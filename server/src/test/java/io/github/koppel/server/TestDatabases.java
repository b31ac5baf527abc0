package io.github.koppel.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The databases the server's tests run on: always the embedded H2 database, and PostgreSQL when
 * {@code KOPPEL_TEST_POSTGRES_URL} (with {@code KOPPEL_TEST_POSTGRES_USER} and {@code
 * KOPPEL_TEST_POSTGRES_PASSWORD}) names one, as {@code .ci/run} does after starting it. With
 * {@code KOPPEL_TEST_REQUIRE_POSTGRES=1} (CI) a missing PostgreSQL fails the tests instead of
 * leaving it out. Each test gets an empty database: a new H2 file, or PostgreSQL's schema
 * {@code public} dropped and created again.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A database for one test. */
  public record Database(String name, String url, @Nullable String user, @Nullable String password) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Returns the names of the databases to run on: {@code h2}, and {@code postgresql} if named. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(List.of("h2"));
    String url = System.getenv("KOPPEL_TEST_POSTGRES_URL");
    if (url != null && !url.isBlank()) {
      names.add("postgresql");
    } else if ("1".equals(System.getenv("KOPPEL_TEST_REQUIRE_POSTGRES"))) {
      throw new IllegalStateException("KOPPEL_TEST_REQUIRE_POSTGRES=1 but KOPPEL_TEST_POSTGRES_URL is not set");
    }
    return names;
  }

  /**
   * Returns an empty database of a name.
   *
   * @param name {@code h2} or {@code postgresql}
   * @param dir a folder of the test's own, for the H2 file
   * @return the database
   */
  public static Database fresh(String name, Path dir) {
    if (name.equals("h2")) {
      return new Database(name, io.github.koppel.server.store.Store.embedded(dir.resolve("koppel")), null, null);
    }
    Database db = new Database(name, System.getenv("KOPPEL_TEST_POSTGRES_URL"),
        System.getenv("KOPPEL_TEST_POSTGRES_USER"), System.getenv("KOPPEL_TEST_POSTGRES_PASSWORD"));
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the PostgreSQL test database: " + e.getMessage(), e);
    }
    return db;
  }
}
