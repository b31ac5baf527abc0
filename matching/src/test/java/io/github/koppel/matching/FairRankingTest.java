package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.fairness.FairTopK;
import io.github.koppel.matching.policy.FairnessTarget;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fairness target of a policy, applied by the engine to rankings of volunteers. */
class FairRankingTest {
  private static final Dataset CITY = DemoCity.bundled();
  private static final FairnessTarget NEWCOMERS = new FairnessTarget("newcomer", 0.6, 0.1);

  private static MatchEngine engine(MatchEngine.Strategy strategy, FairnessTarget target) {
    return MatchEngine.builder(CITY)
        .date(DemoCity.REFERENCE_DATE)
        .policy(MatchPolicies.inclusiveDefault().withFairness(target))
        .strategy(strategy)
        .build();
  }

  private static boolean newcomer(Volunteer v) {
    return v.mayUse(SensitiveCategory.TARGET_GROUP, ConsentPurpose.MATCHING)
        && v.targetGroups().contains("newcomer");
  }

  @Test
  void thePolicysRuleChoosesTheTableAndTravelsWithThePolicyFile() {
    // k = 20, p = 0.25, alpha = 0.1: the two rules give different tables (see FairTopKTest).
    FairnessTarget nearest = new FairnessTarget("newcomer", 0.25, 0.1, FairTopK.Rule.NEAREST_ALPHA);
    FairnessTarget atMost = new FairnessTarget("newcomer", 0.25, 0.1);
    assertEquals(FairTopK.Rule.AT_MOST_ALPHA, atMost.rule());
    String vacancy = CITY.vacancies().get(7).id();
    FairnessReport byNearest = engine(MatchEngine.Strategy.COMPILED, nearest).rankVolunteers(vacancy, 20).fairness();
    FairnessReport byAtMost = engine(MatchEngine.Strategy.COMPILED, atMost).rankVolunteers(vacancy, 20).fairness();
    assertNotNull(byNearest);
    assertNotNull(byAtMost);
    assertEquals(FairTopK.adjusted(20, 0.25, 0.1, FairTopK.Rule.NEAREST_ALPHA).adjustedAlpha(), byNearest.adjustedAlpha());
    assertEquals(FairTopK.adjusted(20, 0.25, 0.1).adjustedAlpha(), byAtMost.adjustedAlpha());
    assertTrue(byNearest.adjustedAlpha() > byAtMost.adjustedAlpha());
    assertEquals(nearest, byNearest.target());
    MatchPolicy policy = MatchPolicies.inclusiveDefault().withFairness(nearest);
    String json = MatchPolicies.toJson(policy);
    assertTrue(json.contains("\"rule\" : \"NEAREST_ALPHA\""), json);
    assertEquals(policy, MatchPolicies.fromJson(json));
    // The default rule is not written, so that files of 0.2's first releases read and write alike.
    assertFalse(MatchPolicies.toJson(policy.withFairness(atMost)).contains("\"rule\""));
    assertEquals(
        "fairness.rule",
        assertThrows(NullPointerException.class, () -> new FairnessTarget("newcomer", 0.3, 0.1, null)).getMessage());
  }

  @Test
  void rankingsMeetTheTargetAndKeepOrderWithinGroups() {
    MatchEngine fair = engine(MatchEngine.Strategy.COMPILED, NEWCOMERS);
    MatchEngine plain = MatchEngine.builder(CITY).date(DemoCity.REFERENCE_DATE).strategy(MatchEngine.Strategy.COMPILED).build();
    FairTopK test = FairTopK.adjusted(10, 0.6, 0.1);
    int changed = 0;
    for (int q = 0; q < 40; q++) {
      String vacancy = CITY.vacancies().get(q * 7).id();
      Ranking r = fair.rankVolunteers(vacancy, 10);
      Ranking merit = plain.rankVolunteers(vacancy, 10);
      FairnessReport report = r.fairness();
      assertNotNull(report);
      assertEquals(test.adjustedAlpha(), report.adjustedAlpha());
      assertEquals(merit.feasible(), r.feasible());
      assertEquals(merit.blockedBy(), r.blockedBy());
      assertEquals(merit.matches().size(), r.matches().size());
      List<Volunteer> listed = new ArrayList<>();
      for (int i = 0; i < r.matches().size(); i++) {
        assertEquals(i + 1, r.matches().get(i).rank());
        assertTrue(r.matches().get(i).explanation().isFeasible());
        listed.add(CITY.volunteer(r.matches().get(i).volunteerId()));
      }
      long members = listed.stream().filter(FairRankingTest::newcomer).count();
      assertEquals(members, (long) report.protectedAfter());
      // Enough members were feasible whenever the re-ranked list still fails.
      if (!test.test(listed, FairRankingTest::newcomer).fair()) {
        assertTrue(members >= 0 && report.protectedAfter() < report.required());
      }
      // Others keep their merit order.
      List<String> others = listed.stream().filter(v -> !newcomer(v)).map(Volunteer::id).toList();
      List<String> meritOthers =
          merit.matches().stream().map(Match::volunteerId)
              .filter(id -> !newcomer(CITY.volunteer(id))).limit(others.size()).toList();
      assertEquals(meritOthers, others);
      if (!report.fairByMerit()) {
        // Promoted whenever the target group had more feasible members to promote.
        assertTrue(report.protectedAfter() >= report.protectedByMerit());
        if (report.protectedAfter() > report.protectedByMerit()) {
          changed++;
        }
      } else {
        assertEquals(
            merit.matches().stream().map(Match::volunteerId).toList(),
            r.matches().stream().map(Match::volunteerId).toList());
      }
    }
    assertTrue(changed > 0, "a target of 0.6 newcomers re-ranks some of the demo city's lists");
  }

