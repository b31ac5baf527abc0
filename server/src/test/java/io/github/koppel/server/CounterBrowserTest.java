package io.github.koppel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.demo.Personas;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.Contribution;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.MatchExplanation;
import io.github.koppel.matching.Ranking;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Store;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The counter pages in a real browser: the system's Chromium driven through chromium-driver, over
 * a real server. A counsellor orients a demo persona end to end, the form is used with the keyboard
 * alone, every page passes axe-core without a serious violation, and an organisation's page holds
 * no sensitive fact. Screenshots in nl and fr are kept in {@code target/screenshots}.
 *
 * <p>Without Chromium, its driver or axe-core ({@code KOPPEL_TEST_AXE}) these tests are skipped,
 * unless {@code KOPPEL_TEST_REQUIRE_BROWSER=1} (as in CI) makes a missing one a failure.
 */
class CounterBrowserTest {
  private static final KoppelJson JSON = KoppelJson.create();
  private static final Dataset CITY = DemoCity.bundled();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final boolean REQUIRED = "1".equals(System.getenv("KOPPEL_TEST_REQUIRE_BROWSER"));

  @TempDir static Path dir;

  private static KoppelServer server;
  private static WebDriver driver;
  private static String base;
  private static String counsellor;
  private static String organisation;
  private static @Nullable String axe;

  @BeforeAll
  static void start() throws IOException {
    File chromium = new File(env("KOPPEL_TEST_CHROMIUM", "/usr/bin/chromium"));
    File chromedriver = new File(env("KOPPEL_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    if (!chromium.canExecute() || !chromedriver.canExecute()) {
      String missing = "no " + (chromium.canExecute() ? chromedriver : chromium)
          + " (apt-get install chromium chromium-driver)";
      if (REQUIRED) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }
    String axePath = System.getenv("KOPPEL_TEST_AXE");
    if (axePath != null && Files.isRegularFile(Path.of(axePath))) {
      axe = Files.readString(Path.of(axePath));
    } else if (REQUIRED) {
      fail("KOPPEL_TEST_AXE does not name axe.min.js of axe-core (.ci/run fetches it): " + axePath);
    }
    Store store = Store.open(Store.embedded(dir.resolve("db")), null, null, JSON);
    store.putAll(CITY);
    server = KoppelServer.start(new KoppelServer.Settings(store, JSON, DemoCity.REFERENCE_DATE, "127.0.0.1", 0));
    base = "http://127.0.0.1:" + server.port();
    counsellor = server.keys().issue(Role.COUNSELLOR, null, "browser test").key();
    organisation = server.keys().issue(Role.ORGANISATION, CITY.vacancies().get(0).organisationId(), "browser test").key();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    // No password manager: it would watch the sign-in form's password field.
    options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false,
        "profile.password_manager_enabled", false));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,1000", "--lang=nl-BE", "--force-device-scale-factor=1");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  private static JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  /**
   * Signs in through the sign-in form; if Chromium's driver loses a node of the page it has just
   * loaded ("does not belong to the document"), the sign-in is done again.
   */
  private static void signIn(String key, String lang) {
    for (int attempt = 1; ; attempt++) {
      try {
        signInOnce(key, lang);
        return;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static void signInOnce(String key, String lang) {
    driver.manage().deleteAllCookies();
    driver.get(base + "/counter?lang=" + lang);
    WebElement field = driver.findElement(By.id("key"));
    field.sendKeys(key);
    WebElement submit = driver.findElement(By.cssSelector("form.sign-in button[type=submit]"));
    submit.click();
    waitGone(submit);
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
        ((JavascriptExecutor) d).executeScript("return document.readyState;")));
    if (!driver.findElements(By.id("key")).isEmpty()) {
      throw new org.openqa.selenium.WebDriverException("still on the sign-in page");
    }
  }

  /**
   * Waits until the page an element belongs to has been left. Chromium's driver reports an
   * element of a page it has left either as stale or, now and then, as a node that "does not
   * belong to the document"; both mean gone.
   */
  private static void waitGone(WebElement element) {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
      try {
        element.isEnabled();
        return false;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return true;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    });
  }

  private static void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  private static String text(String css) {
    return (String) js().executeScript("return document.querySelector(arguments[0]).textContent;", css);
  }

  // ---------------------------------------------------------------- a persona end to end

  /** Jozef: a carpenter of 71 with a vegetable garden, who walks with difficulty and cannot lift. */
  private static final Volunteer JOZEF = Personas.get("persona-jozef").volunteer();

