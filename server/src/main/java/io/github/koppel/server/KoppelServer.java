package io.github.koppel.server;

import static io.github.koppel.server.Exchange.*;

import io.github.koppel.server.store.ConflictException;
import io.github.koppel.server.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * <p>Endpoints, described in OpenAPI 3.1 at {@code /openapi.json} and in {@code docs/server.md}:
 * health; organisations, vacancies and volunteers (read, create or replace, delete, bulk import of
 * the JSON and CSV forms); rankings both ways, for a stored volunteer or a visitor sent in the
 * request; the explanation of a pair; allocation; evaluation on a history; and the keys. The
 * counter pages for counsellors and organisations are served at {@code /counter}, signed in by a
 * cookie instead of the header.
 *
 * <p>Several servers may share one PostgreSQL database: each follows the others' changes through
 * the store's log every {@link Settings#followInterval()}.
 */
public final class KoppelServer implements AutoCloseable {
  /** The most matches a ranking may ask for. */
  public static final int MAX_K = 1_000;

  /** The largest request body accepted, in bytes, but for a bulk import. */
  public static final long MAX_BODY_BYTES = 1 << 20;

  /** The slowest a client may send a body or read an answer, in bytes per second. */
  public static final long MIN_DATA_RATE = 1_024;

  /** The largest bulk import accepted, in bytes: a city of about 100,000 volunteers. */
  public static final long MAX_IMPORT_BYTES = 64L << 20;

  static final String PRINCIPAL = "koppel.principal";

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
  private final Exchange exchange;
  private final Javalin app;
  private final RateLimit.Buckets buckets;
  private final LocalDate date;
  private final ScheduledExecutorService follower;
  private final Map<String, Shown> shown = new java.util.concurrent.ConcurrentHashMap<>();

  /** The candidates an organisation's ranking of a vacancy shows, at one data version. */
  private record Shown(long version, Set<String> volunteerIds) {}

  /**
   * What a server needs.
   *
   * @param store the store, which the server closes with itself
   * @param json reads and writes the records, with the vocabularies
   * @param date the day of matching
   * @param host the address to listen on, such as {@code 127.0.0.1}
   * @param port the port, 0 for any free one
   * @param rateLimit the limit on each key's requests
   * @param idleTimeout how long a connection may send nothing before it is closed (a slow client)
   * @param followInterval how often the server reads the changes other servers made to the store
   */
  public record Settings(Store store, KoppelJson json, LocalDate date, String host, int port, RateLimit rateLimit,
      Duration idleTimeout, Duration followInterval) {
    /** How long a connection may stay silent by default. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** How often a server follows the store by default. */
    public static final Duration DEFAULT_FOLLOW_INTERVAL = Duration.ofSeconds(1);

    /** Settings. */
    public Settings {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(rateLimit, "rateLimit");
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      Objects.requireNonNull(followInterval, "followInterval");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
      }
      if (idleTimeout.compareTo(Duration.ofMillis(100)) < 0 || idleTimeout.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("idleTimeout must be in [100 ms, 1 h]: " + idleTimeout);
      }
      if (followInterval.compareTo(Duration.ofMillis(10)) < 0 || followInterval.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("followInterval must be in [10 ms, 1 h]: " + followInterval);
      }
    }

    /**
     * Settings with the default idle timeout and follow interval.
     *
     * @param store the store, which the server closes with itself
     * @param json reads and writes the records, with the vocabularies
     * @param date the day of matching
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @param rateLimit the limit on each key's requests
     */
    public Settings(Store store, KoppelJson json, LocalDate date, String host, int port, RateLimit rateLimit) {
      this(store, json, date, host, port, rateLimit, DEFAULT_IDLE_TIMEOUT, DEFAULT_FOLLOW_INTERVAL);
    }

    /**
     * Settings with {@link RateLimit#DEFAULT}, the default idle timeout and follow interval.
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

    /**
     * Returns these settings with another idle timeout.
     *
     * @param timeout the idle timeout
     * @return the settings
     */
    public Settings withIdleTimeout(Duration timeout) {
      return new Settings(store, json, date, host, port, rateLimit, timeout, followInterval);
    }

