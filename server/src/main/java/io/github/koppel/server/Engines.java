package io.github.koppel.server;

import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.server.store.Change;
import io.github.koppel.server.store.Kind;
import io.github.koppel.server.store.Store;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The engine a server answers from, and its data version. Engines are immutable: a change is
 * first checked against the engine (a record the engine refuses is never stored), then made
 * durable in the store, then reaches the engine by an atomic swap; a request that began before the
 * swap finishes on the engine it began with. On start the engine is built from the store.
 *
 * <p>Thread-safe: changes are serialised, reads never wait.
 */
final class Engines {
  /** An engine and the data version it holds. */
  record Live(MatchEngine engine, long version) {}

  private final Store store;
  private final Function<Dataset, MatchEngine> build;
  private final AtomicReference<Live> live;

  /**
   * Builds the engine from what the store holds.
   *
   * @param store the store
   * @param build builds an engine of a dataset, with the server's policy, date and strategy
   */
  Engines(Store store, Function<Dataset, MatchEngine> build) {
    this.store = Objects.requireNonNull(store, "store");
    this.build = Objects.requireNonNull(build, "build");
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
   * @throws io.github.koppel.core.InvalidDataException if the engine refuses the volunteer
   */
  synchronized Change put(Volunteer volunteer) {
    MatchEngine next = live.get().engine().withVolunteer(volunteer);
    Change change = store.put(volunteer);
    live.set(new Live(next, change.seq()));
    return change;
  }

  /**
   * Deletes a volunteer.
   *
   * @return the change, durable
   * @throws NoSuchElementException if the engine holds no such volunteer
   */
  synchronized Change deleteVolunteer(String id) {
    Live now = live.get();
    if (now.engine().dataset().volunteer(id) == null) {
      throw new NoSuchElementException("no volunteer has the id " + id);
    }
    MatchEngine next = now.engine().withoutVolunteer(id);
    Change change = Objects.requireNonNull(store.delete(Kind.VOLUNTEER, id), "a volunteer of the engine is in the store");
    live.set(new Live(next, change.seq()));
    return change;
  }

  /**
   * Creates or replaces a vacancy.
   *
   * @return the change, durable
   * @throws io.github.koppel.core.InvalidDataException if the engine refuses the vacancy
   */
  synchronized Change put(Vacancy vacancy) {
    MatchEngine next = live.get().engine().withVacancy(vacancy);
    Change change = store.put(vacancy);
    live.set(new Live(next, change.seq()));
    return change;
  }

  /**
   * Deletes a vacancy.
   *
   * @return the change, durable
   * @throws NoSuchElementException if the engine holds no such vacancy
   */
  synchronized Change deleteVacancy(String id) {
    Live now = live.get();
    if (now.engine().dataset().vacancy(id) == null) {
      throw new NoSuchElementException("no vacancy has the id " + id);
    }
    MatchEngine next = now.engine().withoutVacancy(id);
    Change change = Objects.requireNonNull(store.delete(Kind.VACANCY, id), "a vacancy of the engine is in the store");
    live.set(new Live(next, change.seq()));
    return change;
  }

  /** Returns the builder of engines, for a test that rebuilds from the store. */
  Function<Dataset, MatchEngine> builder() {
    return build;
  }
}
