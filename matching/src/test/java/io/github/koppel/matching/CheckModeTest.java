package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.criteria.Criterion;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.matching.criteria.MatchContext;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VolunteerIndex;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.FairnessTarget;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Check mode compares the compiled path with the object path on every query: silent where they
 * agree, loud (naming the query and the first difference) where a compiled kernel disagrees with
 * its criterion's object form.
 */
class CheckModeTest {
  private static final Dataset CITY = DemoCity.generate(DemoCity.DEFAULT_SEED, 300, 20, 12);

  /**
   * A criterion whose object form scores by the volunteer's id and whose compiled kernel applies
   * a distortion to that score: the identity is a correct kernel, anything else a broken one.
   */
  private static class Initial implements Criterion, Compilable {
    private final DoubleUnaryOperator distortion;

    Initial(DoubleUnaryOperator distortion) {
      this.distortion = distortion;
    }

    static double exact(String id) {
      return (Math.floorMod(id.hashCode(), 7) + 1) / 8.0;
    }

    @Override
    public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
      return Evaluation.score(exact(volunteer.id()), Evidence.of("initial", LocalizedText.of("nl", "x")));
    }

    @Override
    public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
      return i -> distortion.applyAsDouble(exact(index.volunteer(i).id()));
    }
  }

  private static MatchEngine engine(DoubleUnaryOperator distortion, MatchEngine.CheckMode mode, MatchPolicy base) {
    CriterionRegistry registry = CriterionRegistry.builtIn().with("initial", p -> new Initial(distortion));
    return MatchEngine.builder(CITY)
        .registry(registry)
        .policy(base.withCriterion(CriterionSpec.soft("initial", 2)))
        .date(DemoCity.REFERENCE_DATE)
        .strategy(MatchEngine.Strategy.COMPILED)
        .checkMode(mode)
        .build();
  }

  private static MatchEngine objects(MatchPolicy base) {
    return objects(base, false);
  }

  private static MatchEngine objects(MatchPolicy base, boolean gate) {
    CriterionRegistry registry = CriterionRegistry.builtIn().with("initial", p -> new Initial(x -> x));
    return MatchEngine.builder(CITY)
        .registry(registry)
        .policy(base.withCriterion(gate ? CriterionSpec.hard("initial", 2) : CriterionSpec.soft("initial", 2)))
        .date(DemoCity.REFERENCE_DATE)
        .build();
  }

  @Test
  void aCorrectKernelPassesEveryQuery() {
    MatchPolicy fair = MatchPolicies.inclusiveDefault().withFairness(new FairnessTarget("newcomer", 0.3, 0.1));
    for (MatchPolicy policy : List.of(MatchPolicies.inclusiveDefault(), fair)) {
      MatchEngine checked = engine(x -> x, MatchEngine.CheckMode.COMPARE, policy);
      MatchEngine objects = objects(policy);
      for (Vacancy v : CITY.vacancies()) {
        assertEquals(objects.rankVolunteers(v.id(), 5), checked.rankVolunteers(v.id(), 5), v.id());
        assertEquals(
            objects.rankVolunteers(v.id(), 5, Audience.ORGANISATION),
            checked.rankVolunteers(v.id(), 5, Audience.ORGANISATION),
            v.id());
      }
      assertEquals(objects.rankVolunteersForEveryVacancy(3), checked.rankVolunteersForEveryVacancy(3));
      String first = CITY.vacancies().get(0).id();
      assertEquals(objects.feasibleVolunteers(first), checked.feasibleVolunteers(first));
    }
  }

  @Test
  void aKernelThatScoresDifferentlyIsNamedWithThePair() {
    // A shift far below any rounding: the scan orders as the object path does, the exact score differs.
    MatchEngine checked = engine(x -> x + 1e-7, MatchEngine.CheckMode.COMPARE, MatchPolicies.inclusiveDefault());
    String vacancy = busiest();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> checked.rankVolunteers(vacancy, 5));
    assertTrue(
        e.getMessage().matches(
            "check mode: the compiled path scored volunteer '[^']+' for vacancy '" + vacancy
                + "' 0hard/0\\.\\d{4}soft, the object path 0hard/0\\.\\d{4}soft"),
        e.getMessage());
  }

  @Test
  void aKernelThatVetoesIsCaughtInTheRanking() {
    // The kernel of a gate vetoes the object path's best volunteer: every returned pair re-scores
    // exactly (without near misses, the vetoed one is not returned at all), but the ranking and
    // the counts per gate differ.
    MatchPolicy base = MatchPolicies.inclusiveDefault().withNearMisses(0);
    String vacancy = busiest();
    String best = objects(base, true).rankVolunteers(vacancy, 5).matches().get(0).volunteerId();
    CriterionRegistry registry =
        CriterionRegistry.builtIn()
            .with("initial", p -> new Initial(x -> x) {
              @Override
              public CompiledCriterion compile(Vacancy v, CompileContext context, VolunteerIndex index) {
                return i -> index.volunteer(i).id().equals(best) ? CompiledCriterion.VETO : exact(index.volunteer(i).id());
              }
            });
    MatchEngine checked =
        MatchEngine.builder(CITY)
            .registry(registry)
            .policy(base.withCriterion(CriterionSpec.hard("initial", 2)))
            .date(DemoCity.REFERENCE_DATE)
            .strategy(MatchEngine.Strategy.COMPILED)
            .checkMode(MatchEngine.CheckMode.COMPARE)
            .build();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> checked.rankVolunteers(vacancy, 5));
    assertTrue(
        e.getMessage().startsWith(
            "check mode: the compiled path's ranking of volunteers for vacancy '" + vacancy
                + "', k = 5 differs from the object path's: "),
        e.getMessage());
    // The first difference: one volunteer fewer passes every gate.
    // Candidates are the volunteers who may be proposed on the day (not paused, not withdrawn).
    long candidates = CITY.volunteers().stream().filter(v -> v.participation().proposableOn(DemoCity.REFERENCE_DATE)).count();
    assertTrue(e.getMessage().matches(".*candidates/feasible " + candidates + "/(\\d+) expected, got " + candidates + "/\\d+$"), e.getMessage());
    IllegalStateException feasible =
        assertThrows(IllegalStateException.class, () -> checked.feasibleVolunteers(vacancy));
    assertTrue(feasible.getMessage().contains("the feasible volunteers for vacancy '" + vacancy + "'"), feasible.getMessage());
  }

  @Test
  void withoutCheckModeTheExactScoresStillWin() {
    // The re-scoring guard falls back to the object path where an exact score differs.
    MatchEngine unchecked = engine(x -> x + 1e-7, MatchEngine.CheckMode.OFF, MatchPolicies.inclusiveDefault());
    MatchEngine objects = objects(MatchPolicies.inclusiveDefault());
    String vacancy = busiest();
    assertEquals(objects.rankVolunteers(vacancy, 5), unchecked.rankVolunteers(vacancy, 5));
  }

  @Test
  void updatesAndNewPoliciesKeepTheCheckMode() {
    MatchEngine checked = engine(x -> x + 1e-7, MatchEngine.CheckMode.COMPARE, MatchPolicies.inclusiveDefault());
    String vacancy = busiest();
    MatchEngine updated = checked.withoutVolunteer(CITY.volunteers().get(0).id());
    assertThrows(IllegalStateException.class, () -> updated.rankVolunteers(vacancy, 5));
    MatchEngine other = checked.withPolicy(checked.policy().withMinimumScore(0.1));
    assertThrows(IllegalStateException.class, () -> other.rankVolunteers(vacancy, 5));
  }

  @Test
  void theBuilderTakesItOnce() {
    MatchEngine.Builder builder = MatchEngine.builder(CITY).checkMode(MatchEngine.CheckMode.COMPARE);
    assertEquals(
        "checkMode already set",
        assertThrows(IllegalStateException.class, () -> builder.checkMode(MatchEngine.CheckMode.OFF))
            .getMessage());
    assertEquals(
        "checkMode",
        assertThrows(NullPointerException.class, () -> MatchEngine.builder(CITY).checkMode(null)).getMessage());
  }

  /** A vacancy with at least five feasible volunteers, so that a ranking returns pairs to re-score. */
  private static String busiest() {
    MatchEngine objects = objects(MatchPolicies.inclusiveDefault());
    for (Vacancy v : CITY.vacancies()) {
      if (objects.rankVolunteers(v.id(), 5).matches().size() == 5) {
        return v.id();
      }
    }
    throw new AssertionError("no vacancy of the test city has five matches");
  }
}
