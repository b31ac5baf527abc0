package io.github.koppel.server;

import static io.github.koppel.server.Html.esc;

import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.io.PlacedWord;
import io.github.koppel.core.io.UnplacedWord;
import io.github.koppel.core.legal.LegalNotice;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Languages;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.Contribution;
import io.github.koppel.matching.ExplanationText;
import io.github.koppel.matching.GateResult;
import io.github.koppel.matching.Match;
import io.github.koppel.matching.MatchExplanation;
import io.github.koppel.matching.NearMiss;
import io.github.koppel.matching.Ranking;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.server.access.AccessKeys;
import io.github.koppel.server.access.Principal;
import io.github.koppel.server.access.Role;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The counter pages, server-rendered HTML in nl, fr and en: a counsellor enters a visitor's
 * profile and sees the ranked vacancies with the counsellor's explanation, the near misses and
 * the legal notices, and prints a summary for the visitor; an organisation sees the candidates of
 * its own vacancies in the organisation audience. The pages load nothing from elsewhere.
 *
 * <p>Signing in puts the key in a cookie that only these pages receive ({@code HttpOnly}, {@code
 * SameSite=Strict}, path {@code /counter}); every request checks it again, so a revoked key stops
 * at once and any server process over the same store serves the pages. A form sent from another
 * site is refused by its {@code Origin}.
 */
final class CounterPages {
  static final String KEY_COOKIE = "koppel_counter";
  static final String LANGUAGE_COOKIE = "koppel_lang";

  /** The largest form accepted. */
  static final long MAX_FORM_BYTES = 64 * 1024;

  /** How long a sign-in lasts: a counter's day. */
  static final int SIGN_IN_SECONDS = 8 * 3600;

  /** The candidates the organisation page shows per vacancy. */
  static final int ORGANISATION_K = 10;

  private static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Engines engines;
  private final AccessKeys keys;
  private final RateLimit.Buckets buckets;
  private final KoppelJson json;
  private final LocalDate date;
  private final Map<String, byte[]> assets = Map.of(
      "counter.css", asset("counter.css"), "counter.js", asset("counter.js"));

  CounterPages(Engines engines, AccessKeys keys, RateLimit.Buckets buckets, KoppelJson json, LocalDate date) {
    this.engines = engines;
    this.keys = keys;
    this.buckets = buckets;
    this.json = json;
    this.date = date;
  }

  private static byte[] asset(String name) {
    try (InputStream in = CounterPages.class.getResourceAsStream("pages/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the server's pages/" + name + " is missing from its jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the server's pages/" + name, e);
    }
  }

  /** Whether a path is one of the pages', which sign in by cookie, not by header. */
  static boolean isPage(String path) {
    return path.equals("/") || path.equals("/counter") || path.startsWith("/counter/");
  }

  // ---------------------------------------------------------------- handlers

