package io.github.koppel.matching.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.HistoryEvent;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.matching.MatchEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticHistoryTest {
  private static final MatchEngine ENGINE =
      MatchEngine.builder(DemoCity.bundled()).date(DemoCity.REFERENCE_DATE).build();

  @Test
  void deterministicPlausibleAndInThePast() {
    History h = SyntheticHistory.generate(ENGINE, 0.1, 42);
    assertEquals(h, SyntheticHistory.generate(ENGINE, 0.1, 42));
    assertTrue(h.events().size() > 100, h::toString);
    h.checkAgainst(ENGINE.dataset(), "synthetic");
    for (HistoryEvent e : h.events()) {
      assertTrue(!e.date().isAfter(DemoCity.REFERENCE_DATE), e::toString);
      assertTrue(e.date().isAfter(DemoCity.REFERENCE_DATE.minusMonths(14)), e::toString);
    }
    // Better matches are started more often: compare the mean score of started and declined pairs,
    // over a larger history so that the difference is not noise (0.1 of the city gave about 300
    // proposals, a standard error of the means near 0.01).
    Map<String, Double> started = new HashMap<>();
    Map<String, Double> declined = new HashMap<>();
    for (HistoryEvent e : SyntheticHistory.generate(ENGINE, 0.5, 42).events()) {
      if (e.outcome() == MatchOutcome.STARTED || e.outcome() == MatchOutcome.DECLINED) {
        double score = ENGINE.explain(e.volunteerId(), e.vacancyId()).score().soft();
        (e.outcome() == MatchOutcome.STARTED ? started : declined).put(e.volunteerId() + e.vacancyId(), score);
      }
    }
    assertTrue(!started.isEmpty() && !declined.isEmpty());
    double s = started.values().stream().mapToDouble(d -> d).average().orElseThrow();
    double d = declined.values().stream().mapToDouble(x -> x).average().orElseThrow();
    assertTrue(s > d, () -> "started " + s + ", declined " + d);
    // Every pair starts with a proposal.
    for (HistoryEvent e : h.events()) {
      if (e.outcome() != MatchOutcome.PROPOSED) {
        List<HistoryEvent> proposal =
            h.events().stream()
                .filter(p -> p.outcome() == MatchOutcome.PROPOSED
                    && p.volunteerId().equals(e.volunteerId()) && p.vacancyId().equals(e.vacancyId()))
                .toList();
        assertEquals(1, proposal.size(), e::toString);
        assertTrue(proposal.get(0).date().isBefore(e.date()));
      }
    }
  }

  @Test
  void badShare() {
    assertEquals(
        "share must be in [0, 1]: 1.5",
        assertThrows(IllegalArgumentException.class, () -> SyntheticHistory.generate(ENGINE, 1.5, 1))
            .getMessage());
  }
}
