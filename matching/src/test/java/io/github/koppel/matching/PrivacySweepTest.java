package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sweep over the demo city: for the default policy and for every built-in criterion alone (hard
 * and soft), what an organisation sees of a volunteer (explanations, near misses, JSON and text in
 * three languages) carries no sensitive fact and no trace of one.
 */
class PrivacySweepTest {
  private static final Dataset CITY = DemoCity.bundled();

  static List<MatchPolicy> policies() {
    List<MatchPolicy> out = new ArrayList<>();
    out.add(MatchPolicies.inclusiveDefault());
    for (CriterionSpec c : MatchPolicies.inclusiveDefault().criteria()) {
      out.add(MatchPolicy.of("hard-" + c.name(), List.of(new CriterionSpec(c.name(), c.type(), CriterionSpec.Mode.HARD, 1, c.minimum(), c.parameters()))));
      out.add(MatchPolicy.of("soft-" + c.name(), List.of(new CriterionSpec(c.name(), c.type(), CriterionSpec.Mode.SOFT, 1, 0, c.parameters()))));
    }
    return out;
  }

  private static void assertClean(MatchExplanation e, String where) {
    for (Contribution c : e.contributions()) {
      assertTrue(c.redacted() || c.sensitiveCategories().isEmpty(), where + " " + c.criterion());
      for (Evidence ev : c.evidence()) {
        assertNull(ev.sensitiveCategory(), where + " " + ev.code());
      }
    }
    for (GateResult g : e.gates()) {
      assertTrue(g.redacted() || g.sensitiveCategories().isEmpty(), where + " " + g.gate());
      for (Evidence ev : g.evidence()) {
        assertNull(ev.sensitiveCategory(), where + " " + ev.code());
      }
    }
    assertTrue(e.notices().stream().allMatch(n -> n.sensitiveCategory() == null), where);
    // No notice about benefits at all: even the general reminder tells who did not consent.
    assertTrue(e.notices().stream().noneMatch(n -> n.kind().name().startsWith("BENEFIT_")), where);
  }

  @Test
  void anOrganisationSeesNoSensitiveFact() {
    KoppelJson json = KoppelJson.create();
    List<Volunteer> sensitive =
        CITY.volunteers().stream()
            .filter(v -> !v.targetGroups().isEmpty() || !v.benefits().isEmpty()
                || !v.possibilities().isEmpty() || !v.supportNeeds().isEmpty()
                || v.backgroundCheckDate() != null)
            // An organisation reads explanations of volunteers in the candidate bank only.
            .filter(OrganisationInferenceTest::inBank)
            .toList();
    assertTrue(sensitive.size() > 100, "the demo city has people with sensitive facts");
    int checked = 0;
    for (MatchPolicy policy : policies()) {
      MatchEngine engine =
          MatchEngine.builder(CITY).policy(policy).date(DemoCity.REFERENCE_DATE).build();
      for (int j = 0; j < CITY.vacancies().size(); j += 57) {
        String vacancy = CITY.vacancies().get(j).id();
        Ranking r = engine.rankVolunteers(vacancy, 5, Audience.ORGANISATION);
        for (Match m : r.matches()) {
          assertClean(m.explanation(), policy.name() + " " + m.volunteerId());
        }
        for (NearMiss n : r.nearMisses()) {
          assertClean(n.explanation(), policy.name() + " near " + n.volunteerId());
        }
        String text = json.toJson(r);
        // Category names as JSON values: a notice kind such as BACKGROUND_CHECK_REQUIRED is about
        // the vacancy and may show.
        for (String trace :
            List.of("\"sensitiveCategory\"", "\"ABILITY\"", "\"TARGET_GROUP\"", "\"BENEFIT_STATUS\"",
                "\"BACKGROUND_CHECK\"")) {
          assertFalse(text.contains(trace), policy.name() + " " + vacancy + ": " + trace);
        }
        checked++;
      }
      for (int i = 0; i < sensitive.size(); i += 41) {
        Volunteer v = sensitive.get(i);
        String vacancy = CITY.vacancies().get(i % CITY.vacancies().size()).id();
        if (engine.heldBack(v.id(), vacancy) != null) {
          continue;  // an organisation is not shown a pair a contact cap holds back
        }
        MatchExplanation org = engine.explain(v.id(), vacancy, Audience.ORGANISATION);
        assertClean(org, policy.name() + " " + v.id());
        for (String lang : List.of("nl", "en", "fr")) {
          String text = ExplanationText.render(org, Audience.ORGANISATION, lang);
          for (String g : v.targetGroups()) {
            assertFalse(text.contains(g), g + " in " + text);
          }
          if (v.backgroundCheckDate() != null) {
            assertFalse(text.contains(v.backgroundCheckDate().toString()), text);
          }
        }
        checked++;
      }
    }
    assertTrue(checked > 200, "checked " + checked);
  }
}
