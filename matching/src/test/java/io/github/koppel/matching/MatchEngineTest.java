package io.github.koppel.matching;

import static io.github.koppel.core.testdata.Testdata.CENTRE;
import static io.github.koppel.core.testdata.Testdata.DAY;
import static io.github.koppel.core.testdata.Testdata.organisation;
import static io.github.koppel.core.testdata.Testdata.vacancy;
import static io.github.koppel.core.testdata.Testdata.volunteer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.legal.NoticeKind;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.InclusionCommitments;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.matching.policy.Aggregation;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import io.github.koppel.matching.policy.TieBreak;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class MatchEngineTest {
  private static final Organisation KITCHEN =
      organisation("kitchen").withInclusion(new InclusionCommitments(Set.of("newcomer"), true, true));

  private static Volunteer sensitive() {
    return volunteer("jozef").toBuilder()
        .id("vol-sensitive")
        .targetGroups(Set.of("senior"))
        .benefit(BenefitStatus.UNEMPLOYMENT)
        .backgroundCheckDate(DAY.minusDays(3))
        .consents(List.of(
            Consent.full(SensitiveCategory.ABILITY, DAY),
            new Consent(SensitiveCategory.TARGET_GROUP, Set.of(ConsentPurpose.MATCHING), DAY),
            Consent.full(SensitiveCategory.BENEFIT_STATUS, DAY),
            Consent.full(SensitiveCategory.BACKGROUND_CHECK, DAY)))
        .talent(Talent.of("cooking"))
        .build();
  }

  private static Dataset city() {
    Vacancy standing = vacancy("cook").toBuilder().id("vac-standing").demand("standing_walking", FunctionalLevel.HIGH).build();
    return Dataset.of(
        List.of(KITCHEN),
        List.of(vacancy("cook"), vacancy("tutor"), standing),
        List.of(volunteer("ada"), volunteer("amal"), volunteer("jozef"), volunteer("kid"), sensitive()));
  }

  private static MatchEngine engine() {
    return MatchEngine.builder(city()).date(DAY).build();
  }

  @Test
  void rankVolunteers_ordersByScoreAndListsNearMisses() {
    Ranking r = engine().rankVolunteers("vac-cook", 10);
    assertEquals(5, r.candidates());
    assertEquals(r.feasible(), r.matches().size());
    for (int i = 1; i < r.matches().size(); i++) {
      assertTrue(r.matches().get(i - 1).score() >= r.matches().get(i).score());
      assertEquals(i + 1, r.matches().get(i).rank());
    }
    assertTrue(r.matches().stream().anyMatch(m -> m.volunteerId().equals("vol-ada")));
    NearMiss kid = r.nearMisses().stream().filter(n -> n.volunteerId().equals("vol-kid")).findFirst().orElseThrow();
    GateResult age = kid.failedGates().get(0);
    assertEquals("age", age.gate());
    assertEquals("Possible from 1 January 2028.", age.remedies().get(0).in("en"));
    assertEquals(1, r.blockedBy().get("age"));
  }

  @Test
  void rankVacancies_withoutMatchGivesNearMissesAndCountsPerGate() {
    Volunteer far = volunteer("ada").toBuilder().id("vol-far").home(Location.of(CENTRE.latitude() + 0.5, CENTRE.longitude())).build();
    Ranking r = engine().rankVacancies(far, 5);
    assertTrue(r.isEmpty());
    assertEquals(0, r.feasible());
    assertEquals(3, r.nearMisses().size());
    assertEquals(3, r.blockedBy().get("distance"));
    GateResult distance = r.nearMisses().get(0).failedGates().get(0);
    assertEquals("distance", distance.gate());
    assertTrue(distance.evidence().get(0).message().in("en").endsWith("km away, the limit is 5.0 km."));
    assertFalse(distance.remedies().isEmpty());
  }

  @Test
  void explain_contributionsAddUpAndNoticesAreAttached() {
    MatchExplanation e = engine().explain("vol-amal", "vac-cook");
    assertTrue(e.isFeasible());
    double sum = 0;
    for (Contribution c : e.contributions()) {
      sum += c.contribution();
    }
    assertEquals(e.score().soft(), sum);
    assertEquals(MatchPolicies.inclusiveDefault().criteria().size(), e.contributions().size());
    assertEquals(Evaluation.Outcome.ABSTAINED, e.contribution("ability").outcome(), "amal gave no ability consent");
    assertEquals(0, e.contribution("ability").weight());
    assertTrue(e.notices().stream().anyMatch(n -> n.kind() == NoticeKind.INSURANCE_MANDATORY));
    assertTrue(e.notices().stream().anyMatch(n -> n.kind() == NoticeKind.BENEFIT_GENERAL));
    assertEquals(engine().rankVacancies("vol-amal", 10).matches().stream()
        .filter(m -> m.vacancyId().equals("vac-cook")).findFirst().orElseThrow().explanation(), e);
  }

  @Test
  void ranking_isDeterministicAndTieBreaksById() {
    Dataset twins = Dataset.of(List.of(KITCHEN), List.of(vacancy("cook")),
        List.of(volunteer("ada").toBuilder().id("vol-b").build(), volunteer("ada").toBuilder().id("vol-a").build()));
    MatchEngine byId = MatchEngine.builder(twins).date(DAY).build();
    Ranking r = byId.rankVolunteers("vac-cook", 2);
    assertEquals(List.of("vol-a", "vol-b"), r.matches().stream().map(Match::volunteerId).toList());
    assertEquals(r, byId.rankVolunteers("vac-cook", 2));
    MatchEngine shuffled = byId.withPolicy(byId.policy().withTieBreak(TieBreak.SHUFFLED, 7));
    assertEquals(shuffled.rankVolunteers("vac-cook", 2), shuffled.rankVolunteers("vac-cook", 2));
  }

  @Test
  void organisationView_neverSeesSensitiveFacts() {
    MatchExplanation full = engine().explain("vol-sensitive", "vac-tutor");
    MatchExplanation org = engine().explain("vol-sensitive", "vac-tutor", Audience.ORGANISATION);
    assertEquals(Audience.ORGANISATION, org.audience());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> full.redactedFor(Audience.ORGANISATION));
    assertTrue(e.getMessage().contains("MatchEngine.explain(volunteerId, vacancyId, Audience.ORGANISATION)"), e.getMessage());
    for (Contribution c : org.contributions()) {
      assertTrue(!c.redacted() && c.sensitiveCategories().isEmpty(), c.criterion());
      for (Evidence ev : c.evidence()) {
        assertNull(ev.sensitiveCategory(), ev.code());
      }
    }
    for (GateResult g : org.gates()) {
      assertTrue(!g.redacted() && g.sensitiveCategories().isEmpty(), g.gate());
    }
    assertTrue(org.notices().stream().allMatch(n -> n.sensitiveCategory() == null));
    assertTrue(full.notices().stream().anyMatch(n -> n.kind() == NoticeKind.BENEFIT_UNEMPLOYMENT));
    assertNull(org.contribution(Contribution.PRIVATE));
    assertNull(org.contribution("ability"));
    double sum = org.contributions().stream().mapToDouble(Contribution::contribution).sum();
    assertEquals(org.score().soft(), sum, 1e-12);
    // The weights of what an organisation sees are those of the visible criteria alone.
    double weights = org.contributions().stream().mapToDouble(Contribution::weight).sum();
    assertEquals(1, weights, 1e-12);
    String text = ExplanationText.render(org, Audience.ORGANISATION, "en");
    for (String secret : List.of("Standing", "senior", "Older", "Seated", "596.2 extract.", "C45B", "unemploy")) {
      assertFalse(text.contains(secret), secret + " leaked into:\n" + text);
    }
  }

  @Test
  void redaction_counsellorSeesWhatTheVolunteerConsentedTo() {
    MatchExplanation full = engine().explain("vol-sensitive", "vac-standing");
    MatchExplanation counsellor = full.redactedFor(Audience.COUNSELLOR);
    assertNotNull(counsellor.contribution("ability"), "ability: consent for the counsellor view");
    assertNull(counsellor.contribution("inclusion"), "target group: consent for matching only");
    assertTrue(counsellor.notices().stream().anyMatch(n -> n.kind() == NoticeKind.BENEFIT_UNEMPLOYMENT));
    MatchExplanation self = full.redactedFor(Audience.VOLUNTEER);
    assertEquals(full.contributions(), self.contributions());
    assertThrows(IllegalStateException.class, () -> counsellor.redactedFor(Audience.VOLUNTEER));
    assertEquals(counsellor, counsellor.redactedFor(Audience.COUNSELLOR));
  }

  @Test
  void render_inEveryLanguage() {
    MatchExplanation e = engine().explain("vol-amal", "vac-cook");
    assertTrue(ExplanationText.render(e, Audience.VOLUNTEER, "nl").contains("Kans om Nederlands te oefenen."));
    assertTrue(ExplanationText.render(e, Audience.VOLUNTEER, "en").contains("A chance to practise Dutch."));
    assertTrue(ExplanationText.render(e, Audience.VOLUNTEER, "fr").contains("Occasion de pratiquer le néerlandais."));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ExplanationText.render(e, Audience.VOLUNTEER, "de"));
    assertEquals("language must be nl, en or fr: 'de'", bad.getMessage());
  }

  @Test
  void badQueries() {
    MatchEngine engine = engine();
    IllegalArgumentException vacancy = assertThrows(IllegalArgumentException.class, () -> engine.rankVolunteers("vac-none", 3));
    assertEquals("no vacancy with id 'vac-none' in the dataset", vacancy.getMessage());
    IllegalArgumentException volunteer = assertThrows(IllegalArgumentException.class, () -> engine.rankVacancies("vol-none", 3));
    assertEquals("no volunteer with id 'vol-none' in the dataset", volunteer.getMessage());
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> engine.rankVacancies("vol-ada", -1));
    assertEquals("k must be >= 0: -1", k.getMessage());
    assertThrows(NullPointerException.class, () -> engine.explain(null, "vac-cook"));
    Volunteer unknownTalent = volunteer("ada").toBuilder().talent(Talent.of("juggling")).build();
    InvalidDataException talent = assertThrows(InvalidDataException.class, () -> engine.rankVacancies(unknownTalent, 3));
    assertTrue(talent.getMessage().contains("juggling"), talent.getMessage());
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> MatchEngine.builder(city()).date(DAY).date(DAY));
    assertEquals("date already set", twice.getMessage());
    InvalidDataException policy = assertThrows(InvalidDataException.class,
        () -> engine.withPolicy(MatchPolicy.of("mine", List.of(CriterionSpec.soft("distance", 1).withParameter("scale", -1)))));
    assertEquals("policy mine", policy.source());
    assertEquals("$.criteria[0].parameters.scale", policy.path());
  }

  @Test
  void gates_closedVacancyAndMinimumScore() {
    Dataset closed = Dataset.of(List.of(KITCHEN),
        List.of(vacancy("cook").toBuilder().validity(DAY.minusDays(30), DAY.minusDays(1)).build()),
        List.of(volunteer("ada")));
    Ranking r = MatchEngine.builder(closed).date(DAY).build().rankVolunteers("vac-cook", 3);
    assertEquals(1, r.blockedBy().get(GateResult.OPEN));
    MatchEngine strict = engine().withPolicy(MatchPolicies.inclusiveDefault().withMinimumScore(1));
    Ranking s = strict.rankVolunteers("vac-tutor", 3);
    assertTrue(s.blockedBy().get(GateResult.MINIMUM_SCORE) > 0);
  }

  @Test
  void geometricAggregation_pullsDownAPoorCriterion() {
    MatchEngine mean = engine();
    MatchEngine geometric = mean.withPolicy(mean.policy().withAggregation(Aggregation.WEIGHTED_GEOMETRIC));
    MatchExplanation m = mean.explain("vol-ada", "vac-tutor");
    MatchExplanation g = geometric.explain("vol-ada", "vac-tutor");
    assertEquals(0, g.score().soft(), "a zero on talents makes the geometric score 0");
    assertTrue(m.score().soft() > 0);
    double sum = g.contributions().stream().mapToDouble(Contribution::contribution).sum();
    assertEquals(g.score().soft(), sum);
  }

  @Test
  void organisationView_rankingDropsPrivateNearMissesAndCounts() {
    Ranking full = engine().rankVolunteers("vac-standing", 10);
    assertTrue(full.nearMisses().stream().anyMatch(n -> n.volunteerId().equals("vol-sensitive")), "ability gap");
    assertEquals(2, full.blockedBy().get("ability"), "jozef and vol-sensitive");
    Ranking org = engine().rankVolunteers("vac-standing", 10, Audience.ORGANISATION);
    assertEquals(Audience.ORGANISATION, org.audience());
    assertTrue(org.nearMisses().stream().noneMatch(n -> n.volunteerId().equals("vol-sensitive")));
    assertNull(org.blockedBy().get("ability"));
    assertNull(org.blockedBy().get(Contribution.PRIVATE));
    assertTrue(org.sensitiveGates().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> full.redactedFor(Audience.ORGANISATION));
    Ranking counsellor = full.redactedFor(Audience.COUNSELLOR);
    assertTrue(counsellor.nearMisses().stream().anyMatch(n -> n.volunteerId().equals("vol-sensitive")));
    assertThrows(IllegalStateException.class, () -> org.redactedFor(Audience.COUNSELLOR));
  }
}
