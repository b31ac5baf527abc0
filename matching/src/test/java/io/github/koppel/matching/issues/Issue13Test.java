package io.github.koppel.matching.issues;

import static io.github.koppel.core.testdata.Testdata.CENTRE;
import static io.github.koppel.core.testdata.Testdata.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.demo.Personas;
import io.github.koppel.core.legal.NoticeKind;
import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Schedule;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import io.github.koppel.core.model.WorkMode;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.Contribution;
import io.github.koppel.matching.ExplanationText;
import io.github.koppel.matching.GateResult;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.MatchExplanation;
import io.github.koppel.matching.Ranking;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Known answers of #13, sections 4 and 5: telling more never lowers a volunteer, and the default
 * policy behaves as a counter expects.
 */
final class Issue13Test {
  private static final Set<WeeklySlot> MONDAY_MORNING = Set.of(WeeklySlot.of(DayOfWeek.MONDAY, DayPart.MORNING));
  private static final Organisation GARDEN_ORG =
      Organisation.of("org-garden", "Buurtmoestuin", LegalForm.DE_FACTO_ASSOCIATION_WITHOUT_STAFF)
          .withSectors(Set.of("environment"))
          .withLocation(CENTRE);

  private static Volunteer.Builder neighbour(String id, double kmNorth) {
    return Volunteer.builder(id)
        .birthDate(LocalDate.of(1990, 1, 1))
        .home(Location.of(CENTRE.latitude() + kmNorth / 111.2, CENTRE.longitude()))
        .mobility(Mobility.of(10, TravelMode.BICYCLE))
        .availability(Availability.weekly(MONDAY_MORNING, 4.0))
        .talent(Talent.of("gardening"));
  }

  private static MatchEngine engine(Dataset city, MatchPolicy policy) {
    return MatchEngine.builder(city).policy(policy).date(DAY).build();
  }

  /**
   * The community garden of the issue: no Dutch required, no Dutch practice offered, not in the
   * newcomer's sector of interest. Her wish to practise Dutch and her interests are not met here,
   * and must weigh exactly as if she had not stated them: she stays above the neighbour who said
   * nothing and lives a little farther away.
   */
  @Test
  void communityGarden_unmetWishesWeighAsSilence() {
    Vacancy garden =
        Vacancy.builder("vac-garden", "org-garden", LocalizedText.of("Moestuinier", "Gardener", "Jardinier"))
            .talent(TalentRequirement.desired("gardening"))
            .noDutchRequired(true)
            .schedule(Schedule.regular(MONDAY_MORNING, 4.0))
            .place(WorkMode.ON_SITE, CENTRE)
            .capacity(3)
            .build();
    Volunteer silent =
        neighbour("vol-him", 1.5).language(LanguageSkill.of("nl", CefrLevel.C1)).build();
    Volunteer newcomer =
        neighbour("vol-her", 1.0)
            .language(LanguageSkill.of("ar", CefrLevel.C2))
            .language(LanguageSkill.practising("nl", CefrLevel.A2))
            .interests(Set.of("culture", "migration"))
            .build();
    Volunteer newcomerSilent =
        newcomer.toBuilder()
            .languages(List.of(LanguageSkill.of("ar", CefrLevel.C2), LanguageSkill.of("nl", CefrLevel.A2)))
            .interests(Set.of())
            .build();
    for (MatchPolicy policy : List.of(MatchPolicies.inclusiveDefault(), MatchPolicies.volunteerWishes())) {
      Dataset city = Dataset.of(List.of(GARDEN_ORG), List.of(garden), List.of(silent, newcomer));
      MatchEngine e = engine(city, policy);
      double withWishes = e.explain(newcomer, garden).score().soft();
      double withoutWishes = e.explain(newcomerSilent, garden).score().soft();
      assertEquals(withoutWishes, withWishes, policy.name());
      assertTrue(withWishes > e.explain(silent, garden).score().soft(), policy.name());
      Ranking r = e.rankVolunteers("vac-garden", 2);
      assertEquals("vol-her", r.matches().get(0).volunteerId(), policy.name());
      // The explanation says the unmet wish counts as nothing stated, not against her.
      Contribution practise = e.explain(newcomer, garden).contribution("practise");
      assertNotNull(practise);
      assertEquals(CriterionSpec.Mode.BONUS, policy.criteria().stream()
          .filter(c -> c.name().equals("practise")).findFirst().orElseThrow().mode());
    }
    // Where the garden does offer practice, her wish counts for her.
    Vacancy practising = garden.toBuilder().practiseLanguages(Set.of("nl")).build();
    MatchEngine e =
        engine(Dataset.of(List.of(GARDEN_ORG), List.of(practising), List.of(silent, newcomer)), MatchPolicies.inclusiveDefault());
    assertTrue(e.explain(newcomer, practising).score().soft() > e.explain(newcomerSilent, practising).score().soft());
  }

