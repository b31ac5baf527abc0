package io.github.koppel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Store;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description against the implementation: a real server answers requests to every
 * operation it describes, with statuses it lists, and every body is validated against the schema
 * the description gives for that operation, status and content type.
 */
class OpenApiTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final KoppelJson JSON = KoppelJson.create();
  private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  /** The JSON Schemas of the library's documents, as docs/schemas publishes them. */
  private static final Path LIBRARY_SCHEMAS = Path.of("..", "docs", "schemas");
  private static final String LIBRARY_SCHEMA_URL = "https://github.com/koppel/koppel/blob/main/docs/schemas/";

  @TempDir Path dir;

  private final Set<String> exercised = new TreeSet<>();
  private JsonNode api;
  private KoppelServer server;

  @Test
  void everyOperationAnswersAsDescribed() throws Exception {
    Dataset city = DemoCity.bundled();
    Store store = Store.open(Store.embedded(dir.resolve("koppel")), null, null, JSON);
    store.putAll(city);
    server = KoppelServer.start(new KoppelServer.Settings(store, JSON, DemoCity.REFERENCE_DATE, "127.0.0.1", 0));
    try {
      HttpResponse<String> served = send("GET", "/openapi.json", "/openapi.json", null, null);
      api = MAPPER.readTree(served.body());
      assertEquals("3.1.0", api.get("openapi").asText());
      assertEquals(new String(KoppelServer.OPENAPI, StandardCharsets.UTF_8), served.body());

      Vacancy vacancy = city.vacancies().get(0);
      Volunteer volunteer = city.volunteers().get(0);
      String staff = server.keys().issue(Role.MUNICIPALITY, null, "test").key();
      String org = server.keys().issue(Role.ORGANISATION, vacancy.organisationId(), "test").key();
      String vacancies = "/v1/volunteers/{id}/vacancies";
      String volunteers = "/v1/vacancies/{id}/volunteers";
      send("GET", "/health", "/health", null, null);
      send("GET", volunteers, "/v1/vacancies/" + vacancy.id() + "/volunteers?k=3", staff, null);
      send("GET", volunteers, "/v1/vacancies/" + vacancy.id() + "/volunteers?k=3", org, null);
      send("GET", volunteers, "/v1/vacancies/" + vacancy.id() + "/volunteers?k=5000", staff, null);
      send("GET", volunteers, "/v1/vacancies/" + vacancy.id() + "/volunteers", null, null);
      send("GET", volunteers, "/v1/vacancies/vac-none/volunteers", staff, null);
      send("GET", vacancies, "/v1/volunteers/" + volunteer.id() + "/vacancies?k=2", staff, null);
      send("GET", vacancies, "/v1/volunteers/" + volunteer.id() + "/vacancies", org, null);
      String comeBack = "/v1/volunteers/{id}/come-back";
      HttpResponse<String> back = send("GET", comeBack, "/v1/volunteers/vol-0003/come-back?k=3", staff, null);
      assertEquals(java.util.List.of("vac-0174", "vac-0354"),
          MAPPER.readTree(back.body()).get("leftOut").findValues("vacancyId").stream().map(JsonNode::asText).distinct().toList());
      send("GET", comeBack, "/v1/volunteers/vol-0003/come-back", org, null);
      send("GET", comeBack, "/v1/volunteers/vol-none/come-back", staff, null);
      String vacancyAlerts = "/v1/vacancies/{id}/alerts";
      HttpResponse<String> alerts = send("GET", vacancyAlerts, "/v1/vacancies/" + vacancy.id() + "/alerts?threshold=0.3&limit=5", staff, null);
      assertTrue(MAPPER.readTree(alerts.body()).get("alerts").size() > 0, alerts.body());
      send("GET", vacancyAlerts, "/v1/vacancies/" + vacancy.id() + "/alerts", org, null);
      send("GET", vacancyAlerts, "/v1/vacancies/" + vacancy.id() + "/alerts?threshold=2", staff, null);
      send("GET", vacancyAlerts, "/v1/vacancies/" + vacancy.id() + "/alerts?limit=many", staff, null);
      send("GET", vacancyAlerts, "/v1/vacancies/vac-none/alerts", staff, null);
      String volunteerAlerts = "/v1/volunteers/{id}/alerts";
      send("GET", volunteerAlerts, "/v1/volunteers/" + volunteer.id() + "/alerts?threshold=0.2", staff, null);
      send("GET", volunteerAlerts, "/v1/volunteers/" + volunteer.id() + "/alerts", org, null);
      send("GET", volunteerAlerts, "/v1/volunteers/vol-none/alerts", staff, null);
      String visitor = JSON.toJson(volunteer.toBuilder().id("visitor-1").build());
      send("POST", "/v1/visitors/vacancies", "/v1/visitors/vacancies?k=3", staff, visitor);
      send("POST", "/v1/visitors/vacancies", "/v1/visitors/vacancies?k=3", org, visitor);
      send("POST", "/v1/visitors/vacancies", "/v1/visitors/vacancies", staff, "[]");
      String explanation = "/v1/volunteers/{volunteerId}/vacancies/{vacancyId}/explanation";
      send("GET", explanation, "/v1/volunteers/" + volunteer.id() + "/vacancies/" + vacancy.id() + "/explanation", staff, null);
      String candidate = server.engine().rankVolunteers(vacancy.id(), 1, io.github.koppel.matching.Audience.ORGANISATION)
          .matches().get(0).explanation().volunteerId();
      send("GET", explanation, "/v1/volunteers/" + candidate + "/vacancies/" + vacancy.id() + "/explanation", org, null);
      send("GET", explanation, "/v1/volunteers/vol-none/vacancies/" + vacancy.id() + "/explanation", org, null);
      send("GET", explanation, "/v1/volunteers/vol-none/vacancies/" + vacancy.id() + "/explanation", staff, null);
      String volunteerPath = "/v1/volunteers/{id}";
      send("PUT", volunteerPath, "/v1/volunteers/" + volunteer.id(), staff, JSON.toJson(volunteer));
      send("PUT", volunteerPath, "/v1/volunteers/vol-new", staff, JSON.toJson(volunteer.toBuilder().id("vol-new").build()));
      send("PUT", volunteerPath, "/v1/volunteers/vol-new", staff, "{\"id\": \"vol-new\", \"languages\": 3}");
      send("DELETE", volunteerPath, "/v1/volunteers/vol-new", staff, null);
      send("DELETE", volunteerPath, "/v1/volunteers/vol-new", staff, null);
      String vacancyPath = "/v1/vacancies/{id}";
      send("PUT", vacancyPath, "/v1/vacancies/" + vacancy.id(), org, JSON.toJson(vacancy));
      send("PUT", vacancyPath, "/v1/vacancies/vac-new", staff, JSON.toJson(vacancy.toBuilder().id("vac-new").build()));
      send("DELETE", vacancyPath, "/v1/vacancies/vac-new", org, null);
      send("DELETE", vacancyPath, "/v1/vacancies/vac-new", staff, null);

      String orgPath = "/v1/organisations/{id}";
      io.github.koppel.core.model.Organisation own = city.organisationOf(vacancy);
      send("GET", orgPath, "/v1/organisations/" + own.id(), org, null);
      send("GET", orgPath, "/v1/organisations/org-none", org, null);
      send("PUT", orgPath, "/v1/organisations/" + own.id(), org, JSON.toJson(own));
      io.github.koppel.core.model.Organisation fresh = new io.github.koppel.core.model.Organisation("org-new", "Nieuw",
          own.legalForm(), own.liabilityInsured(), own.sectors(), own.location(), own.inclusion(), own.youthWork());
      send("PUT", orgPath, "/v1/organisations/org-new", staff, JSON.toJson(fresh));
      send("PUT", orgPath, "/v1/organisations/org-new", org, JSON.toJson(fresh));
      send("DELETE", orgPath, "/v1/organisations/" + own.id(), staff, null);
      send("DELETE", orgPath, "/v1/organisations/org-new", staff, null);
      send("GET", vacancyPath, "/v1/vacancies/" + vacancy.id(), org, null);
      send("GET", volunteerPath, "/v1/volunteers/" + volunteer.id(), staff, null);
      send("GET", volunteerPath, "/v1/volunteers/" + volunteer.id(), org, null);
      java.io.ByteArrayOutputStream dataset = new java.io.ByteArrayOutputStream();
      JSON.writeDataset(Dataset.of(java.util.List.of(), java.util.List.of(), java.util.List.of(volunteer.toBuilder().id("vol-imported").build())), dataset);
      send("POST", "/v1/imports", "/v1/imports", staff, dataset.toString(StandardCharsets.UTF_8));
      sendBytes("POST", "/v1/imports", "/v1/imports?kind=volunteers", staff, "id;display_name\nvol-csv;Zo\u00eb\n"
          .getBytes(java.nio.charset.Charset.forName("windows-1252")), "text/csv");
      sendBytes("POST", "/v1/imports", "/v1/imports?kind=volunteers", staff, "id\nvol-csv\nvol-csv\n".getBytes(StandardCharsets.UTF_8), "text/csv");
      sendBytes("POST", "/v1/imports", "/v1/imports", staff, "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
      send("POST", "/v1/imports", "/v1/imports", org, dataset.toString(StandardCharsets.UTF_8));
      send("POST", "/v1/allocations", "/v1/allocations?mode=greedy", staff, null);
      send("POST", "/v1/allocations", "/v1/allocations?mode=best", staff, null);
      send("POST", "/v1/allocations", "/v1/allocations", org, null);
      io.github.koppel.core.model.History history =
          io.github.koppel.matching.evaluation.SyntheticHistory.generate(server.engine(), 0.3, 3);
      java.io.ByteArrayOutputStream h = new java.io.ByteArrayOutputStream();
      JSON.writeHistory(history, h);
      send("POST", "/v1/evaluations", "/v1/evaluations?k=3", staff, "{\"history\": " + h.toString(StandardCharsets.UTF_8) + "}");
      java.io.ByteArrayOutputStream none = new java.io.ByteArrayOutputStream();
      JSON.writeHistory(io.github.koppel.core.model.History.of(java.util.List.of()), none);
      send("POST", "/v1/evaluations", "/v1/evaluations", staff, "{\"history\": " + none.toString(StandardCharsets.UTF_8) + "}");
      send("POST", "/v1/evaluations", "/v1/evaluations", org, null);
      send("GET", "/v1/keys", "/v1/keys", staff, null);
      send("GET", "/v1/keys", "/v1/keys", org, null);
      HttpResponse<String> issued = send("POST", "/v1/keys", "/v1/keys", staff, "{\"role\": \"counsellor\", \"label\": \"counter 2\"}");
      send("POST", "/v1/keys", "/v1/keys", staff, "{\"role\": \"counsellor\", \"subject\": \"x\", \"label\": \"counter 2\"}");
      String issuedId = MAPPER.readTree(issued.body()).get("id").asText();
      send("DELETE", "/v1/keys/{id}", "/v1/keys/" + issuedId, staff, null);
      send("DELETE", "/v1/keys/{id}", "/v1/keys/nokey", staff, null);
      send("DELETE", "/v1/keys/{id}", "/v1/keys/" + staff.split("_")[1], staff, null);

      Set<String> described = new TreeSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        path.getValue().fieldNames().forEachRemaining(m -> described.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()));
      }
      assertEquals(described, exercised, "every described operation is exercised, and nothing else");
    } finally {
      server.close();
    }
  }

  /** Sends a request and validates the response against the description of its operation. */
  private HttpResponse<String> send(String method, String template, String path, String key, String body) throws Exception {
    return sendBytes(method, template, path, key, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        body == null ? null : "application/json");
  }

  private HttpResponse<String> sendBytes(String method, String template, String path, String key, byte[] body,
      String contentType) throws Exception {
    HttpResponse<String> r = new Http(server.port()).send(method, path, key, body, contentType);
    exercised.add(method + " " + template);
    if (api == null) {
      return r;
    }
    String where = method + " " + path + " -> " + r.statusCode() + ": " + r.body();
    JsonNode operation = api.get("paths").get(template).get(method.toLowerCase(java.util.Locale.ROOT));
    assertNotNull(operation, where);
    JsonNode response = resolve(operation.get("responses").get(Integer.toString(r.statusCode())));
    assertNotNull(response, "a status the description does not list: " + where);
    JsonNode content = response.get("content");
    if (content == null) {
      return r;
    }
    String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    JsonNode media = content.get(type);
    assertNotNull(media, "a content type the description does not list: " + type + " for " + where);
    Set<ValidationMessage> errors = schema(media.get("schema")).validate(MAPPER.readTree(r.body()));
    assertTrue(errors.isEmpty(), errors + " for " + where);
    return r;
  }

  private JsonNode resolve(JsonNode node) {
    if (node == null || !node.has("$ref") || !node.get("$ref").asText().startsWith("#/")) {
      return node;
    }
    return resolve(api.at(node.get("$ref").asText().substring(1)));
  }

  private com.networknt.schema.JsonSchema schema(JsonNode node) throws Exception {
    JsonNode resolved = resolve(node);
    String ref = resolved.has("$ref") ? resolved.get("$ref").asText() : "";
    if (ref.startsWith(LIBRARY_SCHEMA_URL)) {
      return SCHEMAS.getSchema(Files.readString(LIBRARY_SCHEMAS.resolve(ref.substring(LIBRARY_SCHEMA_URL.length()))));
    }
    return SCHEMAS.getSchema(resolved);
  }
}
