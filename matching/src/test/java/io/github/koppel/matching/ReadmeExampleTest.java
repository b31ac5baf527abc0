package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
import io.github.koppel.matching.allocation.Allocation;
import io.github.koppel.matching.allocation.AllocationMode;
import io.github.koppel.matching.allocation.AllocationProblem;
import io.github.koppel.matching.allocation.Allocations;
import io.github.koppel.matching.allocation.Allocator;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.matching.policy.FairnessTarget;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's matching examples, kept compiling and correct. */
final class ReadmeExampleTest {

  private static Dataset city() {
    Vacancy cook = Vacancy.builder("v-1", "org-1", LocalizedText.of("Kok", "Cook", "Cuisinier"))
        .talent(TalentRequirement.required("cooking"))
        .noDutchRequired(true)
        .practiseLanguages(Set.of("nl"))
        .place(WorkMode.ON_SITE, Location.of(51.054, 3.717))
        .build();
    Volunteer amal = Volunteer.builder("vol-1")
        .birthDate(LocalDate.of(1988, 3, 14))
        .language(LanguageSkill.practising("nl", CefrLevel.A2))
        .talent(Talent.of("cooking", ProficiencyLevel.EXPERT))
        .home(Location.of(51.060, 3.730))
        .mobility(Mobility.of(10, TravelMode.BICYCLE))
        .participation(Participation.findable(LocalDate.of(2026, 2, 1)))
        .build();
    Organisation org = Organisation.of("org-1", "Sociaal restaurant", LegalForm.NON_PROFIT_ASSOCIATION);
    return Dataset.of(List.of(org), List.of(cook), List.of(amal));
  }

  @Test
  void quickStart_rankAndExplain() {
    Dataset city = city();
    MatchEngine engine = MatchEngine.builder(city)
        .policy(MatchPolicies.inclusiveDefault())
        .date(LocalDate.of(2026, 3, 1))
        .build();
    Ranking ranking = engine.rankVacancies("vol-1", 10);  // matches, near misses, counts per gate
    MatchExplanation why = engine.explain("vol-1", "v-1", Audience.ORGANISATION);  // computed for it
    String forOrganisation = ExplanationText.render(why, Audience.ORGANISATION, "nl");

    assertEquals("v-1", ranking.matches().get(0).vacancyId());
    assertTrue(forOrganisation.contains("Kans om Nederlands te oefenen."), forOrganisation);
  }

  @Test
  void quickStart_allocateAndFairRanking() {
    MatchEngine engine = MatchEngine.builder(city()).date(LocalDate.of(2026, 3, 1)).build();
    AllocationProblem problem = Allocations.problem(engine);   // feasible pairs, scores and wishes
    Allocation allocation = Allocator.allocate(problem, AllocationMode.OPTIMAL);
    assertEquals("v-1", allocation.placements().get(0).vacancyId());
    assertEquals(List.of(), allocation.unplaced());

    MatchEngine fair = engine.withPolicy(engine.policy()
        .withFairness(new FairnessTarget("newcomer", 0.3, 0.1)));  // FA*IR: p = 0.3, alpha = 0.1
    Ranking forCook = fair.rankVolunteers("v-1", 10);           // forCook.fairness() tells how
    assertEquals(1, forCook.matches().size());
    assertEquals(0, forCook.fairness().protectedAfter());
  }

  @Test
  void ownCriterion(@TempDir Path dir) throws Exception {
    Dataset city = city();
    Files.writeString(dir.resolve("ours.json"),
        "{\"schemaVersion\": 1, \"name\": \"ours\", \"criteria\": ["
            + "{\"type\": \"talents\", \"weight\": 2}, {\"type\": \"bicycle\", \"parameters\": {\"withoutBicycle\": 0.25}}]}");
    CriterionRegistry registry = CriterionRegistry.builtIn().with("bicycle", parameters -> {
      double without = parameters.number("withoutBicycle", 0.5, 0, 1);
      return (volunteer, vacancy, context) ->
          volunteer.mobility() != null && volunteer.mobility().travelMode() == TravelMode.BICYCLE
              ? Evaluation.score(1, Evidence.of("bicycle", LocalizedText.of("Fietst", "Cycles", "À vélo")))
              : Evaluation.score(without, Evidence.of("bicycle", LocalizedText.of("Geen fiets", "No bicycle", "Pas de vélo")));
    });
    MatchPolicy policy = MatchPolicies.read(dir.resolve("ours.json"), registry);
    MatchEngine engine = MatchEngine.builder(city).registry(registry).policy(policy).date(LocalDate.of(2026, 3, 1)).build();

    MatchExplanation e = engine.explain("vol-1", "v-1");
    assertEquals(1, e.score().soft());
    assertEquals("Cycles", e.contribution("bicycle").evidence().get(0).message().in("en"));
  }
}
