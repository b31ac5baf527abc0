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
 * <p>A store keeps one connection. When the database goes away (restarted, or the connection
 * dropped), the operation fails with a {@link StoreException} and the next one opens a new
 * connection; a write is never retried, so a failure never applies a change twice.
 *
 * <p>Thread-safe: the operations of one store are serialised on its one connection.
 */
public final class Store implements AutoCloseable {
  /** How long a statement may wait for the database's answer. */
  static final int NETWORK_TIMEOUT_MILLIS = 30_000;

  private final String url;
  private final @Nullable String user;
  private final @Nullable String password;
  private final KoppelJson json;
  private final ReentrantLock lock = new ReentrantLock();
  private final String description;
  private @Nullable Connection connection;
  private boolean closed;

  private Store(String url, @Nullable String user, @Nullable String password, KoppelJson json, String description) {
    this.url = url;
    this.user = user;
    this.password = password;
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
    Store store = new Store(url, user, password, json, description);
    store.lock.lock();
    try {
      store.connection();
    } catch (SQLException e) {
      throw new StoreException("cannot open the " + description + ": " + e.getMessage(), e);
    } finally {
      store.lock.unlock();
    }
    return store;
  }

  /** Returns a JDBC address without its query part, where passwords may be. */
  private static String withoutSecrets(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /** Whether the store is on the embedded database, which one process at a time opens. */
  public boolean embedded() {
    return url.startsWith("jdbc:h2:");
  }

  /** The connection, opened again when the last one broke. Called with the lock held. */
  private Connection connection() throws SQLException {
    if (closed) {
      throw new IllegalStateException("the store of the " + description + " is closed");
    }
    if (connection == null) {
      Connection c = DriverManager.getConnection(url, user, password);
      if (!embedded()) {
        // A database that stops answering without closing the connection fails the operation
        // (503) instead of holding the store's lock for ever.
        c.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
      }
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      connection = c;
    }
    return connection;
  }

  /** One unit of work inside a transaction. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs work in one transaction, committed when it returns and rolled back when it throws; a
   * connection that broke is dropped so that the next operation opens a new one.
   *
   * @param what what the work does, for the error: "read the keys of"
   */
  private <T> T transaction(String what, int isolation, Work<T> work) {
    lock.lock();
    try {
      Connection c = connection();
      try {
        if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
          c.setTransactionIsolation(isolation);
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c);
        throw e;
      } finally {
        if (isolation != Connection.TRANSACTION_READ_COMMITTED && connection != null) {
          try {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
          } catch (SQLException e) {
            drop();
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + " the " + description + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private <T> T transaction(String what, Work<T> work) {
    return transaction(what, Connection.TRANSACTION_READ_COMMITTED, work);
  }

  /** Rolls back; a connection that cannot is broken and dropped. */
  private void rollback(Connection c) {
    try {
      c.rollback();
      if (!c.isValid(2)) {
        drop();
      }
    } catch (SQLException e) {
      drop();
    }
  }

  private void drop() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // It is broken already; the next operation opens a new one.
      }
    }
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
    return transaction("read", Connection.TRANSACTION_REPEATABLE_READ, c -> {
      long version = version(c);
      List<Organisation> organisations = readAll(c, Kind.ORGANISATION, Organisation.class);
      List<Vacancy> vacancies = readAll(c, Kind.VACANCY, Vacancy.class);
      List<Volunteer> volunteers = readAll(c, Kind.VOLUNTEER, Volunteer.class);
      return new Snapshot(Dataset.of(organisations, vacancies, volunteers), version);
    });
  }

  private <T> List<T> readAll(Connection c, Kind kind, Class<T> type) throws SQLException {
    List<T> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT body FROM " + kind.table() + " ORDER BY id")) {
      while (r.next()) {
        out.add(json.fromJson(r.getString(1), type));
      }
    }
    return out;
  }

  /**
   * A record as the store holds it after a change: its value, or null when it was deleted.
   *
   * @param kind the kind, never {@link Kind#KEY}
   * @param id the id
   * @param value an {@link Organisation}, a {@link Vacancy} or a {@link Volunteer}, or null
   */
  public record Entry(Kind kind, String id, @Nullable Object value) {
    /** An entry. */
    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * What changed after a data version, read at one later version: each record changed since, as
   * the store holds it now.
   *
   * @param version the data version read at
   * @param entries each changed record once, in order of its last change; empty when {@code
   *     complete} is false
   * @param keys whether keys were issued or revoked
   * @param complete false when more records changed than asked for: read the whole store instead
   */
  public record Delta(long version, List<Entry> entries, boolean keys, boolean complete) {
    /** A delta. */
    public Delta {
      entries = List.copyOf(entries);
    }
  }

  /**
   * Reads what changed after a data version, at one later version: how a process follows the
   * writes of the others.
   *
   * @param after the data version already held
   * @param maxEntries the most changed records to read, &ge; 1; beyond, the delta is incomplete
   * @return the delta; its version equals {@code after} when nothing changed
   * @throws StoreException if the database fails
   */
  public Delta changesAfter(long after, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1: " + maxEntries);
    }
    return transaction("read the changes of", Connection.TRANSACTION_REPEATABLE_READ, c -> {
      long version = version(c);
      if (version <= after) {
        return new Delta(version, List.of(), false, true);
      }
      // Each record once, at its last change, in the order of those changes.
      java.util.LinkedHashMap<String, Change> last = new java.util.LinkedHashMap<>();
      boolean keys = false;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT seq, kind, id, deleted FROM changes WHERE seq > ? AND seq <= ? ORDER BY seq")) {
        s.setLong(1, after);
        s.setLong(2, version);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            Change change = new Change(r.getLong(1), Kind.valueOf(r.getString(2)), r.getString(3), r.getBoolean(4));
            if (change.kind() == Kind.KEY) {
              keys = true;
              continue;
            }
            String key = change.kind().name() + ":" + change.id();
            last.remove(key);
            last.put(key, change);
            if (last.size() > maxEntries) {
              return new Delta(version, List.of(), true, false);
            }
          }
        }
      }
      List<Entry> entries = new ArrayList<>(last.size());
      for (Change change : last.values()) {
        entries.add(new Entry(change.kind(), change.id(), read(c, change.kind(), change.id())));
      }
      return new Delta(version, entries, keys, true);
    });
  }

  private @Nullable Object read(Connection c, Kind kind, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT body FROM " + kind.table() + " WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        String body = r.getString(1);
        return switch (kind) {
          case ORGANISATION -> json.fromJson(body, Organisation.class);
          case VACANCY -> json.fromJson(body, Vacancy.class);
          case VOLUNTEER -> json.fromJson(body, Volunteer.class);
          case KEY -> throw new IllegalArgumentException("keys are read with keys()");
        };
      }
    }
  }

  /**
   * Returns the data version: the sequence number of the last committed change, 0 for none.
   *
   * @return the version
   * @throws StoreException if the database fails
   */
  public long version() {
    return transaction("read the version of", Store::version);
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
    return write(List.of(new Write(Kind.ORGANISATION, organisation.id(), null, json.toJson(organisation), null))).get(0);
  }

  /**
   * Creates or replaces a vacancy.
   *
   * @param vacancy the vacancy
   * @return the change, committed
   * @throws StoreException if the database fails
   */
  public Change put(Vacancy vacancy) {
    return put(vacancy, null);
  }

  /**
   * Creates or replaces a vacancy on behalf of an owner: refused when the stored vacancy of that id
   * belongs to another organisation.
   *
   * @param vacancy the vacancy
   * @param owner the organisation writing, or null for the municipality (any owner)
   * @return the change, committed
   * @throws ConflictException if the vacancy's organisation is not in the store, or the stored
   *     vacancy is another owner's
   * @throws StoreException if the database fails
   */
  public Change put(Vacancy vacancy, @Nullable String owner) {
    Objects.requireNonNull(vacancy, "vacancy");
    return write(List.of(new Write(Kind.VACANCY, vacancy.id(), vacancy.organisationId(), json.toJson(vacancy), owner))).get(0);
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
    return write(List.of(new Write(Kind.VOLUNTEER, volunteer.id(), null, json.toJson(volunteer), null))).get(0);
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
    return delete(kind, id, null);
  }

  /**
   * Deletes a record, if the store holds it, on behalf of an owner.
   *
   * @param kind the kind
   * @param id the id
   * @param owner for a vacancy, the organisation deleting it, or null for any
   * @return the change, committed, or null if the store held no such record (nothing changes)
   * @throws ConflictException if vacancies still name an organisation to delete, or the vacancy
   *     is another owner's
   * @throws IllegalArgumentException for a key, which is revoked instead ({@link #put(StoredKey)})
   * @throws StoreException if the database fails
   */
  public @Nullable Change delete(Kind kind, String id, @Nullable String owner) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (kind == Kind.KEY) {
      throw new IllegalArgumentException("a key is revoked, never deleted: " + id);
    }
    List<Change> changes = write(List.of(new Write(kind, id, null, null, owner)));
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
    return putAll(dataset.organisations(), dataset.vacancies(), dataset.volunteers());
  }

  /**
   * Creates or replaces records in one transaction: all of them or, on a failure, none. The
   * caller checks that they fit together (a vacancy's organisation exists).
   *
   * @param organisations the organisations
   * @param vacancies the vacancies
   * @param volunteers the volunteers
   * @return the changes, committed, organisations first, then vacancies, then volunteers
   * @throws StoreException if the database fails
   */
  public List<Change> putAll(List<Organisation> organisations, List<Vacancy> vacancies, List<Volunteer> volunteers) {
    Objects.requireNonNull(organisations, "organisations");
    Objects.requireNonNull(vacancies, "vacancies");
    Objects.requireNonNull(volunteers, "volunteers");
    List<Write> writes = new ArrayList<>();
    for (Organisation o : organisations) {
      writes.add(new Write(Kind.ORGANISATION, o.id(), null, json.toJson(o), null));
    }
    for (Vacancy v : vacancies) {
      writes.add(new Write(Kind.VACANCY, v.id(), v.organisationId(), json.toJson(v), null));
    }
    for (Volunteer v : volunteers) {
      writes.add(new Write(Kind.VOLUNTEER, v.id(), null, json.toJson(v), null));
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
    return transaction("read the changes of", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT seq, kind, id, deleted FROM changes WHERE seq > ? ORDER BY seq LIMIT ?")) {
        s.setLong(1, version);
        s.setInt(2, max);
        List<Change> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new Change(r.getLong(1), Kind.valueOf(r.getString(2)), r.getString(3), r.getBoolean(4)));
          }
        }
        return out;
      }
    });
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
    return transaction("write a key to", c -> {
      long seq = lockVersion(c) + 1;
      boolean updated = upsert(c,
          "UPDATE api_keys SET revoked = ?, changed = ? WHERE id = ?",
          s -> {
            s.setBoolean(1, key.revoked());
            s.setLong(2, seq);
            s.setString(3, key.id());
          },
          "INSERT INTO api_keys (id, role, subject, label, hash, revoked, changed) VALUES (?, ?, ?, ?, ?, ?, ?)",
          s -> {
            s.setString(1, key.id());
            s.setString(2, key.role());
            s.setString(3, key.subject());
            s.setString(4, key.label());
            s.setString(5, key.hash());
            s.setBoolean(6, key.revoked());
            s.setLong(7, seq);
          });
      Change change = logChange(c, seq, Kind.KEY, key.id(), false);
      setVersion(c, seq);
      return change;
    });
  }

  /**
   * Returns every key, revoked ones too, in order of id.
   *
   * @return the keys
   * @throws StoreException if the database fails
   */
  public List<StoredKey> keys() {
    return transaction("read the keys of", c -> {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT id, role, subject, label, hash, revoked FROM api_keys ORDER BY id")) {
        List<StoredKey> out = new ArrayList<>();
        while (r.next()) {
          out.add(new StoredKey(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getBoolean(6)));
        }
        return out;
      }
    });
  }

  /** Takes the version's row lock and returns the version; writers of other processes wait. */
  private static long lockVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE store_version SET seq = seq WHERE id = 1");
    }
    return version(c);
  }

  private static void setVersion(Connection c, long seq) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE store_version SET seq = ? WHERE id = 1")) {
      s.setLong(1, seq);
      s.executeUpdate();
    }
  }

  private static Change logChange(Connection c, long seq, Kind kind, String id, boolean deleted) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO changes (seq, kind, id, deleted) VALUES (?, ?, ?, ?)")) {
      s.setLong(1, seq);
      s.setString(2, kind.name());
      s.setString(3, id);
      s.setBoolean(4, deleted);
      s.executeUpdate();
    }
    return new Change(seq, kind, id, deleted);
  }

  /** Sets the parameters of a statement. */
  @FunctionalInterface
  private interface Parameters {
    void set(PreparedStatement s) throws SQLException;
  }

  /**
   * Updates a row, or inserts it when there is none; returns whether it updated. Run with the
   * version's row lock held, so that no other writer inserts the same id between the two.
   */
  private static boolean upsert(Connection c, String update, Parameters updateParameters, String insert,
      Parameters insertParameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(update)) {
      updateParameters.set(s);
      if (s.executeUpdate() > 0) {
        return true;
      }
    }
    try (PreparedStatement s = c.prepareStatement(insert)) {
      insertParameters.set(s);
      s.executeUpdate();
    }
    return false;
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
    return transaction("read a setting of", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM server_settings WHERE setting_name = ?")) {
        s.setString(1, name);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? r.getString(1) : null;
        }
      }
    });
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
    transaction("write a setting of", c -> upsert(c,
        "UPDATE server_settings SET setting_value = ? WHERE setting_name = ?",
        s -> {
          s.setString(1, value);
          s.setString(2, name);
        },
        "INSERT INTO server_settings (setting_name, setting_value) VALUES (?, ?)",
        s -> {
          s.setString(1, name);
          s.setString(2, value);
        }));
  }

  /**
   * One record to write (body not null) or delete (body null); for a vacancy, its organisation,
   * and the owner who must hold the stored one (null for any).
   */
  private record Write(Kind kind, String id, @Nullable String organisationId, @Nullable String body,
      @Nullable String owner) {}

  private List<Change> write(List<Write> writes) {
    return transaction("write to", c -> {
      List<Change> changes = new ArrayList<>();
      if (writes.isEmpty()) {
        return changes;
      }
      // Raising the version first takes its row lock: writers of other processes wait here.
      long seq = lockVersion(c);
      for (Write w : writes) {
        // Each write is checked against what the transaction holds so far: an import's
        // organisations are written before its vacancies.
        check(c, w);
        boolean changed = w.body() == null ? remove(c, w) : upsert(c, w, seq + 1);
        if (changed) {
          seq++;
          changes.add(logChange(c, seq, w.kind(), w.id(), w.body() == null));
        }
      }
      setVersion(c, seq);
      return changes;
    });
  }

  /**
   * Checks a write against the store as it is, with the version's row lock held: what another
   * process committed first counts. A vacancy's organisation must be stored (or written in the
   * same transaction before it), an organisation to delete must have no vacancy, and an owner may
   * touch only its own vacancies.
   */
  private static void check(Connection c, Write w) throws SQLException {
    if (w.kind() == Kind.VACANCY) {
      if (w.owner() != null) {
        String stored = single(c, "SELECT organisation_id FROM vacancies WHERE id = ?", w.id());
        if (stored != null && !stored.equals(w.owner())) {
          throw new ConflictException(ConflictException.Reason.NOT_OWNER,
              "the vacancy " + w.id() + " belongs to another organisation");
        }
      }
      if (w.body() != null && single(c, "SELECT id FROM organisations WHERE id = ?", w.organisationId()) == null) {
        throw new ConflictException(ConflictException.Reason.MISSING_REFERENCE,
            "the vacancy " + w.id() + " names the organisation " + w.organisationId() + ", which the store does not hold");
      }
    }
    if (w.kind() == Kind.ORGANISATION && w.body() == null) {
      String vacancy = single(c, "SELECT id FROM vacancies WHERE organisation_id = ? ORDER BY id LIMIT 1", w.id());
      if (vacancy != null) {
        throw new ConflictException(ConflictException.Reason.STILL_REFERENCED,
            "the organisation " + w.id() + " still has vacancies (" + vacancy + " among them): delete them first");
      }
    }
  }

  private static @Nullable String single(Connection c, String sql, @Nullable String parameter) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  private static boolean remove(Connection c, Write w) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + w.kind().table() + " WHERE id = ?")) {
      s.setString(1, w.id());
      return s.executeUpdate() > 0;
    }
  }

  private static boolean upsert(Connection c, Write w, long seq) throws SQLException {
    boolean vacancy = w.kind() == Kind.VACANCY;
    String update = vacancy
        ? "UPDATE vacancies SET body = ?, changed = ?, organisation_id = ? WHERE id = ?"
        : "UPDATE " + w.kind().table() + " SET body = ?, changed = ? WHERE id = ?";
    String insert = vacancy
        ? "INSERT INTO vacancies (body, changed, organisation_id, id) VALUES (?, ?, ?, ?)"
        : "INSERT INTO " + w.kind().table() + " (body, changed, id) VALUES (?, ?, ?)";
    // Both statements take body, changed, [organisation_id,] id.
    Parameters parameters = s -> {
      s.setString(1, w.body());
      s.setLong(2, seq);
      int next = 3;
      if (vacancy) {
        s.setString(next++, w.organisationId());
      }
      s.setString(next, w.id());
    };
    upsert(c, update, parameters, insert, parameters);
    return true;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot close the " + description + ": " + e.getMessage(), e);
    } finally {
      connection = null;
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "Store[" + description + "]";
  }
}
