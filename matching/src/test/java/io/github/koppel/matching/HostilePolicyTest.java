package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.testdata.HostileCorpus.Expectation;
import io.github.koppel.core.testdata.HostileCorpus;
import io.github.koppel.core.testdata.Testdata;
import io.github.koppel.matching.policy.MatchPolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile policies under {@code src/test/resources/hostile/policy-json}: each must be rejected
 * by {@link MatchPolicies#read} with the path, value and problem that {@code expected.tsv} lists,
 * or load (the control). Generated inputs cover deep nesting, long strings and long numbers, and
 * an engine given a bad record must refuse it and stay as it was.
 */
class HostilePolicyTest {
  private static Path root() {
    return HostileCorpus.root(HostilePolicyTest.class, "/hostile");
  }

  private static Map<String, Expectation> expectations() {
    return HostileCorpus.expectations(root());
  }

  @Test
  void everyFileHasOneExpectationAndEveryExpectationAFile() throws IOException {
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> list = Files.list(root().resolve("policy-json"))) {
      list.forEach(f -> files.add(f.getFileName().toString()));
    }
    assertEquals(files, new TreeSet<>(expectations().keySet()));
  }

  @TestFactory
  Stream<DynamicTest> eachPolicyIsRejectedCleanlyOrLoads() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Expectation x : expectations().values()) {
      tests.add(DynamicTest.dynamicTest(x.file(), () -> check(x)));
    }
    assertTrue(tests.size() >= 40, "the corpus has " + tests.size() + " policies");
    return tests.stream();
  }

  private static void check(Expectation x) {
    Path file = root().resolve("policy-json").resolve(x.file());
    if (x.accepted()) {
      assertNotNull(MatchPolicies.read(file));
      return;
    }
    x.assertMatches(assertThrows(InvalidDataException.class, () -> MatchPolicies.read(file)), file.toString());
  }

  private static String valid() throws IOException {
    return Files.readString(root().resolve("policy-json/valid.json"));
  }

  @Test
  void deepNestingFailsWithoutOverflowingTheStack() throws IOException {
    String nestedParameters =
        valid().replace("\"parameters\": {", "\"parameters\": {\"scale\": " + "{\"a\": ".repeat(100_000));
    for (String text : List.of("[".repeat(100_000), "{\"a\":".repeat(100_000), nestedParameters)) {
      InvalidDataException e = assertThrows(InvalidDataException.class, () -> MatchPolicies.fromJson(text));
      assertTrue(e.problem().contains("size limit") || e.problem().contains("nesting depth"), e::getMessage);
    }
  }

  @Test
  void longStringsAndNumbersAreRejectedByTheParser() throws IOException {
    String longName = valid().replace("\"name\": \"volunteer-wishes\"", "\"name\": \"" + "x".repeat(200_000) + "\"");
    String longNumber = valid().replace("\"weight\": 3", "\"weight\": " + "3".repeat(1_000));
    for (String text : List.of(longName, longNumber)) {
      InvalidDataException e = assertThrows(InvalidDataException.class, () -> MatchPolicies.fromJson(text));
      assertTrue(e.problem().contains("malformed JSON") && e.problem().contains("length"), e::getMessage);
    }
  }

  /** Found by fuzzing: Jackson's BigDecimal parser threw a bare NumberFormatException. */
  @Test
  void aNumberWithAnExponentBeyondAnIntIsBadData() throws IOException {
    String text = valid().replace("\"weight\": 3", "\"weight\": 5e55555555555555555555");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> MatchPolicies.fromJson(text));
    assertTrue(e.problem().contains("a number is out of range"), e::getMessage);
  }

  @Test
  void anEngineRefusesABadRecordAndStaysAsItWas() {
    Dataset dataset =
        Dataset.of(
            List.of(Testdata.organisation("kitchen")),
            List.of(Testdata.vacancy("cook")),
            List.of(Testdata.volunteer("ada"), Testdata.volunteer("amal")));
    MatchEngine engine = MatchEngine.builder(dataset).date(Testdata.DAY).build();
    Ranking before = engine.rankVolunteers("vac-cook", 10);

    Volunteer juggler = Volunteer.builder("vol-juggler").talent(Talent.of("juggling")).build();
    InvalidDataException unknownTalent = assertThrows(InvalidDataException.class, () -> engine.withVolunteer(juggler));
    assertEquals("juggling", unknownTalent.value());
    assertTrue(unknownTalent.path().endsWith("talents[0].conceptId"), unknownTalent::getMessage);

    Vacancy orphan =
        Vacancy.builder("vac-orphan", "org-ghost", Testdata.vacancy("cook").title())
            .place(io.github.koppel.core.model.WorkMode.REMOTE, null)
            .capacity(1)
            .build();
    InvalidDataException dangling = assertThrows(InvalidDataException.class, () -> engine.withVacancy(orphan));
    assertEquals("org-ghost", dangling.value());

    assertEquals(before, engine.rankVolunteers("vac-cook", 10));
    assertEquals(2, engine.dataset().volunteers().size());
    assertEquals(1, engine.dataset().vacancies().size());
  }
}
