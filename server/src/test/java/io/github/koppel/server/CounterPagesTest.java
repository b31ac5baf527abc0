package io.github.koppel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter pages over a real HTTP server and client, without a browser: signing in, every
 * role's page, every bad answer of the form with its message, hostile text, the limits, and an
 * organisation trying to learn a sensitive fact from its page.
 */
class CounterPagesTest {
  private static final KoppelJson JSON = KoppelJson.create();
  private static final Dataset CITY = DemoCity.bundled();

  @TempDir Path dir;

  private final List<KoppelServer> servers = new ArrayList<>();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @AfterEach
  void stop() {
    servers.forEach(KoppelServer::close);
  }

  private KoppelServer start(Dataset data, String name) {
    Store store = Store.open(Store.embedded(dir.resolve(name)), null, null, JSON);
    store.putAll(data);
    KoppelServer server = KoppelServer.start(new KoppelServer.Settings(store, JSON, DemoCity.REFERENCE_DATE, "127.0.0.1", 0));
    servers.add(server);
    return server;
  }

  private HttpResponse<String> send(KoppelServer server, String method, String path, @Nullable String key,
      @Nullable String form, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(60));
    if (key != null) {
      b.header("Cookie", CounterPages.KEY_COOKIE + "=" + key);
    }
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
    }
    headers.forEach(b::header);
    b.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(KoppelServer server, String path, @Nullable String key) {
    return send(server, "GET", path, key, null, Map.of());
  }

  private HttpResponse<String> post(KoppelServer server, String path, @Nullable String key, Map<String, String> fields) {
    return send(server, "POST", path, key, form(fields), Map.of());
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> fields(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** The text of an element's error line, or null. */
  private static @Nullable String fieldError(String html, String field) {
    Matcher m = Pattern.compile("<p class=\"error\" id=\"" + Pattern.quote(field) + "-error\">([^<]*)</p>").matcher(html);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void signingInSetsAPageOnlyCookieAndEveryRoleGetsItsPage() {
    KoppelServer server = start(CITY, "a");
    HttpResponse<String> root = get(server, "/", null);
    assertEquals(303, root.statusCode());
    assertEquals("/counter", root.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> signIn = get(server, "/counter", null);
    assertEquals(200, signIn.statusCode());
    assertTrue(signIn.body().startsWith("<!DOCTYPE html>\n<html lang=\"nl\">"), signIn.body());
    assertTrue(signIn.body().contains("<label for=\"key\">Sleutel</label>"));
    assertEquals("no-store", signIn.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(signIn.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));

    HttpResponse<String> wrong = post(server, "/counter/sign-in", null, fields("key", "koppel_nope"));
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.body().contains("Deze sleutel is niet geldig of werd ingetrokken."), wrong.body());
    assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
    HttpResponse<String> empty = post(server, "/counter/sign-in?lang=fr", null, fields("key", " "));
    assertEquals(401, empty.statusCode());
    assertTrue(empty.body().contains("Saisissez votre clé."), empty.body());

    String counsellor = server.keys().issue(Role.COUNSELLOR, null, "test").key();
    HttpResponse<String> ok = post(server, "/counter/sign-in", null, fields("key", counsellor));
    assertEquals(303, ok.statusCode());
    String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
    assertEquals(CounterPages.KEY_COOKIE + "=" + counsellor + "; Path=/counter; Max-Age=28800; HttpOnly; SameSite=Strict", cookie);
    HttpResponse<String> page = get(server, "/counter", counsellor);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<h1>Een bezoeker oriënteren</h1>"));
    // The page's key is not an API key: the API still asks for the header.
    assertEquals(401, send(server, "GET", "/v1/volunteers/vol-0001/vacancies", counsellor, null, Map.of()).statusCode());

    Vacancy vacancy = CITY.vacancies().get(0);
    String organisation = server.keys().issue(Role.ORGANISATION, vacancy.organisationId(), "test").key();
    HttpResponse<String> own = get(server, "/counter?lang=en", organisation);
    assertEquals(200, own.statusCode());
    assertTrue(own.body().contains("<h1>Candidates for your vacancies</h1>"), own.body());
    assertTrue(own.body().contains(Html.esc(vacancy.title().in("en"))));
    assertEquals(403, post(server, "/counter/visitor", organisation, fields("language1", "nl", "level1", "B1")).statusCode());

    String volunteer = server.keys().issue(Role.VOLUNTEER, CITY.volunteers().get(0).id(), "test").key();
    HttpResponse<String> refused = get(server, "/counter", volunteer);
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("Deze pagina is voor consulenten en organisaties."));

    // Revoked: the next page asks to sign in again.
    server.keys().revoke(server.keys().authenticate(counsellor).orElseThrow().keyId());
    HttpResponse<String> after = post(server, "/counter/visitor", counsellor, fields("language1", "nl", "level1", "B1"));
    assertEquals(401, after.statusCode());
    assertTrue(after.body().contains("Je bent niet (meer) aangemeld."), after.body());
  }

  @Test
  void everyBadAnswerIsNamedAtItsFieldInThePageLanguage() {
    KoppelServer server = start(CITY, "b");
    String key = server.keys().issue(Role.COUNSELLOR, null, "test").key();
    Concept dimension = JSON.vocabularies().functionalDimensions().concepts().get(0);
    Map<String, String> bad = fields(
        "language1", "zz", "language2", "nl", "level2", "", "language3", "nl", "level3", "B1",
        "hours", "999", "municipality", "Nergenshuizen", "distance", "-3", "birthDate", "2030-01-01",
        "regularity", "SOMETIMES", "possibility-" + dimension.id(), "HIGH", "benefit-UNEMPLOYMENT", "on",
        "group-newcomer", "on");
    HttpResponse<String> r = post(server, "/counter/visitor", key, bad);
    assertEquals(422, r.statusCode());
    String html = r.body();
    assertEquals("Koppel kent de taal „zz” niet.", fieldError(html, "language1"));
    assertEquals("Kies het niveau van deze taal.", fieldError(html, "level2"));
    assertEquals("Geef een aantal uren tussen 0 en 168, bijvoorbeeld 4 of 2,5.", fieldError(html, "hours"));
    assertEquals("Koppel kent de gemeente „Nergenshuizen” niet. Controleer de schrijfwijze of geef de postcode.",
        fieldError(html, "municipality"));
    assertEquals("Geef een afstand in kilometer, meer dan 0 en ten hoogste 500, bijvoorbeeld 5.", fieldError(html, "distance"));
    assertEquals("Geef een geboortedatum in het verleden, bijvoorbeeld 1988-03-14.", fieldError(html, "birthDate"));
    assertEquals("Kies een van de mogelijkheden.", fieldError(html, "regularity"));
    String consent = "Dit werd ingevuld zonder toestemming. Vink de toestemming aan of maak de velden leeg.";
    assertEquals(consent, fieldError(html, "consentAbility"));
    assertEquals(consent, fieldError(html, "consentBenefit"));
    assertEquals(consent, fieldError(html, "consentGroups"));
    assertEquals("Deze taal staat er al.", fieldError(html, "language3"));
    assertTrue(html.contains("<h2>Aan te passen antwoorden: 11</h2>"), html);
    // Each error is linked from the summary and the field says it is invalid; the answers stay.
    assertTrue(html.contains("<li><a href=\"#hours\">"));
    assertTrue(html.contains("id=\"hours\" name=\"hours\" value=\"999\" inputmode=\"decimal\" size=\"6\" "
        + "aria-describedby=\"hours-hint hours-error\" aria-invalid=\"true\">"), html);
    assertFalse(html.contains("id=\"results\""));

    HttpResponse<String> fr = post(server, "/counter/visitor?lang=fr", key, fields("language1", "nl", "language2", "nl",
        "level1", "B1", "level2", "B2", "postcode", "9999"));
    assertEquals(422, fr.statusCode());
    assertEquals("Cette langue figure déjà dans la liste.", fieldError(fr.body(), "language2"));
    assertEquals("Koppel ne connaît pas le code postal « 9999 ». Indiquez aussi la commune.", fieldError(fr.body(), "postcode"));
    HttpResponse<String> off = post(server, "/counter/visitor?lang=en", key, fields("consentAbility", "off",
        "support-" + JSON.vocabularies().accommodations().concepts().get(0).id(), "on"));
    assertEquals(422, off.statusCode(), "a box sent as off is not ticked");
    assertEquals("This was filled in without consent. Tick the consent or clear the fields.", fieldError(off.body(), "consentAbility"));
    HttpResponse<String> unnamed = post(server, "/counter/visitor?lang=en", key, fields("level1", "B1",
        "distance", "3", "travel", "ROCKET"));
    assertEquals(422, unnamed.statusCode());
    assertEquals("Choose a language first.", fieldError(unnamed.body(), "language1"));
    assertEquals("Choose how the visitor travels.", fieldError(unnamed.body(), "travel"));
    HttpResponse<String> en = post(server, "/counter/visitor?lang=en", key, fields("talent1", "x".repeat(201)));
    assertEquals(422, en.statusCode());
    assertEquals("This field is too long: at most 200 characters.", fieldError(en.body(), "talent1"));
    HttpResponse<String> form = post(server, "/counter/visitor?lang=en", key, fields("postcode", "ABC", "municipality", "Gent"));
    assertEquals(422, form.statusCode());
    assertEquals("&quot;ABC&quot; is not a Belgian postcode: it has four digits, such as 9000.", fieldError(form.body(), "postcode"));
    HttpResponse<String> disagree = post(server, "/counter/visitor?lang=en", key, fields("postcode", "1000", "municipality", "Gent"));
    assertEquals(422, disagree.statusCode());
    assertEquals("The postcode &quot;1000&quot; and the municipality &quot;Gent&quot; do not belong together.",
        fieldError(disagree.body(), "municipality"));
  }

  @Test
  void hostileTextIsShownAsTextAndTheLimitsHold() {
    KoppelServer server = start(CITY, "c");
    String key = server.keys().issue(Role.COUNSELLOR, null, "test").key();
    String hostile = "<script>alert(1)</script>\"' onmouseover=x";
    HttpResponse<String> r = post(server, "/counter/visitor", key, fields("talent1", hostile, "municipality", "Gent"));
    assertEquals(200, r.statusCode(), r.body());
    assertFalse(r.body().contains("<script>alert"), "raw markup from the form");
    assertTrue(r.body().contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39; onmouseover=x\""), r.body());
    // Its parts are listed as words Koppel could not place, as text.
    assertTrue(r.body().contains("<li>„&lt;script&gt;alert(1)&lt;”: misschien "), r.body());

    // A form from another site is refused, whatever it carries.
    HttpResponse<String> foreign = send(server, "POST", "/counter/visitor", key, form(fields("municipality", "Gent")),
        Map.of("Origin", "https://elsewhere.example"));
    assertEquals(403, foreign.statusCode());
    assertTrue(foreign.body().contains("Dit formulier kwam niet van deze pagina&#39;s en werd daarom geweigerd."), foreign.body());
    HttpResponse<String> same = send(server, "POST", "/counter/visitor", key, form(fields("municipality", "Gent")),
        Map.of("Origin", "http://127.0.0.1:" + server.port()));
    assertEquals(200, same.statusCode());
    HttpResponse<String> proxied = send(server, "POST", "/counter/visitor", key, form(fields("municipality", "Gent")),
        Map.of("Origin", "https://127.0.0.1:" + server.port()));
    assertEquals(200, proxied.statusCode(), "the page's own host over https, behind a proxy that terminates TLS");

    HttpResponse<String> json = send(server, "POST", "/counter/visitor", key, null, Map.of("Content-Type", "application/json"));
    assertEquals(415, json.statusCode());
    assertTrue(json.body().contains("Dit formulier werd niet als webformulier verstuurd."));
    String large = form(fields("talent1", "a".repeat((int) CounterPages.MAX_FORM_BYTES)));
    HttpResponse<String> tooLarge = send(server, "POST", "/counter/visitor", key, large, Map.of());
    assertEquals(413, tooLarge.statusCode());
    assertTrue(tooLarge.body().contains("Dit formulier is te groot."));
    HttpResponse<String> notUtf8 = send(server, "POST", "/counter/visitor", key, "talent1=%FF%FE", Map.of());
    assertEquals(200, notUtf8.statusCode(), "a malformed escape becomes a replacement character, as browsers send UTF-8");
    HttpResponse<String> asset = get(server, "/counter/assets/../../etc/passwd", key);
    assertTrue(asset.statusCode() == 404, "status " + asset.statusCode());
    HttpResponse<String> missing = get(server, "/counter/nothing?lang=fr", key);
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("<p>Cette page n’existe pas. <a href=\"/counter\">Retour au début.</a></p>"), missing.body());
    assertEquals(404, Http.tree(new Http(server.port()).get("/v1/nothing", key)).path("status").asInt(),
        "the API keeps its problem documents");
    HttpResponse<String> css = get(server, "/counter/assets/counter.css", null);
    assertEquals(200, css.statusCode());
    assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void theSamePageComesOutByteForByteAndNumbersAreWrittenPerLanguage() {
    KoppelServer server = start(CITY, "d");
    String key = server.keys().issue(Role.COUNSELLOR, null, "test").key();
    Map<String, String> visitor = fields("language1", "nl", "level1", "B1", "talent1", "koken", "talent2", "kookt graag",
        "municipality", "Gent", "distance", "2,5", "travel", "WALK", "slot-MONDAY-MORNING", "on", "k", "5");
    String nl = post(server, "/counter/visitor", key, visitor).body();
    assertEquals(nl, post(server, "/counter/visitor", key, visitor).body());
    assertTrue(nl.contains("van de " + CITY.vacancies().size() + " vacatures passen."), nl);
    assertTrue(nl.contains("„kookt graag” → Koken"), nl);
    // The suggestions hold the labels of every page language, the page's own first.
    assertTrue(nl.indexOf("<option value=\"Koken\">") < nl.indexOf("<option value=\"Cuisine\">"), "Dutch first");
    assertTrue(nl.contains("<option value=\"Cooking\">"));
    HttpResponse<String> learning = post(server, "/counter/visitor", key, fields("talent1", "koken", "learn1", "moestuin",
        "learn2", "Koken", "municipality", "Gent"));
    assertEquals(200, learning.statusCode(), "a talent both offered and wished for stays offered");
    assertTrue(learning.body().contains("„moestuin” → Tuinieren"), learning.body());
    assertTrue(learning.body().contains("id=\"learn1\" name=\"learn1\" list=\"talent-labels\""), "the field has the talents' suggestions");
    // A talent to learn reaches the engine as one: the page ranks as the library does.
    String reception = JSON.vocabularies().talents().concept("reception").label().in("nl");
    String toLearn = post(server, "/counter/visitor", key, fields("learn1", reception, "municipality", "Gent")).body();
    io.github.koppel.matching.Ranking expected = io.github.koppel.matching.MatchEngine.builder(CITY)
        .date(DemoCity.REFERENCE_DATE).build()
        .rankVacancies(Volunteer.builder(VisitorForm.VISITOR_ID)
            .talent(io.github.koppel.core.model.Talent.toLearn("reception"))
            .home(JSON.geocoder().locate(null, "Gent").orElseThrow()).build(), 10, io.github.koppel.matching.Audience.COUNSELLOR);
    Matcher shown = Pattern.compile("<li class=\"match\" data-vacancy=\"([^\"]+)\"").matcher(toLearn);
    List<String> order = new ArrayList<>();
    while (shown.find()) {
      order.add(shown.group(1));
    }
    assertEquals(expected.matches().stream().map(io.github.koppel.matching.Match::vacancyId).toList(), order);
    assertFalse(order.isEmpty());
    String french = post(server, "/counter/visitor", key, fields("talent1", "Cuisine", "municipality", "Gent")).body();
    assertTrue(french.contains("„Cuisine” → Koken"), french);
    assertTrue(nl.contains("value=\"2,5\""));
    Matcher points = Pattern.compile("<span class=\"points\">\\+([0-9.,]+)</span>").matcher(nl);
    assertTrue(points.find());
    assertTrue(points.group(1).matches("[01],[0-9]{2}"), points.group(1));
    String en = post(server, "/counter/visitor?lang=en", key, visitor).body();
    assertTrue(en.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    Matcher enPoints = Pattern.compile("<span class=\"points\">\\+([0-9.,]+)</span>").matcher(en);
    assertTrue(enPoints.find());
    assertTrue(enPoints.group(1).matches("[01]\\.[0-9]{2}"), enPoints.group(1));
    String summary = post(server, "/counter/summary", key, new LinkedHashMap<>(Map.of("summaryLang", "fr",
        "municipality", "Gent", "talent1", "koken"))).body();
    assertTrue(summary.startsWith("<!DOCTYPE html>\n<html lang=\"fr\">"), summary);
    assertTrue(summary.contains("<h1>Un volontariat qui vous convient</h1>"));
    assertTrue(summary.contains("Offres ouvertes au 1 octobre 2026."), summary);
  }

  @Test
  void everyPageLanguageHasEveryMessage() {
    Set<String> nl = PageText.of("nl").keys();
    assertTrue(nl.size() > 150, "keys: " + nl.size());
    assertEquals(nl, PageText.of("fr").keys());
    assertEquals(nl, PageText.of("en").keys());
    assertEquals("1.011", PageText.of("nl").integer(1011));
    assertEquals("1,011", PageText.of("en").integer(1011));
    assertEquals("1\u202F011", PageText.of("fr").integer(1011));
    assertEquals("Zou helpen: x", PageText.of("nl").t("results.wouldChange", "x"));
    assertEquals("„{1}” → x", PageText.of("nl").t("words.placedAs", "{1}", "x"), "a typed {1} stays as typed");
  }

  /**
   * The organisation's attack: cities alike but for the volunteers' sensitive facts and consents.
   * An organisation's page must not tell them apart. In a city where only target groups, benefits
   * and their consents differ (no gate uses them), the page is byte-identical. In a city where
   * every sensitive fact and consent differs (possibilities, support needs and background checks
   * too), the private gates decide who may be proposed, as docs/privacy.md says; every candidate
   * shown in both is then shown byte-identically (score, words, notices), in the same order.
   */
  @Test
  void anOrganisationsPageTellsNothingOfSensitiveFactsOrConsents() {
    Dataset groupsAndBenefits = Dataset.of(CITY.organisations(), CITY.vacancies(),
        CITY.volunteers().stream().map(v -> otherSensitiveFacts(v, false)).toList());
    Dataset everything = Dataset.of(CITY.organisations(), CITY.vacancies(),
        CITY.volunteers().stream().map(v -> otherSensitiveFacts(v, true)).toList());
    KoppelServer a = start(CITY, "e1");
    KoppelServer b = start(groupsAndBenefits, "e2");
    KoppelServer c = start(everything, "e3");
    List<String> organisations = CITY.vacancies().stream().map(Vacancy::organisationId).distinct().sorted().toList();
    int compared = 0;
    int candidates = 0;
    int common = 0;
    for (int i = 0; i < organisations.size(); i += 9) {
      String org = organisations.get(i);
      String keyA = a.keys().issue(Role.ORGANISATION, org, "attack").key();
      String keyB = b.keys().issue(Role.ORGANISATION, org, "attack").key();
      String keyC = c.keys().issue(Role.ORGANISATION, org, "attack").key();
      for (String lang : List.of("nl", "fr", "en")) {
        String pageA = get(a, "/counter?lang=" + lang, keyA).body();
        assertEquals(pageA, get(b, "/counter?lang=" + lang, keyB).body(), org + " in " + lang);
        String pageC = get(c, "/counter?lang=" + lang, keyC).body();
        assertSwept(pageA, lang);
        assertSwept(pageC, lang);
        Map<String, Map<String, String>> shownA = candidates(pageA);
        Map<String, Map<String, String>> shownC = candidates(pageC);
        assertEquals(shownA.keySet(), shownC.keySet(), "the same vacancies");
        for (String vacancy : shownA.keySet()) {
          Map<String, String> inA = shownA.get(vacancy);
          Map<String, String> inC = shownC.get(vacancy);
          List<String> orderA = inA.keySet().stream().filter(inC::containsKey).toList();
          List<String> orderC = inC.keySet().stream().filter(inA::containsKey).toList();
          assertEquals(orderA, orderC, org + " " + vacancy + ": the order of the candidates shown in both");
          for (String volunteer : orderA) {
            assertEquals(inA.get(volunteer), inC.get(volunteer), org + " " + vacancy + " " + volunteer);
            common++;
          }
          candidates += inA.size();
        }
        compared++;
      }
    }
    assertTrue(compared >= 20, "pages compared: " + compared);
    assertTrue(candidates > 100, "candidates shown: " + candidates);
    assertTrue(common > candidates / 2, "candidates shown in both: " + common + " of " + candidates);
  }

  /** Per vacancy section of an organisation's page, its candidates' blocks by volunteer, in order. */
  private static Map<String, Map<String, String>> candidates(String page) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String section : page.split("<section class=\"vacancy\" aria-labelledby=\"v-")) {
      if (!section.contains("</section>") || !section.startsWith("vac-")) {
        continue;
      }
      String vacancy = section.substring(0, section.indexOf('"'));
      Map<String, String> blocks = new LinkedHashMap<>();
      for (String block : section.split("<li class=\"match\" data-volunteer=\"")) {
        if (block.startsWith("vac-")) {
          continue;
        }
        int end = block.indexOf("</ol>");
        blocks.put(block.substring(0, block.indexOf('"')), end > 0 ? block.substring(0, end) : block);
      }
      out.put(vacancy, blocks);
    }
    return out;
  }

  /** The privacy sweep's patterns: no category, no target group, no benefit, no possibility. */
  private static void assertSwept(String page, String lang) {
    for (String trace : List.of("ABILITY", "TARGET_GROUP", "BENEFIT_STATUS", "BACKGROUND_CHECK", "sensitiveCategory")) {
      assertFalse(page.contains(trace), trace);
    }
    for (Concept g : JSON.vocabularies().targetGroups().concepts()) {
      assertFalse(page.contains(g.id()), g.id());
    }
    for (String benefit : List.of("benefit.UNEMPLOYMENT", "benefit.SOCIAL_INTEGRATION_INCOME", "benefit.INCAPACITY")) {
      assertFalse(page.contains(Html.esc(PageText.of(lang).t(benefit))), benefit);
    }
    for (Concept g : JSON.vocabularies().targetGroups().concepts()) {
      for (String l : List.of("nl", "fr", "en")) {
        assertFalse(page.contains(Html.esc(g.label().in(l))), g.label().in(l));
      }
    }
    for (String word : List.of("leefloon", "OCMW", "CPAS", "revenu d’intégration", "social integration income",
        "werkloosheid", "chômage", "unemployment", "invaliditeit", "invalidité", "invalidity")) {
      assertFalse(page.toLowerCase(java.util.Locale.ROOT).contains(word.toLowerCase(java.util.Locale.ROOT)), word);
    }
  }

  /**
   * The volunteer with other sensitive facts and consents: added where there were none, removed
   * where there were some; only target groups and benefits, or every category.
   */
  private static Volunteer otherSensitiveFacts(Volunteer v, boolean everyCategory) {
    boolean had = !v.targetGroups().isEmpty() || !v.benefits().isEmpty() || !v.consents().isEmpty()
        || everyCategory && (!v.possibilities().isEmpty() || !v.supportNeeds().isEmpty() || v.backgroundCheckDate() != null);
    List<Consent> consents = new ArrayList<>();
    for (Consent consent : v.consents()) {
      if (!everyCategory && (consent.category() == SensitiveCategory.ABILITY
          || consent.category() == SensitiveCategory.BACKGROUND_CHECK)) {
        consents.add(consent);
      }
    }
    if (!had) {
      for (SensitiveCategory c : SensitiveCategory.values()) {
        if (everyCategory || c == SensitiveCategory.TARGET_GROUP || c == SensitiveCategory.BENEFIT_STATUS) {
          consents.add(Consent.full(c, DemoCity.REFERENCE_DATE.minusMonths(1)));
        }
      }
    }
    boolean change = everyCategory;
    return new Volunteer(v.id(), v.displayName(), v.birthDate(), v.completedFirstStageSecondary(), v.languages(),
        v.talents(), v.interests(),
        !change ? v.possibilities() : had ? Map.of()
            : Map.of(JSON.vocabularies().functionalDimensions().concepts().get(0).id(), FunctionalLevel.LOW),
        !change ? v.supportNeeds() : had ? Set.of() : Set.of(JSON.vocabularies().accommodations().concepts().get(0).id()),
        v.availability(), v.home(), v.mobility(), v.preferences(),
        had ? Set.of() : Set.of("newcomer", "living_in_poverty"),
        had ? Set.of() : Set.of(BenefitStatus.SOCIAL_INTEGRATION_INCOME),
        !change ? v.backgroundCheckDate() : had ? null : DemoCity.REFERENCE_DATE.minusMonths(2),
        consents, v.history(), v.drivingLicences(), v.participation());
  }
}
