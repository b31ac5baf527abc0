package io.github.koppel.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.server.store.Store;
import io.github.koppel.server.store.StoredKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import io.github.koppel.server.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Keys on a real embedded database: issued, checked, revoked, and never stored in the clear. */
class AccessKeysTest {
  private static final KoppelJson JSON = KoppelJson.create();

  @TempDir Path dir;

  static List<String> databases() {
    return TestDatabases.names();
  }

  private static Store open(TestDatabases.Database db) {
    return Store.open(db.url(), db.user(), db.password(), JSON);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anIssuedKeyAuthenticatesItsHolderUntilRevoked(String database) {
    try (Store store = open(TestDatabases.fresh(database, dir))) {
      AccessKeys keys = new AccessKeys(store);
      AccessKeys.Issued org = keys.issue(Role.ORGANISATION, "org-0001", "Het Nest, portal");
      AccessKeys.Issued staff = keys.issue(Role.COUNSELLOR, null, "counter, Ghent");
      assertEquals(Optional.of(new Principal(org.id(), Role.ORGANISATION, "org-0001")), keys.authenticate(org.key()));
      assertEquals(Optional.of(new Principal(staff.id(), Role.COUNSELLOR, null)), keys.authenticate(staff.key()));
      assertTrue(org.key().startsWith("koppel_" + org.id() + "_"), org.key());
      assertFalse(org.toString().contains(secretOf(org)), "toString prints no secret");

      // Another key's secret under this id, a changed character, a truncated key, none at all.
      String otherSecret = secretOf(staff);
      assertEquals(Optional.empty(), keys.authenticate("koppel_" + org.id() + "_" + otherSecret));
      String last = org.key().substring(org.key().length() - 1);
      assertEquals(Optional.empty(), keys.authenticate(org.key().substring(0, org.key().length() - 1) + (last.equals("A") ? "B" : "A")));
      assertEquals(Optional.empty(), keys.authenticate(org.key().substring(0, 20)));
      assertEquals(Optional.empty(), keys.authenticate(null));
      assertEquals(Optional.empty(), keys.authenticate("koppel_" + "x".repeat(AccessKeys.MAX_KEY_LENGTH)));

      assertTrue(keys.revoke(org.id()));
      assertFalse(keys.revoke(org.id()), "a revoked key stays revoked");
      assertFalse(keys.revoke("no-such-key"));
      assertEquals(Optional.empty(), keys.authenticate(org.key()));
      assertEquals(Optional.of(new Principal(staff.id(), Role.COUNSELLOR, null)), keys.authenticate(staff.key()));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aRevocationThroughOneProcessReachesAnotherOnReload(String database) {
    TestDatabases.Database db = TestDatabases.fresh(database, dir);
    try (Store one = open(db); Store two = open(db)) {
      AccessKeys first = new AccessKeys(one);
      AccessKeys.Issued key = first.issue(Role.VOLUNTEER, "vol-0001", "own profile");
      AccessKeys second = new AccessKeys(two);
      assertTrue(second.authenticate(key.key()).isPresent());
      first.revoke(key.id());
      second.reload();
      assertEquals(Optional.empty(), second.authenticate(key.key()));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theStoreHoldsNoSecret(String database) throws Exception {
    TestDatabases.Database db = TestDatabases.fresh(database, dir);
    AccessKeys.Issued key;
    try (Store store = open(db)) {
      key = new AccessKeys(store).issue(Role.MUNICIPALITY, null, "city hall");
    }
    String secret = secretOf(key);
    assertTrue(secret.length() >= 40, secret.length() + " characters");
    // Every column of the table, and the bytes of the database file.
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM api_keys")) {
      int columns = r.getMetaData().getColumnCount();
      assertTrue(r.next());
      for (int i = 1; i <= columns; i++) {
        String value = r.getString(i);
        assertFalse(value != null && value.contains(secret), r.getMetaData().getColumnName(i));
      }
    }
    if (database.equals("h2")) {
      String bytes = new String(Files.readAllBytes(dir.resolve("koppel.mv.db")), StandardCharsets.ISO_8859_1);
      assertFalse(bytes.contains(secret));
    }
  }

  /** The secret of a key: what follows "koppel_ID_"; it may hold '_' itself (base64url). */
  private static String secretOf(AccessKeys.Issued key) {
    return key.key().substring(("koppel_" + key.id() + "_").length());
  }

  @Test
  void aKeyMustFitItsRole() {
    try (Store store = open(TestDatabases.fresh("h2", dir))) {
      AccessKeys keys = new AccessKeys(store);
      IllegalArgumentException noSubject = assertThrows(IllegalArgumentException.class,
          () -> keys.issue(Role.ORGANISATION, null, "portal"));
      assertEquals("a key of role ORGANISATION needs a subject", noSubject.getMessage());
      IllegalArgumentException staff = assertThrows(IllegalArgumentException.class,
          () -> keys.issue(Role.COUNSELLOR, "org-0001", "counter"));
      assertEquals("a key of role COUNSELLOR has no subject: org-0001", staff.getMessage());
      IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
          () -> keys.issue(Role.MUNICIPALITY, null, " "));
      assertEquals("label must not be blank", label.getMessage());
      IllegalArgumentException longSubject = assertThrows(IllegalArgumentException.class,
          () -> keys.issue(Role.VOLUNTEER, "v".repeat(201), "own profile"));
      assertEquals("subject must have at most 200 characters: 201", longSubject.getMessage());
      assertTrue(keys.list().isEmpty(), "a refused key is not stored");
      assertThrows(IllegalArgumentException.class, () -> store.delete(io.github.koppel.server.store.Kind.KEY, "x"));
      StoredKey printed = new StoredKey("id", "MUNICIPALITY", null, "l", "ab".repeat(32), false);
      assertFalse(printed.toString().contains("abab"));
    }
  }
}
