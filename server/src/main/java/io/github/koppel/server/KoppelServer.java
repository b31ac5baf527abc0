package io.github.koppel.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.Ranking;
import io.github.koppel.server.access.AccessKeys;
import io.github.koppel.server.access.Principal;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Change;
import io.github.koppel.server.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Koppel engine over HTTP/JSON: an adapter in which every request maps to one library call.
 * A request carries its key as {@code Authorization: Bearer koppel_...}; the key's role decides
 * what it may see and in which audience, and the client cannot choose a stronger one. Errors are
 * RFC 9457 problem documents. A change is durable in the store before its 2xx.
 *
 * <p>Endpoints, described in OpenAPI 3.1 at {@code /openapi.json}: {@code GET /health}; {@code GET
 * /v1/vacancies/{id}/volunteers?k=} (an
 * organisation: only its own vacancies, always in its audience); {@code GET
 * /v1/volunteers/{id}/vacancies?k=} (a volunteer: only their own); {@code POST
 * /v1/visitors/vacancies?k=} (a visitor in the body, never stored: staff only); {@code GET
 * /v1/volunteers/{volunteerId}/vacancies/{vacancyId}/explanation}; {@code PUT} and {@code DELETE}
 * of {@code /v1/volunteers/{id}} and {@code /v1/vacancies/{id}}.
 */
public final class KoppelServer implements AutoCloseable {
  /** The most matches a ranking may ask for. */
  public static final int MAX_K = 1_000;

  /** The largest request body accepted, in bytes. */
  public static final long MAX_BODY_BYTES = 1 << 20;