  @Test
  void compiledAndObjectPathsAgree() {
    MatchEngine compiled = engine(MatchEngine.Strategy.COMPILED, NEWCOMERS);
    MatchEngine objects = engine(MatchEngine.Strategy.OBJECT, NEWCOMERS);
    for (int q = 0; q < 4; q++) {
      String vacancy = CITY.vacancies().get(q * 41).id();
      assertEquals(objects.rankVolunteers(vacancy, 10), compiled.rankVolunteers(vacancy, 10));
    }
    // The batch API applies the target too.
    List<Ranking> batch = compiled.rankVolunteersForEveryVacancy(3);
    for (int q = 0; q < 20; q++) {
      assertEquals(compiled.rankVolunteers(CITY.vacancies().get(q).id(), 3), batch.get(q));
    }
  }

  @Test
  void anOrganisationDoesNotSeeTheCounts() {
    MatchEngine e = engine(MatchEngine.Strategy.COMPILED, NEWCOMERS);
    Ranking r = e.rankVolunteers(CITY.vacancies().get(0).id(), 10);
    FairnessReport forOrganisation = e.rankVolunteers(CITY.vacancies().get(0).id(), 10, Audience.ORGANISATION).fairness();
    assertNotNull(forOrganisation);
    assertEquals(NEWCOMERS, forOrganisation.target());
    assertNull(forOrganisation.protectedByMerit());
    assertNull(forOrganisation.protectedAfter());
    assertNull(forOrganisation.fairByMerit());
    assertTrue(forOrganisation.promoted().isEmpty());
    assertNotNull(r.redactedFor(Audience.COUNSELLOR).fairness().protectedAfter());
  }

  @Test
  void withoutConsentNobodyCountsAsAMember() {
    DefaultMatchEngine engine = (DefaultMatchEngine) engine(MatchEngine.Strategy.OBJECT, NEWCOMERS);
    Volunteer withConsent =
        CITY.volunteers().stream().filter(FairRankingTest::newcomer).findFirst().orElseThrow();
    assertTrue(engine.isProtected(withConsent));
    Volunteer withoutConsent = withConsent.toBuilder().consents(List.of()).build();
    assertFalse(engine.isProtected(withoutConsent));
  }

  @Test
  void anUnknownTargetGroupFailsWhenTheEngineIsBuilt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> engine(MatchEngine.Strategy.OBJECT, new FairnessTarget("pirates", 0.3, 0.1)));
    assertEquals(
        "fairness.targetGroup of policy inclusive-default: no target group 'pirates' in the vocabularies",
        e.getMessage());
    assertEquals(
        "fairness.targetGroup must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new FairnessTarget(" ", 0.3, 0.1))
            .getMessage());
    assertEquals(
        "fairness.alpha must be in (0, 1): 1.0",
        assertThrows(IllegalArgumentException.class, () -> new FairnessTarget("newcomer", 0.3, 1))
            .getMessage());
    assertEquals(
        "fairness.proportion must be in (0, 1): 1.0",
        assertThrows(IllegalArgumentException.class, () -> new FairnessTarget("newcomer", 1, 0.1))
            .getMessage());
  }

  @Test
  void policyFilesCarryTheTarget() {
    MatchPolicy policy = MatchPolicies.inclusiveDefault().withFairness(NEWCOMERS);
    String json = MatchPolicies.toJson(policy);
    assertTrue(json.contains("\"targetGroup\" : \"newcomer\""), json);
    assertEquals(policy, MatchPolicies.fromJson(json));
    String bad = json.replace("\"alpha\" : 0.1", "\"alpha\" : 0");
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> MatchPolicies.fromJson(bad));
    assertTrue(e.getMessage().contains("$.fairness.alpha"), e.getMessage());
    InvalidDataException proportion =
        assertThrows(
            InvalidDataException.class,
            () -> MatchPolicies.fromJson(json.replace("\"proportion\" : 0.6", "\"proportion\" : 1.0")));
    assertTrue(proportion.getMessage().contains("must be a number in (0, 1)"), proportion.getMessage());
    assertTrue(proportion.getMessage().contains("$.fairness.proportion"), proportion.getMessage());
    InvalidDataException missing =
        assertThrows(
            InvalidDataException.class,
            () -> MatchPolicies.fromJson(json.replace("\"targetGroup\" : \"newcomer\",", "")));
    assertTrue(missing.getMessage().contains("targetGroup"), missing.getMessage());
    assertEquals(
        "no vacancy with id 'vac-nope' in the dataset",
        assertThrows(
                IllegalArgumentException.class,
                () -> engine(MatchEngine.Strategy.OBJECT, NEWCOMERS).feasibleVolunteers("vac-nope"))
            .getMessage());
    String unknown = json.replace("\"alpha\" : 0.1", "\"alpha\" : 0.1, \"beta\" : 2");
    InvalidDataException u =
        assertThrows(InvalidDataException.class, () -> MatchPolicies.fromJson(unknown));
    assertTrue(u.getMessage().contains("beta"), u.getMessage());
  }
}