  /** A Repair Café's required talents are a gate, except for a volunteer who wants to learn them where it trains. */
  @Test
  void repairCafe_aRequiredTalentIsAGateUnlessLearnedWhereTheVacancyTrains() {
    Vacancy repair =
        Vacancy.builder("vac-repair", "org-garden", LocalizedText.of("Hersteller", "Repairer", "Réparateur"))
            .talent(TalentRequirement.required("appliance_repair"))
            .talent(TalentRequirement.required("bicycle_repair"))
            .schedule(Schedule.regular(MONDAY_MORNING, 4.0))
            .place(WorkMode.ON_SITE, CENTRE)
            .capacity(3)
            .build();
    Volunteer none = neighbour("vol-none", 1).language(LanguageSkill.of("nl", CefrLevel.C2)).build();
    Volunteer learner =
        neighbour("vol-learner", 1)
            .language(LanguageSkill.of("nl", CefrLevel.C2))
            .talent(Talent.toLearn("appliance_repair"))
            .talent(Talent.toLearn("bicycle_repair"))
            .build();
    Dataset city = Dataset.of(List.of(GARDEN_ORG), List.of(repair), List.of(none, learner));
    MatchEngine e = engine(city, MatchPolicies.inclusiveDefault());
    MatchExplanation missing = e.explain(none, repair);
    assertFalse(missing.isFeasible());
    GateResult gate = missing.failedGates().get(0);
    assertEquals("talents", gate.gate());
    assertEquals("talents.missing", gate.evidence().get(0).code());
    assertEquals(
        "With Repairing appliances, or the wish to learn it where the vacancy offers training, this would fit.",
        gate.remedies().get(0).in("en"));
    // Without training a wish to learn is not enough; with training it is.
    assertFalse(e.explain(learner, repair).isFeasible());
    Vacancy trains = repair.toBuilder().offersTraining(true).build();
    assertTrue(e.explain(learner, trains).isFeasible());
    assertFalse(e.explain(none, trains).isFeasible());
    Ranking r = e.rankVolunteers("vac-repair", 5);
    assertTrue(r.matches().isEmpty());
    assertEquals(2, r.blockedBy().get("talents"));
  }

  /** Working from home meets a wheelchair user's place-bound needs. */
  @Test
  void remoteVacancy_meetsPlaceBoundNeeds() {
    Vacancy online =
        Vacancy.builder("vac-online", "org-garden", LocalizedText.of("Webredacteur", "Web editor", "Rédacteur web"))
            .schedule(Schedule.regular(MONDAY_MORNING, 4.0))
            .place(WorkMode.REMOTE, null)
            .capacity(1)
            .build();
    Vacancy onSite = online.toBuilder().id("vac-onsite").place(WorkMode.ON_SITE, CENTRE).build();
    Volunteer wheelchair =
        neighbour("vol-wheels", 1)
            .supportNeeds(Set.of("wheelchair_access", "accessible_toilet", "easy_language"))
            .consent(Consent.full(SensitiveCategory.ABILITY, DAY))
            .build();
    MatchEngine e =
        engine(Dataset.of(List.of(GARDEN_ORG), List.of(online, onSite), List.of(wheelchair)), MatchPolicies.inclusiveDefault());
    Contribution remote = e.explain(wheelchair, online).contribution("accommodations");
    assertEquals(2.0 / 3, remote.score(), 1e-12);
    assertEquals(2, remote.evidence().stream().filter(ev -> ev.code().equals("accommodations.remote")).count());
    assertEquals(0, e.explain(wheelchair, onSite).contribution("accommodations").score());
  }

  /** Explanations say what is true. */
  @Test
  void explanations_sayWhatIsTrue() {
    MatchEngine e = MatchEngine.builder(DemoCity.bundled()).date(DemoCity.REFERENCE_DATE).build();
    // A retiree without benefit consent gets no benefit reminder: none applies from the pension age.
    Volunteer jozef = Personas.get("persona-jozef").volunteer();
    Vacancy any = DemoCity.bundled().vacancies().get(0);
    assertTrue(e.explain(jozef, any).notices().stream().noneMatch(n -> n.kind() == NoticeKind.BENEFIT_GENERAL));
    // No target group declared: "none given", not "no consent".
    Volunteer silent = jozef.toBuilder().targetGroups(Set.of()).consents(List.of()).build();
    Contribution inclusion = e.explain(silent, any).contribution("inclusion");
    assertEquals("inclusion.none", inclusion.evidence().get(0).code());
    assertEquals(Evaluation.Outcome.ABSTAINED, inclusion.outcome());
    // A counsellor view whose hidden criteria all abstained prints no empty "+0,00 (weight 0 %)" line.
    MatchPolicy personal =
        MatchPolicy.of(
            "personal",
            List.of(
                CriterionSpec.soft("talents", 1),
                CriterionSpec.soft("ability", 1),
                CriterionSpec.soft("accommodations", 1)));
    MatchEngine p = MatchEngine.builder(DemoCity.bundled()).policy(personal).date(DemoCity.REFERENCE_DATE).build();
    String text = ExplanationText.render(p.explain(silent, any), Audience.COUNSELLOR, "en");
    assertFalse(text.contains("weight 0 %"), text);
    assertTrue(text.contains("Personal factors       not counted"), text);
  }
}
