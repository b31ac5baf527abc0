package io.github.koppel.server.store;

import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * The durable store of a server: organisations, vacancies and volunteers as their JSON forms
 * ({@link KoppelJson}), and a log of changes. Each write is one transaction that raises the data
 * version first, so the row lock of the version orders the writers of every process sharing the
 * database and the changes commit in the order of their sequence numbers; a write returns only
 * after its commit, so a change is durable before the server acknowledges it. The schema is
 * migrated with Flyway on {@link #open}. The same SQL serves the embedded H2 database (in its
 * PostgreSQL mode) and PostgreSQL.
 *
 * <p>Thread-safe: the writes of one store are serialised on its one connection.
 */
public final class Store implements AutoCloseable {
  private final Connection connection;
  private final KoppelJson json;
  private final ReentrantLock lock = new ReentrantLock();
  private final String description;

  private Store(Connection connection, KoppelJson json, String description) {
    this.connection = connection;
    this.json = json;
    this.description = description;
  }

  /**
   * Returns the JDBC address of an embedded database in a file: H2 in its PostgreSQL mode, with
   * each commit written to the file before it returns.
   *
   * @param file the database file, without H2's {@code .mv.db} suffix
   * @return the address
   */
  public static String embedded(Path file) {
    Objects.requireNonNull(file, "file");
    return "jdbc:h2:file:" + file.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
  }

