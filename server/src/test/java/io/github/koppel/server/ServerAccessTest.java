package io.github.koppel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.Ranking;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server on loopback, a real HTTP client and the demo city in a real database: what each
 * role may read and write, and that nobody raises their audience or reads another's candidates.
 */
class ServerAccessTest {
  private static final KoppelJson JSON = KoppelJson.create();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Dataset CITY = DemoCity.bundled();

  @TempDir Path dir;

  private KoppelServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private String municipality;
  private String counsellor;
  private String organisation;
  private String volunteer;
  private Vacancy ownVacancy;
  private Vacancy otherVacancy;
  private Volunteer ownVolunteer;

  static List<String> databases() {
    return TestDatabases.names();
  }

  private void start(String database) {
    start(database, RateLimit.DEFAULT);
  }

  private void start(String database, RateLimit limit) {
    TestDatabases.Database db = TestDatabases.fresh(database, dir);
    Store store = Store.open(db.url(), db.user(), db.password(), JSON);
    store.putAll(CITY);
    server = KoppelServer.start(new KoppelServer.Settings(store, JSON, DemoCity.REFERENCE_DATE, "127.0.0.1", 0, limit));
    ownVacancy = CITY.vacancies().get(0);
    otherVacancy = CITY.vacancies().stream()
        .filter(v -> !v.organisationId().equals(ownVacancy.organisationId())).findFirst().orElseThrow();
    ownVolunteer = CITY.volunteers().get(0);
    municipality = server.keys().issue(Role.MUNICIPALITY, null, "city hall").key();
    counsellor = server.keys().issue(Role.COUNSELLOR, null, "counter").key();
    organisation = server.keys().issue(Role.ORGANISATION, ownVacancy.organisationId(), "portal").key();
    volunteer = server.keys().issue(Role.VOLUNTEER, ownVolunteer.id(), "own").key();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String key, String body) {
    return new Http(server.port()).send(method, path, key, body);
  }

  private HttpResponse<String> get(String path, String key) {
    return send("GET", path, key, null);
  }

  private static JsonNode tree(HttpResponse<String> r) {
    return Http.tree(r);
  }

