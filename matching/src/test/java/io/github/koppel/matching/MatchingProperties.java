package io.github.koppel.matching;

import static io.github.koppel.core.testdata.Testdata.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LanguageRequirement;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.testdata.DomainArbitraries;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.policy.Aggregation;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicy;
import io.github.koppel.matching.policy.TieBreak;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Invariants of the engine over random cities and random policies. */
final class MatchingProperties {
  /** The tolerance of the monotonicity properties: the geometric mean shares its score out. */
  private static final double TOLERANCE = 1e-12;

  @Provide
  Arbitrary<MatchPolicy> policies() {
    Arbitrary<CriterionSpec> criterion =
        Combinators.combine(
                Arbitraries.of(List.copyOf(CriterionRegistry.builtIn().types())),
                Arbitraries.of(CriterionSpec.Mode.class),
                Arbitraries.doubles().between(0, 10).withSpecialValue(0),
                Arbitraries.doubles().between(0, 0.5).withSpecialValue(0))
            .as((type, mode, weight, minimum) ->
                new CriterionSpec(type, type, mode, weight, minimum, Map.of()));
    return Combinators.combine(
            criterion.list().ofMinSize(1).ofMaxSize(12).uniqueElements(CriterionSpec::name)
                .filter(l -> l.stream().anyMatch(c -> c.weight() > 0)),
            Arbitraries.of(Aggregation.class),
            Arbitraries.doubles().between(0, 0.6),
            Arbitraries.of(TieBreak.class),
            Arbitraries.longs())
        .as((criteria, aggregation, minimum, tieBreak, seed) ->
            new MatchPolicy("random", "1", null, aggregation, minimum, tieBreak, seed, 1000, criteria));
  }

  @Provide
  Arbitrary<Dataset> cities() {
    return DomainArbitraries.datasets().filter(d -> !d.vacancies().isEmpty() && !d.volunteers().isEmpty());
  }

  private static MatchEngine engine(Dataset city, MatchPolicy policy) {
    return MatchEngine.builder(city).policy(policy).date(DAY).build();
  }

  private static List<MatchExplanation> allPairs(MatchEngine engine) {
    List<MatchExplanation> all = new ArrayList<>();
    for (Vacancy vacancy : engine.dataset().vacancies()) {
      Ranking r = engine.rankVolunteers(vacancy.id(), Integer.MAX_VALUE);
      r.matches().forEach(m -> all.add(m.explanation()));
      r.nearMisses().forEach(n -> all.add(n.explanation()));
    }
    return all;
  }

  @Property(tries = 200)
  void scoresAndContributionsAreInTheUnitInterval(@ForAll("cities") Dataset city, @ForAll("policies") MatchPolicy policy) {
    for (MatchExplanation e : allPairs(engine(city, policy))) {
      assertTrue(e.score().soft() >= 0 && e.score().soft() <= 1, e.toString());
      for (Contribution c : e.contributions()) {
        assertTrue(c.contribution() >= 0 && c.contribution() <= 1, c.toString());
        assertTrue(c.score() >= 0 && c.score() <= 1, c.toString());
      }
      Statistics.label("feasible").collect(e.isFeasible());
    }
  }

  @Property(tries = 200)
  void contributionsSumExactlyToTheScore(@ForAll("cities") Dataset city, @ForAll("policies") MatchPolicy policy) {
    for (MatchExplanation e : allPairs(engine(city, policy))) {
      double sum = 0;
      for (Contribution c : e.contributions()) {
        sum += c.contribution();
      }
      assertEquals(e.score().soft(), sum, e.toString());
    }
  }