    /**
     * Returns these settings with another follow interval.
     *
     * @param interval the interval
     * @return the settings
     */
    public Settings withFollowInterval(Duration interval) {
      return new Settings(store, json, date, host, port, rateLimit, idleTimeout, interval);
    }
  }

  private KoppelServer(Settings settings) {
    this.store = settings.store();
    this.json = settings.json();
    this.keys = new AccessKeys(store);
    this.buckets = new RateLimit.Buckets(settings.rateLimit());
    this.date = settings.date();
    this.exchange = new Exchange(json);
    LocalDate day = settings.date();
    this.engines = new Engines(store, (Dataset d) -> MatchEngine.builder(d)
        .date(day)
        .strategy(MatchEngine.Strategy.COMPILED)
        .build(), keys::reload);
    KeyRoutes keyRoutes = new KeyRoutes(keys, engines, exchange);
    AnalysisRoutes analysis = new AnalysisRoutes(engines, exchange, json, date);
    CounterPages pages = new CounterPages(engines, keys, buckets, json, date);
    long idle = settings.idleTimeout().toMillis();
    this.app = Javalin.create(config -> {
      config.http.maxRequestSize = MAX_IMPORT_BYTES;
      config.startup.showJavalinBanner = false;
      // One connector of our own, for its idle timeout: a client that sends nothing for that
      // long (a slow or stalled request) is disconnected.
      config.jetty.addConnector((server, http) -> {
        org.eclipse.jetty.server.ServerConnector connector =
            new org.eclipse.jetty.server.ServerConnector(server, new org.eclipse.jetty.server.HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(idle);
        return connector;
      });
      // A body or an answer trickled slower than this is cut off, however often a byte comes.
      config.jetty.modifyServletContextHandler(context ->
          context.insertHandler(new org.eclipse.jetty.server.handler.MinimumDataRateHandler(MIN_DATA_RATE, MIN_DATA_RATE)));
      config.routes.before(this::authenticate);
      config.routes.get("/health", this::health);
      config.routes.get("/openapi.json", ctx -> ctx.status(200).contentType("application/json").result(OPENAPI));
      config.routes.get("/", pages::root);
      config.routes.get("/counter", pages::counter);
      config.routes.get("/counter/assets/{name}", pages::asset);
      config.routes.post("/counter/sign-in", pages::signIn);
      config.routes.post("/counter/sign-out", pages::signOut);
      config.routes.post("/counter/visitor", pages::visitor);
      config.routes.get("/counter/visitor", pages::back);
      config.routes.post("/counter/summary", pages::summary);
      config.routes.get("/counter/summary", pages::back);
      config.routes.get("/v1/organisations/{id}", this::getOrganisation);
      config.routes.put("/v1/organisations/{id}", this::putOrganisation);
      config.routes.delete("/v1/organisations/{id}", this::deleteOrganisation);
      config.routes.get("/v1/vacancies/{id}", this::getVacancy);
      config.routes.put("/v1/vacancies/{id}", this::putVacancy);
      config.routes.delete("/v1/vacancies/{id}", this::deleteVacancy);
      config.routes.get("/v1/volunteers/{id}", this::getVolunteer);
      config.routes.put("/v1/volunteers/{id}", this::putVolunteer);
      config.routes.delete("/v1/volunteers/{id}", this::deleteVolunteer);
      config.routes.post("/v1/imports", this::importRecords);
      config.routes.get("/v1/vacancies/{id}/volunteers", this::volunteersForVacancy);
      config.routes.get("/v1/volunteers/{id}/vacancies", this::vacanciesForVolunteer);
      config.routes.get("/v1/volunteers/{id}/come-back", this::comeBack);
      config.routes.get("/v1/vacancies/{id}/alerts", this::alertsForVacancy);
      config.routes.get("/v1/volunteers/{id}/alerts", this::alertsForVolunteer);
      config.routes.post("/v1/visitors/vacancies", this::vacanciesForVisitor);
      config.routes.get("/v1/volunteers/{volunteerId}/vacancies/{vacancyId}/explanation", this::explain);
      config.routes.post("/v1/allocations", analysis::allocate);
      config.routes.post("/v1/evaluations", analysis::evaluate);
      config.routes.get("/v1/keys", keyRoutes::listKeys);
      config.routes.post("/v1/keys", keyRoutes::issueKey);
      config.routes.delete("/v1/keys/{id}", keyRoutes::revokeKey);
      config.routes.exception(Problem.class, (e, ctx) -> exchange.problem(ctx, e));
      config.routes.exception(InvalidDataException.class, (e, ctx) -> exchange.problem(ctx, Problem.invalidData(e)));
      config.routes.exception(NoSuchElementException.class,
          (e, ctx) -> exchange.problem(ctx, Problem.of(404, "not-found", "Not found", e.getMessage())));
      config.routes.exception(ConflictException.class, (e, ctx) -> exchange.problem(ctx,
          e.reason() == ConflictException.Reason.NOT_OWNER
              ? forbidden("an organisation writes its own vacancies only")
              : Problem.of(409, "conflict", "Conflict", e.getMessage())));
      config.routes.exception(StoreException.class, (e, ctx) -> {
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.header("Retry-After", "1");
        exchange.problem(ctx, Problem.of(503, "unavailable", "Service unavailable",
            "the database cannot be reached; the request was not applied, or its outcome is unknown: retry"));
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        // The operator needs the cause; the client gets no internals.
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        exchange.problem(ctx, Problem.of(500, "internal", "Internal error", "the server failed; the request was not applied"));
      });
      config.routes.error(404, "*", ctx -> {
        if (CounterPages.isPage(ctx.path()) && !"text/html; charset=utf-8".equals(ctx.res().getContentType())) {
          pages.notFound(ctx);
        } else if (!CounterPages.isPage(ctx.path()) && (ctx.res().getContentType() == null
            || !ctx.res().getContentType().startsWith("application/problem+json"))) {
          // No route: Javalin's own plain text answer becomes a problem document.
          exchange.problem(ctx, Problem.of(404, "not-found", "Not found", "no endpoint " + ctx.method() + " " + ctx.path()));
        }
      });
      config.routes.error(413, "*", ctx -> {
        // Jetty's own refusal, beyond the largest body of any endpoint; ours has its document.
        if (ctx.result() == null || ctx.result().isEmpty()) {
          exchange.problem(ctx, tooLarge(MAX_IMPORT_BYTES));
        }
      });
    });
    this.follower = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "koppel-follow");
      t.setDaemon(true);
      return t;
    });
    long every = settings.followInterval().toMillis();
    follower.scheduleWithFixedDelay(this::follow, every, every, TimeUnit.MILLISECONDS);
  }

  /** Reads what other servers changed; a failure is logged and retried at the next interval. */
  private void follow() {
    try {
      engines.follow();
    } catch (RuntimeException e) {
      LOG.warn("cannot follow the store's changes: {}", e.getMessage());
    }
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

  /**
   * Reads the changes other servers made to the store now, rather than at the next interval.
   *
   * @return the data version the server answers from after
   */
  public long followNow() {
    return engines.follow();
  }

  @Override
  public void close() {
    follower.shutdownNow();
    app.stop();
    store.close();
  }

  // ---- Access

  private void authenticate(Context ctx) {
    if (ctx.path().equals("/health") || ctx.path().equals("/openapi.json") || CounterPages.isPage(ctx.path())) {
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
    long seconds = buckets.retryAfter(principal.get().keyId());
    if (seconds > 0) {
      ctx.header("Retry-After", Long.toString(seconds));
      throw Problem.of(429, "rate-limited", "Too many requests",
          "this key made more requests than its limit; retry after " + seconds + " s");
    }
    ctx.attribute(PRINCIPAL, principal.get());
  }

  // ---- Handlers

  private void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "UP");
    body.put("dataVersion", engines.current().version());
    exchange.write(ctx, 200, body);
  }

  private void volunteersForVacancy(Context ctx) {
    Principal p = principal(ctx);
    int k = k(ctx);
    Engines.Live live = engines.current();
    String id = ctx.pathParam("id");
    Vacancy vacancy = Engines.vacancy(live.engine().dataset(), id);
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
    exchange.ranked(ctx, ranking, live.version());
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
    Engines.volunteer(live.engine().dataset(), id);
    Ranking ranking = live.engine().rankVacancies(id, k, audience(p.role()));
    exchange.ranked(ctx, ranking, live.version());
  }

  /**
   * A volunteer who comes back after a match that did not work: the vacancies ranked again with
   * the history as a gate, and what it left out and why. Staff, or the volunteer for themselves.
   */
  private void comeBack(Context ctx) {
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
    Engines.volunteer(live.engine().dataset(), id);
    exchange.ranked(ctx, live.engine().comeBack(id, k, audience(p.role())), live.version());
  }

  /** The alerts of a request, as a document. */
  record Alerts(String subjectId, double threshold, java.util.List<io.github.koppel.matching.Alert> alerts) {}

  /**
   * Who newly matches a vacancy: staff, for the volunteers (counsellor audience), or the
   * organisation for its own vacancy, in its audience.
   */
  private void alertsForVacancy(Context ctx) {
    Principal p = principal(ctx);
    double threshold = Exchange.threshold(ctx);
    int limit = Exchange.limit(ctx);
    Engines.Live live = engines.current();
    String id = ctx.pathParam("id");
    Vacancy vacancy = Engines.vacancy(live.engine().dataset(), id);
    switch (p.role()) {
      case MUNICIPALITY, COUNSELLOR -> { }
      case ORGANISATION -> {
        if (!vacancy.organisationId().equals(p.subject())) {
          throw forbidden("an organisation gets the alerts of its own vacancies only");
        }
      }
      case VOLUNTEER -> throw forbidden("a volunteer gets the alerts of their own profile only");
    }
    Audience audience = p.role() == Role.ORGANISATION ? Audience.ORGANISATION : Audience.COUNSELLOR;
    if (audience == Audience.ORGANISATION && live.engine().policy().fairness() != null) {
      throw forbidden("an organisation's alerts under a fairness target would show its merit order; its ranking is its shortlist");
    }
    exchange.ranked(ctx, new Alerts(id, threshold, live.engine().alertsForVacancy(id, threshold, limit, audience)),
        live.version());
  }

  /** The vacancies that newly match a volunteer: staff, or the volunteer for themselves. */
  private void alertsForVolunteer(Context ctx) {
    Principal p = principal(ctx);
    double threshold = Exchange.threshold(ctx);
    int limit = Exchange.limit(ctx);
    Engines.Live live = engines.current();
    String id = ctx.pathParam("id");
    switch (p.role()) {
      case MUNICIPALITY, COUNSELLOR -> { }
      case VOLUNTEER -> {
        if (!id.equals(p.subject())) {
          throw forbidden("a volunteer gets the alerts of their own profile only");
        }
      }
      case ORGANISATION -> throw forbidden("an organisation cannot get a volunteer's alerts");
    }
    Engines.volunteer(live.engine().dataset(), id);
    exchange.ranked(ctx, new Alerts(id, threshold, live.engine().alertsForVolunteer(id, threshold, limit)), live.version());
  }

  /** A visitor at the counter, sent in the request and never stored: staff only. */
  private void vacanciesForVisitor(Context ctx) {
    Principal p = principal(ctx);
    if (p.role() != Role.MUNICIPALITY && p.role() != Role.COUNSELLOR) {
      throw forbidden("only counter staff rank vacancies for a visitor");
    }
    int k = k(ctx);
    Volunteer visitor = exchange.body(ctx, Volunteer.class);
    Engines.Live live = engines.current();
    exchange.ranked(ctx, live.engine().rankVacancies(visitor, k, audience(p.role())), live.version());
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
    Vacancy vacancy = Engines.vacancy(live.engine().dataset(), vacancyId);
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
        if (!shownToOrganisation(live, vacancyId, volunteerId)) {
          throw forbidden("an organisation reads the explanations of the candidates its ranking shows only");
        }
      }
    }
    Engines.volunteer(live.engine().dataset(), volunteerId);
    exchange.record(ctx, live.engine().explain(volunteerId, vacancyId, audience(p.role())), live.version());
  }

  /**
   * Whether the organisation's ranking of a vacancy, as long as it may ask, shows a volunteer;
   * kept per vacancy for the data version it was ranked at.
   */
  private boolean shownToOrganisation(Engines.Live live, String vacancyId, String volunteerId) {
    Shown known = shown.get(vacancyId);
    if (known == null || known.version() != live.version()) {
      Ranking ranking = live.engine().rankVolunteers(vacancyId, MAX_K, Audience.ORGANISATION);
      Set<String> ids = new java.util.HashSet<>();
      ranking.matches().forEach(m -> ids.add(m.explanation().volunteerId()));
      ranking.nearMisses().forEach(m -> ids.add(m.explanation().volunteerId()));
      known = new Shown(live.version(), Set.copyOf(ids));
      if (shown.size() > 10_000) {
        shown.clear();
      }
      shown.put(vacancyId, known);
    }
    return known.volunteerIds().contains(volunteerId);
  }

  // ---- Records

  /** Organisations are public: every role reads them. */
  private void getOrganisation(Context ctx) {
    principal(ctx);
    Engines.Live live = engines.current();
    String id = ctx.pathParam("id");
    exchange.record(ctx, Engines.organisation(live.engine().dataset(), id), live.version());
  }

  /** The municipality writes every organisation; an organisation its own. */
  private void putOrganisation(Context ctx) {
    Principal p = principal(ctx);
    String id = ctx.pathParam("id");
    switch (p.role()) {
      case MUNICIPALITY -> { }
      case ORGANISATION -> {
        if (!id.equals(p.subject())) {
          throw forbidden("an organisation writes its own record only");
        }
      }
      case COUNSELLOR, VOLUNTEER -> throw forbidden("a " + roleName(p.role()) + " cannot write an organisation");
    }
    io.github.koppel.core.model.Organisation o = exchange.body(ctx, io.github.koppel.core.model.Organisation.class);
    samePathId(o.id(), id);
    boolean existed = engines.current().engine().dataset().organisation(id) != null;
    exchange.changed(ctx, existed ? 200 : 201, engines.put(o));
  }

  private void deleteOrganisation(Context ctx) {
    Principal p = principal(ctx);
    if (p.role() != Role.MUNICIPALITY) {
      throw forbidden("only the municipality deletes an organisation");
    }
    String id = ctx.pathParam("id");
    Change change = engines.deleteOrganisation(id);
    keys.revokeSubject(Role.ORGANISATION, id);
    exchange.changed(ctx, 200, change);
  }

  /** Vacancies are public: every role reads them. */
  private void getVacancy(Context ctx) {
    principal(ctx);
    Engines.Live live = engines.current();
    String id = ctx.pathParam("id");
    exchange.record(ctx, Engines.vacancy(live.engine().dataset(), id), live.version());
  }

  /**
   * A volunteer's whole profile, with what they consented to share: the municipality and the
   * volunteer only. Counsellors and organisations see volunteers through rankings and
   * explanations, which apply consent.
   */
  private void getVolunteer(Context ctx) {
    Principal p = principal(ctx);
    String id = ctx.pathParam("id");
    switch (p.role()) {
      case MUNICIPALITY -> { }
      case VOLUNTEER -> {
        if (!id.equals(p.subject())) {
          throw forbidden("a volunteer reads their own profile only");
        }
      }
      case COUNSELLOR, ORGANISATION -> throw forbidden("a " + roleName(p.role())
          + " sees volunteers through rankings and explanations, not their whole profile");
    }
    Engines.Live live = engines.current();
    exchange.record(ctx, Engines.volunteer(live.engine().dataset(), id), live.version());
  }

  /**
   * A bulk import, all or nothing, by the municipality: a dataset in its JSON form ({@code
   * application/json}), or one CSV file ({@code text/csv}) of the kind {@code ?kind=} names, in
   * UTF-8, UTF-16 with a byte-order mark or Windows-1252 (decided from the bytes, or {@code
   * ?charset=}).
   */
  private void importRecords(Context ctx) {
    Principal p = principal(ctx);
    if (p.role() != Role.MUNICIPALITY) {
      throw forbidden("only the municipality imports records");
    }
    String contentType = mediaType(ctx);
    byte[] bytes = bytes(ctx, MAX_IMPORT_BYTES);
    Engines.Records records;
    if (contentType.equals("application/json")) {
      if (ctx.queryParam("kind") != null || ctx.queryParam("charset") != null) {
        String given = ctx.queryParam("kind") != null ? "kind" : "charset";
        throw Problem.badParameter(given, String.valueOf(ctx.queryParam(given)),
            "kind and charset are for CSV; a JSON import is a whole dataset document");
      }
      records = Engines.Records.of(json.readDataset(new java.io.ByteArrayInputStream(bytes), "request body"));
    } else if (contentType.equals("text/csv")) {
      records = csv(ctx, bytes);
    } else {
      throw unsupported(ctx.contentType(), "application/json (a dataset) or text/csv (?kind=)");
    }
    List<Change> changes = engines.putAll(records);
    long version = changes.isEmpty() ? engines.current().version() : changes.get(changes.size() - 1).seq();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organisations", records.organisations().size());
    body.put("vacancies", records.vacancies().size());
    body.put("volunteers", records.volunteers().size());
    body.put("dataVersion", version);
    ctx.header("Koppel-Data-Version", Long.toString(version));
    exchange.write(ctx, 200, body);
  }

  private Engines.Records csv(Context ctx, byte[] bytes) {
    String kind = ctx.queryParam("kind");
    if (kind == null) {
      throw Problem.badParameter("kind", "", "a CSV import needs ?kind=organisations, vacancies or volunteers");
    }
    // The same vocabularies and geocoder as the JSON forms: a postcode alone is placed alike.
    io.github.koppel.core.io.KoppelCsv reader = io.github.koppel.core.io.KoppelCsv.create()
        .withVocabularies(json.vocabularies())
        .withGeocoder(json.geocoder());
    String charset = ctx.queryParam("charset");
    if (charset != null) {
      try {
        reader = reader.withCharset(java.nio.charset.Charset.forName(charset));
      } catch (IllegalArgumentException e) {
        throw Problem.badParameter("charset", charset, "charset must be one Java knows, such as UTF-8 or windows-1252");
      }
    }
    String source = "request body (" + kind + ".csv)";
    return switch (kind) {
      case "organisations" -> new Engines.Records(reader.readOrganisations(bytes, source), List.of(), List.of());
      case "vacancies" -> new Engines.Records(List.of(), reader.readVacancies(bytes, source), List.of());
      case "volunteers" -> new Engines.Records(List.of(), List.of(), reader.readVolunteers(bytes, source));
      default -> throw Problem.badParameter("kind", kind, "kind must be organisations, vacancies or volunteers");
    };
  }

  private void putVolunteer(Context ctx) {
    Principal p = principal(ctx);
    String id = ctx.pathParam("id");
    mayWriteVolunteer(p, id);
    Volunteer volunteer = exchange.body(ctx, Volunteer.class);
    samePathId(volunteer.id(), id);
    Volunteer existing = engines.current().engine().dataset().volunteer(id);
    if (p.role() == Role.VOLUNTEER && !java.util.Objects.equals(volunteer.backgroundCheckDate(),
        existing == null ? null : existing.backgroundCheckDate())) {
      // The date of a criminal-record extract opens gates for work with minors: staff record it
      // after seeing the extract. (The value is a sensitive fact and is not repeated.)
      throw forbidden("a volunteer cannot change their background check date: staff record it");
    }
    exchange.changed(ctx, existing != null ? 200 : 201, engines.put(volunteer));
  }

  private void deleteVolunteer(Context ctx) {
    Principal p = principal(ctx);
    String id = ctx.pathParam("id");
    mayWriteVolunteer(p, id);
    Change change = engines.deleteVolunteer(id);
    // The volunteer's keys go with them: an id used again later is someone else.
    keys.revokeSubject(Role.VOLUNTEER, id);
    exchange.changed(ctx, 200, change);
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
    Vacancy vacancy = exchange.body(ctx, Vacancy.class);
    samePathId(vacancy.id(), id);
    Vacancy existing = engines.current().engine().dataset().vacancy(id);
    mayWriteVacancy(p, vacancy.organisationId());
    // Whether the stored vacancy is the organisation's own is checked on the engine and again in
    // the store's transaction, where a write of another process counts (a 403 either way).
    exchange.changed(ctx, existing != null ? 200 : 201, engines.put(vacancy, owner(p)));
  }

  private void deleteVacancy(Context ctx) {
    Principal p = principal(ctx);
    String id = ctx.pathParam("id");
    Vacancy existing = Engines.vacancy(engines.current().engine().dataset(), id);
    mayWriteVacancy(p, existing.organisationId());
    exchange.changed(ctx, 200, engines.deleteVacancy(id, owner(p)));
  }

  /** The organisation a vacancy is written for, or null for the municipality (any). */
  private static @Nullable String owner(Principal p) {
    return p.role() == Role.ORGANISATION ? p.subject() : null;
  }

  /** The municipality writes every vacancy; an organisation those of its own. */
  private static void mayWriteVacancy(Principal p, String organisationId) {
    switch (p.role()) {
      case MUNICIPALITY -> { }
      case ORGANISATION -> {
        if (!organisationId.equals(p.subject())) {
          throw forbidden("an organisation writes its own vacancies only");
        }
      }
      case COUNSELLOR, VOLUNTEER -> throw forbidden("a " + roleName(p.role()) + " cannot write a vacancy");
    }
  }

}