  void root(Context ctx) {
    ctx.redirect("/counter", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** A page path that is none of the pages'. */
  void notFound(Context ctx) {
    PageText t = PageText.of(language(ctx));
    page(ctx, 404, t, null, "notFound.title", "<p>" + esc(t.t("notFound.text")) + " <a href=\"/counter\">"
        + esc(t.t("notFound.back")) + "</a></p>");
  }

  void asset(Context ctx) {
    String name = ctx.pathParam("name");
    byte[] bytes = assets.get(name);
    if (bytes == null) {
      notFound(ctx);
      return;
    }
    ctx.status(200);
    ctx.contentType(name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
    ctx.header("Cache-Control", "max-age=3600");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.result(bytes);
  }

  /** The page of whoever is signed in: the sign-in form, the visitor form, or the organisation's. */
  void counter(Context ctx) {
    PageText t = PageText.of(language(ctx));
    String asked = ctx.queryParam("lang");
    if (asked != null && PageText.isLanguage(asked)) {
      ctx.header("Set-Cookie", LANGUAGE_COOKIE + "=" + asked + "; Path=/counter; Max-Age=31536000; SameSite=Lax");
    }
    Optional<Principal> p = signedIn(ctx, t);
    if (p == null) {
      return;
    }
    if (p.isEmpty()) {
      signInPage(ctx, 200, t, null);
      return;
    }
    switch (p.get().role()) {
      case MUNICIPALITY, COUNSELLOR -> visitorPage(ctx, 200, t, p.get(), VisitorForm.empty(), null);
      case ORGANISATION -> organisationPage(ctx, t, p.get());
      case VOLUNTEER -> page(ctx, 403, t, p.get(), "volunteer.title", "<p>" + esc(t.t("volunteer.text")) + "</p>");
    }
  }

  void signIn(Context ctx) {
    PageText t = PageText.of(language(ctx));
    if (!sameOrigin(ctx, t, null)) {
      return;
    }
    Map<String, List<String>> form = form(ctx, t, null);
    if (form == null) {
      return;
    }
    List<String> values = form.getOrDefault("key", List.of());
    String key = values.isEmpty() ? "" : values.get(0).strip();
    Optional<Principal> p = key.isEmpty() || key.length() > 200 ? Optional.empty() : keys.authenticate(key);
    if (p.isEmpty()) {
      signInPage(ctx, 401, t, t.t(key.isEmpty() ? "signIn.empty" : "signIn.invalid"));
      return;
    }
    ctx.header("Set-Cookie", KEY_COOKIE + "=" + key + "; Path=/counter; Max-Age=" + SIGN_IN_SECONDS
        + "; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
    ctx.redirect("/counter", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Whether the page reached the browser over HTTPS, directly or through a proxy that says so. */
  private static boolean secure(Context ctx) {
    return ctx.scheme().equals("https") || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  void signOut(Context ctx) {
    PageText t = PageText.of(language(ctx));
    if (!sameOrigin(ctx, t, null)) {
      return;
    }
    ctx.header("Set-Cookie", KEY_COOKIE + "=; Path=/counter; Max-Age=0; HttpOnly; SameSite=Strict");
    ctx.redirect("/counter", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** A page reached by GET that only answers a form: back to the start. */
  void back(Context ctx) {
    ctx.redirect("/counter", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** A counter staff's visitor form that describes a visitor. */
  private record Asked(PageText t, Principal p, VisitorForm form, Volunteer visitor) {}

  /**
   * The visitor a form describes, sent by counter staff; null when the answer was written: the
   * sign-in, a refusal, or the form with what is wrong (422).
   */
  private @Nullable Asked asked(Context ctx) {
    PageText t = PageText.of(language(ctx));
    Principal p = staff(ctx, t);
    if (p == null) {
      return null;
    }
    Map<String, List<String>> fields = form(ctx, t, p);
    if (fields == null) {
      return null;
    }
    VisitorForm form = VisitorForm.read(fields, t, json.vocabularies(), json.geocoder(), date);
    if (form.visitor().isEmpty()) {
      visitorPage(ctx, 422, t, p, form, null);
      return null;
    }
    return new Asked(t, p, form, form.visitor().get());
  }

  /** The vacancies for the visitor the form describes, or the form with what is wrong. */
  void visitor(Context ctx) {
    Asked a = asked(ctx);
    if (a == null) {
      return;
    }
    Engines.Live live = engines.current();
    Ranking ranking = live.engine().rankVacancies(a.visitor(), a.form().size(), Audience.COUNSELLOR);
    visitorPage(ctx, 200, a.t(), a.p(), a.form(), results(a.t(), live.engine().dataset(), ranking, a.form()));
  }

  /** The visitor's printable summary, in the language chosen for them, in the volunteer audience. */
  void summary(Context ctx) {
    Asked a = asked(ctx);
    if (a == null) {
      return;
    }
    PageText t = a.t();
    VisitorForm form = a.form();
    PageText v = PageText.of(form.summaryLanguage(t.language()));
    Engines.Live live = engines.current();
    Ranking ranking = live.engine().rankVacancies(a.visitor(), 5, Audience.VOLUNTEER);
    Dataset data = live.engine().dataset();
    StringBuilder h = new StringBuilder();
    h.append("<p class=\"lead\">").append(esc(v.t("summary.intro"))).append("</p>\n");
    if (ranking.matches().isEmpty()) {
      h.append("<p>").append(esc(v.t("summary.none"))).append("</p>\n");
    } else {
      h.append("<ol class=\"summary-list\">\n");
      for (Match m : ranking.matches()) {
        Vacancy vacancy = Engines.vacancy(data, m.vacancyId());
        Organisation org = data.organisationOf(vacancy);
        h.append("<li><h2>").append(esc(vacancy.title().in(v.language()))).append("</h2>\n<p>")
            .append(esc(org.name())).append(place(v, vacancy, org)).append("</p>\n");
        List<String> reasons = m.explanation().contributions().stream()
            .filter(c -> c.contribution() > 0 && !c.evidence().isEmpty())
            .sorted(Comparator.comparingDouble(Contribution::contribution).reversed())
            .limit(3)
            .map(c -> c.evidence().get(0).message().in(v.language()))
            .toList();
        if (!reasons.isEmpty()) {
          h.append("<h3>").append(esc(v.t("summary.why"))).append("</h3>\n<ul>\n");
          reasons.forEach(r -> h.append("<li>").append(esc(r)).append("</li>\n"));
          h.append("</ul>\n");
        }
        if (!m.explanation().notices().isEmpty()) {
          h.append("<h3>").append(esc(v.t("summary.know"))).append("</h3>\n<ul>\n");
          for (LegalNotice n : m.explanation().notices()) {
            h.append("<li>").append(esc(n.message().in(v.language()))).append("</li>\n");
          }
          h.append("</ul>\n");
        }
        h.append("</li>\n");
      }
      h.append("</ol>\n");
    }
    h.append("<h2>").append(esc(v.t("summary.next"))).append("</h2>\n<p>").append(esc(v.t("summary.nextText")))
        .append("</p>\n<p class=\"date\">").append(esc(v.t("summary.date",
            date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(v.locale()))))).append("</p>\n");
    h.append("<p class=\"no-print\"><button type=\"button\" class=\"button\" data-print hidden>")
        .append(esc(v.t("summary.print"))).append("</button> <span class=\"hint\">")
        .append(esc(v.t("summary.printHint"))).append("</span></p>\n");
    page(ctx, 200, v, null, "summary.title", h.toString());
  }

  // ---------------------------------------------------------------- access

  /**
   * Who the cookie signs in: empty for no one; null when the answer was already written (the
   * rate limit).
   */
  private @Nullable Optional<Principal> signedIn(Context ctx, PageText t) {
    String key = ctx.cookie(KEY_COOKIE);
    if (key == null || key.isEmpty() || key.length() > 200) {
      return Optional.empty();
    }
    Optional<Principal> p = keys.authenticate(key);
    if (p.isPresent()) {
      long seconds = buckets.retryAfter(p.get().keyId());
      if (seconds > 0) {
        ctx.header("Retry-After", Long.toString(seconds));
        page(ctx, 429, t, null, "limit.title", "<p>" + esc(t.t("limit.text", seconds)) + "</p>");
        return null;
      }
    }
    return p;
  }

  /** Counter staff signed in, or null when the answer (sign-in, refusal) was written. */
  private @Nullable Principal staff(Context ctx, PageText t) {
    if (!sameOrigin(ctx, t, null)) {
      return null;
    }
    Optional<Principal> p = signedIn(ctx, t);
    if (p == null) {
      return null;
    }
    if (p.isEmpty()) {
      signInPage(ctx, 401, t, t.t("signIn.expired"));
      return null;
    }
    if (p.get().role() != Role.MUNICIPALITY && p.get().role() != Role.COUNSELLOR) {
      page(ctx, 403, t, p.get(), "forbidden.title", "<p>" + esc(t.t("forbidden.staff")) + "</p>");
      return null;
    }
    return p.get();
  }

  /** Whether a form comes from these pages; otherwise a refusal is written. */
  private boolean sameOrigin(Context ctx, PageText t, @Nullable Principal p) {
    // The host alone is compared: behind a proxy that terminates TLS the page is https, the
    // server sees http. A browser always sends Origin with a form; without one (a client that is
    // no browser) the SameSite=Strict cookie is the defence.
    String origin = ctx.header("Origin");
    String host = ctx.header("Host");
    if (origin == null || host != null && (origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host))) {
      return true;
    }
    page(ctx, 403, t, p, "forbidden.title", "<p>" + esc(t.t("forbidden.origin")) + "</p>");
    return false;
  }

  private @Nullable Map<String, List<String>> form(Context ctx, PageText t, @Nullable Principal p) {
    String type = Exchange.mediaType(ctx);
    if (!type.equals("application/x-www-form-urlencoded")) {
      page(ctx, 415, t, p, "badForm.title", "<p>" + esc(t.t("badForm.type")) + "</p>");
      return null;
    }
    try {
      return VisitorForm.decode(Exchange.bytes(ctx, MAX_FORM_BYTES));
    } catch (Problem e) {
      page(ctx, e.status(), t, p, "badForm.title", "<p>" + esc(t.t(e.status() == 413 ? "badForm.large" : "badForm.text")) + "</p>");
      return null;
    } catch (IllegalArgumentException e) {
      page(ctx, 400, t, p, "badForm.title", "<p>" + esc(t.t("badForm.text")) + "</p>");
      return null;
    }
  }

  /** The page language: asked in the query ({@code ?lang=}), else remembered in its cookie, else Dutch. */
  private static String language(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null && PageText.isLanguage(asked)) {
      return asked;
    }
    String kept = ctx.cookie(LANGUAGE_COOKIE);
    return kept != null && PageText.isLanguage(kept) ? kept : "nl";
  }

  // ---------------------------------------------------------------- pages

  private void page(Context ctx, int status, PageText t, @Nullable Principal p, String titleKey, String main) {
    String title = t.t(titleKey);
    StringBuilder h = new StringBuilder(main.length() + 4096);
    h.append("<!DOCTYPE html>\n<html lang=\"").append(t.language()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(esc(title)).append(" · Koppel</title>\n")
        .append("<link rel=\"stylesheet\" href=\"/counter/assets/counter.css\">\n")
        .append("<script src=\"/counter/assets/counter.js\" defer></script>\n</head>\n<body>\n")
        .append("<a class=\"skip\" href=\"#main\">").append(esc(t.t("page.skip"))).append("</a>\n")
        .append("<header class=\"top\">\n<p class=\"brand\">Koppel <span>").append(esc(t.t("page.brand")))
        .append("</span></p>\n<nav aria-label=\"").append(esc(t.t("page.languages"))).append("\">\n<ul class=\"langs\">\n");
    for (String l : PageText.LANGUAGES) {
      PageText other = PageText.of(l);
      h.append("<li><a href=\"/counter?lang=").append(l).append("\" lang=\"").append(l).append("\" hreflang=\"")
          .append(l).append('"').append(l.equals(t.language()) ? " aria-current=\"true\"" : "").append('>')
          .append(esc(other.t("page.languageName"))).append("</a></li>\n");
    }
    h.append("</ul>\n</nav>\n");
    if (p != null) {
      h.append("<form method=\"post\" action=\"/counter/sign-out?lang=").append(t.language())
          .append("\" class=\"sign-out\">\n<span>").append(esc(t.t("page.signedInAs." + p.role().name())))
          .append("</span>\n<button type=\"submit\" class=\"link\">").append(esc(t.t("page.signOut")))
          .append("</button>\n</form>\n");
    }
    h.append("</header>\n<main id=\"main\" tabindex=\"-1\">\n<h1>").append(esc(title)).append("</h1>\n")
        .append(main).append("</main>\n<footer>\n<p>").append(esc(t.t("page.footer"))).append("</p>\n</footer>\n</body>\n</html>\n");
    ctx.status(status);
    ctx.contentType("text/html; charset=utf-8");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    // No referrer leaves for another site; "no-referrer" would also make the browser send "Origin: null"
    // with the pages' own forms, which the origin check refuses.
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
    // A page may tell about a visitor: never kept by a browser or a proxy.
    ctx.header("Cache-Control", "no-store");
    ctx.result(h.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void signInPage(Context ctx, int status, PageText t, @Nullable String error) {
    StringBuilder h = new StringBuilder();
    h.append("<p class=\"lead\">").append(esc(t.t("signIn.intro"))).append("</p>\n");
    if (error != null) {
      h.append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><p>").append(esc(error)).append("</p></div>\n");
    }
    h.append("<form method=\"post\" action=\"/counter/sign-in?lang=").append(t.language()).append("\" class=\"sign-in\">\n")
        .append("<div class=\"field\">\n<label for=\"key\">").append(esc(t.t("signIn.key"))).append("</label>\n")
        .append("<p class=\"hint\" id=\"key-hint\">").append(esc(t.t("signIn.keyHint"))).append("</p>\n")
        .append("<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"current-password\" spellcheck=\"false\" "
            + "aria-describedby=\"key-hint\" required").append(error != null ? " aria-invalid=\"true\"" : "").append(">\n</div>\n")
        .append("<button type=\"submit\" class=\"button\">").append(esc(t.t("signIn.submit"))).append("</button>\n</form>\n");
    page(ctx, status, t, null, "signIn.title", h.toString());
  }

  // ---------------------------------------------------------------- the visitor form

  private void visitorPage(Context ctx, int status, PageText t, Principal p, VisitorForm form, @Nullable String results) {
    StringBuilder h = new StringBuilder(32_768);
    if (!form.errors().isEmpty()) {
      h.append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"errors\">\n<h2>")
          .append(esc(t.t("form.errors", form.errors().size()))).append("</h2>\n<ul>\n");
      for (VisitorForm.FieldError e : form.errors()) {
        h.append("<li><a href=\"#").append(esc(e.field())).append("\">").append(esc(e.message())).append("</a></li>\n");
      }
      h.append("</ul>\n</div>\n");
    }
    if (results != null) {
      h.append(results);
    }
    h.append("<form method=\"post\" action=\"/counter/visitor?lang=").append(t.language())
        .append("#results\" class=\"visitor\" novalidate>\n");
    h.append("<p class=\"lead\">").append(esc(t.t("form.intro"))).append("</p>\n");
    h.append("<nav aria-label=\"").append(esc(t.t("form.steps"))).append("\"><ol class=\"steps\">\n");
    String[] steps = {"languages", "talents", "wishes", "availability", "place", "consent"};
    for (int i = 0; i < steps.length; i++) {
      h.append("<li><a href=\"#step-").append(steps[i]).append("\">").append(esc(t.t("step." + steps[i])))
          .append("</a></li>\n");
    }
    h.append("</ol></nav>\n");
    ConceptScheme talents = json.vocabularies().talents();
    ConceptScheme sectors = json.vocabularies().sectors();
    // 1. Languages
    h.append(legend(t, 1, steps));
    h.append("<p class=\"hint\">").append(esc(t.t("languages.hint"))).append("</p>\n");
    List<String> codes = languageCodes(t);
    for (int i = 1; i <= VisitorForm.LANGUAGE_ROWS; i++) {
      h.append("<div class=\"row\">\n");
      StringBuilder options = new StringBuilder("<option value=\"\">").append(esc(t.t("languages.none"))).append("</option>\n");
      String chosen = form.value("language" + i);
      for (String code : codes) {
        options.append("<option value=\"").append(esc(code)).append('"').append(code.equals(chosen) ? " selected" : "")
            .append('>').append(esc(Languages.name(code).in(t.language()))).append("</option>\n");
      }
      h.append(select(form, "language" + i, t.t("languages.language", i), options.toString()));
      StringBuilder levels = new StringBuilder("<option value=\"\">").append(esc(t.t("languages.noLevel"))).append("</option>\n");
      for (CefrLevel level : CefrLevel.values()) {
        levels.append("<option value=\"").append(level.name()).append('"')
            .append(level.name().equals(form.value("level" + i)) ? " selected" : "").append('>')
            .append(esc(t.t("cefr." + level.name()))).append("</option>\n");
      }
      h.append(select(form, "level" + i, t.t("languages.level", i), levels.toString()));
      h.append(checkbox(form, "practise" + i, t.t("languages.practise", i)));
      h.append("</div>\n");
    }
    h.append("</fieldset>\n");
    // 2. Talents and interests
    h.append(legend(t, 2, steps));
    h.append("<p class=\"hint\" id=\"words-hint\">").append(esc(t.t("talents.hint"))).append("</p>\n");
    h.append(datalist("talent-labels", talents, t)).append(datalist("interest-labels", sectors, t));
    h.append("<div class=\"row\">\n");
    for (int i = 1; i <= VisitorForm.TALENT_ROWS; i++) {
      h.append(text(form, "talent" + i, t.t("talents.talent", i), "talent-labels", "words-hint"));
    }
    h.append("</div>\n<div class=\"row\">\n");
    for (int i = 1; i <= VisitorForm.LEARN_ROWS; i++) {
      h.append(text(form, "learn" + i, t.t("talents.learn", i), "talent-labels", "words-hint"));
    }
    h.append("</div>\n<div class=\"row\">\n");
    for (int i = 1; i <= VisitorForm.INTEREST_ROWS; i++) {
      h.append(text(form, "interest" + i, t.t("talents.interest", i), "interest-labels", "words-hint"));
    }
    h.append("</div>\n</fieldset>\n");
    // 3. Wishes
    h.append(legend(t, 3, steps));
    h.append("<div class=\"row\">\n");
    h.append(select(form, "regularity", t.t("wishes.regularity"), options(form, "regularity", t,
        List.of("", "REGULAR", "ONE_OFF"), "wishes.regularity.")));
    h.append(select(form, "setting", t.t("wishes.setting"), options(form, "setting", t,
        List.of("", "GROUP", "ALONE"), "wishes.setting.")));
    h.append("</div>\n<fieldset class=\"inner\">\n<legend>").append(esc(t.t("wishes.remote"))).append("</legend>\n");
    String remote = form.value("remote").isEmpty() ? "ok" : form.value("remote");
    for (String r : List.of("onsite", "ok", "prefers")) {
      h.append("<div class=\"choice\"><input type=\"radio\" id=\"remote-").append(r).append("\" name=\"remote\" value=\"")
          .append(r).append('"').append(r.equals(remote) ? " checked" : "").append("><label for=\"remote-").append(r)
          .append("\">").append(esc(t.t("wishes.remote." + r))).append("</label></div>\n");
    }
    h.append("</fieldset>\n</fieldset>\n");
    // 4. Availability
    h.append(legend(t, 4, steps));
    h.append("<table class=\"week\">\n<caption>").append(esc(t.t("week.caption"))).append("</caption>\n<thead><tr><th scope=\"col\">")
        .append(esc(t.t("week.day"))).append("</th>");
    for (DayPart part : DayPart.values()) {
      h.append("<th scope=\"col\">").append(esc(t.t("dayPart." + part.name()))).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (DayOfWeek day : DayOfWeek.values()) {
      String dayName = capitalised(day.getDisplayName(TextStyle.FULL, t.locale()), t);
      h.append("<tr><th scope=\"row\">").append(esc(dayName)).append("</th>");
      for (DayPart part : DayPart.values()) {
        String id = VisitorForm.slotField(day, part);
        h.append("<td><input type=\"checkbox\" id=\"").append(id).append("\" name=\"").append(id).append("\" value=\"on\"")
            .append(form.checked(id) ? " checked" : "").append("><label class=\"sr-only\" for=\"").append(id).append("\">")
            .append(esc(dayName + ", " + t.t("dayPart." + part.name()))).append("</label></td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
    h.append(number(form, "hours", t.t("week.hours"), t.t("week.hoursHint")));
    h.append("</fieldset>\n");
    // 5. Place and travel
    h.append(legend(t, 5, steps));
    h.append("<div class=\"row\">\n");
    h.append(input(form, "postcode", t.t("place.postcode"), "text", t.t("place.postcodeHint"),
        " inputmode=\"numeric\" autocomplete=\"postal-code\" size=\"6\""));
    h.append(input(form, "municipality", t.t("place.municipality"), "text", t.t("place.municipalityHint"),
        " autocomplete=\"address-level2\""));
    h.append(number(form, "distance", t.t("place.distance"), t.t("place.distanceHint")));
    StringBuilder travel = new StringBuilder();
    String mode = form.value("travel").isEmpty() ? "PUBLIC_TRANSPORT" : form.value("travel");
    for (TravelMode m : TravelMode.values()) {
      travel.append("<option value=\"").append(m.name()).append('"').append(m.name().equals(mode) ? " selected" : "")
          .append('>').append(esc(t.t("travel." + m.name()))).append("</option>\n");
    }
    h.append(select(form, "travel", t.t("place.travel"), travel.toString()));
    h.append(input(form, "birthDate", t.t("place.birthDate"), "date", t.t("place.birthDateHint"), ""));
    h.append("</div>\n</fieldset>\n");
    // 6. Sensitive facts, each only with consent
    h.append(legend(t, 6, steps));
    h.append("<p class=\"hint\">").append(esc(t.t("consent.hint"))).append("</p>\n");
    h.append(checkbox(form, "consentAbility", t.t("consent.ability"), "ability"));
    h.append("<fieldset class=\"inner\" id=\"ability\">\n<legend>").append(esc(t.t("consent.abilityLegend"))).append("</legend>\n");
    h.append("<p class=\"hint\">").append(esc(t.t("consent.abilityHint"))).append("</p>\n<div class=\"grid\">\n");
    for (Concept d : json.vocabularies().functionalDimensions().concepts()) {
      StringBuilder levels = new StringBuilder("<option value=\"\">").append(esc(t.t("level.none"))).append("</option>\n");
      String id = "possibility-" + d.id();
      for (FunctionalLevel l : FunctionalLevel.values()) {
        levels.append("<option value=\"").append(l.name()).append('"').append(l.name().equals(form.value(id)) ? " selected" : "")
            .append('>').append(esc(t.t("level." + l.name()))).append("</option>\n");
      }
      h.append(select(form, id, d.label().in(t.language()), levels.toString()));
    }
    h.append("</div>\n<fieldset class=\"inner\">\n<legend>").append(esc(t.t("consent.support"))).append("</legend>\n<div class=\"grid\">\n");
    for (Concept a : json.vocabularies().accommodations().concepts()) {
      h.append(checkbox(form, "support-" + a.id(), a.label().in(t.language())));
    }
    h.append("</div>\n</fieldset>\n</fieldset>\n");
    h.append(checkbox(form, "consentBenefit", t.t("consent.benefit"), "benefits"));
    h.append("<fieldset class=\"inner\" id=\"benefits\">\n<legend>").append(esc(t.t("consent.benefitLegend"))).append("</legend>\n<div class=\"grid\">\n");
    for (BenefitStatus b : BenefitStatus.values()) {
      h.append(checkbox(form, "benefit-" + b.name(), t.t("benefit." + b.name())));
    }
    h.append("</div>\n</fieldset>\n");
    h.append(checkbox(form, "consentGroups", t.t("consent.groups"), "groups"));
    h.append("<fieldset class=\"inner\" id=\"groups\">\n<legend>").append(esc(t.t("consent.groupsLegend"))).append("</legend>\n<div class=\"grid\">\n");
    for (Concept g : json.vocabularies().targetGroups().concepts()) {
      h.append(checkbox(form, "group-" + g.id(), g.label().in(t.language())));
    }
    h.append("</div>\n</fieldset>\n</fieldset>\n");
    // Send
    h.append("<div class=\"actions\">\n<div class=\"row\">\n");
    StringBuilder sizes = new StringBuilder();
    for (int s : VisitorForm.SIZES) {
      sizes.append("<option value=\"").append(s).append('"').append(s == form.size() ? " selected" : "").append('>')
          .append(t.integer(s)).append("</option>\n");
    }
    h.append(select(form, "k", t.t("form.size"), sizes.toString()));
    StringBuilder summaryLanguages = new StringBuilder();
    for (String l : PageText.LANGUAGES) {
      summaryLanguages.append("<option value=\"").append(l).append('"')
          .append(l.equals(form.summaryLanguage(t.language())) ? " selected" : "").append(" lang=\"").append(l).append("\">")
          .append(esc(PageText.of(l).t("page.languageName"))).append("</option>\n");
    }
    h.append(select(form, "summaryLang", t.t("form.summaryLanguage"), summaryLanguages.toString()));
    h.append("</div>\n<button type=\"submit\" class=\"button\" id=\"search\">").append(esc(t.t("form.submit"))).append("</button>\n")
        .append("<button type=\"submit\" class=\"button secondary\" id=\"print-summary\" formaction=\"/counter/summary?lang=")
        .append(t.language()).append("\">").append(esc(t.t("form.summary"))).append("</button>\n</div>\n</form>\n");
    page(ctx, status, t, p, "visitor.title", h.toString());
  }

  private static String legend(PageText t, int step, String[] steps) {
    return "<fieldset class=\"step\" id=\"step-" + steps[step - 1] + "\">\n<legend>"
        + esc(t.t("form.step", step, steps.length) + " " + t.t("step." + steps[step - 1])) + "</legend>\n";
  }

  /** The language codes: Dutch, French and English first, then the others by their name in the page's language. */
  private static List<String> languageCodes(PageText t) {
    Collator collator = Collator.getInstance(t.locale());
    List<String> codes = new ArrayList<>(List.of("nl", "fr", "en"));
    Languages.codes().stream()
        .filter(c -> !codes.contains(c))
        .sorted(Comparator.comparing((String c) -> Languages.name(c).in(t.language()), collator).thenComparing(c -> c))
        .forEach(codes::add);
    return codes;
  }

  private static String capitalised(String text, PageText t) {
    return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(t.locale()) + text.substring(1);
  }

  /**
   * The suggestions of a free-word field: the labels in the page's language, then those in the
   * other two (a visitor may say the word in French at a Dutch page), each once.
   */
  private static String datalist(String id, ConceptScheme scheme, PageText t) {
    StringBuilder h = new StringBuilder("<datalist id=\"").append(id).append("\">\n");
    Collator collator = Collator.getInstance(t.locale());
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<String> languages = new ArrayList<>(List.of(t.language()));
    PageText.LANGUAGES.stream().filter(l -> !l.equals(t.language())).forEach(languages::add);
    for (String language : languages) {
      scheme.concepts().stream().map(c -> c.label().in(language)).distinct().sorted(collator)
          .filter(seen::add)
          .forEach(label -> h.append("<option value=\"").append(esc(label)).append("\"></option>\n"));
    }
    return h.append("</datalist>\n").toString();
  }

  private static String described(VisitorForm form, String rawId, @Nullable String hintId) {
    String error = form.error(rawId);
    String id = esc(rawId);
    StringBuilder ids = new StringBuilder();
    if (hintId != null) {
      ids.append(hintId);
    }
    if (error != null) {
      ids.append(ids.length() > 0 ? " " : "").append(id).append("-error");
    }
    return (ids.length() > 0 ? " aria-describedby=\"" + ids + "\"" : "") + (error != null ? " aria-invalid=\"true\"" : "");
  }

  private static String errorLine(VisitorForm form, String id) {
    String error = form.error(id);
    return error == null ? "" : "<p class=\"error\" id=\"" + esc(id) + "-error\">" + esc(error) + "</p>\n";
  }

  private static String select(VisitorForm form, String id, String label, String options) {
    String e = esc(id);
    return "<div class=\"field\">\n<label for=\"" + e + "\">" + esc(label) + "</label>\n" + errorLine(form, id)
        + "<select id=\"" + e + "\" name=\"" + e + "\"" + described(form, id, null) + ">\n" + options + "</select>\n</div>\n";
  }

  private static String options(VisitorForm form, String id, PageText t, List<String> values, String prefix) {
    StringBuilder h = new StringBuilder();
    for (String v : values) {
      h.append("<option value=\"").append(v).append('"').append(v.equals(form.value(id)) ? " selected" : "").append('>')
          .append(esc(t.t(prefix + (v.isEmpty() ? "any" : v)))).append("</option>\n");
    }
    return h.toString();
  }

  private static String text(VisitorForm form, String id, String label, String list, String hintId) {
    return "<div class=\"field\">\n<label for=\"" + id + "\">" + esc(label) + "</label>\n" + errorLine(form, id)
        + "<input type=\"text\" id=\"" + id + "\" name=\"" + id + "\" list=\"" + list + "\" autocomplete=\"off\" maxlength=\""
        + VisitorForm.MAX_FIELD + "\" value=\"" + esc(form.value(id)) + "\"" + described(form, id, hintId) + ">\n</div>\n";
  }

  private static String input(VisitorForm form, String id, String label, String type, String hint, String extra) {
    return "<div class=\"field\">\n<label for=\"" + id + "\">" + esc(label) + "</label>\n<p class=\"hint\" id=\"" + id
        + "-hint\">" + esc(hint) + "</p>\n" + errorLine(form, id) + "<input type=\"" + type + "\" id=\"" + id + "\" name=\""
        + id + "\" value=\"" + esc(form.value(id)) + "\"" + extra + described(form, id, id + "-hint") + ">\n</div>\n";
  }

  private static String number(VisitorForm form, String id, String label, String hint) {
    return input(form, id, label, "text", hint, " inputmode=\"decimal\" size=\"6\"");
  }

  private static String checkbox(VisitorForm form, String id, String label) {
    return checkbox(form, id, label, null);
  }

  private static String checkbox(VisitorForm form, String id, String label, @Nullable String controls) {
    String e = esc(id);
    return "<div class=\"choice\">" + errorLine(form, id) + "<input type=\"checkbox\" id=\"" + e + "\" name=\"" + e
        + "\" value=\"on\"" + (form.checked(id) ? " checked" : "")
        + (controls != null ? " data-consent-for=\"" + controls + "\" aria-controls=\"" + controls + "\"" : "")
        + described(form, id, null) + "><label for=\"" + e + "\">" + esc(label) + "</label></div>\n";
  }

  // ---------------------------------------------------------------- results

  private String results(PageText t, Dataset data, Ranking ranking, VisitorForm form) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<section id=\"results\" aria-labelledby=\"results-title\" tabindex=\"-1\">\n<h2 id=\"results-title\">")
        .append(esc(t.t("results.title"))).append("</h2>\n<p>")
        .append(esc(t.t("results.count", ranking.feasible(), ranking.candidates()))).append("</p>\n");
    words(h, t, form);
    if (ranking.matches().isEmpty()) {
      h.append("<p>").append(esc(t.t("results.none"))).append("</p>\n");
    } else {
      h.append("<ol class=\"matches\">\n");
      for (Match m : ranking.matches()) {
        Vacancy v = Engines.vacancy(data, m.vacancyId());
        Organisation org = data.organisationOf(v);
        h.append("<li class=\"match\" data-vacancy=\"").append(esc(v.id())).append("\">\n<h3>")
            .append(esc(v.title().in(t.language()))).append("</h3>\n<p class=\"meta\">").append(esc(org.name()))
            .append(place(t, v, org)).append(" · <span class=\"id\">").append(esc(v.id())).append("</span></p>\n");
        explanation(h, t, m.explanation(), Audience.COUNSELLOR, m.rank() == 1);
        h.append("</li>\n");
      }
      h.append("</ol>\n");
    }
    if (!ranking.nearMisses().isEmpty()) {
      h.append("<h2>").append(esc(t.t("results.nearMisses"))).append("</h2>\n<p class=\"hint\">")
          .append(esc(t.t("results.nearMissesHint"))).append("</p>\n<ul class=\"near-misses\">\n");
      for (NearMiss n : ranking.nearMisses()) {
        Vacancy v = Engines.vacancy(data, n.vacancyId());
        Organisation org = data.organisationOf(v);
        h.append("<li class=\"near-miss\" data-vacancy=\"").append(esc(v.id())).append("\">\n<h3>")
            .append(esc(v.title().in(t.language()))).append("</h3>\n<p class=\"meta\">").append(esc(org.name()))
            .append(place(t, v, org)).append("</p>\n<ul>\n");
        for (GateResult g : n.failedGates()) {
          h.append("<li><strong>").append(esc(gateLabel(g, t))).append("</strong>");
          if (!g.evidence().isEmpty()) {
            h.append(": ").append(esc(g.evidence().get(0).message().in(t.language())));
          }
          List<String> remedies = g.remedies().stream().map(r -> r.in(t.language())).distinct().toList();
          if (!remedies.isEmpty()) {
            h.append("\n<ul class=\"remedies\">\n");
            remedies.forEach(r -> h.append("<li>").append(esc(t.t("results.wouldChange", r))).append("</li>\n"));
            h.append("</ul>\n");
          }
          h.append("</li>\n");
        }
        h.append("</ul>\n</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</section>\n");
    return h.toString();
  }

  /** The free words of the form: what each was placed on, and what could not be placed. */
  private void words(StringBuilder h, PageText t, VisitorForm form) {
    List<PlacedWord> placed = form.placed().stream()
        .filter(w -> !w.word().equalsIgnoreCase(conceptLabel(w.conceptId(), t)))
        .toList();
    if (placed.isEmpty() && form.unplaced().isEmpty()) {
      return;
    }
    h.append("<div class=\"words\" role=\"note\">\n");
    if (!placed.isEmpty()) {
      h.append("<p>").append(esc(t.t("words.placed"))).append("</p>\n<ul>\n");
      for (PlacedWord w : placed) {
        h.append("<li>").append(esc(t.t("words.placedAs", w.word(), conceptLabel(w.conceptId(), t)))).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    if (!form.unplaced().isEmpty()) {
      h.append("<p>").append(esc(t.t("words.unplaced"))).append("</p>\n<ul>\n");
      for (UnplacedWord w : form.unplaced()) {
        String nearest = w.nearest().stream().map(id -> conceptLabel(id, t)).collect(Collectors.joining(", "));
        h.append("<li>").append(esc(nearest.isEmpty() ? t.t("words.unplacedNone", w.word())
            : t.t("words.unplacedNear", w.word(), nearest))).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</div>\n");
  }

  private String conceptLabel(String id, PageText t) {
    Concept c = json.vocabularies().talents().concept(id);
    if (c == null) {
      c = json.vocabularies().sectors().concept(id);
    }
    return c == null ? id : c.label().in(t.language());
  }

  /**
   * An explanation for the audience it was computed for, as a list of criteria (open or folded)
   * and notices.
   */
  private static void explanation(StringBuilder h, PageText t, MatchExplanation e, Audience audience, boolean open) {
    MatchExplanation r = e.redactedFor(audience);
    h.append("<p class=\"score\">");
    if (r.scoresWithheld()) {
      h.append(esc(t.t("explanation.withheld")));
    } else {
      h.append(esc(t.t("explanation.score", Math.round(r.score().soft() * 100))));
    }
    h.append("</p>\n<details").append(open ? " open" : "").append(">\n<summary>").append(esc(t.t("explanation.why"))).append("</summary>\n<ul class=\"criteria\">\n");
    for (Contribution c : r.contributions()) {
      h.append("<li><span class=\"criterion\">")
          .append(esc(c.redacted() ? t.t("explanation.private") : ExplanationText.label(c.type(), t.language())))
          .append("</span>");
      if (!r.scoresWithheld()) {
        if (c.outcome() == Evaluation.Outcome.ABSTAINED) {
          h.append(" <span class=\"points\">").append(esc(t.t("explanation.notGiven"))).append("</span>");
        } else {
          h.append(" <span class=\"points\">+").append(esc(t.decimal(c.contribution(), 2))).append("</span> <span class=\"weight\">")
              .append(esc(t.t("explanation.weight", t.percent(c.weight())))).append("</span>");
        }
      }
      if (!c.evidence().isEmpty()) {
        h.append("\n<ul class=\"evidence\">\n");
        for (Evidence ev : c.evidence()) {
          h.append("<li>").append(esc(ev.message().in(t.language()))).append("</li>\n");
        }
        h.append("</ul>\n");
      }
      h.append("</li>\n");
    }
    h.append("</ul>\n</details>\n");
    if (!r.notices().isEmpty()) {
      h.append("<div class=\"notices\" role=\"note\">\n<p><strong>").append(esc(t.t("explanation.notices")))
          .append("</strong></p>\n<ul>\n");
      for (LegalNotice n : r.notices()) {
        h.append("<li>").append(esc(n.message().in(t.language()))).append("</li>\n");
      }
      h.append("</ul>\n</div>\n");
    }
  }

  private static String gateLabel(GateResult g, PageText t) {
    return g.redacted() ? t.t("explanation.private") : ExplanationText.label(g.gate(), t.language());
  }

  /** Where a vacancy is: from home, or its municipality, or its organisation's. */
  private static String place(PageText t, Vacancy v, Organisation org) {
    if (v.workMode() == WorkMode.REMOTE) {
      return ", " + esc(t.t("place.remote"));
    }
    Location l = v.location() != null ? v.location() : org.location();
    return l != null && l.municipality() != null ? ", " + esc(l.municipality()) : "";
  }

  // ---------------------------------------------------------------- the organisation's page

  private void organisationPage(Context ctx, PageText t, Principal p) {
    Engines.Live live = engines.current();
    Dataset data = live.engine().dataset();
    Organisation org = data.organisation(p.subject());
    StringBuilder h = new StringBuilder(16_384);
    if (org == null) {
      page(ctx, 404, t, p, "notFound.title", "<p>" + esc(t.t("organisation.missing")) + "</p>");
      return;
    }
    h.append("<p class=\"lead\">").append(esc(t.t("organisation.intro", org.name()))).append("</p>\n");
    List<Vacancy> own = data.vacancies().stream().filter(v -> v.organisationId().equals(org.id()))
        .sorted(Comparator.comparing(Vacancy::id)).toList();
    if (own.isEmpty()) {
      h.append("<p>").append(esc(t.t("organisation.noVacancies"))).append("</p>\n");
    }
    for (Vacancy v : own) {
      Ranking ranking = live.engine().rankVolunteers(v.id(), ORGANISATION_K, Audience.ORGANISATION);
      h.append("<section class=\"vacancy\" aria-labelledby=\"v-").append(esc(v.id())).append("\">\n<h2 id=\"v-")
          .append(esc(v.id())).append("\">").append(esc(v.title().in(t.language()))).append("</h2>\n<p class=\"meta\">")
          .append(esc(v.id())).append(place(t, v, org)).append("</p>\n");
      if (ranking.matches().isEmpty()) {
        h.append("<p>").append(esc(t.t("organisation.noCandidates"))).append("</p>\n");
      } else {
        // Under a fairness target the order says nothing about rank: a list without numbers.
        boolean ranked = !ranking.matches().get(0).explanation().scoresWithheld();
        h.append(ranked ? "<ol class=\"matches\">\n" : "<ul class=\"matches\">\n");
        for (Match m : ranking.matches()) {
          h.append("<li class=\"match\" data-volunteer=\"").append(esc(m.volunteerId())).append("\">\n<h3>")
              .append(esc(t.t("organisation.candidate", m.volunteerId()))).append("</h3>\n");
          explanation(h, t, m.explanation(), Audience.ORGANISATION, false);
          h.append("</li>\n");
        }
        h.append(ranked ? "</ol>\n" : "</ul>\n");
      }
      h.append("</section>\n");
    }
    h.append("<p class=\"hint\">").append(esc(t.t("organisation.note"))).append("</p>\n");
    page(ctx, 200, t, p, "organisation.title", h.toString());
  }
}
