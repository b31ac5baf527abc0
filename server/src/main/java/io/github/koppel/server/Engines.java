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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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
  Change put(Volunteer volunteer) {
    return change(engine -> engine.withVolunteer(volunteer), () -> store.put(volunteer));
  }

  /**
   * Deletes a volunteer.
   *
   * @return the change, durable
   * @throws NoSuchElementException if the engine holds no such volunteer
   */
  Change deleteVolunteer(String id) {
    return change(engine -> {
      if (engine.dataset().volunteer(id) == null) {
        throw new NoSuchElementException("no volunteer has the id " + id);
      }
      return engine.withoutVolunteer(id);
    }, () -> Objects.requireNonNull(store.delete(Kind.VOLUNTEER, id), "a volunteer of the engine is in the store"));
  }

  /**
   * Creates or replaces a vacancy.
   *
   * @return the change, durable
   * @throws io.github.koppel.core.InvalidDataException if the engine refuses the vacancy
   */
  Change put(Vacancy vacancy) {
    return change(engine -> engine.withVacancy(vacancy), () -> store.put(vacancy));
  }

  /**
   * Deletes a vacancy.
   *
   * @return the change, durable
   * @throws NoSuchElementException if the engine holds no such vacancy
   */
  Change deleteVacancy(String id) {
    return change(engine -> {
      if (engine.dataset().vacancy(id) == null) {
        throw new NoSuchElementException("no vacancy has the id " + id);
      }
      return engine.withoutVacancy(id);
    }, () -> Objects.requireNonNull(store.delete(Kind.VACANCY, id), "a vacancy of the engine is in the store"));
  }

  /**
   * Applies one change: the next engine first (which refuses what it cannot hold), then the
   * store, then the swap, so that nothing is stored that the engine refused.
   */
  private synchronized Change change(UnaryOperator<MatchEngine> next, Supplier<Change> durable) {
    MatchEngine engine = next.apply(live.get().engine());
    Change change = durable.get();
    live.set(new Live(engine, change.seq()));
    return change;
  }
}
