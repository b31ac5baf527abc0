package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.policy.Aggregation;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import io.github.koppel.matching.policy.TieBreak;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class MatchPoliciesTest {
  private static final String HEAD = "{\"schemaVersion\": 1, \"name\": \"p\", ";

  @Test
  void theBundledPoliciesAreFoundByTheirNames() {
    for (String name : MatchPolicies.BUNDLED_NAMES) {
      assertEquals(name, MatchPolicies.named(name).orElseThrow().name());
    }
    assertEquals(MatchPolicies.inclusiveDefault(), MatchPolicies.named("inclusive-default").orElseThrow());
    assertEquals(java.util.Optional.empty(), MatchPolicies.named("Inclusive-Default"));
    assertEquals(java.util.Optional.empty(), MatchPolicies.named("policy.json"));
  }

  @Test
  void inclusiveDefault_isValidAndComplete() {
    MatchPolicy p = MatchPolicies.inclusiveDefault();
    assertEquals("inclusive-default", p.name());
    assertEquals(CriterionRegistry.builtIn().types().size(), p.criteria().size(), "every built-in criterion is used");
    assertEquals(Aggregation.WEIGHTED_MEAN, p.aggregation());
    // 0.3 before the wishes became bonuses: a volunteer who states no wish scores about 30 % less.
    assertEquals(0.2, p.minimumScore());
    assertTrue(p.criterion("age").isHard());
    assertTrue(p.criterion("talents").isHard());
    for (String wish : List.of("practise", "interests", "preferences", "inclusion")) {
      assertTrue(p.criterion(wish).isBonus(), wish);
    }
    assertEquals(0.25, p.criterion("availability").minimum());
    assertTrue(p.description().has("fr"));
  }

  @Test
  void toJson_roundTrips() {
    MatchPolicy p =
        MatchPolicies.inclusiveDefault()
            .withAggregation(Aggregation.WEIGHTED_GEOMETRIC)
            .withTieBreak(TieBreak.SHUFFLED, 42)
            .withCriterion(CriterionSpec.soft("distance", 1).withName("near").withParameter("shape", "linear").withParameter("respectMobility", false));
    assertEquals(p, MatchPolicies.fromJson(MatchPolicies.toJson(p)));
    assertEquals(MatchPolicies.inclusiveDefault(), MatchPolicies.fromJson(MatchPolicies.toJson(MatchPolicies.inclusiveDefault())));
  }

  @Test
  void read_minimalPolicyTakesDefaults() {
    MatchPolicy p = MatchPolicies.fromJson(HEAD + "\"criteria\": [{\"type\": \"talents\"}]}");
    assertEquals(MatchPolicy.of("p", List.of(CriterionSpec.soft("talents", 1))), p);
  }

  static List<String[]> badPolicies() {
    return List.of(
        new String[] {"{", "$", "malformed JSON"},
        new String[] {"", "$", "the policy is empty"},
        new String[] {"[]", "$", "expected an object"},
        new String[] {"{\"name\": \"p\", \"criteria\": []}", "$.schemaVersion", "missing required field \"schemaVersion\""},
        new String[] {"{\"schemaVersion\": 2, \"name\": \"p\", \"criteria\": []}", "$.schemaVersion", "schemaVersion must be 1"},
        new String[] {"{\"schemaVersion\": 1, \"criteria\": []}", "$.name", "missing required field \"name\""},
        new String[] {HEAD + "\"criteria\": []}", "$.criteria", "criteria must be a non-empty array"},
        new String[] {HEAD + "\"criterion\": []}", "$.criterion", "unknown field \"criterion\""},
        new String[] {HEAD + "\"name\": \"q\", \"criteria\": []}", "$", "Duplicate field 'name'"},
        new String[] {HEAD + "\"aggregation\": \"MEDIAN\", \"criteria\": [{\"type\": \"talents\"}]}", "$.aggregation", "must be one of [WEIGHTED_MEAN, WEIGHTED_GEOMETRIC]"},
        new String[] {HEAD + "\"minimumScore\": 1.5, \"criteria\": [{\"type\": \"talents\"}]}", "$.minimumScore", "must be a number in [0.0, 1.0]"},
        new String[] {HEAD + "\"tieBreak\": \"random\", \"criteria\": [{\"type\": \"talents\"}]}", "$.tieBreak", "must be one of [ID, NEAREST, SHUFFLED]"},
        new String[] {HEAD + "\"nearMisses\": -1, \"criteria\": [{\"type\": \"talents\"}]}", "$.nearMisses", "must be a whole number in [0, 1000]"},
        new String[] {HEAD + "\"seed\": 1.5, \"criteria\": [{\"type\": \"talents\"}]}", "$.seed", "expected a whole number"},
        new String[] {HEAD + "\"description\": \"x\", \"criteria\": [{\"type\": \"talents\"}]}", "$.description", "expected an object of texts by language"},
        new String[] {HEAD + "\"criteria\": [{\"weight\": 1}]}", "$.criteria[0].type", "missing required field \"type\""},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talnets\"}]}", "$.criteria[0].type", "unknown criterion type; known types: [ability,"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talents\", \"weight\": -1}]}", "$.criteria[0].weight", "must be a number in [0.0, 1000000.0]"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talents\", \"weight\": \"heavy\"}]}", "$.criteria[0].weight", "expected a number"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talents\", \"weight\": NaN}]}", "$", "malformed JSON"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talents\", \"weight\": 0}]}", "$.criteria", "at least one criterion must have a weight > 0"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talents\", \"mode\": \"hard\"}]}", "$.criteria[0].mode", "must be one of [HARD, SOFT, BONUS]"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talents\", \"minimum\": 2}]}", "$.criteria[0].minimum", "must be a number in [0.0, 1.0]"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talents\"}, {\"type\": \"talents\"}]}", "$.criteria[1].name", "criterion name occurs twice"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talents\", \"name\": \"Talent Fit\"}]}", "$.criteria[0].name", "a criterion name must start with a lower-case letter"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talents\", \"colour\": \"red\"}]}", "$.criteria[0].colour", "unknown field \"colour\""},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"distance\", \"parameters\": []}]}", "$.criteria[0].parameters", "parameters must be an object"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"distance\", \"parameters\": {\"scale\": -5}}]}", "$.criteria[0].parameters.scale", "parameter scale must be a number in [0.01, 1000.0]"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"distance\", \"parameters\": {\"scale\": [5]}}]}", "$.criteria[0].parameters.scale", "a parameter must be a number, a boolean or a string"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"distance\", \"parameters\": {\"skale\": 5}}]}", "$.criteria[0].parameters.skale", "is not a parameter of criterion distance"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"distance\", \"parameters\": {\"shape\": \"cubic\"}}]}", "$.criteria[0].parameters.shape", "parameter shape must be one of [exp, gauss, linear]"},
        new String[] {HEAD + "\"criteria\": [{\"type\": \"talents\"}]} {}", "$", "malformed JSON"});
  }

  @ParameterizedTest
  @MethodSource("badPolicies")
  void read_badPolicy(String json, String path, String problem) {
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> MatchPolicies.fromJson(json));
    assertEquals("<memory>", e.source());
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.problem().contains(problem), e.problem());
    assertTrue(e.getMessage().contains(path), e.getMessage());
  }

  @Test
  void read_fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ghent.json");
    Files.writeString(file, HEAD + "\"criteria\": [{\"type\": \"distance\", \"weight\": 1,\n \"parameters\": {\"decay\": 0}}]}");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> MatchPolicies.read(file));
    assertEquals(file.toString(), e.source());
    assertEquals("$.criteria[0].parameters.decay", e.path());
    assertEquals("0.0", e.value());
    Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"name\": \"p\" \"criteria\": []}");
    InvalidDataException syntax = assertThrows(InvalidDataException.class, () -> MatchPolicies.read(file));
    assertEquals(3, syntax.line());
    UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> MatchPolicies.read(dir.resolve("none.json")));
    assertTrue(missing.getMessage().startsWith("no such policy file: "), missing.getMessage());
  }

  @Test
  void read_userTypesNeedTheirRegistry() {
    String json = HEAD + "\"criteria\": [{\"type\": \"bicycle\"}]}";
    assertThrows(InvalidDataException.class, () -> MatchPolicies.fromJson(json));
    CriterionRegistry registry = CriterionRegistry.builtIn().with("bicycle", p -> (v, vac, c) -> Evaluation.score(1));
    MatchPolicy p =
        MatchPolicies.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x", registry);
    assertEquals("bicycle", p.criteria().get(0).type());
  }

  @Test
  void policy_badValuesInCode() {
    IllegalArgumentException weight =
        assertThrows(IllegalArgumentException.class, () -> CriterionSpec.soft("talents", Double.NaN));
    assertEquals("The weight (NaN) of criterion (talents) must be finite and >= 0.", weight.getMessage());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> CriterionSpec.soft("talents", -1));
    assertEquals("The weight (-1.0) of criterion (talents) must be finite and >= 0.", negative.getMessage());
    IllegalArgumentException noWeight =
        assertThrows(IllegalArgumentException.class, () -> MatchPolicy.of("p", List.of(CriterionSpec.hard("age", 0))));
    assertTrue(noWeight.getMessage().startsWith("at least one criterion must have a weight > 0\n"));
    IllegalArgumentException twice =
        assertThrows(IllegalArgumentException.class,
            () -> MatchPolicy.of("p", List.of(CriterionSpec.soft("talents", 1), CriterionSpec.soft("talents", 2))));
    assertTrue(twice.getMessage().startsWith("criteria hold the name talents twice"));
    assertThrows(IllegalArgumentException.class, () -> MatchPolicies.inclusiveDefault().withMinimumScore(-0.1));
    assertThrows(IllegalArgumentException.class, () -> MatchPolicies.inclusiveDefault().withNearMisses(1001));
    assertThrows(IllegalArgumentException.class, () -> MatchPolicies.inclusiveDefault().withoutCriterion("colour"));
    assertThrows(IllegalArgumentException.class, () -> new CriterionSpec("x", "talents", CriterionSpec.Mode.SOFT, 1, 0, Map.of("a", List.of())));
    assertThrows(NullPointerException.class, () -> MatchPolicy.of(null, List.of()));
  }

  /** A policy name is printed in every explanation: no control or direction character (#14). */
  @Test
  void policyName_noControlOrDirectionCharacters() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MatchPolicy.of("ours\u001B[2J", List.of(CriterionSpec.soft("talents", 1))));
    assertTrue(e.getMessage().startsWith("name must not contain control, invisible or direction characters: U+001B at 4"), e.getMessage());
    InvalidDataException r =
        assertThrows(
            InvalidDataException.class,
            () -> MatchPolicies.fromJson(
                "{\"schemaVersion\": 1, \"name\": \"ours\\u202E\", \"criteria\": [{\"type\": \"talents\"}]}"));
    assertEquals("$.name", r.path());
    assertTrue(r.getMessage().contains("\\u202E"), r.getMessage());
  }
}