  private static final String PRINCIPAL = "koppel.principal";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KoppelServer.class);

  /** The OpenAPI 3.1 description of the endpoints, served at {@code /openapi.json}. */
  static final byte[] OPENAPI = openApi();

  private static byte[] openApi() {
    try (java.io.InputStream in = KoppelServer.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("the server's openapi.json is missing from its jar");
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the server's openapi.json", e);
    }
  }

  private final Store store;
  private final AccessKeys keys;
  private final Engines engines;
  private final KoppelJson json;
  private final ObjectMapper problems = new ObjectMapper();
  private final Javalin app;
  private final RateLimit.Buckets buckets;

  /**
   * What a server needs.
   *
   * @param store the store, which the server closes with itself
   * @param json reads and writes the records, with the vocabularies
   * @param date the day of matching
   * @param host the address to listen on, such as {@code 127.0.0.1}
   * @param port the port, 0 for any free one
   * @param rateLimit the limit on each key's requests
   */
  public record Settings(Store store, KoppelJson json, LocalDate date, String host, int port, RateLimit rateLimit) {
    /** Settings. */
    public Settings {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(rateLimit, "rateLimit");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
      }
    }

    /**
     * Settings with {@link RateLimit#DEFAULT}.
     *
     * @param store the store, which the server closes with itself
     * @param json reads and writes the records, with the vocabularies
     * @param date the day of matching
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     */
    public Settings(Store store, KoppelJson json, LocalDate date, String host, int port) {
      this(store, json, date, host, port, RateLimit.DEFAULT);
    }
  }

  private KoppelServer(Settings settings) {
    this.store = settings.store();
    this.json = settings.json();
    this.keys = new AccessKeys(store);
    this.buckets = new RateLimit.Buckets(settings.rateLimit());
    LocalDate date = settings.date();
    this.engines = new Engines(store, (Dataset d) -> MatchEngine.builder(d)
        .date(date)
        .strategy(MatchEngine.Strategy.COMPILED)
        .build());
    this.app = Javalin.create(config -> {
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.startup.showJavalinBanner = false;
      config.routes.before(this::authenticate);
      config.routes.get("/health", this::health);
      config.routes.get("/openapi.json", ctx -> ctx.status(200).contentType("application/json").result(OPENAPI));
      config.routes.get("/v1/vacancies/{id}/volunteers", this::volunteersForVacancy);
      config.routes.get("/v1/volunteers/{id}/vacancies", this::vacanciesForVolunteer);
      config.routes.post("/v1/visitors/vacancies", this::vacanciesForVisitor);
      config.routes.get("/v1/volunteers/{volunteerId}/vacancies/{vacancyId}/explanation", this::explain);
      config.routes.put("/v1/volunteers/{id}", this::putVolunteer);
      config.routes.delete("/v1/volunteers/{id}", this::deleteVolunteer);
      config.routes.put("/v1/vacancies/{id}", this::putVacancy);
      config.routes.delete("/v1/vacancies/{id}", this::deleteVacancy);
      config.routes.exception(Problem.class, (e, ctx) -> problem(ctx, e));
      config.routes.exception(InvalidDataException.class, (e, ctx) -> problem(ctx, Problem.invalidData(e)));
      config.routes.exception(NoSuchElementException.class,
          (e, ctx) -> problem(ctx, Problem.of(404, "not-found", "Not found", e.getMessage())));
      config.routes.exception(Exception.class, (e, ctx) -> {
        // The operator needs the cause; the client gets no internals.
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        problem(ctx, Problem.of(500, "internal", "Internal error", "the server failed; the request was not applied"));
      });
      config.routes.error(404, "*", ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          problem(ctx, Problem.of(404, "not-found", "Not found", "no endpoint " + ctx.method() + " " + ctx.path()));
        }
      });
    });
  }

  /**
   * Starts a server: builds the engine from the store, then listens.
   *
   * @param settings the settings
   * @return the running server
   */
  public static KoppelServer start(Settings settings) {
    Objects.requireNonNull(settings, "settings");
    KoppelServer server = new KoppelServer(settings);
    server.app.start();
    return server;
  }

  /** Returns the port the server listens on. */
  public int port() {
    return app.port();
  }

  /** Returns the server's keys, to issue and revoke. */
  public AccessKeys keys() {
    return keys;
  }

  /** Returns the data version the server answers from. */
  public long dataVersion() {
    return engines.current().version();
  }

  /** Returns the engine the server answers from now, as the library would answer. */
  public MatchEngine engine() {
    return engines.current().engine();
  }

  @Override
  public void close() {
    app.stop();
    store.close();
  }

  // ---- Access

  private void authenticate(Context ctx) {
    if (ctx.path().equals("/health") || ctx.path().equals("/openapi.json")) {
      return;
    }
    String header = ctx.header("Authorization");
    String key = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()).strip() : null;
    Optional<Principal> principal = keys.authenticate(key);
    if (principal.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"koppel\"");
      throw Problem.of(401, "unauthorized", "Unauthorized",
          key == null ? "the request carries no key: send Authorization: Bearer <key>" : "the key is not valid or was revoked");
    }
    java.time.Duration wait = buckets.take(principal.get().keyId(), System.nanoTime());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      throw Problem.of(429, "rate-limited", "Too many requests",
          "this key made more requests than its limit; retry after " + seconds + " s");
    }
    ctx.attribute(PRINCIPAL, principal.get());
  }

  private static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("a request reached a handler without a principal");
    }
    return p;
  }

  private static Problem forbidden(String detail) {
    return Problem.of(403, "forbidden", "Forbidden", detail);
  }

  /** The audience of a role: the server sets it, the client cannot raise it. */
  private static Audience audience(Role role) {
    return switch (role) {
      case MUNICIPALITY, COUNSELLOR -> Audience.COUNSELLOR;
      case ORGANISATION -> Audience.ORGANISATION;
      case VOLUNTEER -> Audience.VOLUNTEER;
    };
  }

  // ---- Handlers

  private void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "UP");
    body.put("dataVersion", engines.current().version());
    write(ctx, 200, body);
  }

  private void volunteersForVacancy(Context ctx) {
    Principal p = principal(ctx);
    int k = k(ctx);
    Engines.Live live = engines.current();
    String id = ctx.pathParam("id");
    Vacancy vacancy = live.engine().dataset().vacancy(id);
    if (vacancy == null) {
      throw new NoSuchElementException("no vacancy has the id " + id);
    }
    switch (p.role()) {
      case MUNICIPALITY, COUNSELLOR -> { }
      case ORGANISATION -> {
        if (!vacancy.organisationId().equals(p.subject())) {
          throw forbidden("an organisation sees the candidates of its own vacancies only");
        }
      }
      case VOLUNTEER -> throw forbidden("a volunteer cannot rank volunteers");
    }
    Ranking ranking = live.engine().rankVolunteers(id, k, audience(p.role()));
    ranked(ctx, ranking, live.version());
  }

  private void vacanciesForVolunteer(Context ctx) {
    Principal p = principal(ctx);
    int k = k(ctx);
    Engines.Live live = engines.current();
    String id = ctx.pathParam("id");
    switch (p.role()) {
      case MUNICIPALITY, COUNSELLOR -> { }
      case VOLUNTEER -> {
        if (!id.equals(p.subject())) {
          throw forbidden("a volunteer sees their own rankings only");
        }
      }
      case ORGANISATION -> throw forbidden("an organisation cannot rank a volunteer's vacancies");
    }
    if (live.engine().dataset().volunteer(id) == null) {
      throw new NoSuchElementException("no volunteer has the id " + id);
    }
    Ranking ranking = live.engine().rankVacancies(id, k, audience(p.role()));
    ranked(ctx, ranking, live.version());
  }

  /** A visitor at the counter, sent in the request and never stored: staff only. */
  private void vacanciesForVisitor(Context ctx) {
    Principal p = principal(ctx);
    if (p.role() != Role.MUNICIPALITY && p.role() != Role.COUNSELLOR) {
      throw forbidden("only counter staff rank vacancies for a visitor");
    }
    int k = k(ctx);
    Volunteer visitor = body(ctx, Volunteer.class);
    Engines.Live live = engines.current();
    ranked(ctx, live.engine().rankVacancies(visitor, k, audience(p.role())), live.version());
  }

  /**
   * Why a pair matches or not: staff for every pair, a volunteer for their own, an organisation
   * for its own vacancies, in its audience.
   */
  private void explain(Context ctx) {
    Principal p = principal(ctx);
    Engines.Live live = engines.current();
    String volunteerId = ctx.pathParam("volunteerId");
    String vacancyId = ctx.pathParam("vacancyId");
    Vacancy vacancy = live.engine().dataset().vacancy(vacancyId);
    if (vacancy == null) {
      throw new NoSuchElementException("no vacancy has the id " + vacancyId);
    }
    switch (p.role()) {
      case MUNICIPALITY, COUNSELLOR -> { }
      case VOLUNTEER -> {
        if (!volunteerId.equals(p.subject())) {
          throw forbidden("a volunteer reads the explanations of their own matches only");
        }
      }
      case ORGANISATION -> {
        if (!vacancy.organisationId().equals(p.subject())) {
          throw forbidden("an organisation reads the explanations of its own vacancies only");
        }
        // Only a candidate its own ranking shows: an explanation of anyone else would tell a
        // volunteer held back by a sensitive gate (unseen in the ranking) from one who is not,
        // and whether an id exists. The same answer for every other id, known or not.
        if (!shownToOrganisation(live.engine(), vacancyId, volunteerId)) {
          throw forbidden("an organisation reads the explanations of the candidates its ranking shows only");
        }
      }
    }
    if (live.engine().dataset().volunteer(volunteerId) == null) {
      throw new NoSuchElementException("no volunteer has the id " + volunteerId);
    }
    ctx.header("Koppel-Data-Version", Long.toString(live.version()));
    ctx.status(200).contentType("application/json")
        .result(json.toJsonDocument(live.engine().explain(volunteerId, vacancyId, audience(p.role()))));
  }

  /** Whether the organisation's ranking of a vacancy, as long as it may ask, shows a volunteer. */
  private static boolean shownToOrganisation(MatchEngine engine, String vacancyId, String volunteerId) {
    Ranking ranking = engine.rankVolunteers(vacancyId, MAX_K, Audience.ORGANISATION);
    return ranking.matches().stream().anyMatch(m -> m.explanation().volunteerId().equals(volunteerId))
        || ranking.nearMisses().stream().anyMatch(m -> m.explanation().volunteerId().equals(volunteerId));
  }

  private void putVolunteer(Context ctx) {
    Principal p = principal(ctx);
    String id = ctx.pathParam("id");
    mayWriteVolunteer(p, id);
    Volunteer volunteer = body(ctx, Volunteer.class);
    samePathId(volunteer.id(), id);
    boolean existed = engines.current().engine().dataset().volunteer(id) != null;
    changed(ctx, existed ? 200 : 201, engines.put(volunteer));
  }

  private void deleteVolunteer(Context ctx) {
    Principal p = principal(ctx);
    String id = ctx.pathParam("id");
    mayWriteVolunteer(p, id);
    changed(ctx, 200, engines.deleteVolunteer(id));
  }

  /** Staff write every volunteer, a volunteer their own profile, an organisation none. */
  private static void mayWriteVolunteer(Principal p, String id) {
    if (p.role() == Role.ORGANISATION) {
      throw forbidden("an organisation cannot write a volunteer");
    }
    if (p.role() == Role.VOLUNTEER && !id.equals(p.subject())) {
      throw forbidden("a volunteer writes their own profile only");
    }
  }

  /** A body must be the record its path names. */
  private static void samePathId(String bodyId, String pathId) {
    if (!bodyId.equals(pathId)) {
      throw Problem.badParameter("id", bodyId, "the body's id " + InvalidDataException.printable(bodyId)
          + " is not the path's " + InvalidDataException.printable(pathId));
    }
  }

  private void putVacancy(Context ctx) {
    Principal p = principal(ctx);
    String id = ctx.pathParam("id");
    Vacancy vacancy = body(ctx, Vacancy.class);
    samePathId(vacancy.id(), id);
    Vacancy existing = engines.current().engine().dataset().vacancy(id);
    mayWriteVacancy(p, vacancy.organisationId(), existing);
    changed(ctx, existing != null ? 200 : 201, engines.put(vacancy));
  }

  private void deleteVacancy(Context ctx) {
    Principal p = principal(ctx);
    String id = ctx.pathParam("id");
    Vacancy existing = engines.current().engine().dataset().vacancy(id);
    if (existing == null) {
      throw new NoSuchElementException("no vacancy has the id " + id);
    }
    mayWriteVacancy(p, existing.organisationId(), existing);
    changed(ctx, 200, engines.deleteVacancy(id));
  }

  /** The municipality writes every vacancy; an organisation its own, and cannot take another's. */
  private static void mayWriteVacancy(Principal p, String organisationId, @Nullable Vacancy existing) {
    switch (p.role()) {
      case MUNICIPALITY -> { }
      case ORGANISATION -> {
        if (!organisationId.equals(p.subject()) || (existing != null && !existing.organisationId().equals(p.subject()))) {
          throw forbidden("an organisation writes its own vacancies only");
        }
      }
      case COUNSELLOR, VOLUNTEER -> throw forbidden("a " + p.role().name().toLowerCase(java.util.Locale.ROOT)
          + " cannot write a vacancy");
    }
  }

  // ---- Reading and writing

  private static int k(Context ctx) {
    String value = ctx.queryParam("k");
    if (value == null) {
      return 10;
    }
    int k;
    try {
      k = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw Problem.badParameter("k", value, "k must be a whole number in [0, " + MAX_K + "]");
    }
    if (k < 0 || k > MAX_K) {
      throw Problem.badParameter("k", value, "k must be in [0, " + MAX_K + "]: " + k);
    }
    return k;
  }

  private <T> T body(Context ctx, Class<T> type) {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw Problem.of(415, "unsupported-media-type", "Unsupported media type",
          "the body must be application/json, not " + (contentType == null ? "none" : InvalidDataException.printable(contentType)));
    }
    try {
      return json.fromJson(ctx.body(), type);
    } catch (InvalidDataException e) {
      throw e.relocate("request body", "$");
    }
  }

  private void ranked(Context ctx, Ranking ranking, long version) {
    ctx.header("Koppel-Data-Version", Long.toString(version));
    ctx.status(200).contentType("application/json").result(json.toJsonDocument(ranking));
  }

  private void changed(Context ctx, int status, Change change) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", change.kind().name().toLowerCase(java.util.Locale.ROOT));
    body.put("id", change.id());
    body.put("deleted", change.deleted());
    body.put("dataVersion", change.seq());
    ctx.header("Koppel-Data-Version", Long.toString(change.seq()));
    write(ctx, status, body);
  }

  private void write(Context ctx, int status, Map<String, Object> body) {
    try {
      ctx.status(status).contentType("application/json").result(problems.writeValueAsString(body) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response", e);
    }
  }

  private void problem(Context ctx, Problem p) {
    try {
      ctx.status(p.status()).contentType("application/problem+json")
          .result(problems.writeValueAsString(p.document(ctx.path())) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem document", e);
    }
  }
}