  /**
   * Opens a store, creating or migrating its schema first.
   *
   * @param url the JDBC address: {@link #embedded}, or {@code jdbc:postgresql://...}
   * @param user the database user, or null
   * @param password the user's password, or null
   * @param json reads and writes the records (with the vocabularies their ids refer to)
   * @return the store
   * @throws StoreException if the database cannot be reached or migrated
   */
  public static Store open(String url, @Nullable String user, @Nullable String password, KoppelJson json) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(json, "json");
    String description = url.startsWith("jdbc:h2:") ? "embedded database" : "database " + withoutSecrets(url);
    try {
      Flyway.configure()
          .dataSource(url, user, password)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StoreException("cannot migrate the " + description + ": " + e.getMessage(), e);
    }
    try {
      Connection c = DriverManager.getConnection(url, user, password);
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      return new Store(c, json, description);
    } catch (SQLException e) {
      throw new StoreException("cannot open the " + description + ": " + e.getMessage(), e);
    }
  }

  /** Returns a JDBC address without its query part, where passwords may be. */
  private static String withoutSecrets(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /**
   * What the store holds at one data version.
   *
   * @param dataset the organisations, vacancies and volunteers, each kind in order of id
   * @param version the data version: the sequence number of the last change, 0 for none
   */
  public record Snapshot(Dataset dataset, long version) {
    /** A snapshot. */
    public Snapshot {
      Objects.requireNonNull(dataset, "dataset");
    }
  }

  /**
   * Reads everything the store holds, at one data version.
   *
   * @return the snapshot
   * @throws StoreException if the database fails
   * @throws io.github.koppel.core.InvalidDataException if a stored record no longer reads (a
   *     vocabulary lost a concept it names)
   */
  public Snapshot load() {
    lock.lock();
    try {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        long version = version(connection);
        List<Organisation> organisations = readAll(Kind.ORGANISATION, Organisation.class);
        List<Vacancy> vacancies = readAll(Kind.VACANCY, Vacancy.class);
        List<Volunteer> volunteers = readAll(Kind.VOLUNTEER, Volunteer.class);
        connection.commit();
        return new Snapshot(Dataset.of(organisations, vacancies, volunteers), version);
      } finally {
        connection.rollback();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private <T> List<T> readAll(Kind kind, Class<T> type) throws SQLException {
    List<T> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT body FROM " + kind.table() + " ORDER BY id")) {
      while (r.next()) {
        out.add(json.fromJson(r.getString(1), type));
      }
    }
    return out;
  }

  /**
   * Returns the data version: the sequence number of the last committed change, 0 for none.
   *
   * @return the version
   * @throws StoreException if the database fails
   */
  public long version() {
    lock.lock();
    try {
      long v = version(connection);
      connection.commit();
      return v;
    } catch (SQLException e) {
      throw new StoreException("cannot read the version of the " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private static long version(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT seq FROM store_version WHERE id = 1")) {
      if (!r.next()) {
        throw new SQLException("the store has no version row");
      }
      return r.getLong(1);
    }
  }

  /**
   * Creates or replaces an organisation.
   *
   * @param organisation the organisation
   * @return the change, committed
   * @throws StoreException if the database fails
   */
  public Change put(Organisation organisation) {
    Objects.requireNonNull(organisation, "organisation");
    return write(List.of(new Write(Kind.ORGANISATION, organisation.id(), null, json.toJson(organisation)))).get(0);
  }

  /**
   * Creates or replaces a vacancy.
   *
   * @param vacancy the vacancy
   * @return the change, committed
   * @throws StoreException if the database fails
   */
  public Change put(Vacancy vacancy) {
    Objects.requireNonNull(vacancy, "vacancy");
    return write(List.of(new Write(Kind.VACANCY, vacancy.id(), vacancy.organisationId(), json.toJson(vacancy)))).get(0);
  }

  /**
   * Creates or replaces a volunteer.
   *
   * @param volunteer the volunteer
   * @return the change, committed
   * @throws StoreException if the database fails
   */
  public Change put(Volunteer volunteer) {
    Objects.requireNonNull(volunteer, "volunteer");
    return write(List.of(new Write(Kind.VOLUNTEER, volunteer.id(), null, json.toJson(volunteer)))).get(0);
  }

  /**
   * Deletes a record, if the store holds it.
   *
   * @param kind the kind
   * @param id the id
   * @return the change, committed, or null if the store held no such record (nothing changes)
   * @throws IllegalArgumentException for a key, which is revoked instead ({@link #put(StoredKey)})
   * @throws StoreException if the database fails
   */
  public @Nullable Change delete(Kind kind, String id) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (kind == Kind.KEY) {
      throw new IllegalArgumentException("a key is revoked, never deleted: " + id);
    }
    List<Change> changes = write(List.of(new Write(kind, id, null, null)));
    return changes.isEmpty() ? null : changes.get(0);
  }

  /**
   * Creates or replaces every record of a dataset in one transaction: all of them or, on a
   * failure, none.
   *
   * @param dataset the records
   * @return the changes, committed, organisations first, then vacancies, then volunteers
   * @throws StoreException if the database fails
   */
  public List<Change> putAll(Dataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    List<Write> writes = new ArrayList<>();
    for (Organisation o : dataset.organisations()) {
      writes.add(new Write(Kind.ORGANISATION, o.id(), null, json.toJson(o)));
    }
    for (Vacancy v : dataset.vacancies()) {
      writes.add(new Write(Kind.VACANCY, v.id(), v.organisationId(), json.toJson(v)));
    }
    for (Volunteer v : dataset.volunteers()) {
      writes.add(new Write(Kind.VOLUNTEER, v.id(), null, json.toJson(v)));
    }
    return write(writes);
  }

  /**
   * Returns the committed changes after a data version, in order.
   *
   * @param version the version already seen
   * @param max the most changes to return, &ge; 1
   * @return the changes, at most {@code max}
   * @throws StoreException if the database fails
   */
  public List<Change> changesSince(long version, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1: " + max);
    }
    lock.lock();
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT seq, kind, id, deleted FROM changes WHERE seq > ? ORDER BY seq LIMIT ?")) {
      s.setLong(1, version);
      s.setInt(2, max);
      List<Change> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Change(r.getLong(1), Kind.valueOf(r.getString(2)), r.getString(3), r.getBoolean(4)));
        }
      }
      connection.commit();
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the changes of the " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Creates a key, or records that one is revoked.
   *
   * @param key the key
   * @return the change, committed
   * @throws StoreException if the database fails
   */
  public Change put(StoredKey key) {
    Objects.requireNonNull(key, "key");
    lock.lock();
    try {
      try {
        long seq = lockVersion() + 1;
        int updated;
        try (PreparedStatement s = connection.prepareStatement(
            "UPDATE api_keys SET revoked = ?, changed = ? WHERE id = ?")) {
          s.setBoolean(1, key.revoked());
          s.setLong(2, seq);
          s.setString(3, key.id());
          updated = s.executeUpdate();
        }
        if (updated == 0) {
          try (PreparedStatement s = connection.prepareStatement(
              "INSERT INTO api_keys (id, role, subject, label, hash, revoked, changed) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, key.id());
            s.setString(2, key.role());
            s.setString(3, key.subject());
            s.setString(4, key.label());
            s.setString(5, key.hash());
            s.setBoolean(6, key.revoked());
            s.setLong(7, seq);
            s.executeUpdate();
          }
        }
        Change change = logChange(seq, Kind.KEY, key.id(), false);
        setVersion(seq);
        connection.commit();
        return change;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot write a key to the " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns every key, revoked ones too, in order of id.
   *
   * @return the keys
   * @throws StoreException if the database fails
   */
  public List<StoredKey> keys() {
    lock.lock();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT id, role, subject, label, hash, revoked FROM api_keys ORDER BY id")) {
      List<StoredKey> out = new ArrayList<>();
      while (r.next()) {
        out.add(new StoredKey(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getBoolean(6)));
      }
      connection.commit();
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the keys of the " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Takes the version's row lock and returns the version; writers of other processes wait. */
  private long lockVersion() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("UPDATE store_version SET seq = seq WHERE id = 1");
    }
    return version(connection);
  }

  private void setVersion(long seq) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("UPDATE store_version SET seq = ? WHERE id = 1")) {
      s.setLong(1, seq);
      s.executeUpdate();
    }
  }

  private Change logChange(long seq, Kind kind, String id, boolean deleted) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "INSERT INTO changes (seq, kind, id, deleted) VALUES (?, ?, ?, ?)")) {
      s.setLong(1, seq);
      s.setString(2, kind.name());
      s.setString(3, id);
      s.setBoolean(4, deleted);
      s.executeUpdate();
    }
    return new Change(seq, kind, id, deleted);
  }

  /**
   * Returns a setting that the store carries for every server on it.
   *
   * @param name the setting's name
   * @return its value, or null if it is not set
   * @throws StoreException if the database fails
   */
  public @Nullable String setting(String name) {
    Objects.requireNonNull(name, "name");
    lock.lock();
    try (PreparedStatement s = connection.prepareStatement("SELECT setting_value FROM server_settings WHERE setting_name = ?")) {
      s.setString(1, name);
      String value;
      try (ResultSet r = s.executeQuery()) {
        value = r.next() ? r.getString(1) : null;
      }
      connection.commit();
      return value;
    } catch (SQLException e) {
      throw new StoreException("cannot read a setting of the " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sets a setting that the store carries for every server on it, durable before it returns.
   *
   * @param name the setting's name, at most 100 characters
   * @param value its value, at most 1,000 characters
   * @throws StoreException if the database fails
   */
  public void setSetting(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    lock.lock();
    try {
      try {
        int updated;
        try (PreparedStatement s = connection.prepareStatement("UPDATE server_settings SET setting_value = ? WHERE setting_name = ?")) {
          s.setString(1, value);
          s.setString(2, name);
          updated = s.executeUpdate();
        }
        if (updated == 0) {
          try (PreparedStatement s = connection.prepareStatement("INSERT INTO server_settings (setting_name, setting_value) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.executeUpdate();
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot write a setting of the " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** One record to write (body not null) or delete (body null). */
  private record Write(Kind kind, String id, @Nullable String organisationId, @Nullable String body) {}

  private List<Change> write(List<Write> writes) {
    lock.lock();
    try {
      try {
        List<Change> changes = apply(writes);
        connection.commit();
        return changes;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot write to the " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private List<Change> apply(List<Write> writes) throws SQLException {
    List<Change> changes = new ArrayList<>();
    if (writes.isEmpty()) {
      return changes;
    }
    // Raising the version first takes its row lock: writers of other processes wait here.
    long seq = lockVersion();
    for (Write w : writes) {
      boolean changed = w.body() == null ? remove(w) : upsert(w, seq + 1);
      if (changed) {
        seq++;
        changes.add(logChange(seq, w.kind(), w.id(), w.body() == null));
      }
    }
    setVersion(seq);
    return changes;
  }

  private boolean remove(Write w) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + w.kind().table() + " WHERE id = ?")) {
      s.setString(1, w.id());
      return s.executeUpdate() > 0;
    }
  }

  private boolean upsert(Write w, long seq) throws SQLException {
    boolean vacancy = w.kind() == Kind.VACANCY;
    String update = vacancy
        ? "UPDATE vacancies SET body = ?, changed = ?, organisation_id = ? WHERE id = ?"
        : "UPDATE " + w.kind().table() + " SET body = ?, changed = ? WHERE id = ?";
    // The version's row lock is held: no other writer inserts the same id between the two.
    String insert = vacancy
        ? "INSERT INTO vacancies (body, changed, organisation_id, id) VALUES (?, ?, ?, ?)"
        : "INSERT INTO " + w.kind().table() + " (body, changed, id) VALUES (?, ?, ?)";
    if (execute(update, w, seq) == 0) {
      execute(insert, w, seq);
    }
    return true;
  }

  /** Runs an update or insert whose parameters are body, changed, [organisation_id,] id. */
  private int execute(String sql, Write w, long seq) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setString(1, w.body());
      s.setLong(2, seq);
      int next = 3;
      if (w.kind() == Kind.VACANCY) {
        s.setString(next++, w.organisationId());
      }
      s.setString(next, w.id());
      return s.executeUpdate();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "Store[" + description + "]";
  }
}