  /** Fills the visitor form with a persona, as a counsellor would: labels, not ids. */
  private static void fill(Volunteer v, String lang) {
    for (int i = 0; i < v.languages().size(); i++) {
      LanguageSkill l = v.languages().get(i);
      new Select(driver.findElement(By.id("language" + (i + 1)))).selectByValue(l.language());
      new Select(driver.findElement(By.id("level" + (i + 1)))).selectByValue(l.level().name());
      if (l.wantsToPractise()) {
        driver.findElement(By.id("practise" + (i + 1))).click();
      }
    }
    List<Talent> offered = v.talents().stream().filter(t -> !t.wantsToLearn()).toList();
    for (int i = 0; i < offered.size(); i++) {
      driver.findElement(By.id("talent" + (i + 1))).sendKeys(JSON.vocabularies().talents()
          .concept(offered.get(i).conceptId()).label().in(lang));
    }
    List<Talent> learning = v.talents().stream().filter(Talent::wantsToLearn).toList();
    for (int i = 0; i < learning.size(); i++) {
      driver.findElement(By.id("learn" + (i + 1))).sendKeys(JSON.vocabularies().talents()
          .concept(learning.get(i).conceptId()).label().in(lang));
    }
    List<String> interests = new ArrayList<>(new TreeSet<>(v.interests()));
    for (int i = 0; i < interests.size(); i++) {
      driver.findElement(By.id("interest" + (i + 1))).sendKeys(JSON.vocabularies().sectors()
          .concept(interests.get(i)).label().in(lang));
    }
    if (v.preferences().regularity() != null) {
      new Select(driver.findElement(By.id("regularity"))).selectByValue(v.preferences().regularity().name());
    }
    if (v.preferences().socialSetting() != null) {
      new Select(driver.findElement(By.id("setting"))).selectByValue(v.preferences().socialSetting().name());
    }
    driver.findElement(By.id(v.preferences().prefersRemote() ? "remote-prefers"
        : v.preferences().remoteOk() ? "remote-ok" : "remote-onsite")).click();
    for (WeeklySlot slot : v.availability().weekly()) {
      driver.findElement(By.id(VisitorForm.slotField(slot.day(), slot.part()))).click();
    }
    if (v.availability().hoursPerWeek() != null) {
      driver.findElement(By.id("hours")).sendKeys(PageText.of(lang).decimal(v.availability().hoursPerWeek(), 1));
    }
    driver.findElement(By.id("postcode")).sendKeys("9050");
    driver.findElement(By.id("municipality")).sendKeys("Ledeberg");
    if (v.mobility() != null) {
      driver.findElement(By.id("distance")).sendKeys(PageText.of(lang).decimal(v.mobility().maxDistanceKm(), 1));
      new Select(driver.findElement(By.id("travel"))).selectByValue(v.mobility().travelMode().name());
    }
    if (v.birthDate() != null) {
      // A date field takes the date as the browser's locale writes it: typed as digits in order.
      js().executeScript("document.getElementById('birthDate').value = arguments[0];", v.birthDate().toString());
    }
    if (!v.possibilities().isEmpty() || !v.supportNeeds().isEmpty()) {
      WebElement first = driver.findElement(By.id("possibility-" + v.possibilities().keySet().iterator().next()));
      assertFalse(first.isEnabled(), "possibilities wait for the visitor's consent");
      driver.findElement(By.id("consentAbility")).click();
      assertTrue(first.isEnabled(), "the consent opens the possibilities");
      v.possibilities().forEach((dimension, level) ->
          new Select(driver.findElement(By.id("possibility-" + dimension))).selectByValue(level.name()));
      for (String need : v.supportNeeds()) {
        driver.findElement(By.id("support-" + need)).click();
      }
    }
    if (!v.targetGroups().isEmpty()) {
      driver.findElement(By.id("consentGroups")).click();
      for (String group : v.targetGroups()) {
        driver.findElement(By.id("group-" + group)).click();
      }
    }
  }

