package io.github.koppel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.allocation.AllocationMode;
import io.github.koppel.matching.allocation.AllocationSummary;
import io.github.koppel.matching.allocation.Allocations;
import io.github.koppel.matching.allocation.Allocator;
import io.github.koppel.matching.evaluation.Evaluator;
import io.github.koppel.matching.evaluation.SyntheticHistory;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The endpoints beside the rankings, per role, on a real server over a real database:
 * organisations, reading records, bulk import, allocation, evaluation, keys, and slow clients.
 */
class ServerEndpointsTest {
  private static final KoppelJson JSON = KoppelJson.create();
  private static final Dataset CITY = DemoCity.bundled();

  @TempDir Path dir;

  private KoppelServer server;
  private Http http;
  private String municipality;
  private String counsellor;
  private String organisation;
  private String volunteer;
  private Vacancy ownVacancy;
  private Organisation ownOrganisation;
  private Organisation otherOrganisation;
  private Volunteer ownVolunteer;

  static List<String> databases() {
    return TestDatabases.names();
  }

  private void start(String database, Duration idleTimeout) {
    TestDatabases.Database db = TestDatabases.fresh(database, dir);
    Store store = Store.open(db.url(), db.user(), db.password(), JSON);
    store.putAll(CITY);
    server = KoppelServer.start(new KoppelServer.Settings(store, JSON, DemoCity.REFERENCE_DATE, "127.0.0.1", 0)
        .withIdleTimeout(idleTimeout));
    http = new Http(server.port());
    ownVacancy = CITY.vacancies().get(0);
    ownOrganisation = CITY.organisationOf(ownVacancy);
    otherOrganisation = CITY.vacancies().stream().map(CITY::organisationOf)
        .filter(o -> !o.id().equals(ownOrganisation.id())).findFirst().orElseThrow();
    ownVolunteer = CITY.volunteers().get(0);
    municipality = server.keys().issue(Role.MUNICIPALITY, null, "city hall").key();
    counsellor = server.keys().issue(Role.COUNSELLOR, null, "counter").key();
    organisation = server.keys().issue(Role.ORGANISATION, ownOrganisation.id(), "portal").key();
    volunteer = server.keys().issue(Role.VOLUNTEER, ownVolunteer.id(), "own").key();
  }

