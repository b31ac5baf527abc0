package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Volunteer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The attack of an organisation on a volunteer's own search, now on the compiled path (#16): it
 * asks for the volunteer's ranking of vacancies in the organisation audience twice, once for the
 * volunteer as recorded and once for a twin who withdrew every consent to sensitive facts, and
 * tries to tell them apart by the scores of the vacancies both rankings hold, or by the counts of
 * the gates of sensitive criteria. It cannot: the organisation score weighs those criteria 0 and
 * their gates filter unseen.
 */
final class OrganisationVacancySearchInferenceTest {
  private static final Dataset CITY = DemoCity.bundled();

  @Test
  void consentCannotBeReadFromScoresOrCounts() {
    MatchEngine engine =
        MatchEngine.builder(CITY)
            .date(DemoCity.REFERENCE_DATE)
            .strategy(MatchEngine.Strategy.COMPILED)
            .checkMode(MatchEngine.CheckMode.COMPARE)
            .build();
    int compared = 0;
    for (Volunteer v : CITY.volunteers()) {
      if (v.consents().isEmpty() || !OrganisationInferenceTest.inBank(v)) {
        continue;
      }
      Volunteer withdrawn = v.toBuilder().consents(List.of()).build();
      Ranking recorded = engine.rankVacancies(v, 20, Audience.ORGANISATION);
      Ranking twin = engine.rankVacancies(withdrawn, 20, Audience.ORGANISATION);
      Set<String> privateGates = engine.rankVacancies(v, 20).sensitiveGates();
      for (String gate : privateGates) {
        assertTrue(!recorded.blockedBy().containsKey(gate) && !twin.blockedBy().containsKey(gate), gate);
      }
      Map<String, Double> scores = new HashMap<>();
      recorded.matches().forEach(m -> scores.put(m.vacancyId(), m.score()));
      for (Match m : twin.matches()) {
        Double s = scores.get(m.vacancyId());
        if (s != null) {
          assertEquals(s, m.score(), 0.0, v.id() + " " + m.vacancyId());
          compared++;
        }
      }
      if (compared > 2000) {
        break;
      }
    }
    assertTrue(compared > 100, "too few pairs compared: " + compared);
  }
}