  /** What the form says of a persona: their facts, at the place the form names, consented today. */
  private static Volunteer asEntered(Volunteer v) {
    Location home = JSON.geocoder().locate("9050", "Ledeberg").orElseThrow();
    Volunteer.Builder b = Volunteer.builder(VisitorForm.VISITOR_ID)
        .birthDate(v.birthDate())
        .languages(v.languages())
        .interests(v.interests())
        .availability(Availability.weekly(v.availability().weekly(), v.availability().hoursPerWeek()))
        .home(home)
        .mobility(v.mobility())
        .preferences(v.preferences())
        .supportNeeds(v.supportNeeds())
        .targetGroups(v.targetGroups());
    v.talents().forEach(t -> b.talent(t.wantsToLearn() ? Talent.toLearn(t.conceptId()) : Talent.of(t.conceptId())));
    v.possibilities().forEach(b::possibility);
    if (!v.possibilities().isEmpty() || !v.supportNeeds().isEmpty()) {
      b.consent(Consent.full(SensitiveCategory.ABILITY, DemoCity.REFERENCE_DATE));
    }
    if (!v.targetGroups().isEmpty()) {
      b.consent(Consent.full(SensitiveCategory.TARGET_GROUP, DemoCity.REFERENCE_DATE));
    }
    return b.build();
  }

