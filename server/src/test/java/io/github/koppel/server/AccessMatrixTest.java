package io.github.koppel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Store;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint with every role, a revoked key and no key: the status each gets, as the role
 * table of docs/server.md says. "Own" is the key's own organisation or volunteer, "other"
 * another one's. A record that a row deletes is put back before the next role asks, so that
 * every role meets the same data.
 */
class AccessMatrixTest {
  private static final KoppelJson JSON = KoppelJson.create();
  private static final Dataset CITY = DemoCity.bundled();
  private static final Vacancy OWN_VACANCY = CITY.vacancies().get(0);
  private static final Organisation OWN_ORG = CITY.organisationOf(OWN_VACANCY);
  private static final Vacancy OTHER_VACANCY = CITY.vacancies().stream()
      .filter(v -> !v.organisationId().equals(OWN_ORG.id())).findFirst().orElseThrow();
  private static final Organisation OTHER_ORG = CITY.organisationOf(OTHER_VACANCY);
  private static final Volunteer OWN_VOLUNTEER = CITY.volunteers().get(0);
  private static final Volunteer OTHER_VOLUNTEER = CITY.volunteers().get(1);

  @TempDir Path dir;

  private KoppelServer server;
  private Http http;
  private final List<String> keys = new ArrayList<>();

  /** One request and the status for municipality, counsellor, organisation, volunteer, revoked, none. */
  record Row(String method, String path, String body, int municipality, int counsellor, int organisation,
      int volunteer) {}

  @BeforeEach
  void start() {
    Store store = Store.open(Store.embedded(dir.resolve("koppel")), null, null, JSON);
    store.putAll(CITY);
    server = KoppelServer.start(new KoppelServer.Settings(store, JSON, DemoCity.REFERENCE_DATE, "127.0.0.1", 0,
        new RateLimit(100_000, 200_000)));
    http = new Http(server.port());
    keys.add(server.keys().issue(Role.MUNICIPALITY, null, "m").key());
    keys.add(server.keys().issue(Role.COUNSELLOR, null, "c").key());
    keys.add(server.keys().issue(Role.ORGANISATION, OWN_ORG.id(), "o").key());
    keys.add(server.keys().issue(Role.VOLUNTEER, OWN_VOLUNTEER.id(), "v").key());
    AccessKeysHolder.revoked = server.keys().issue(Role.MUNICIPALITY, null, "revoked");
    server.keys().revoke(AccessKeysHolder.revoked.id());
  }