  @Property(tries = 200)
  void aVetoedPairNeverOutranksAFeasibleOne(@ForAll("cities") Dataset city, @ForAll("policies") MatchPolicy policy) {
    MatchEngine engine = engine(city, policy);
    for (Volunteer v : city.volunteers()) {
      Ranking r = engine.rankVacancies(v.id(), Integer.MAX_VALUE);
      assertEquals(r.candidates(), r.matches().size() + r.nearMisses().size());
      for (Match m : r.matches()) {
        assertTrue(m.explanation().isFeasible());
        for (NearMiss n : r.nearMisses()) {
          assertTrue(m.explanation().score().compareTo(n.explanation().score()) > 0);
        }
      }
      for (int i = 1; i < r.matches().size(); i++) {
        assertTrue(r.matches().get(i - 1).score() >= r.matches().get(i).score(), "sorted by descending score");
      }
      Statistics.label("has matches and near misses").collect(!r.matches().isEmpty() && !r.nearMisses().isEmpty());
    }
  }

  @Property(tries = 200)
  void doublingEveryWeightChangesNothing(@ForAll("cities") Dataset city, @ForAll("policies") MatchPolicy policy) {
    MatchPolicy doubled = policy;
    for (CriterionSpec c : policy.criteria()) {
      doubled = doubled.withCriterion(c.withWeight(c.weight() * 2));
    }
    MatchEngine a = engine(city, policy);
    MatchEngine b = engine(city, doubled);
    for (Vacancy vacancy : city.vacancies()) {
      assertEquals(a.rankVolunteers(vacancy.id(), 10), b.rankVolunteers(vacancy.id(), 10));
    }
  }

  @Property(tries = 100)
  void rankingsAreDeterministicAndIndependentOfInputOrder(
      @ForAll("cities") Dataset city, @ForAll("policies") MatchPolicy policy, @ForAll long seed) {
    List<Volunteer> volunteers = new ArrayList<>(city.volunteers());
    List<Vacancy> vacancies = new ArrayList<>(city.vacancies());
    Collections.shuffle(volunteers, new Random(seed));
    Collections.shuffle(vacancies, new Random(seed + 1));
    MatchEngine a = engine(city, policy);
    MatchEngine b = engine(Dataset.of(city.organisations(), vacancies, volunteers), policy);
    for (Vacancy vacancy : city.vacancies()) {
      assertEquals(a.rankVolunteers(vacancy.id(), 3), b.rankVolunteers(vacancy.id(), 3));
    }
    for (Volunteer volunteer : city.volunteers()) {
      assertEquals(a.rankVacancies(volunteer.id(), 3), a.rankVacancies(volunteer.id(), 3));
      assertEquals(a.rankVacancies(volunteer.id(), 3), b.rankVacancies(volunteer.id(), 3));
    }
  }

  @Property(tries = 300)
  void addingAMatchingTalentNeverLowersTheScore(
      @ForAll("cities") Dataset city, @ForAll("policies") MatchPolicy policy, @ForAll ProficiencyLevel level) {
    MatchEngine engine = engine(city, policy);
    for (Vacancy vacancy : city.vacancies()) {
      Assume.that(!vacancy.talents().isEmpty());
      TalentRequirement wanted = vacancy.talents().get(0);
      for (Volunteer v : city.volunteers()) {
        List<Talent> talents = new ArrayList<>(v.talents());
        talents.removeIf(t -> t.conceptId().equals(wanted.conceptId()) && (t.wantsToLearn() || t.level() == null || t.level().compareTo(level) < 0));
        if (talents.stream().noneMatch(t -> t.conceptId().equals(wanted.conceptId()))) {
          talents.add(Talent.of(wanted.conceptId(), ProficiencyLevel.EXPERT));
        }
        Volunteer better = v.toBuilder().talents(talents).build();
        assertNotWorse(engine.explain(v, vacancy), engine.explain(better, vacancy));
      }
    }
  }

