package io.github.koppel.server;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.server.store.Change;
import io.github.koppel.server.store.ConflictException;
import io.github.koppel.server.store.Kind;
import io.github.koppel.server.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The engine a server answers from, and its data version. Engines are immutable: a change is
 * first checked against the engine (a record the engine refuses is never stored), then made
 * durable in the store, then reaches the engine by an atomic swap; a request that began before the
 * swap finishes on the engine it began with. On start the engine is built from the store.
 *
 * <p>Several processes may share one store: {@link #follow} brings the engine up to the store's
 * data version, applying what the others wrote. A change of this process that finds another's
 * change before its own in the log follows at once, so the data version an engine carries always
 * names exactly the store's content it holds.
 *
 * <p>Thread-safe: changes are serialised, reads never wait.
 */
final class Engines {
  /** An engine and the data version it holds. */
  record Live(MatchEngine engine, long version) {}

  /** Beyond this many changed records a follow rebuilds the engine from the whole store. */
  static final int MAX_INCREMENTAL = 2_000;

  private final Store store;
  private final Function<Dataset, MatchEngine> build;
  private final AtomicReference<Live> live;
  private final Runnable keysChanged;

  /**
   * Builds the engine from what the store holds.
   *
   * @param store the store
   * @param build builds an engine of a dataset, with the server's policy, date and strategy
   * @param keysChanged called when a follow finds keys issued or revoked by another process
   */
  Engines(Store store, Function<Dataset, MatchEngine> build, Runnable keysChanged) {
    this.store = Objects.requireNonNull(store, "store");
    this.build = Objects.requireNonNull(build, "build");
    this.keysChanged = Objects.requireNonNull(keysChanged, "keysChanged");
    Store.Snapshot snapshot = store.load();
    this.live = new AtomicReference<>(new Live(build.apply(snapshot.dataset()), snapshot.version()));
  }

  /** Returns the engine to answer a request from. */
  Live current() {
    return live.get();
  }

  /**
   * Creates or replaces a volunteer.
   *
   * @return the change, durable
   * @throws InvalidDataException if the engine refuses the volunteer
   */
  Change put(Volunteer volunteer) {
    return change(engine -> engine.withVolunteer(volunteer), () -> List.of(store.put(volunteer))).get(0);
  }

  /**
   * Deletes a volunteer.
   *
   * @return the change, durable
   * @throws NoSuchElementException if the engine holds no such volunteer
   */
  Change deleteVolunteer(String id) {
    return change(engine -> {
      volunteer(engine.dataset(), id);
      return engine.withoutVolunteer(id);
    }, () -> deleted(Kind.VOLUNTEER, id, null)).get(0);
  }

  /**
   * Creates or replaces a vacancy on behalf of its organisation, which must own the stored one:
   * checked on this engine and again in the store's transaction, where another process's write
   * counts.
   *
   * @param owner the organisation writing, or null for the municipality
   * @return the change, durable
   * @throws ConflictException if the vacancy is another organisation's
   * @throws InvalidDataException if the engine refuses the vacancy
   */
  Change put(Vacancy vacancy, @Nullable String owner) {
    return change(engine -> {
      owned(engine, vacancy.id(), owner);
      return engine.withVacancy(vacancy);
    }, () -> List.of(store.put(vacancy, owner))).get(0);
  }

  private static void owned(MatchEngine engine, String vacancyId, @Nullable String owner) {
    Vacancy existing = engine.dataset().vacancy(vacancyId);
    if (owner != null && existing != null && !existing.organisationId().equals(owner)) {
      throw new ConflictException(ConflictException.Reason.NOT_OWNER, "the vacancy " + vacancyId + " belongs to another organisation");
    }
  }

  /**
   * Deletes a vacancy on behalf of its organisation.
   *
   * @param owner the organisation deleting it, or null for the municipality
   * @return the change, durable
   * @throws NoSuchElementException if the engine holds no such vacancy
   * @throws ConflictException if the vacancy is another organisation's
   */
  Change deleteVacancy(String id, @Nullable String owner) {
    return change(engine -> {
      vacancy(engine.dataset(), id);
      owned(engine, id, owner);
      return engine.withoutVacancy(id);
    }, () -> deleted(Kind.VACANCY, id, owner)).get(0);
  }

  /**
   * Creates or replaces an organisation; the engine is rebuilt, as its vacancies read it.
   *
   * @return the change, durable
   * @throws InvalidDataException if the engine refuses the organisation
   */
  Change put(Organisation organisation) {
    return change(engine -> rebuilt(engine.dataset(),
        List.of(new Store.Entry(Kind.ORGANISATION, organisation.id(), organisation))),
        () -> List.of(store.put(organisation))).get(0);
  }

  /**
   * Deletes an organisation that has no vacancies.
   *
   * @return the change, durable
   * @throws NoSuchElementException if the engine holds no such organisation
   * @throws ConflictException if vacancies of the organisation remain
   */
  Change deleteOrganisation(String id) {
    return change(engine -> {
      Dataset d = engine.dataset();
      organisation(d, id);
      long vacancies = d.vacancies().stream().filter(v -> v.organisationId().equals(id)).count();
      if (vacancies > 0) {
        throw new ConflictException(ConflictException.Reason.STILL_REFERENCED, "the organisation " + id + " still has "
            + vacancies + (vacancies == 1 ? " vacancy" : " vacancies") + ": delete them first");
      }
      return rebuilt(d, List.of(new Store.Entry(Kind.ORGANISATION, id, null)));
    }, () -> deleted(Kind.ORGANISATION, id, null)).get(0);
  }

  /**
   * Returns a dataset's vacancy.
   *
   * @throws NoSuchElementException naming the id, if there is none (a 404)
   */
  static Vacancy vacancy(Dataset d, String id) {
    Vacancy v = d.vacancy(id);
    if (v == null) {
      throw new NoSuchElementException("no vacancy has the id " + id);
    }
    return v;
  }

  /**
   * Returns a dataset's volunteer.
   *
   * @throws NoSuchElementException naming the id, if there is none (a 404)
   */
  static Volunteer volunteer(Dataset d, String id) {
    Volunteer v = d.volunteer(id);
    if (v == null) {
      throw new NoSuchElementException("no volunteer has the id " + id);
    }
    return v;
  }

  /**
   * Returns a dataset's organisation.
   *
   * @throws NoSuchElementException naming the id, if there is none (a 404)
   */
  static Organisation organisation(Dataset d, String id) {
    Organisation o = d.organisation(id);
    if (o == null) {
      throw new NoSuchElementException("no organisation has the id " + id);
    }
    return o;
  }

  /** Records to create or replace together, each kind in the order given. */
  record Records(List<Organisation> organisations, List<Vacancy> vacancies, List<Volunteer> volunteers) {
    Records {
      organisations = List.copyOf(organisations);
      vacancies = List.copyOf(vacancies);
      volunteers = List.copyOf(volunteers);
    }

    static Records of(Dataset dataset) {
      return new Records(dataset.organisations(), dataset.vacancies(), dataset.volunteers());
    }
  }

  /**
   * Creates or replaces records, all or none; the engine is rebuilt once.
   *
   * @param records the records to write
   * @return the changes, durable, in order
   * @throws InvalidDataException if the engine refuses the result (a vacancy of an unknown
   *     organisation, an id twice, say)
   */
  List<Change> putAll(Records records) {
    return change(engine -> {
      List<Store.Entry> entries = new ArrayList<>();
      records.organisations().forEach(o -> entries.add(new Store.Entry(Kind.ORGANISATION, o.id(), o)));
      records.vacancies().forEach(v -> entries.add(new Store.Entry(Kind.VACANCY, v.id(), v)));
      records.volunteers().forEach(v -> entries.add(new Store.Entry(Kind.VOLUNTEER, v.id(), v)));
      return rebuilt(engine.dataset(), entries);
    }, () -> store.putAll(records.organisations(), records.vacancies(), records.volunteers()));
  }

  private List<Change> deleted(Kind kind, String id, @Nullable String owner) {
    Change change = store.delete(kind, id, owner);
    if (change == null) {
      // Another process deleted it first: nothing is left to delete.
      throw new NoSuchElementException("no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " has the id " + id);
    }
    return List.of(change);
  }

  /**
   * Applies one change of this process: the next engine first (which refuses what it cannot
   * hold), then the store, then the swap, so that nothing is stored that the engine refused.
   * When another process wrote in between, the engine follows the store to include both.
   */
  private synchronized List<Change> change(UnaryOperator<MatchEngine> next, Supplier<List<Change>> durable) {
    Live before = live.get();
    MatchEngine engine = next.apply(before.engine());
    List<Change> changes = durable.get();
    if (changes.isEmpty()) {
      return changes;
    }
    if (changes.get(0).seq() == before.version() + 1) {
      live.set(new Live(engine, changes.get(changes.size() - 1).seq()));
    } else {
      // Others wrote first: read their changes, and ours, as the store holds them now.
      follow();
    }
    return changes;
  }

  /**
   * Brings the engine up to the store's data version: applies what other processes wrote. Cheap
   * when nothing changed (one read of the version).
   *
   * @return the data version held after
   * @throws io.github.koppel.server.store.StoreException if the database fails (the engine stays as
   *     it was)
   */
  synchronized long follow() {
    Live before = live.get();
    Store.Delta delta = store.changesAfter(before.version(), MAX_INCREMENTAL);
    if (delta.version() == before.version()) {
      return before.version();
    }
    if (delta.keys()) {
      keysChanged.run();
    }
    MatchEngine engine = null;
    long version = delta.version();
    if (delta.complete()) {
      try {
        engine = apply(before.engine(), delta.entries());
      } catch (IllegalArgumentException e) {
        // The changes do not apply one by one on this engine (InvalidDataException is one):
        // read the whole store instead.
        engine = null;
      }
    }
    if (engine == null) {
      Store.Snapshot snapshot = store.load();
      engine = build.apply(snapshot.dataset());
      version = snapshot.version();
    }
    live.set(new Live(engine, version));
    return version;
  }

  /** The engine with the entries applied: one by one, or rebuilt when organisations changed. */
  private MatchEngine apply(MatchEngine engine, List<Store.Entry> entries) {
    if (entries.stream().anyMatch(e -> e.kind() == Kind.ORGANISATION)) {
      return rebuilt(engine.dataset(), entries);
    }
    MatchEngine next = engine;
    for (Store.Entry e : entries) {
      next = switch (e.kind()) {
        case VACANCY -> e.value() != null ? next.withVacancy((Vacancy) e.value())
            : next.dataset().vacancy(e.id()) != null ? next.withoutVacancy(e.id()) : next;
        case VOLUNTEER -> e.value() != null ? next.withVolunteer((Volunteer) e.value())
            : next.dataset().volunteer(e.id()) != null ? next.withoutVolunteer(e.id()) : next;
        case ORGANISATION, KEY -> throw new IllegalStateException("not a record of the engine: " + e.kind());
      };
    }
    return next;
  }

  /** A new engine of the dataset with the entries applied (null values are deletions). */
  private MatchEngine rebuilt(Dataset dataset, List<Store.Entry> entries) {
    Map<String, Organisation> organisations = new LinkedHashMap<>();
    dataset.organisations().forEach(o -> organisations.put(o.id(), o));
    Map<String, Vacancy> vacancies = new LinkedHashMap<>();
    dataset.vacancies().forEach(v -> vacancies.put(v.id(), v));
    Map<String, Volunteer> volunteers = new LinkedHashMap<>();
    dataset.volunteers().forEach(v -> volunteers.put(v.id(), v));
    for (Store.Entry e : entries) {
      switch (e.kind()) {
        case ORGANISATION -> put(organisations, e.id(), (Organisation) e.value());
        case VACANCY -> put(vacancies, e.id(), (Vacancy) e.value());
        case VOLUNTEER -> put(volunteers, e.id(), (Volunteer) e.value());
        case KEY -> throw new IllegalStateException("not a record of the engine: " + e.kind());
      }
    }
    return build.apply(Dataset.of(new ArrayList<>(organisations.values()), new ArrayList<>(vacancies.values()),
        new ArrayList<>(volunteers.values())));
  }

  private static <T> void put(Map<String, T> map, String id, @Nullable T value) {
    if (value == null) {
      map.remove(id);
    } else {
      map.put(id, value);
    }
  }
}
