package io.github.koppel.matching.criteria;

import static io.github.koppel.core.testdata.Testdata.CENTRE;
import static io.github.koppel.core.testdata.Testdata.DAY;
import static io.github.koppel.core.testdata.Testdata.organisation;
import static io.github.koppel.core.testdata.Testdata.vacancy;
import static io.github.koppel.core.testdata.Testdata.volunteer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.Deferrable;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The distance kernel's decisions right at a volunteer's own limit, with the thresholds on squared
 * chords per coded limit and without them (more distinct limits than a code holds): a veto only
 * where the object form vetoes, a deferred score only where it scores, every branch reached.
 */
class DistanceKernelTest {
  private static final double KM_PER_DEGREE = 6371.0088 * Math.PI / 180;
  private static final Organisation KITCHEN = organisation("kitchen");

  /** Volunteers north of the centre at distances around their limits, the limit of each from a rule. */
  private static List<Volunteer> around(int n, DoubleUnaryOperator limitOf) {
    List<Volunteer> volunteers = new ArrayList<>();
    Volunteer base = volunteer("ada");
    for (int i = 0; i < n; i++) {
      double limit = limitOf.applyAsDouble(i);
      // From 0.2 to 1.8 times the limit, densest near the limit itself.
      double t = (i % 201 - 100) / 100.0;
      double km = limit * (1 + 0.8 * t * t * t);
      volunteers.add(base.toBuilder()
          .id(String.format("vol-%06d", i))
          .home(Location.of(CENTRE.latitude() + km / KM_PER_DEGREE, CENTRE.longitude()))
          .mobility(Mobility.of(limit, TravelMode.BICYCLE))
          .build());
    }
    return volunteers;
  }

  /** Returns how many volunteers the block vetoed, deferred and answered exactly. */
  private static int[] check(List<Volunteer> volunteers, boolean coded) {
    VolunteerIndex index = new VolunteerIndex(volunteers, BundledData.flemishVocabularies());
    assertEquals(coded, index.maxKmCodes() > 0, "the limits are coded");
    Criterion distance = Criterion.builtIn("distance", Map.of());
    MatchContext context = MatchContext.of(
        BundledData.flemishVocabularies(), BundledData.belgianLegalRules(), DAY, List.of(KITCHEN));
    CompileContext compiling = CompileContext.of(
        BundledData.flemishVocabularies(), BundledData.belgianLegalRules(), DAY, context::organisationOf);
    Vacancy cook = vacancy("cook");
    CompiledCriterion kernel = ((Compilable) distance).compile(cook, compiling, index);
    int n = index.size();
    double[] block = new double[n];
    kernel.evaluate(0, n, block);
    int[] seen = new int[3];
    double[] range = new double[2];
    for (int i = 0; i < n; i++) {
      Evaluation e = distance.evaluate(index.volunteer(i), cook, context);
      double b = block[i];
      int at = i;
      if (b == CompiledCriterion.VETO) {
        assertTrue(e.isVeto(), () -> "vetoed only what the object form vetoes: volunteer " + at);
        seen[0]++;
      } else if (b == CompiledCriterion.DEFERRED) {
        assertTrue(!e.isVeto() && !e.isAbstention(), () -> "deferred only a score: volunteer " + at);
        ((Deferrable) kernel).bounds(i, range);
        assertTrue(range[0] <= e.score() && e.score() <= range[1], () -> "bounds of volunteer " + at);
        seen[1]++;
      } else {
        assertEquals(e.isVeto() ? CompiledCriterion.VETO : e.score(), b, () -> "volunteer " + at);
        seen[2]++;
      }
    }
    return seen;
  }

  @Test
  void codedLimitsDecideFromSquaredChordsWhatTheObjectFormDecides() {
    int[] seen = check(around(20_000, i -> new double[] {0.5, 2, 5, 7.5, 20, 25}[(int) i % 6]), true);
    assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, "vetoes, deferred and exact answers: "
        + seen[0] + ", " + seen[1] + ", " + seen[2]);
  }

  @Test
  void moreDistinctLimitsThanACodeHoldsDecideWithoutThresholds() {
    int[] seen = check(around(66_000, i -> 3 + i * 1e-4), false);
    assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, "vetoes, deferred and exact answers: "
        + seen[0] + ", " + seen[1] + ", " + seen[2]);
  }
}