  private void start(String database) {
    start(database, KoppelServer.Settings.DEFAULT_IDLE_TIMEOUT);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Organisation organisation(Organisation o, String id, String name) {
    return new Organisation(id, name, o.legalForm(), o.liabilityInsured(), o.sectors(), o.location(), o.inclusion(), o.youthWork());
  }

  /** The vacancy with another id, of another organisation. */
  private static Vacancy vacancy(Vacancy v, String id, String organisationId) {
    com.fasterxml.jackson.databind.node.ObjectNode tree;
    try {
      tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(JSON.toJson(v));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    tree.put("id", id);
    tree.put("organisationId", organisationId);
    return JSON.fromJson(tree.toString(), Vacancy.class);
  }

  private static void status(int expected, HttpResponse<String> r) {
    assertEquals(expected, r.statusCode(), r.body());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void organisationsAreReadByEveryoneAndWrittenByTheMunicipalityOrThemselves(String database) {
    start(database);
    String own = "/v1/organisations/" + ownOrganisation.id();
    for (String key : List.of(municipality, counsellor, organisation, volunteer)) {
      HttpResponse<String> r = http.get(own, key);
      status(200, r);
      assertEquals(JSON.toJsonDocument(ownOrganisation), r.body());
    }
    status(404, http.get("/v1/organisations/org-none", counsellor));
    Organisation renamed = organisation(ownOrganisation, ownOrganisation.id(), "Nieuwe naam vzw");
    status(200, http.send("PUT", own, organisation, JSON.toJson(renamed)));
    assertEquals("Nieuwe naam vzw", server.engine().dataset().organisation(ownOrganisation.id()).name());
    String other = "/v1/organisations/" + otherOrganisation.id();
    status(403, http.send("PUT", other, organisation, JSON.toJson(otherOrganisation)));
    status(403, http.send("PUT", own, counsellor, JSON.toJson(renamed)));
    status(403, http.send("PUT", own, volunteer, JSON.toJson(renamed)));
    // A new organisation, then its deletion; one with vacancies cannot go.
    Organisation fresh = organisation(ownOrganisation, "org-new", ownOrganisation.name());
    status(201, http.send("PUT", "/v1/organisations/org-new", municipality, JSON.toJson(fresh)));
    status(403, http.send("DELETE", "/v1/organisations/org-new", organisation, null));
    HttpResponse<String> conflict = http.send("DELETE", own, municipality, null);
    status(409, conflict);
    assertTrue(Http.tree(conflict).get("detail").asText().contains("vacanc"), conflict.body());
    assertNotNull(server.engine().dataset().organisation(ownOrganisation.id()), "nothing was deleted");
    long before = server.dataVersion();
    status(200, http.send("DELETE", "/v1/organisations/org-new", municipality, null));
    assertNull(server.engine().dataset().organisation("org-new"));
    assertEquals(before + 1, server.dataVersion());
    status(404, http.send("DELETE", "/v1/organisations/org-new", municipality, null));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aWholeProfileIsForTheMunicipalityAndTheVolunteerOnly(String database) {
    start(database);
    String path = "/v1/volunteers/" + ownVolunteer.id();
    for (String key : List.of(municipality, volunteer)) {
      HttpResponse<String> r = http.get(path, key);
      status(200, r);
      assertEquals(JSON.toJsonDocument(ownVolunteer), r.body());
    }
    // A counsellor and an organisation see volunteers through consent-aware rankings only.
    status(403, http.get(path, counsellor));
    status(403, http.get(path, organisation));
    status(403, http.get("/v1/volunteers/" + CITY.volunteers().get(1).id(), volunteer));
    status(404, http.get("/v1/volunteers/vol-none", municipality));
    for (String key : List.of(municipality, counsellor, organisation, volunteer)) {
      HttpResponse<String> r = http.get("/v1/vacancies/" + ownVacancy.id(), key);
      status(200, r);
      assertEquals(JSON.toJsonDocument(ownVacancy), r.body());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aJsonImportIsAllOrNothing(String database) throws Exception {
    start(database);
    Organisation org = organisation(ownOrganisation, "org-import", ownOrganisation.name());
    Vacancy vac = vacancy(ownVacancy, "vac-import", "org-import");
    Volunteer vol = ownVolunteer.toBuilder().id("vol-import").build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeDataset(Dataset.of(List.of(org), List.of(vac), List.of(vol)), out);
    status(403, http.send("POST", "/v1/imports", counsellor, out.toByteArray(), "application/json"));
    status(403, http.send("POST", "/v1/imports", organisation, out.toByteArray(), "application/json"));
    HttpResponse<String> r = http.send("POST", "/v1/imports", municipality, out.toByteArray(), "application/json");
    status(200, r);
    JsonNode body = Http.tree(r);
    assertEquals(1, body.get("organisations").asInt());
    assertEquals(1, body.get("vacancies").asInt());
    assertEquals(1, body.get("volunteers").asInt());
    assertEquals(server.dataVersion(), body.get("dataVersion").asLong());
    assertEquals(vac, server.engine().dataset().vacancy("vac-import"));
    assertEquals(vol, server.engine().dataset().volunteer("vol-import"));
    // A vacancy of an unknown organisation: refused whole, with where it was read.
    long before = server.dataVersion();
    ByteArrayOutputStream bad = new ByteArrayOutputStream();
    JSON.writeDataset(Dataset.of(List.of(organisation(org, "org-2", org.name())),
        List.of(vacancy(vac, "vac-2", "org-2")), List.of()), bad);
    String broken = bad.toString(StandardCharsets.UTF_8).replace("\"organisationId\" : \"org-2\"", "\"organisationId\" : \"org-missing\"")
        .replace("\"organisationId\":\"org-2\"", "\"organisationId\":\"org-missing\"");
    assertTrue(broken.contains("org-missing"), broken);
    HttpResponse<String> refused = http.send("POST", "/v1/imports", municipality, broken.getBytes(StandardCharsets.UTF_8), "application/json");
    status(400, refused);
    assertEquals("invalid-data", Http.tree(refused).get("type").asText().replaceAll(".*problem-", ""));
    assertTrue(refused.body().contains("org-missing"), refused.body());
    assertEquals(before, server.dataVersion());
    assertNull(server.engine().dataset().organisation("org-2"), "nothing of the refused import is held");
    status(415, http.send("POST", "/v1/imports", municipality, "x".getBytes(StandardCharsets.UTF_8), "text/plain"));
    HttpResponse<String> csvParameter = http.send("POST", "/v1/imports?kind=volunteers", municipality, out.toByteArray(),
        "application/json");
    status(400, csvParameter);
    assertEquals("kind", Http.tree(csvParameter).get("parameter").asText());
    assertEquals("kind and charset are for CSV; a JSON import is a whole dataset document",
        Http.tree(csvParameter).get("detail").asText());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aCsvImportInWindows1252KeepsEveryLetter(String database) throws Exception {
    start(database);
    Volunteer named = ownVolunteer.toBuilder().id("vol-csv").displayName("Zoë Ağaoğlu-Françoise").build();
    // Windows-1252 holds ë and ç but not ğ: the Excel export keeps what it can hold.
    Volunteer excel = named.toBuilder().displayName("Zoë Françoise").build();
    StringWriter text = new StringWriter();
    KoppelCsv.create().withSeparator(';').writeVolunteers(List.of(excel), text);
    byte[] cp1252 = text.toString().getBytes(Charset.forName("windows-1252"));
    HttpResponse<String> r = http.send("POST", "/v1/imports?kind=volunteers", municipality, cp1252, "text/csv");
    status(200, r);
    assertEquals(1, Http.tree(r).get("volunteers").asInt());
    assertEquals("Zoë Françoise", server.engine().dataset().volunteer("vol-csv").displayName());
    // The same file read as UTF-8 on request is not UTF-8: refused with its line, nothing kept.
    long before = server.dataVersion();
    HttpResponse<String> forced = http.send("POST", "/v1/imports?kind=volunteers&charset=UTF-8", municipality,
        text.toString().replace("vol-csv", "vol-csv-2").getBytes(Charset.forName("windows-1252")), "text/csv");
    status(400, forced);
    JsonNode problem = Http.tree(forced);
    assertTrue(problem.get("detail").asText().contains("UTF-8"), forced.body());
    assertEquals(2, problem.get("line").asInt(), forced.body());
    assertEquals(before, server.dataVersion());
    HttpResponse<String> noKind = http.send("POST", "/v1/imports", municipality, cp1252, "text/csv");
    status(400, noKind);
    assertEquals("kind", Http.tree(noKind).get("parameter").asText());
    HttpResponse<String> badKind = http.send("POST", "/v1/imports?kind=people", municipality, cp1252, "text/csv");
    status(400, badKind);
    assertEquals("people", Http.tree(badKind).get("value").asText());
    HttpResponse<String> badCharset = http.send("POST", "/v1/imports?kind=volunteers&charset=klingon", municipality, cp1252, "text/csv");
    status(400, badCharset);
    assertEquals("charset", Http.tree(badCharset).get("parameter").asText());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aPostcodeAloneIsPlacedWithTheServersPostcodeTable(String database) {
    // As a counter has it: Dutch headers, a postcode and no coordinates.
    byte[] counter = "id;naam;postcode\nvol-ghent;Jan Peeters;9000\n".getBytes(Charset.forName("windows-1252"));
    start(database);
    HttpResponse<String> unknown = http.send("POST", "/v1/imports?kind=volunteers", municipality, counter, "text/csv");
    status(400, unknown);
    assertEquals("9000", Http.tree(unknown).get("value").asText(), unknown.body());
    assertEquals("row 1, column postcode", Http.tree(unknown).get("path").asText());
    server.close();
    // The same server with a GeoNames postal code table (koppel serve --postcodes BE.txt).
    KoppelJson placing = JSON.withGeocoder(io.github.koppel.core.geo.Gazetteer.readGeoNames(new java.io.StringReader(
        "BE\t9000\tGent\tVlaanderen\tVLG\tOost-Vlaanderen\tVOV\tGent\t44021\t51.0543\t3.7174\t4\n"), "BE.txt"));
    TestDatabases.Database db = TestDatabases.fresh(database, dir);
    Store store = Store.open(db.url(), db.user(), db.password(), placing);
    store.putAll(CITY);
    server = KoppelServer.start(new KoppelServer.Settings(store, placing, DemoCity.REFERENCE_DATE, "127.0.0.1", 0));
    http = new Http(server.port());
    String key = server.keys().issue(Role.MUNICIPALITY, null, "m").key();
    status(200, http.send("POST", "/v1/imports?kind=volunteers", key, counter, "text/csv"));
    Volunteer placed = server.engine().dataset().volunteer("vol-ghent");
    assertEquals("9000", placed.home().postcode());
    assertTrue(placed.home().approximate(), "a postcode's centre is approximate");
    HttpResponse<String> ranked = http.get("/v1/volunteers/vol-ghent/vacancies?k=3", key);
    status(200, ranked);
    assertEquals(JSON.toJsonDocument(server.engine().rankVacancies("vol-ghent", 3, Audience.COUNSELLOR)), ranked.body());
    // The JSON form takes the postcode alone too.
    status(201, http.send("PUT", "/v1/volunteers/vol-json", key, "{\"id\": \"vol-json\", \"home\": {\"postcode\": \"9000\"}}"));
    assertEquals(placed.home(), server.engine().dataset().volunteer("vol-json").home());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void allocationIsTheLibrarysForStaffOnly(String database) {
    start(database);
    HttpResponse<String> r = http.send("POST", "/v1/allocations?mode=stable", counsellor, null);
    status(200, r);
    MatchEngine engine = server.engine();
    String expected = JSON.toJsonDocument(AllocationSummary.of(
        Allocator.allocate(Allocations.problem(engine, MatchPolicies.volunteerWishes(), List.of()), AllocationMode.STABLE_VOLUNTEERS_PROPOSE),
        Audience.COUNSELLOR));
    assertEquals(expected, r.body());
    status(403, http.send("POST", "/v1/allocations", organisation, null));
    status(403, http.send("POST", "/v1/allocations", volunteer, null));
    HttpResponse<String> badMode = http.send("POST", "/v1/allocations?mode=best", municipality, null);
    status(400, badMode);
    assertEquals("mode", Http.tree(badMode).get("parameter").asText());
    assertEquals("the mode must be optimal, stable, stable-vacancies or greedy: \"best\"",
        Http.tree(badMode).get("detail").asText());
    HttpResponse<String> badTeam = http.send("POST", "/v1/allocations", municipality,
        "{\"teams\": [{\"id\": \"t1\", \"members\": [\"vol-none\", \"" + CITY.volunteers().get(1).id() + "\"]}]}");
    status(400, badTeam);
    assertTrue(badTeam.body().contains("vol-none"), badTeam.body());
    HttpResponse<String> unknownField = http.send("POST", "/v1/allocations", municipality, "{\"team\": []}");
    status(400, unknownField);
    assertEquals("team", Http.tree(unknownField).get("parameter").asText());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void evaluationIsTheLibrarysForTheMunicipalityOnly(String database) throws Exception {
    start(database);
    MatchEngine engine = server.engine();
    History history = SyntheticHistory.generate(engine, 0.3, 7);
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    JSON.writeHistory(history, h);
    String body = "{\"policies\": [\"volunteer-wishes\"], \"history\": " + h.toString(StandardCharsets.UTF_8) + "}";
    HttpResponse<String> r = http.send("POST", "/v1/evaluations?k=5", municipality, body);
    status(200, r);
    JsonNode e = Http.tree(r).get("evaluations").get(0);
    var expected = Evaluator.of(engine.dataset(), history, DemoCity.REFERENCE_DATE).evaluate(MatchPolicies.volunteerWishes(), 5);
    assertEquals(expected.policy(), e.get("policy").asText());
    assertEquals(expected.mean("ndcg"), e.get("ndcg").asDouble());
    assertEquals(expected.mean("recall"), e.get("recall").asDouble());
    assertEquals(expected.volunteerIds().size(), e.get("queries").asInt());
    status(403, http.send("POST", "/v1/evaluations", counsellor, body));
    HttpResponse<String> badPolicy = http.send("POST", "/v1/evaluations", municipality, "{\"policies\": [\"best\"]}");
    status(400, badPolicy);
    assertEquals("policies[0]", Http.tree(badPolicy).get("parameter").asText());
    HttpResponse<String> k0 = http.send("POST", "/v1/evaluations?k=0", municipality, body);
    status(400, k0);
    assertEquals("an evaluation needs k of at least 1", Http.tree(k0).get("detail").asText());
    // A history that names a volunteer the store does not hold: a 4xx naming it, never a 500.
    String stranger = body.replace("\"" + history.events().get(0).volunteerId() + "\"", "\"vol-stranger\"");
    HttpResponse<String> unknown = http.send("POST", "/v1/evaluations", municipality, stranger);
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("vol-stranger"), unknown.body());
    ByteArrayOutputStream none = new ByteArrayOutputStream();
    JSON.writeHistory(History.of(List.of()), none);
    HttpResponse<String> empty = http.send("POST", "/v1/evaluations", municipality,
        "{\"history\": " + none.toString(StandardCharsets.UTF_8) + "}");
    status(422, empty);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void keysAreManagedByTheMunicipalityAndARevokedKeyIsRefusedAtOnce(String database) {
    start(database);
    HttpResponse<String> list = http.get("/v1/keys", municipality);
    status(200, list);
    assertEquals(4, Http.tree(list).get("keys").size());
    assertFalse(list.body().contains("hash"), "no hash leaves the server");
    for (io.github.koppel.server.store.StoredKey k : server.keys().list()) {
      assertFalse(list.body().contains(k.hash()), "no stored hash value leaves the server");
    }
    for (String key : List.of(counsellor, organisation, volunteer)) {
      status(403, http.get("/v1/keys", key));
      status(403, http.send("POST", "/v1/keys", key, "{\"role\": \"municipality\", \"label\": \"more\"}"));
    }
    HttpResponse<String> issued = http.send("POST", "/v1/keys", municipality,
        "{\"role\": \"organisation\", \"subject\": \"" + otherOrganisation.id() + "\", \"label\": \"their portal\"}");
    status(201, issued);
    assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElse(""));
    String key = Http.tree(issued).get("key").asText();
    String id = Http.tree(issued).get("id").asText();
    Vacancy theirs = CITY.vacancies().stream().filter(v -> v.organisationId().equals(otherOrganisation.id())).findFirst().orElseThrow();
    status(200, http.get("/v1/vacancies/" + theirs.id() + "/volunteers?k=2", key));
    status(403, http.get("/v1/vacancies/" + ownVacancy.id() + "/volunteers?k=2", key));
    status(403, http.send("DELETE", "/v1/keys/" + id, key, null));
    HttpResponse<String> revoked = http.send("DELETE", "/v1/keys/" + id, municipality, null);
    status(200, revoked);
    assertFalse(Http.tree(revoked).get("alreadyRevoked").asBoolean());
    status(401, http.get("/v1/vacancies/" + theirs.id() + "/volunteers?k=2", key));
    assertTrue(Http.tree(http.send("DELETE", "/v1/keys/" + id, municipality, null)).get("alreadyRevoked").asBoolean());
    status(404, http.send("DELETE", "/v1/keys/nokey", municipality, null));
    String ownId = municipality.split("_")[1];
    status(409, http.send("DELETE", "/v1/keys/" + ownId, municipality, null));
    HttpResponse<String> noSubject = http.send("POST", "/v1/keys", municipality, "{\"role\": \"volunteer\", \"label\": \"x\"}");
    status(400, noSubject);
    assertEquals("subject", Http.tree(noSubject).get("parameter").asText());
    HttpResponse<String> unknown = http.send("POST", "/v1/keys", municipality,
        "{\"role\": \"volunteer\", \"subject\": \"vol-none\", \"label\": \"x\"}");
    status(400, unknown);
    assertTrue(unknown.body().contains("vol-none"), unknown.body());
    HttpResponse<String> badRole = http.send("POST", "/v1/keys", municipality, "{\"role\": \"mayor\", \"label\": \"x\"}");
    status(400, badRole);
    assertEquals("mayor", Http.tree(badRole).get("value").asText());
    HttpResponse<String> blank = http.send("POST", "/v1/keys", municipality, "{\"role\": \"counsellor\", \"label\": \" \"}");
    status(400, blank);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aVolunteerCannotCertifyThemselvesAndTheirKeyGoesWithThem(String database) {
    start(database);
    String path = "/v1/volunteers/" + ownVolunteer.id();
    Volunteer certified = ownVolunteer.toBuilder().backgroundCheckDate(DemoCity.REFERENCE_DATE.minusDays(3)).build();
    HttpResponse<String> refused = http.send("PUT", path, volunteer, JSON.toJson(certified));
    status(403, refused);
    assertFalse(refused.body().contains(DemoCity.REFERENCE_DATE.minusDays(3).toString()), "the sensitive value is not repeated");
    assertEquals(ownVolunteer, server.engine().dataset().volunteer(ownVolunteer.id()));
    // Staff record it; the volunteer may then send their profile back with the same date.
    status(200, http.send("PUT", path, counsellor, JSON.toJson(certified)));
    Volunteer edited = certified.toBuilder().displayName("Own words").build();
    status(200, http.send("PUT", path, volunteer, JSON.toJson(edited)));
    // Deleted, the volunteer's key is revoked: an id used again later is someone else.
    status(200, http.send("DELETE", path, municipality, null));
    status(401, http.get(path, volunteer));
    status(201, http.send("PUT", path, municipality, JSON.toJson(ownVolunteer)));
    status(401, http.get(path, volunteer));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBodyThatIsNotUtf8IsRefusedNotReplaced(String database) {
    start(database);
    byte[] latin1 = ("{\"id\": \"" + ownVolunteer.id() + "\", \"displayName\": \"Zo\u00eb\"}")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> r = http.send("PUT", "/v1/volunteers/" + ownVolunteer.id(), municipality, latin1, "application/json");
    status(400, r);
    assertTrue(Http.tree(r).get("detail").asText().contains("UTF-8"), r.body());
    status(400, http.send("POST", "/v1/allocations", municipality, latin1, "application/json"));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anotherProcessesWriteCountsInTheStoresCheck(String database) throws Exception {
    // This server follows only once an hour: its engine is stale on purpose.
    TestDatabases.Database db = TestDatabases.fresh(database, dir);
    Store store = Store.open(db.url(), db.user(), db.password(), JSON);
    store.putAll(CITY);
    server = KoppelServer.start(new KoppelServer.Settings(store, JSON, DemoCity.REFERENCE_DATE, "127.0.0.1", 0)
        .withFollowInterval(Duration.ofHours(1)));
    http = new Http(server.port());
    String key = server.keys().issue(Role.MUNICIPALITY, null, "m").key();
    Organisation empty = organisation(CITY.organisations().get(0), "org-empty", "Leeg");
    status(201, http.send("PUT", "/v1/organisations/org-empty", key, JSON.toJson(empty)));
    Vacancy theirs = CITY.vacancies().get(0);
    Organisation another = CITY.vacancies().stream().map(CITY::organisationOf)
        .filter(o -> !o.id().equals(theirs.organisationId())).findFirst().orElseThrow();
    String owner = server.keys().issue(Role.ORGANISATION, theirs.organisationId(), "o").key();
    try (Store other = Store.open(db.url(), db.user(), db.password(), JSON)) {
      // Another process deletes the organisation and hands the vacancy to another owner.
      other.delete(io.github.koppel.server.store.Kind.ORGANISATION, "org-empty");
      other.put(vacancy(theirs, theirs.id(), another.id()));
    }
    // This server still holds both as they were; the store's check refuses both writes.
    HttpResponse<String> orphan = http.send("PUT", "/v1/vacancies/vac-orphan", key,
        JSON.toJson(vacancy(theirs, "vac-orphan", "org-empty")));
    status(409, orphan);
    assertTrue(orphan.body().contains("org-empty"), orphan.body());
    status(403, http.send("PUT", "/v1/vacancies/" + theirs.id(), owner, JSON.toJson(theirs)));
    // The server follows; it holds the store's content, and nothing refused is there.
    server.followNow();
    assertNull(server.engine().dataset().vacancy("vac-orphan"));
    assertNull(server.engine().dataset().organisation("org-empty"));
    assertEquals(another.id(), server.engine().dataset().vacancy(theirs.id()).organisationId());
  }

  @Test
  void aClientThatStopsSendingIsDisconnectedAndTheServerStaysUp() throws Exception {
    start("h2", Duration.ofMillis(500));
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      // Half a request line, then nothing.
      out.write("GET /v1/vacancies/".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readAllBytes();
      String text = new String(answer, StandardCharsets.US_ASCII);
      // Closed by the server: with nothing, or with a 408 before closing.
      assertTrue(answer.length == 0 || text.startsWith("HTTP/1.1 408"), text);
    }
    status(200, http.get("/health", null));
  }

  @Test
  void aBodyTrickledSlowerThanTheMinimumRateIsCutOff() throws Exception {
    start("h2", Duration.ofSeconds(30));
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("PUT /v1/volunteers/" + ownVolunteer.id() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + municipality + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // 20 bytes a second, far below the minimum of 1 KiB a second, though never idle.
      long start = System.nanoTime();
      boolean cut = false;
      try {
        for (int i = 0; i < 300 && !cut; i++) {
          out.write("{\"id\":\"vol\", \"x\": 1}".substring(0, 4).getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread.sleep(200);
          cut = socket.getInputStream().available() > 0;
        }
      } catch (java.io.IOException e) {
        cut = true;
      }
      assertTrue(cut, "the server still reads a trickle after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
    status(200, http.get("/health", null));
    assertEquals(ownVolunteer, server.engine().dataset().volunteer(ownVolunteer.id()), "nothing was applied");
  }
}