  @Property(tries = 300)
  void raisingALanguageLevelNeverLowersTheScore(@ForAll("cities") Dataset city, @ForAll("policies") MatchPolicy policy) {
    MatchEngine engine = engine(city, policy);
    for (Vacancy vacancy : city.vacancies()) {
      Assume.that(!vacancy.languages().isEmpty());
      LanguageRequirement wanted = vacancy.languages().get(0);
      for (Volunteer v : city.volunteers()) {
        LanguageSkill current = v.language(wanted.language());
        Volunteer better;
        if (current == null) {
          better = v.toBuilder().language(LanguageSkill.of(wanted.language(), wanted.minimumLevel())).build();
        } else if (current.level() != CefrLevel.C2) {
          CefrLevel higher = CefrLevel.values()[current.level().ordinal() + 1];
          List<LanguageSkill> skills = new ArrayList<>(v.languages());
          skills.replaceAll(s -> s.language().equals(wanted.language())
              ? new LanguageSkill(s.language(), higher, s.wantsToPractise()) : s);
          better = v.toBuilder().languages(skills).build();
        } else {
          continue;
        }
        assertNotWorse(engine.explain(v, vacancy), engine.explain(better, vacancy));
      }
    }
  }

  private static void assertNotWorse(MatchExplanation before, MatchExplanation after) {
    assertTrue(after.score().hard() >= before.score().hard(), before + " -> " + after);
    assertTrue(after.score().soft() >= before.score().soft() - TOLERANCE, before + " -> " + after);
  }

  @Property(tries = 300)
  void theCompiledPathRanksExactlyAsTheObjectPath(
      @ForAll("cities") Dataset city, @ForAll("policies") MatchPolicy policy, @ForAll int k) {
    int top = Math.floorMod(k, 6);
    MatchEngine objects = engine(city, policy);
    MatchEngine compiled =
        MatchEngine.builder(city).policy(policy).date(DAY).strategy(MatchEngine.Strategy.COMPILED).checkMode(MatchEngine.CheckMode.COMPARE).build();
    for (Vacancy vacancy : city.vacancies()) {
      assertEquals(objects.rankVolunteers(vacancy.id(), top), compiled.rankVolunteers(vacancy.id(), top));
      // An organisation's ranking (organisation score, private gates unseen) too.
      assertEquals(
          objects.rankVolunteers(vacancy.id(), top, Audience.ORGANISATION),
          compiled.rankVolunteers(vacancy.id(), top, Audience.ORGANISATION));
    }
  }

  /** A volunteer's own search on the compiled path (#16), for a volunteer of the engine and a visitor. */
  @Property(tries = 300)
  void theCompiledPathRanksVacanciesExactlyAsTheObjectPath(
      @ForAll("cities") Dataset city, @ForAll("policies") MatchPolicy policy, @ForAll int k) {
    int top = Math.floorMod(k, 6);
    MatchEngine objects = engine(city, policy);
    MatchEngine compiled =
        MatchEngine.builder(city).policy(policy).date(DAY).strategy(MatchEngine.Strategy.COMPILED).checkMode(MatchEngine.CheckMode.COMPARE).build();
    for (Volunteer volunteer : city.volunteers()) {
      assertEquals(objects.rankVacancies(volunteer.id(), top), compiled.rankVacancies(volunteer.id(), top));
      if (volunteer.participation().findableOn(DAY) && volunteer.participation().proposableOn(DAY)) {
        assertEquals(
            objects.rankVacancies(volunteer.id(), top, Audience.ORGANISATION),
            compiled.rankVacancies(volunteer.id(), top, Audience.ORGANISATION));
      } else {
        // An organisation may not find them: both paths refuse alike.
        assertEquals(
            assertThrows(IllegalArgumentException.class,
                () -> objects.rankVacancies(volunteer.id(), top, Audience.ORGANISATION)).getMessage(),
            assertThrows(IllegalArgumentException.class,
                () -> compiled.rankVacancies(volunteer.id(), top, Audience.ORGANISATION)).getMessage());
      }
      Volunteer visitor = volunteer.toBuilder().id("visitor").build();
      assertEquals(objects.rankVacancies(visitor, top), compiled.rankVacancies(visitor, top));
    }
  }
}
