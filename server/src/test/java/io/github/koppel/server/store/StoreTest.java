package io.github.koppel.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Volunteer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import io.github.koppel.server.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real embedded database file: what is written is what a new process reads. */
class StoreTest {
  private static final KoppelJson JSON = KoppelJson.create();

  @TempDir Path dir;

  private static Dataset sortedById(Dataset d) {
    return Dataset.of(
        d.organisations().stream().sorted(Comparator.comparing(o -> o.id())).toList(),
        d.vacancies().stream().sorted(Comparator.comparing(v -> v.id())).toList(),
        d.volunteers().stream().sorted(Comparator.comparing(v -> v.id())).toList());
  }

  static List<String> databases() {
    return TestDatabases.names();
  }

  private Store open(TestDatabases.Database db) {
    return Store.open(db.url(), db.user(), db.password(), JSON);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theDemoCityComesBackEqualFromANewConnection(String database) {
    Dataset city = DemoCity.bundled();
    TestDatabases.Database db = TestDatabases.fresh(database, dir);
    try (Store store = open(db)) {
      assertEquals(0, store.version());
      List<Change> changes = store.putAll(city);
      int records = city.organisations().size() + city.vacancies().size() + city.volunteers().size();
      assertEquals(records, changes.size());
      assertEquals(records, store.version());
      assertEquals(1, changes.get(0).seq());
      assertEquals(Kind.ORGANISATION, changes.get(0).kind());
    }
    try (Store again = open(db)) {
      Store.Snapshot snapshot = again.load();
      assertEquals(sortedById(city).volunteers(), snapshot.dataset().volunteers());
      assertEquals(sortedById(city).vacancies(), snapshot.dataset().vacancies());
      assertEquals(sortedById(city).organisations(), snapshot.dataset().organisations());
      assertEquals(again.version(), snapshot.version());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void replacingAndDeletingAreChangesInOrder(String database) {
    Dataset city = DemoCity.bundled();
    try (Store store = open(TestDatabases.fresh(database, dir))) {
      store.putAll(Dataset.of(city.organisations(), city.vacancies(), List.of()));
      long before = store.version();
      Volunteer v = city.volunteers().get(0);
      Change created = store.put(v);
      Change replaced = store.put(v.toBuilder().displayName("Another name").build());
      Change deleted = store.delete(Kind.VOLUNTEER, v.id());
      assertNull(store.delete(Kind.VOLUNTEER, v.id()), "deleting what is gone changes nothing");
      assertEquals(List.of(
          new Change(before + 1, Kind.VOLUNTEER, v.id(), false),
          new Change(before + 2, Kind.VOLUNTEER, v.id(), false),
          new Change(before + 3, Kind.VOLUNTEER, v.id(), true)), store.changesSince(before, 10));
      assertEquals(List.of(created, replaced, deleted), store.changesSince(before, 3));
      assertEquals(List.of(created), store.changesSince(before, 1));
      assertEquals(before + 3, store.version());
      assertTrue(store.load().dataset().volunteers().isEmpty());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.changesSince(0, 0));
      assertEquals("max must be >= 1: 0", e.getMessage());
      assertEquals("a key is revoked, never deleted: k1",
          assertThrows(IllegalArgumentException.class, () -> store.delete(Kind.KEY, "k1")).getMessage());
      assertEquals("seq must be >= 1: 0",
          assertThrows(IllegalArgumentException.class, () -> new Change(0, Kind.VOLUNTEER, "v", false)).getMessage());
    }
  }

  @Test
  void anUnreachableDatabaseIsAStoreErrorWithoutThePassword() {
    StoreException e = assertThrows(StoreException.class,
        () -> Store.open("jdbc:postgresql://127.0.0.1:1/koppel?password=secret", "koppel", "secret", JSON));
    assertTrue(e.getMessage().startsWith("cannot migrate the database jdbc:postgresql://127.0.0.1:1/koppel: "), e.getMessage());
    assertTrue(!e.getMessage().contains("secret"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aDeltaHoldsEachChangedRecordOnceAsItIsNow(String database) {
    TestDatabases.Database db = TestDatabases.fresh(database, dir);
    try (Store store = open(db)) {
      Dataset city = io.github.koppel.core.demo.DemoCity.bundled();
      store.putAll(city);
      long start = store.version();
      Store.Delta none = store.changesAfter(start, 10);
      assertEquals(new Store.Delta(start, List.of(), false, true), none);
      io.github.koppel.core.model.Volunteer a = city.volunteers().get(0);
      io.github.koppel.core.model.Volunteer b = city.volunteers().get(1);
      io.github.koppel.core.model.Volunteer renamed = a.toBuilder().displayName("Twice").build();
      store.put(a.toBuilder().displayName("Once").build());
      store.put(b);
      store.put(renamed);
      store.delete(Kind.VACANCY, city.vacancies().get(0).id());
      store.put(new StoredKey("key-1", "COUNSELLOR", null, "counter", "0".repeat(64), false));
      Store.Delta delta = store.changesAfter(start, 10);
      assertEquals(start + 5, delta.version());
      assertTrue(delta.keys());
      assertTrue(delta.complete());
      // b, then a at its last change, then the deletion: in the order of their last changes.
      assertEquals(List.of(
          new Store.Entry(Kind.VOLUNTEER, b.id(), b),
          new Store.Entry(Kind.VOLUNTEER, a.id(), renamed),
          new Store.Entry(Kind.VACANCY, city.vacancies().get(0).id(), null)), delta.entries());
      Store.Delta partial = store.changesAfter(start, 2);
      assertEquals(new Store.Delta(start + 5, List.of(), true, false), partial);
      assertEquals("maxEntries must be >= 1: 0",
          assertThrows(IllegalArgumentException.class, () -> store.changesAfter(start, 0)).getMessage());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theStoreRefusesWhatItsContentContradicts(String database) {
    TestDatabases.Database db = TestDatabases.fresh(database, dir);
    try (Store store = open(db)) {
      Dataset city = DemoCity.bundled();
      store.putAll(city);
      long version = store.version();
      io.github.koppel.core.model.Vacancy v = city.vacancies().get(0);
      String json = JSON.toJson(v).replace("\"" + v.organisationId() + "\"", "\"org-none\"");
      io.github.koppel.core.model.Vacancy orphan = JSON.fromJson(json, io.github.koppel.core.model.Vacancy.class);
      ConflictException missing = assertThrows(ConflictException.class, () -> store.put(orphan));
      assertEquals(ConflictException.Reason.MISSING_REFERENCE, missing.reason());
      assertTrue(missing.getMessage().contains("org-none"), missing.getMessage());
      ConflictException referenced = assertThrows(ConflictException.class,
          () -> store.delete(Kind.ORGANISATION, v.organisationId()));
      assertEquals(ConflictException.Reason.STILL_REFERENCED, referenced.reason());
      ConflictException owner = assertThrows(ConflictException.class, () -> store.put(v, "org-someone-else"));
      assertEquals(ConflictException.Reason.NOT_OWNER, owner.reason());
      assertThrows(ConflictException.class, () -> store.delete(Kind.VACANCY, v.id(), "org-someone-else"));
      assertEquals(version, store.version(), "nothing refused was applied");
      store.put(v, v.organisationId());
      assertEquals(version + 1, store.version());
    }
  }
}
