package io.github.koppel.matching.criteria;

import static io.github.koppel.core.testdata.Testdata.DAY;
import static io.github.koppel.core.testdata.Testdata.organisation;
import static io.github.koppel.core.testdata.Testdata.vacancy;
import static io.github.koppel.core.testdata.Testdata.volunteer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.LocalizedText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class CriterionRegistryTest {
  private static final MatchContext CONTEXT =
      MatchContext.of(BundledData.flemishVocabularies(), BundledData.belgianLegalRules(), DAY, List.of(organisation("kitchen")));

  @Test
  void builtIn_types() {
    assertEquals(
        Set.of("ability", "accommodations", "age", "availability", "backgroundCheck", "distance",
            "drivingLicence", "history", "inclusion", "interests", "language", "practise", "preferences", "talents"),
        CriterionRegistry.builtIn().types());
  }

  @Test
  void create_unknownType() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Criterion.builtIn("langauge", Map.of()));
    assertTrue(e.getMessage().startsWith("unknown criterion type 'langauge'; known types: [ability,"), e.getMessage());
  }

  @Test
  void create_unknownParameterNamesTheKnownOnes() {
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> Criterion.builtIn("distance", Map.of("scal", 5)));
    assertEquals("$.parameters.scal", e.path());
    assertEquals("5.0", e.value());
    assertTrue(e.problem().contains("is not a parameter of criterion distance; known parameters: [decay, hybridFloor, offset, origin, respectMobility, scale, shape]"), e.problem());
  }

  @Test
  void create_badParameterValues() {
    InvalidDataException range =
        assertThrows(InvalidDataException.class, () -> Criterion.builtIn("distance", Map.of("decay", 1.5)));
    assertEquals("$.parameters.decay", range.path());
    assertEquals("parameter decay must be a number in [0.01, 0.99]", range.problem());
    InvalidDataException type =
        assertThrows(InvalidDataException.class, () -> Criterion.builtIn("language", Map.of("vetoMandatoryGap", "yes")));
    assertEquals("parameter vetoMandatoryGap must be true or false", type.problem());
    InvalidDataException choice =
        assertThrows(InvalidDataException.class, () -> Criterion.builtIn("distance", Map.of("shape", "cubic")));
    assertEquals("parameter shape must be one of [exp, gauss, linear]", choice.problem());
    InvalidDataException zero =
        assertThrows(InvalidDataException.class,
            () -> Criterion.builtIn("inclusion", Map.of("groupWeight", 0, "coachWeight", 0, "trialWeight", 0)));
    assertEquals("$.parameters.groupWeight", zero.path());
    InvalidDataException object =
        assertThrows(InvalidDataException.class, () -> Parameters.of(Map.of("scale", List.of(1))));
    assertEquals("a parameter must be a number, a boolean or a string", object.problem());
  }

  @Test
  void with_userCriterionPlugsIn() {
    CriterionRegistry registry =
        CriterionRegistry.builtIn()
            .with("always", p -> {
              double score = p.number("score", 0.25, 0, 1);
              return (v, vac, c) -> Evaluation.score(score, Evidence.of("always", LocalizedText.of("nl", "altijd")));
            });
    assertTrue(registry.contains("always"));
    Criterion c = registry.create("always", Parameters.of(Map.of("score", 0.75)));
    assertEquals(0.75, c.evaluate(volunteer("ada"), vacancy("cook"), CONTEXT).score());
    assertEquals(14, CriterionRegistry.builtIn().types().size(), "the built-in registry is unchanged");
  }

  @Test
  void with_badNames() {
    IllegalArgumentException dup =
        assertThrows(IllegalArgumentException.class, () -> CriterionRegistry.builtIn().with("language", p -> null));
    assertEquals("type language is already registered", dup.getMessage());
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> CriterionRegistry.builtIn().with("My Type", p -> null));
    assertTrue(bad.getMessage().contains("'My Type'"), bad.getMessage());
  }

  @Test
  void checked_failsLoudlyOnContractBreaches() {
    Criterion nullReturning = Criterion.checked("broken", (v, vac, c) -> null);
    IllegalStateException none =
        assertThrows(IllegalStateException.class, () -> nullReturning.evaluate(volunteer("ada"), vacancy("cook"), CONTEXT));
    assertEquals("criterion broken returned null for volunteer vol-ada and vacancy vac-cook; a criterion must return an evaluation", none.getMessage());
    Criterion outOfRange = Criterion.checked("wild", (v, vac, c) -> Evaluation.score(1.5));
    IllegalStateException range =
        assertThrows(IllegalStateException.class, () -> outOfRange.evaluate(volunteer("ada"), vacancy("cook"), CONTEXT));
    assertEquals("criterion wild failed on volunteer vol-ada and vacancy vac-cook: criterion score must be in [0, 1]: 1.5", range.getMessage());
    Criterion once = Criterion.checked("x", (v, vac, c) -> Evaluation.score(1));
    assertSame(once, Criterion.checked("x", once));
    // Evidence marked sensitive by a criterion that declares no such category would reach an
    // organisation's view, which leaves out only the declared ones.
    Criterion undeclared =
        Criterion.checked(
            "sly",
            (v, vac, c) ->
                Evaluation.score(
                    1,
                    Evidence.of("sly.need", io.github.koppel.core.model.LocalizedText.of("a", "a", "a"))
                        .sensitive(io.github.koppel.core.model.SensitiveCategory.ABILITY)));
    IllegalStateException sly =
        assertThrows(IllegalStateException.class, () -> undeclared.evaluate(volunteer("ada"), vacancy("cook"), CONTEXT));
    assertTrue(sly.getMessage().startsWith("criterion sly marks evidence sly.need as ABILITY but does not declare ABILITY"), sly.getMessage());
  }

  @Test
  void evaluation_invariants() {
    assertThrows(IllegalArgumentException.class, () -> Evaluation.score(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Evaluation.score(-0.1));
    IllegalArgumentException noReason =
        assertThrows(IllegalArgumentException.class, () -> Evaluation.veto(List.of()));
    assertEquals("a VETOED evaluation must give its reason as evidence", noReason.getMessage());
    IllegalArgumentException scored =
        assertThrows(IllegalArgumentException.class,
            () -> new Evaluation(Evaluation.Outcome.ABSTAINED, 0.5, List.of(Evidence.of("x", LocalizedText.of("nl", "x")))));
    assertEquals("the score of a ABSTAINED evaluation must be 0: 0.5", scored.getMessage());
    assertThrows(NullPointerException.class, () -> Evaluation.score(1, (List<Evidence>) null));
  }

  @Test
  void context_unknownOrganisation() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> MatchContext.of(BundledData.flemishVocabularies(), BundledData.belgianLegalRules(), DAY, List.of())
                .organisationOf(vacancy("cook")));
    assertEquals("vacancy vac-cook refers to organisation org-kitchen, which the match context does not know", e.getMessage());
  }
}