  /** The revoked key of the running server. */
  private static final class AccessKeysHolder {
    static io.github.koppel.server.access.AccessKeys.Issued revoked;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static List<Row> rows() {
    String ownVac = "/v1/vacancies/" + OWN_VACANCY.id();
    String otherVac = "/v1/vacancies/" + OTHER_VACANCY.id();
    String ownVol = "/v1/volunteers/" + OWN_VOLUNTEER.id();
    String otherVol = "/v1/volunteers/" + OTHER_VOLUNTEER.id();
    String ownOrg = "/v1/organisations/" + OWN_ORG.id();
    String otherOrg = "/v1/organisations/" + OTHER_ORG.id();
    String visitor = JSON.toJson(OWN_VOLUNTEER.toBuilder().id("visitor").build());
    return List.of(
        new Row("GET", ownOrg, null, 200, 200, 200, 200),
        new Row("PUT", ownOrg, JSON.toJson(OWN_ORG), 200, 403, 200, 403),
        new Row("PUT", otherOrg, JSON.toJson(OTHER_ORG), 200, 403, 403, 403),
        new Row("DELETE", otherOrg, null, 409, 403, 403, 403),
        new Row("GET", ownVac, null, 200, 200, 200, 200),
        new Row("PUT", ownVac, JSON.toJson(OWN_VACANCY), 200, 403, 200, 403),
        new Row("PUT", otherVac, JSON.toJson(OTHER_VACANCY), 200, 403, 403, 403),
        new Row("DELETE", otherVac, null, 200, 403, 403, 403),
        new Row("DELETE", ownVac, null, 200, 403, 200, 403),
        new Row("GET", ownVol, null, 200, 403, 403, 200),
        new Row("GET", otherVol, null, 200, 403, 403, 403),
        new Row("PUT", ownVol, JSON.toJson(OWN_VOLUNTEER), 200, 200, 403, 200),
        new Row("PUT", otherVol, JSON.toJson(OTHER_VOLUNTEER), 200, 200, 403, 403),
        new Row("DELETE", otherVol, null, 200, 200, 403, 403),
        new Row("DELETE", ownVol, null, 200, 200, 403, 200),
        new Row("POST", "/v1/imports", "{\"schemaVersion\": 1, \"organisations\": [], \"vacancies\": [], \"volunteers\": []}",
            200, 403, 403, 403),
        new Row("GET", ownVac + "/volunteers?k=3", null, 200, 200, 200, 403),
        new Row("GET", otherVac + "/volunteers?k=3", null, 200, 200, 403, 403),
        new Row("GET", ownVol + "/vacancies?k=3", null, 200, 200, 403, 200),
        new Row("GET", otherVol + "/vacancies?k=3", null, 200, 200, 403, 403),
        new Row("GET", ownVol + "/come-back?k=3", null, 200, 200, 403, 200),
        new Row("GET", otherVol + "/come-back?k=3", null, 200, 200, 403, 403),
        new Row("GET", ownVac + "/alerts?limit=3", null, 200, 200, 200, 403),
        new Row("GET", otherVac + "/alerts?limit=3", null, 200, 200, 403, 403),
        new Row("GET", ownVol + "/alerts?limit=3", null, 200, 200, 403, 200),
        new Row("GET", otherVol + "/alerts?limit=3", null, 200, 200, 403, 403),
        new Row("POST", "/v1/visitors/vacancies?k=3", visitor, 200, 200, 403, 403),
        new Row("GET", ownVol + "/vacancies/" + OTHER_VACANCY.id() + "/explanation", null, 200, 200, 403, 200),
        new Row("GET", otherVol + "/vacancies/" + OWN_VACANCY.id() + "/explanation", null, 200, 200, 403, 403),
        new Row("POST", "/v1/allocations?mode=greedy", null, 200, 200, 403, 403),
        new Row("POST", "/v1/evaluations", null, 200, 403, 403, 403),
        new Row("GET", "/v1/keys", null, 200, 403, 403, 403),
        new Row("POST", "/v1/keys", "{\"role\": \"counsellor\", \"label\": \"x\"}", 201, 403, 403, 403),
        new Row("DELETE", "/v1/keys/nokey", null, 404, 403, 403, 403));
  }

  /** Puts back the record a deletion removed. */
  private void restore(String path) {
    String id = path.substring(path.lastIndexOf('/') + 1);
    String body = path.startsWith("/v1/vacancies/") ? JSON.toJson(CITY.vacancy(id)) : JSON.toJson(CITY.volunteer(id));
    assertEquals(201, http.send("PUT", path, keys.get(0), body).statusCode(), path);
    if (id.equals(OWN_VOLUNTEER.id())) {
      // Deleting a volunteer revokes their keys: the next role gets a new one.
      keys.set(3, server.keys().issue(Role.VOLUNTEER, OWN_VOLUNTEER.id(), "v again").key());
    }
  }

  @Test
  void everyEndpointAnswersEveryRoleAsTheRoleTableSays() throws Exception {
    List<String> wrong = new ArrayList<>();
    List<Row> rows = rows();
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      int[] expected = {row.municipality(), row.counsellor(), row.organisation(), row.volunteer()};
      for (int role = 0; role < 4; role++) {
        HttpResponse<String> answer = http.send(row.method(), row.path(), keys.get(role), row.body());
        if (row.method().equals("DELETE") && answer.statusCode() == 200) {
          restore(row.path());
        }
        if (answer.statusCode() != expected[role]) {
          wrong.add(row.method() + " " + row.path() + " as " + Role.values()[role] + ": " + answer.statusCode()
              + " instead of " + expected[role] + " " + answer.body());
        }
      }
      // A revoked key and no key at all are refused before anything else.
      assertEquals(401, http.send(row.method(), row.path(), AccessKeysHolder.revoked.key(), row.body()).statusCode());
      assertEquals(401, http.send(row.method(), row.path(), null, row.body()).statusCode());
    }
    assertEquals(List.of(), wrong);
  }
}
