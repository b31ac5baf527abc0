package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.DrivingLicence;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.criteria.Criterion;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.matching.criteria.VolunteerField;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataMinimisationTest {
  private static final Dataset CITY = withDrivingLicences(DemoCity.bundled());

  /** The demo city where some sampled vacancies need a licence B and some sampled volunteers hold one. */
  private static Dataset withDrivingLicences(Dataset city) {
    List<Vacancy> vacancies = new java.util.ArrayList<>();
    for (int j = 0; j < city.vacancies().size(); j++) {
      Vacancy v = city.vacancies().get(j);
      vacancies.add(j % 106 == 0 ? v.toBuilder().drivingLicence(DrivingLicence.B).build() : v);
    }
    List<Volunteer> volunteers = new java.util.ArrayList<>();
    for (int i = 0; i < city.volunteers().size(); i++) {
      Volunteer v = city.volunteers().get(i);
      volunteers.add(i % 74 == 0 ? v.toBuilder().drivingLicence(DrivingLicence.BE).build() : v);
    }
    return Dataset.of(city.organisations(), vacancies, volunteers);
  }

  /** For every built-in criterion alone and for the default policy, minimising changes nothing. */
  @Test
  void minimisedVolunteersMatchExactlyAsTheOriginals() {
    List<MatchPolicy> policies = new java.util.ArrayList<>();
    policies.add(MatchPolicies.inclusiveDefault());
    for (CriterionSpec c : MatchPolicies.inclusiveDefault().criteria()) {
      policies.add(MatchPolicy.of("only-" + c.name(), List.of(c.weight() > 0 ? c : new CriterionSpec(c.name(), c.type(), c.mode(), 1, c.minimum(), c.parameters()))));
    }
    for (MatchPolicy policy : policies) {
      MatchEngine engine = MatchEngine.builder(CITY).policy(policy).date(DemoCity.REFERENCE_DATE).build();
      for (int i = 0; i < CITY.volunteers().size(); i += 37) {
        Volunteer original = CITY.volunteers().get(i);
        Volunteer minimised = DataMinimisation.minimise(original, policy);
        assertEquals(original.id(), minimised.id());
        assertNull(minimised.displayName());
        assertTrue(minimised.benefits().isEmpty());
        // The history goes with a policy that reads it (the default's history criterion) only.
        // Without it, the proposals alone, which the contact caps count.
        assertEquals(policy.criteria().stream().anyMatch(c -> c.type().equals("history")) ? original.history()
                : original.history().stream().filter(r -> r.outcome() == io.github.koppel.core.model.MatchOutcome.PROPOSED).toList(),
            minimised.history());
        for (int j = 0; j < CITY.vacancies().size(); j += 53) {
          Vacancy vacancy = CITY.vacancies().get(j);
          MatchExplanation a = engine.explain(original, vacancy);
          MatchExplanation b = engine.explain(minimised, vacancy);
          assertEquals(a.score(), b.score(), () -> policy.name() + " " + original.id() + " " + vacancy.id());
          assertEquals(a.failedGates().stream().map(GateResult::gate).toList(),
              b.failedGates().stream().map(GateResult::gate).toList());
        }
      }
    }
  }

  @Test
  void fieldsAndConsentsFollowThePolicy() {
    MatchPolicy talentsOnly = MatchPolicy.of("t", List.of(CriterionSpec.soft("talents", 1)));
    assertEquals(Set.of("talents"), DataMinimisation.fieldsNeeded(talentsOnly));
    Volunteer someone =
        CITY.volunteers().stream()
            .filter(v -> !v.consents().isEmpty() && !v.targetGroups().isEmpty())
            .findFirst()
            .orElseThrow();
    Volunteer stripped = DataMinimisation.minimise(someone, talentsOnly);
    assertEquals(someone.talents(), stripped.talents());
    assertTrue(stripped.targetGroups().isEmpty());
    assertTrue(stripped.consents().isEmpty());
    assertTrue(stripped.languages().isEmpty());
    assertNull(stripped.home());
    MatchPolicy inclusion = MatchPolicy.of("i", List.of(CriterionSpec.soft("inclusion", 1)));
    assertEquals(Set.of("consents", "targetGroups"), DataMinimisation.fieldsNeeded(inclusion));
    Volunteer kept = DataMinimisation.minimise(someone, inclusion);
    assertEquals(someone.targetGroups(), kept.targetGroups());
    assertTrue(kept.consents().stream().allMatch(c -> c.category() == SensitiveCategory.TARGET_GROUP));
  }

  @Test
  void aPolicyWithAUserCriterionKeepsEverything() {
    CriterionRegistry registry =
        CriterionRegistry.builtIn()
            .with("custom", p -> (Criterion) (v, j, c) -> Evaluation.abstain(
                Evidence.of("custom.none", LocalizedText.of("geen", "none", "aucun"))));
    MatchPolicy custom = MatchPolicy.of("c", List.of(CriterionSpec.soft("custom", 1)));
    assertTrue(DataMinimisation.fieldsNeeded(custom).contains("displayName"));
    Volunteer v = CITY.volunteers().get(0);
    assertSame(v, DataMinimisation.minimise(v, custom));
    assertTrue(registry.types().contains("custom"));
  }

  /** Every field a criterion could read has a name in {@link VolunteerField}, and only those. */
  @Test
  void volunteerFieldNamesEveryRecordComponent() {
    Set<String> components = new java.util.TreeSet<>();
    for (var c : Volunteer.class.getRecordComponents()) {
      components.add(c.getName());
    }
    // Always kept: the id, the consents of what is kept, and the participation the engine reads.
    components.removeAll(Set.of("id", "consents", "participation"));
    Set<String> named = new java.util.TreeSet<>();
    for (VolunteerField f : VolunteerField.values()) {
      named.add(f.component());
    }
    assertEquals(components, named);
  }

  /** A criterion of one's own that declares its fields gets those kept, with their consents. */
  @Test
  void aUserCriterionThatDeclaresItsFieldsKeepsOnlyThose() {
    CriterionRegistry registry =
        CriterionRegistry.builtIn()
            .with("onBenefits", p -> new Criterion() {
              @Override
              public Evaluation evaluate(Volunteer v, Vacancy j, io.github.koppel.matching.criteria.MatchContext c) {
                return Evaluation.abstain(Evidence.of("custom.none", LocalizedText.of("geen", "none", "aucun")));
              }

              @Override
              public Set<VolunteerField> fieldsRead() {
                return Set.of(VolunteerField.BENEFITS, VolunteerField.TALENTS);
              }
            });
    MatchPolicy policy = MatchPolicy.of("c", List.of(CriterionSpec.soft("onBenefits", 1)));
    assertEquals(Set.of("benefits", "consents", "talents"), DataMinimisation.fieldsNeeded(policy, registry));
    Volunteer v =
        CITY.volunteers().stream().filter(x -> !x.benefits().isEmpty() && x.displayName() != null).findFirst().orElseThrow();
    Volunteer kept = DataMinimisation.minimise(v, policy, registry);
    assertEquals(v.benefits(), kept.benefits());
    assertEquals(v.talents(), kept.talents());
    assertNull(kept.displayName());
    assertEquals(List.of(), kept.languages());
    assertTrue(kept.consents().stream().allMatch(c -> c.category() == SensitiveCategory.BENEFIT_STATUS));
    // Without the registry the type is unknown, so every field may be read and nothing is dropped.
    assertSame(v, DataMinimisation.minimise(v, policy));
  }

  /**
   * A policy reads more than its criteria: its fairness target reads the target groups and its
   * tie-break by distance the home. Rankings of minimised volunteers equal the originals'.
   */
  @Test
  void fairnessAndTheTieBreakByDistanceKeepWhatTheyRead() {
    MatchPolicy policy =
        MatchPolicy.of("talents-fair-near", List.of(CriterionSpec.soft("talents", 1)))
            .withTieBreak(io.github.koppel.matching.policy.TieBreak.NEAREST, 0)
            .withFairness(new io.github.koppel.matching.policy.FairnessTarget("newcomer", 0.5, 0.1));
    assertTrue(DataMinimisation.fieldsNeeded(policy).containsAll(Set.of("talents", "targetGroups", "home", "consents")));
    List<Volunteer> minimised = CITY.volunteers().stream().map(v -> DataMinimisation.minimise(v, policy)).toList();
    Dataset stripped = Dataset.of(CITY.organisations(), CITY.vacancies(), minimised);
    MatchEngine original = MatchEngine.builder(CITY).policy(policy).date(DemoCity.REFERENCE_DATE).build();
    MatchEngine lean = MatchEngine.builder(stripped).policy(policy).date(DemoCity.REFERENCE_DATE).build();
    for (int j = 0; j < CITY.vacancies().size(); j += 41) {
      String vacancy = CITY.vacancies().get(j).id();
      assertEquals(
          original.rankVolunteers(vacancy, 10).matches().stream().map(m -> m.volunteerId() + " " + m.score()).toList(),
          lean.rankVolunteers(vacancy, 10).matches().stream().map(m -> m.volunteerId() + " " + m.score()).toList(),
          vacancy);
    }
  }
}