  /**
   * A request refused before its body is read (a counsellor's evaluation, an organisation's
   * import) still gets its answer when the body is large, again and again on one client: not a
   * reset connection instead of the 403.
   */
  @Test
  void aRefusedLargeBodyGetsItsAnswerNotAReset() {
    start("h2");
    String large = "{\"history\": {\"schemaVersion\": 1, \"events\": [" + "{},".repeat(400_000) + "{}]}}";
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> refused = send("POST", "/v1/evaluations", counsellor, large);
      assertEquals(403, refused.statusCode(), refused.body());
      assertEquals(403, send("POST", "/v1/imports", organisation, large).statusCode());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void rankingsAreTheLibrarysInTheAudienceOfTheRole(String database) throws Exception {
    start(database);
    String path = "/v1/vacancies/" + ownVacancy.id() + "/volunteers?k=5";
    HttpResponse<String> staff = get(path, counsellor);
    assertEquals(200, staff.statusCode(), staff.body());
    assertEquals(JSON.toJsonDocument(server.engine().rankVolunteers(ownVacancy.id(), 5, Audience.COUNSELLOR)), staff.body());
    HttpResponse<String> org = get(path, organisation);
    assertEquals(200, org.statusCode(), org.body());
    assertEquals(JSON.toJsonDocument(server.engine().rankVolunteers(ownVacancy.id(), 5, Audience.ORGANISATION)), org.body());
    // The organisation cannot ask for more than its audience: no parameter raises it.
    assertEquals(org.body(), get(path + "&audience=COUNSELLOR", organisation).body());
    HttpResponse<String> own = get("/v1/volunteers/" + ownVolunteer.id() + "/vacancies?k=3", volunteer);
    assertEquals(200, own.statusCode(), own.body());
    assertEquals(JSON.toJsonDocument(server.engine().rankVacancies(ownVolunteer.id(), 3, Audience.VOLUNTEER)), own.body());
    assertEquals(Long.toString(server.dataVersion()), own.headers().firstValue("Koppel-Data-Version").orElseThrow());
  }

  @Test
  void aVisitorIsRankedAsTheLibraryRanksThemAndNeverStored() throws Exception {
    start("h2");
    Volunteer visitor = CITY.volunteers().get(2).toBuilder().id("visitor-at-the-counter").build();
    long version = server.dataVersion();
    HttpResponse<String> r = send("POST", "/v1/visitors/vacancies?k=4", counsellor, JSON.toJson(visitor));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(JSON.toJsonDocument(server.engine().rankVacancies(visitor, 4, Audience.COUNSELLOR)), r.body());
    assertEquals(null, server.engine().dataset().volunteer(visitor.id()), "a visitor is not stored");
    assertEquals(version, server.dataVersion());
    assertEquals(403, send("POST", "/v1/visitors/vacancies", organisation, JSON.toJson(visitor)).statusCode());
    assertEquals(403, send("POST", "/v1/visitors/vacancies", volunteer, JSON.toJson(visitor)).statusCode());
  }

  @Test
  void anExplanationIsTheLibrarysInTheAudienceOfTheRole() throws Exception {
    start("h2");
    String pair = "/v1/volunteers/" + ownVolunteer.id() + "/vacancies/" + ownVacancy.id() + "/explanation";
    HttpResponse<String> staff = get(pair, counsellor);
    assertEquals(200, staff.statusCode(), staff.body());
    assertEquals(JSON.toJsonDocument(server.engine().explain(ownVolunteer.id(), ownVacancy.id(), Audience.COUNSELLOR)), staff.body());
    // An organisation, for a candidate its ranking shows.
    String candidate = server.engine().rankVolunteers(ownVacancy.id(), 1, Audience.ORGANISATION)
        .matches().get(0).explanation().volunteerId();
    HttpResponse<String> org = get("/v1/volunteers/" + candidate + "/vacancies/" + ownVacancy.id() + "/explanation", organisation);
    assertEquals(200, org.statusCode(), org.body());
    assertEquals(JSON.toJsonDocument(server.engine().explain(candidate, ownVacancy.id(), Audience.ORGANISATION)), org.body());
    assertEquals(JSON.toJsonDocument(server.engine().explain(ownVolunteer.id(), ownVacancy.id(), Audience.VOLUNTEER)),
        get(pair, volunteer).body());
    assertEquals(403, get("/v1/volunteers/" + ownVolunteer.id() + "/vacancies/" + otherVacancy.id() + "/explanation",
        organisation).statusCode(), "another organisation's vacancy");
    assertEquals(403, get("/v1/volunteers/" + CITY.volunteers().get(1).id() + "/vacancies/" + ownVacancy.id() + "/explanation",
        volunteer).statusCode(), "another volunteer's match");
  }

  /**
   * The organisation plays attacker: it asks for the explanation of every volunteer id it can
   * think of for its vacancy. It gets one exactly for the candidates its ranking shows; every other
   * id, of a volunteer held back unseen by a sensitive gate, of any other volunteer, or of nobody,
   * gets the same refusal, so the answers tell nothing the ranking did not.
   */
  @Test
  void anOrganisationExplainsOnlyTheCandidatesItsRankingShows() throws Exception {
    start("h2", new RateLimit(10_000, 10_000));
    Ranking shown = server.engine().rankVolunteers(ownVacancy.id(), KoppelServer.MAX_K, Audience.ORGANISATION);
    java.util.Set<String> visible = new java.util.TreeSet<>();
    shown.matches().forEach(m -> visible.add(m.explanation().volunteerId()));
    shown.nearMisses().forEach(m -> visible.add(m.explanation().volunteerId()));
    java.util.List<String> probes = new java.util.ArrayList<>(visible);
    CITY.volunteers().stream().map(Volunteer::id).filter(id -> !visible.contains(id)).limit(150).forEach(probes::add);
    probes.add("vol-nobody");
    assertTrue(probes.size() > visible.size() + 100, "the probe includes volunteers the ranking does not show");
    java.util.Set<String> explained = new java.util.TreeSet<>();
    java.util.Set<String> refusals = new java.util.TreeSet<>();
    for (String id : probes) {
      HttpResponse<String> r = get("/v1/volunteers/" + id + "/vacancies/" + ownVacancy.id() + "/explanation", organisation);
      if (r.statusCode() == 200) {
        explained.add(id);
      } else {
        refusals.add(r.statusCode() + " " + tree(r).get("detail").asText());
      }
    }
    assertEquals(visible, explained);
    assertEquals(java.util.Set.of("403 an organisation reads the explanations of the candidates its ranking shows only"), refusals);
  }

  @Test
  void eachRoleReadsOnlyWhatItMay() throws Exception {
    start("h2");
    String other = "/v1/vacancies/" + otherVacancy.id() + "/volunteers";
    assertEquals(403, get(other, organisation).statusCode(), "another organisation's candidates");
    assertEquals(403, get("/v1/vacancies/" + ownVacancy.id() + "/volunteers", volunteer).statusCode());
    assertEquals(403, get("/v1/volunteers/" + CITY.volunteers().get(1).id() + "/vacancies", volunteer).statusCode());
    assertEquals(403, get("/v1/volunteers/" + ownVolunteer.id() + "/vacancies", organisation).statusCode());
    assertEquals(200, get(other, municipality).statusCode());
    HttpResponse<String> forbidden = get(other, organisation);
    assertEquals("application/problem+json", forbidden.headers().firstValue("Content-Type").orElseThrow());
    JsonNode problem = tree(forbidden);
    assertEquals(403, problem.get("status").asInt());
    assertEquals("an organisation sees the candidates of its own vacancies only", problem.get("detail").asText());
    assertEquals(other, problem.get("instance").asText());
  }

  @Test
  void withoutAValidKeyNothingIsAnswered() throws Exception {
    start("h2");
    String path = "/v1/vacancies/" + ownVacancy.id() + "/volunteers";
    HttpResponse<String> none = get(path, null);
    assertEquals(401, none.statusCode());
    assertEquals("Bearer realm=\"koppel\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertEquals("the request carries no key: send Authorization: Bearer <key>", tree(none).get("detail").asText());
    assertEquals(401, get(path, organisation + "x").statusCode());
    String revoked = server.keys().issue(Role.COUNSELLOR, null, "a counsellor who left").key();
    assertEquals(200, get(path, revoked).statusCode());
    server.keys().revoke(revoked.split("_")[1]);
    HttpResponse<String> after = get(path, revoked);
    assertEquals(401, after.statusCode());
    assertEquals("the key is not valid or was revoked", tree(after).get("detail").asText());
    assertEquals(401, send("PUT", "/v1/volunteers/" + ownVolunteer.id(), revoked, JSON.toJson(ownVolunteer)).statusCode());
    HttpResponse<String> health = get("/health", null);
    assertEquals(200, health.statusCode());
    assertEquals(server.dataVersion(), tree(health).get("dataVersion").asLong());
  }

  @Test
  void aChangeIsDurableAndServedAtOnce() throws Exception {
    start("h2");
    Volunteer changed = ownVolunteer.toBuilder().displayName("Amal B.").build();
    long before = server.dataVersion();
    HttpResponse<String> put = send("PUT", "/v1/volunteers/" + ownVolunteer.id(), volunteer, JSON.toJson(changed));
    assertEquals(200, put.statusCode(), put.body());
    // Later in the log than what the engine held (the keys issued since are changes too).
    assertTrue(tree(put).get("dataVersion").asLong() > before);
    assertEquals(tree(put).get("dataVersion").asLong(), server.dataVersion());
    assertEquals(changed, server.engine().dataset().volunteer(ownVolunteer.id()));
    Volunteer created = CITY.volunteers().get(5).toBuilder().id("vol-new-1").build();
    assertEquals(201, send("PUT", "/v1/volunteers/vol-new-1", counsellor, JSON.toJson(created)).statusCode());
    assertEquals(403, send("PUT", "/v1/volunteers/vol-new-2", volunteer,
        JSON.toJson(created.toBuilder().id("vol-new-2").build())).statusCode(), "another volunteer's profile");
    assertEquals(403, send("PUT", "/v1/volunteers/vol-new-1", organisation, JSON.toJson(created)).statusCode());
    assertEquals(200, send("DELETE", "/v1/volunteers/vol-new-1", counsellor, null).statusCode());
    assertEquals(404, send("DELETE", "/v1/volunteers/vol-new-1", counsellor, null).statusCode());

    // An organisation writes its own vacancies, never another's, and cannot move one to itself.
    Vacancy renamed = ownVacancy.toBuilder().id(ownVacancy.id()).build();
    assertEquals(200, send("PUT", "/v1/vacancies/" + ownVacancy.id(), organisation, JSON.toJson(renamed)).statusCode());
    com.fasterxml.jackson.databind.node.ObjectNode taken =
        (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(JSON.toJson(otherVacancy));
    taken.put("organisationId", ownVacancy.organisationId());
    assertEquals(403, send("PUT", "/v1/vacancies/" + otherVacancy.id(), organisation, MAPPER.writeValueAsString(taken)).statusCode());
    assertEquals(403, send("DELETE", "/v1/vacancies/" + otherVacancy.id(), organisation, null).statusCode());
    assertEquals(403, send("PUT", "/v1/vacancies/" + ownVacancy.id(), counsellor, JSON.toJson(renamed)).statusCode());

    // What was acknowledged is in the store: a new server on the same database serves it.
    long version = server.dataVersion();
    server.close();
    Store again = Store.open(Store.embedded(dir.resolve("koppel")), null, null, JSON);
    server = KoppelServer.start(new KoppelServer.Settings(again, JSON, DemoCity.REFERENCE_DATE, "127.0.0.1", 0));
    // Keys issued since count in the log too: at least the version acknowledged.
    assertTrue(server.dataVersion() >= version, server.dataVersion() + " < " + version);
    assertEquals(changed, server.engine().dataset().volunteer(ownVolunteer.id()));
    assertEquals(null, server.engine().dataset().volunteer("vol-new-1"));
  }

  @Test
  void aKeyBeyondItsRateIsToldToWait() throws Exception {
    Store store = Store.open(Store.embedded(dir.resolve("limited")), null, null, JSON);
    store.putAll(CITY);
    // Three at once, then one a minute: the fourth request within the test is refused.
    server = KoppelServer.start(new KoppelServer.Settings(
        store, JSON, DemoCity.REFERENCE_DATE, "127.0.0.1", 0, new RateLimit(1 / 60.0, 3)));
    String busy = server.keys().issue(Role.COUNSELLOR, null, "busy").key();
    String other = server.keys().issue(Role.COUNSELLOR, null, "other").key();
    String path = "/v1/volunteers/" + CITY.volunteers().get(0).id() + "/vacancies?k=1";
    for (int i = 0; i < 3; i++) {
      assertEquals(200, get(path, busy).statusCode(), "request " + (i + 1));
    }
    HttpResponse<String> refused = get(path, busy);
    assertEquals(429, refused.statusCode());
    long wait = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(wait >= 1 && wait <= 60, "Retry-After " + wait);
    assertEquals("rate-limited", tree(refused).get("type").asText().replaceAll(".*problem-", ""));
    assertEquals(200, get(path, other).statusCode(), "another key has its own bucket");
    assertEquals(200, get("/health", null).statusCode());
    IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, 3));
    assertEquals("perSecond must be a positive number: 0.0", bad.getMessage());
    assertEquals("burst must be >= 1: 0",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, 0)).getMessage());
  }

  @Test
  void badRequestsAreProblemDocuments() throws Exception {
    start("h2");
    String path = "/v1/vacancies/" + ownVacancy.id() + "/volunteers?k=";
    for (String k : List.of("1001", "-1", "ten", "99999999999999999999")) {
      HttpResponse<String> r = get(path + k, counsellor);
      assertEquals(400, r.statusCode(), k);
      JsonNode p = tree(r);
      assertEquals("k", p.get("parameter").asText());
      assertEquals(k, p.get("value").asText());
    }
    assertEquals("k must be in [0, 1000]: 1001", tree(get(path + "1001", counsellor)).get("detail").asText());
    HttpResponse<String> unknown = get("/v1/vacancies/vac-none/volunteers", counsellor);
    assertEquals(404, unknown.statusCode());
    assertEquals("no vacancy has the id vac-none", tree(unknown).get("detail").asText());

    String bad = JSON.toJson(ownVolunteer).replace("\"nl\"", "\"xx-unknown\"");
    HttpResponse<String> invalid = send("PUT", "/v1/volunteers/" + ownVolunteer.id(), counsellor, bad);
    assertEquals(400, invalid.statusCode(), invalid.body());
    JsonNode p = tree(invalid);
    assertEquals("request body", p.get("source").asText());
    assertTrue(p.get("path").asText().startsWith("$."), p.get("path").asText());
    HttpResponse<String> deep = send("PUT", "/v1/volunteers/" + ownVolunteer.id(), counsellor,
        "{\"id\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
    assertEquals(400, deep.statusCode(), "100,000 levels of nesting");
    assertTrue(tree(deep).get("type").asText().endsWith("problem-invalid-data"), deep.body());
    HttpResponse<String> deepTop = send("PUT", "/v1/volunteers/" + ownVolunteer.id(), counsellor,
        "[".repeat(200_000) + "]".repeat(200_000));
    assertEquals(400, deepTop.statusCode(), "200,000 levels of nesting at the top");
    assertEquals(200, get("/health", null).statusCode(), "the server is still up");
    HttpResponse<String> broken = send("PUT", "/v1/volunteers/" + ownVolunteer.id(), counsellor, "{\"id\":");
    assertEquals(400, broken.statusCode(), broken.body());
    HttpResponse<String> mismatch = send("PUT", "/v1/volunteers/vol-other", counsellor, JSON.toJson(ownVolunteer));
    assertEquals(400, mismatch.statusCode());
    assertEquals("id", tree(mismatch).get("parameter").asText());
    HttpResponse<String> text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
            + "/v1/volunteers/" + ownVolunteer.id())).header("Authorization", "Bearer " + counsellor)
        .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("hello")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(415, text.statusCode());
    String huge = "{\"id\":\"" + "x".repeat((int) KoppelServer.MAX_BODY_BYTES) + "\"}";
    HttpResponse<String> tooBig = send("PUT", "/v1/volunteers/" + ownVolunteer.id(), counsellor, huge);
    assertEquals(413, tooBig.statusCode());
    assertEquals("the body is larger than the limit of 1 MiB", tree(tooBig).get("detail").asText());
    assertEquals(404, get("/v1/nothing", counsellor).statusCode());
    assertFalse(server.engine().dataset().volunteers().isEmpty(), "nothing was lost");
  }
}