  @Test
  void aCounsellorOrientsAPersonaFromTheFormToThePrintedSummary() throws IOException {
    MatchEngine engine = MatchEngine.builder(CITY).date(DemoCity.REFERENCE_DATE).build();
    Volunteer visitor = asEntered(JOZEF);
    Ranking expected = engine.rankVacancies(visitor, 10, Audience.COUNSELLOR);
    assertFalse(expected.matches().isEmpty(), "the persona has matches");
    MatchExplanation top = expected.matches().get(0).explanation();
    Vacancy topVacancy = CITY.vacancy(top.vacancyId());
    for (String lang : List.of("nl", "fr")) {
      signIn(counsellor, lang);
      assertEquals(lang, driver.findElement(By.tagName("html")).getDomAttribute("lang"));
      fill(JOZEF, lang);
      WebElement search = driver.findElement(By.id("search"));
      search.click();
      waitGone(search);
      new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("results")).isEmpty());
      List<WebElement> matches = driver.findElements(By.cssSelector("li.match"));
      assertEquals(expected.matches().size(), matches.size());
      for (int i = 0; i < matches.size(); i++) {
        assertEquals(expected.matches().get(i).vacancyId(), matches.get(i).getDomAttribute("data-vacancy"), "rank " + (i + 1));
      }
      String first = text("li.match");
      assertTrue(first.contains(topVacancy.title().in(lang)), first);
      // The counsellor's explanation: a sentence of each criterion's evidence, and the notices.
      for (Contribution c : top.redactedFor(Audience.COUNSELLOR).contributions()) {
        if (!c.evidence().isEmpty()) {
          String sentence = c.evidence().get(0).message().in(lang);
          assertTrue(first.contains(sentence), c.criterion() + ": " + sentence + " in " + first);
        }
      }
      top.notices().forEach(n -> assertTrue(first.contains(n.message().in(lang)), n.message().in(lang)));
      assertTrue(first.contains(PageText.of(lang).t("explanation.score", Math.round(top.score().soft() * 100))), first);
      // The possibilities and support needs are the counsellor's to see: the visitor consented.
      assertTrue(driver.findElement(By.id("consentAbility")).isSelected(), "the form keeps the answers");
      js().executeScript("document.getElementById('results').scrollIntoView();");
      screenshot("counter-results-" + lang);
      if (lang.equals("nl")) {
        assertAccessible("results, nl");
      }
    }
    // The printed summary, in French for the visitor, from the same answers.
    new Select(driver.findElement(By.id("summaryLang"))).selectByValue("fr");
    WebElement print = driver.findElement(By.id("print-summary"));
    print.click();
    waitGone(print);
    waitForLanguage("fr");
    assertEquals("Un volontariat qui vous convient", driver.findElement(By.tagName("h1")).getText());
    Ranking forVisitor = engine.rankVacancies(visitor, 5, Audience.VOLUNTEER);
    List<WebElement> listed = driver.findElements(By.cssSelector(".summary-list > li > h2"));
    assertEquals(forVisitor.matches().size(), listed.size());
    assertEquals(CITY.vacancy(forVisitor.matches().get(0).vacancyId()).title().in("fr"), listed.get(0).getText());
    assertTrue(driver.findElement(By.cssSelector("button[data-print]")).isDisplayed(), "the script shows the print button");
    screenshot("counter-summary-fr");
    assertAccessible("summary, fr");
  }

  // ---------------------------------------------------------------- the keyboard alone

  @Test
  void theFormIsUsedWithTheKeyboardAloneAndFocusIsAlwaysVisible() {
    driver.manage().deleteAllCookies();
    driver.get(base + "/counter?lang=nl");
    Actions keys = new Actions(driver);
    // The skip link comes first.
    keys.sendKeys(Keys.TAB).perform();
    assertEquals("Naar de inhoud", driver.switchTo().activeElement().getText());
    assertFocusVisible("the skip link");
    for (int i = 0; i < 10 && !"key".equals(driver.switchTo().activeElement().getDomProperty("id")); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertEquals("key", driver.switchTo().activeElement().getDomProperty("id"));
    keys.sendKeys(counsellor).sendKeys(Keys.ENTER).perform();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("search")).isEmpty());

    List<String> visited = new ArrayList<>();
    String id = "";
    for (int i = 0; i < 400 && !id.equals("search"); i++) {
      keys.sendKeys(Keys.TAB).perform();
      WebElement active = driver.switchTo().activeElement();
      id = active.getDomProperty("id");
      assertFocusVisible(id == null || id.isEmpty() ? active.getTagName() + " " + active.getText() : id);
      if (id == null || id.isEmpty()) {
        continue;
      }
      if (visited.isEmpty() || !visited.get(visited.size() - 1).equals(id)) {
        // A date field is one control with a stop for each of its parts.
        visited.add(id);
      }
      switch (id) {
        case "talent1" -> keys.sendKeys("moestuin").perform();
        case "municipality" -> keys.sendKeys("Gent").perform();
        case "slot-MONDAY-MORNING", "slot-TUESDAY-MORNING", "consentAbility" -> keys.sendKeys(Keys.SPACE).perform();
        case "possibility-lifting" -> keys.sendKeys(Keys.ARROW_DOWN).perform();
        default -> { }
      }
    }
    assertEquals("search", id, "the search button is reached with Tab");
    @SuppressWarnings("unchecked")
    List<String> controls = (List<String>) js().executeScript(
        "return Array.from(document.querySelectorAll('form.visitor input, form.visitor select, form.visitor button'))"
            + ".filter(e => !e.matches(':disabled') && (e.type !== 'radio' || e.checked)).map(e => e.id);");
    int end = controls.indexOf("search");
    List<String> reached = visited.stream().filter(controls::contains).toList();
    assertEquals(controls.subList(0, end + 1), reached, "every control of the form, in order, by Tab alone");
    assertTrue(driver.findElement(By.id("slot-MONDAY-MORNING")).isSelected());
    assertTrue(driver.findElement(By.id("consentAbility")).isSelected());
    assertEquals("NONE", new Select(driver.findElement(By.id("possibility-lifting"))).getFirstSelectedOption().getDomAttribute("value"),
        "the consent opened the possibilities to the keyboard");
    keys.sendKeys(Keys.ENTER).perform();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("results")).isEmpty()
        || !d.findElements(By.id("errors")).isEmpty());
    assertTrue(driver.findElements(By.id("errors")).isEmpty(), () -> text("#errors"));
    assertEquals("results", driver.switchTo().activeElement().getDomProperty("id"), "the results take the focus");
    assertFalse(driver.findElements(By.cssSelector("li.match")).isEmpty());
    assertTrue(text("#results").contains("„moestuin” → Tuinieren"), text("#results"));
  }

  private static void assertFocusVisible(String what) {
    String style = (String) js().executeScript(
        "var s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
    String[] parts = style.split(" ");
    assertFalse(parts[0].equals("none"), what + " has no visible focus: " + style);
    assertTrue(Double.parseDouble(parts[1].replace("px", "")) >= 2, what + ": " + style);
  }

  // ---------------------------------------------------------------- accessibility

  @Test
  void everyPagePassesAxeWithoutASeriousViolation() throws IOException {
    Assumptions.assumeTrue(axe != null, "axe-core: set KOPPEL_TEST_AXE to its axe.min.js");
    driver.manage().deleteAllCookies();
    driver.get(base + "/counter?lang=nl");
    assertAccessible("sign-in, nl");
    signIn(counsellor, "fr");
    assertAccessible("form, fr");
    screenshot("counter-form-fr");
    driver.findElement(By.id("hours")).sendKeys("999");
    WebElement search = driver.findElement(By.id("search"));
    search.click();
    waitGone(search);
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("errors")).isEmpty());
    assertEquals("errors", driver.switchTo().activeElement().getDomProperty("id"), "the error summary takes the focus");
    assertAccessible("form with errors, fr");
    driver.findElement(By.cssSelector("#errors a[href='#hours']")).click();
    assertEquals("hours", driver.switchTo().activeElement().getDomProperty("id"), "an error's link leads to its field");
    driver.get(base + "/counter/nothing");
    assertAccessible("not found, fr");
    signIn(organisation, "en");
    assertAccessible("organisation, en");
    screenshot("counter-organisation-en");
  }

  /** Runs axe-core on the page; without axe-core (outside CI) only the axe test is skipped. */
  private static void assertAccessible(String where) {
    if (axe == null) {
      return;
    }
    if (!(Boolean) js().executeScript("return typeof window.axe !== 'undefined';")) {
      js().executeScript(axe);
    }
    String result = (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)))"
            + ".catch(e => done(JSON.stringify({error: String(e)})));");
    JsonNode violations;
    try {
      violations = MAPPER.readTree(result);
    } catch (IOException e) {
      throw new IllegalStateException("axe answered " + result, e);
    }
    assertTrue(violations.isArray(), "axe failed on " + where + ": " + result);
    List<String> serious = new ArrayList<>();
    for (JsonNode v : violations) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        StringBuilder nodes = new StringBuilder();
        v.path("nodes").forEach(n -> nodes.append("\n    ").append(n.path("html").asText()));
        serious.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + nodes);
      }
    }
    assertTrue(serious.isEmpty(), where + ": " + String.join("\n", serious));
  }

  // ---------------------------------------------------------------- privacy

  @Test
  void anOrganisationsPageInTheBrowserHoldsNoSensitiveFact() {
    for (String lang : List.of("nl", "fr", "en")) {
      signIn(organisation, lang);
      String page = (String) js().executeScript("return document.documentElement.outerHTML;");
      List<WebElement> shown = driver.findElements(By.cssSelector("li.match"));
      assertFalse(shown.isEmpty(), "the organisation sees candidates");
      assertTrue(driver.findElements(By.id("search")).isEmpty(), "no visitor form for an organisation");
      for (WebElement candidate : shown) {
        Volunteer v = CITY.volunteer(candidate.getDomAttribute("data-volunteer"));
        for (String group : v.targetGroups()) {
          Concept c = JSON.vocabularies().targetGroups().concept(group);
          assertFalse(page.contains(group), group);
          for (String l : List.of("nl", "fr", "en")) {
            assertFalse(page.contains(c.label().in(l)), c.label().in(l) + " of " + v.id());
          }
        }
        for (String need : v.supportNeeds()) {
          Concept c = JSON.vocabularies().accommodations().concept(need);
          for (String l : List.of("nl", "fr", "en")) {
            assertFalse(page.contains(c.label().in(l)), c.label().in(l) + " of " + v.id());
          }
        }
        if (v.backgroundCheckDate() != null) {
          assertFalse(page.contains(v.backgroundCheckDate().toString()), v.id());
        }
      }
      for (String word : Set.of("leefloon", "ocmw", "cpas", "revenu d’intégration", "integration income",
          "werkloosheid", "chômage", "unemployment")) {
        assertFalse(page.toLowerCase(Locale.ROOT).contains(word), word + " in the " + lang + " page");
      }
    }
  }

  @Test
  void theLanguageSwitchKeepsTheSignInAndTranslatesThePage() {
    signIn(counsellor, "nl");
    assertEquals("Een bezoeker oriënteren", driver.findElement(By.tagName("h1")).getText());
    WebElement french = driver.findElement(By.linkText("Français"));
    french.click();
    waitGone(french);
    waitForLanguage("fr");
    assertEquals("Orienter un visiteur", driver.findElement(By.tagName("h1")).getText());
    WebElement english = driver.findElement(By.linkText("English"));
    english.click();
    waitGone(english);
    waitForLanguage("en");
    assertEquals("Orient a visitor", driver.findElement(By.tagName("h1")).getText());
    Map<String, String> days = Map.of("nl", "Maandag", "fr", "Lundi", "en", "Monday");
    assertTrue(text("table.week").contains(days.get("en")), text("table.week"));
    WebElement signOut = driver.findElement(By.cssSelector("form.sign-out button"));
    signOut.click();
    waitGone(signOut);
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("key")).isEmpty());
    assertEquals("Sign in", driver.findElement(By.tagName("h1")).getText());
  }

  private static void waitForLanguage(String lang) {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> lang.equals(
        d.findElement(By.tagName("html")).getDomAttribute("lang")));
  }
}
