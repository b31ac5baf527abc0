package io.github.koppel.matching.criteria;

import static io.github.koppel.core.testdata.Testdata.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.MatchRecord;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.testdata.DomainArbitraries;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.Deferrable;
import io.github.koppel.matching.internal.TabledCriterion;
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The contract between every built-in criterion and its compiled kernel, on random cities, random
 * parameters and random days: the kernel answers exactly what the object form answers (the same
 * score to the bit, a veto as {@link CompiledCriterion#VETO}, an abstention as {@link
 * CompiledCriterion#ABSTAIN}), and a block evaluation answers what the single one does, or, for a
 * {@link Deferrable}, {@link CompiledCriterion#DEFERRED} for a score within its bounds.
 */
final class KernelContractProperties {
  private static final Vocabularies VOCABULARIES = BundledData.flemishVocabularies();
  private static final LegalRules RULES = BundledData.belgianLegalRules();

  /** Every parameter of every built-in type, with the range it accepts. */
  private static final Map<String, List<Parameter>> PARAMETERS = new LinkedHashMap<>();

  /** A parameter: a number in [min, max] (an integer if whole), a flag, or one of some words. */
  private record Parameter(String name, double min, double max, boolean whole, List<String> words) {
    static Parameter number(String name, double min, double max) {
      return new Parameter(name, min, max, false, List.of());
    }

    static Parameter integer(String name, int min, int max) {
      return new Parameter(name, min, max, true, List.of());
    }

    static Parameter flag(String name) {
      return new Parameter(name, 0, 0, false, List.of("true", "false"));
    }

    static Parameter choice(String name, String... words) {
      return new Parameter(name, 0, 0, false, List.of(words));
    }

    Arbitrary<Object> values() {
      if (words.equals(List.of("true", "false"))) {
        return Arbitraries.of(true, false).map(b -> b);
      }
      if (!words.isEmpty()) {
        return Arbitraries.of(words).map(w -> w);
      }
      if (whole) {
        return Arbitraries.integers().between((int) min, (int) max).map(i -> (double) i);
      }
      return Arbitraries.doubles().between(min, max).withSpecialValue(min).withSpecialValue(max).map(d -> d);
    }
  }

  static {
    PARAMETERS.put("language", List.of(
        Parameter.number("gapPenalty", 0, 1), Parameter.integer("practiseTolerance", 0, 5),
        Parameter.flag("vetoMandatoryGap"), Parameter.number("mandatoryWeight", 0, 100)));
    PARAMETERS.put("talents", List.of(
        Parameter.number("narrowerCredit", 0, 1), Parameter.number("broaderCredit", 0, 1),
        Parameter.number("learnCredit", 0, 1), Parameter.number("learnWithoutTrainingCredit", 0, 1),
        Parameter.number("levelPenalty", 0, 1), Parameter.number("requiredWeight", 0, 100),
        Parameter.flag("vetoMissingRequired")));
    PARAMETERS.put("interests", List.of(
        Parameter.number("narrowerCredit", 0, 1), Parameter.number("broaderCredit", 0, 1),
        Parameter.number("noMatchScore", 0, 1)));
    PARAMETERS.put("ability", List.of(Parameter.number("gapPenalty", 0, 1), Parameter.integer("maxGap", 0, 4)));
    PARAMETERS.put("accommodations", List.of(Parameter.flag("vetoUnmet")));
    PARAMETERS.put("availability", List.of(Parameter.number("slotWeight", 0, 1), Parameter.flag("vetoOutsidePeriod")));
    PARAMETERS.put("distance", List.of(
        Parameter.choice("shape", "linear", "exp", "gauss"), Parameter.number("origin", 0, 30),
        Parameter.number("scale", 0.01, 50), Parameter.number("offset", 0, 10),
        Parameter.number("decay", 0.01, 0.99), Parameter.flag("respectMobility"),
        Parameter.number("hybridFloor", 0, 1)));
    PARAMETERS.put("practise", List.of(Parameter.number("noChanceScore", 0, 1)));
    PARAMETERS.put("preferences", List.of(Parameter.number("mismatchScore", 0, 1)));
    PARAMETERS.put("age", List.of());
    PARAMETERS.put("backgroundCheck", List.of(Parameter.flag("vetoMissing")));
    PARAMETERS.put("inclusion", List.of(
        Parameter.number("groupWeight", 0, 100), Parameter.number("coachWeight", 0, 100),
        Parameter.number("trialWeight", 0, 100)));
    PARAMETERS.put("drivingLicence", List.of());
    PARAMETERS.put("history", List.of(
        Parameter.flag("excludeRejected"), Parameter.flag("excludeStoppedEarly"), Parameter.flag("excludePlaced"),
        Parameter.number("rejectedScore", 0, 1), Parameter.number("stoppedEarlyScore", 0, 1),
        Parameter.number("declinedScore", 0, 1), Parameter.number("organisationScore", 0, 1),
        Parameter.integer("vacancyDays", 0, 800), Parameter.integer("organisationDays", 0, 800)));
  }

  /** The built-in types whose kernels become tables over volunteers with few distinct values. */
  private static final Set<String> TABLED = Set.of(
      "language", "practise", "interests", "ability", "accommodations", "availability", "preferences",
      "inclusion", "drivingLicence");

  /** Each volunteer four times, under ids of their own. */
  private static List<Volunteer> fourTimes(List<Volunteer> volunteers) {
    List<Volunteer> all = new ArrayList<>();
    for (int copy = 0; copy < 4; copy++) {
      for (Volunteer v : volunteers) {
        all.add(copy == 0 ? v : v.toBuilder().id(v.id() + "-" + copy).build());
      }
    }
    return all;
  }

  @Example
  void theTableCoversEveryBuiltInType() {
    assertEquals(CriterionRegistry.builtIn().types(), Set.copyOf(PARAMETERS.keySet()));
  }

  /** A built-in type with random values for a random subset of its parameters. */
  record Configured(String type, Map<String, Object> parameters) {}

  @Provide
  Arbitrary<Configured> criteria() {
    return Arbitraries.of(List.copyOf(PARAMETERS.keySet())).flatMap(type -> {
      List<Arbitrary<Map<String, Object>>> each = new ArrayList<>();
      for (Parameter p : PARAMETERS.get(type)) {
        each.add(Arbitraries.oneOf(Arbitraries.just(Map.of()), p.values().map(v -> Map.of(p.name(), v))));
      }
      if (each.isEmpty()) {
        return Arbitraries.just(new Configured(type, Map.of()));
      }
      return Combinators.combine(each).as(maps -> {
        Map<String, Object> all = new LinkedHashMap<>();
        maps.forEach(all::putAll);
        return new Configured(type, all);
      });
    }).filter(c -> !c.type().equals("inclusion") || inclusionWeighs(c.parameters()));
  }

  /** Inclusion refuses weights that are all 0 (the defaults are 0.6, 0.25 and 0.15). */
  private static boolean inclusionWeighs(Map<String, Object> p) {
    return ((double) p.getOrDefault("groupWeight", 0.6)) + ((double) p.getOrDefault("coachWeight", 0.25))
        + ((double) p.getOrDefault("trialWeight", 0.15)) > 0;
  }

  @Provide
  Arbitrary<Dataset> cities() {
    return DomainArbitraries.datasets()
        .filter(d -> !d.vacancies().isEmpty() && !d.volunteers().isEmpty())
        .map(KernelContractProperties::withHistoryOnTheCity);
  }

  /**
   * The city with each history event moved onto one of its own vacancies (or left on a vacancy
   * it lacks, one time in four), within 600 days of the reference day, so that the history
   * kernels meet the same vacancy, the same organisation and vacancies no longer there.
   */
  static Dataset withHistoryOnTheCity(Dataset city) {
    List<Vacancy> vacancies = city.vacancies();
    List<Volunteer> volunteers = new ArrayList<>();
    for (Volunteer v : city.volunteers()) {
      List<MatchRecord> moved = new ArrayList<>();
      for (MatchRecord r : v.history()) {
        int pick = Math.floorMod(r.date().hashCode() * 31 + r.vacancyId().hashCode(), vacancies.size() * 4 / 3 + 1);
        String vacancy = pick < vacancies.size() ? vacancies.get(pick).id() : "vac-gone-" + pick;
        moved.add(new MatchRecord(vacancy, DAY.minusDays(Math.floorMod(r.date().toEpochDay(), 1000) - 400), r.outcome()));
      }
      volunteers.add(moved.isEmpty() ? v : v.toBuilder().history(moved).build());
    }
    return Dataset.of(city.organisations(), vacancies, volunteers);
  }

  /** A day some days from the reference day, on which the bundled legal rules are in force. */
  private static LocalDate dayInForce(int offset) {
    LocalDate day = DAY.plusDays(offset);
    try {
      RULES.checkInForce(day);
    } catch (IllegalArgumentException outside) {
      Assume.that(false);
    }
    return day;
  }

  private static double expected(Evaluation e) {
    return e.isAbstention() ? CompiledCriterion.ABSTAIN : e.isVeto() ? CompiledCriterion.VETO : e.score();
  }

  @Property(tries = 600)
  void theKernelAnswersWhatTheObjectFormAnswers(
      @ForAll("criteria") Configured configured,
      @ForAll("cities") Dataset city,
      @ForAll @IntRange(min = -400, max = 400) int dayOffset,
      @ForAll @IntRange(min = 0, max = 1000) int blockStart,
      @ForAll boolean repeated) {
    LocalDate day = dayInForce(dayOffset);
    Criterion criterion = Criterion.builtIn(configured.type(), configured.parameters());
    assertTrue(criterion instanceof Compilable, configured.type() + " compiles");
    MatchContext context = MatchContext.of(VOCABULARIES, RULES, day, city.organisations(), city.vacancies());
    CompileContext compiling =
        CompileContext.of(VOCABULARIES, RULES, day, context::organisationOf, context::organisationIdOf);
    // Every volunteer four times over has at most a quarter as many distinct values as volunteers:
    // the kernels that can be tabled are, and the table must answer what the object form does.
    VolunteerIndex index = new VolunteerIndex(repeated ? fourTimes(city.volunteers()) : city.volunteers(), VOCABULARIES);
    int n = index.size();
    for (Vacancy vacancy : city.vacancies()) {
      CompiledCriterion kernel = ((Compilable) criterion).compile(vacancy, compiling, index);
      assertNotNull(kernel, configured + " compiles for every vacancy on a day its rules are in force");
      if (repeated) {
        assertEquals(TABLED.contains(configured.type()), kernel instanceof TabledCriterion,
            configured.type() + " is a table over volunteers with few distinct values");
      }
      double[] exact = new double[n];
      for (int i = 0; i < n; i++) {
        exact[i] = expected(criterion.evaluate(index.volunteer(i), vacancy, context));
        double single = kernel.evaluate(i);
        double object = exact[i];
        int at = i;
        assertEquals(0, Double.compare(object, single),
            () -> configured + " on " + day + ", vacancy " + vacancy.id() + ", volunteer " + at + ": object "
                + object + ", kernel " + single);
      }
      int from = Math.min(n, blockStart % (n + 1));
      double[] block = new double[n - from];
      kernel.evaluate(from, n, block);
      for (int i = from; i < n; i++) {
        double b = block[i - from];
        int at = i;
        if (b == CompiledCriterion.DEFERRED) {
          assertTrue(kernel instanceof Deferrable, configured + " defers only as a Deferrable");
          Deferrable d = (Deferrable) kernel;
          assertTrue(exact[i] >= 0, configured + " defers a score only, not a veto or an abstention");
          assertTrue(d.lowerBound() <= exact[i], configured + " lower bound");
          double[] range = new double[2];
          d.bounds(i, range);
          assertTrue(range[0] <= exact[i] && exact[i] <= range[1],
              () -> configured + " bounds " + range[0] + ".." + range[1] + " of " + exact[at]);
        } else {
          assertEquals(0, Double.compare(exact[i], b),
              () -> configured + " block from " + from + ", vacancy " + vacancy.id() + ", volunteer " + at
                  + ": single " + exact[at] + ", block " + b);
        }
      }
    }
  }

  /**
   * The other direction, a volunteer's own search: each built-in's vacancy kernel, compiled for a
   * volunteer of the city or a visitor, answers for every vacancy exactly what the object form
   * answers for the pair.
   */
  @Property(tries = 600)
  void theVacancyKernelAnswersWhatTheObjectFormAnswers(
      @ForAll("criteria") Configured configured,
      @ForAll("cities") Dataset city,
      @ForAll @IntRange(min = -400, max = 400) int dayOffset,
      @ForAll @IntRange(min = 0, max = 1000) int blockStart) {
    LocalDate day = dayInForce(dayOffset);
    Criterion criterion = Criterion.builtIn(configured.type(), configured.parameters());
    assertTrue(criterion instanceof VacancyCompilable, configured.type() + " compiles for a volunteer's own search");
    MatchContext context = MatchContext.of(VOCABULARIES, RULES, day, city.organisations(), city.vacancies());
    CompileContext compiling =
        CompileContext.of(VOCABULARIES, RULES, day, context::organisationOf, context::organisationIdOf);
    Map<String, Organisation> organisations = new LinkedHashMap<>();
    city.organisations().forEach(o -> organisations.put(o.id(), o));
    VacancyIndex index = new VacancyIndex(city.vacancies(), organisations);
    int n = index.size();
    for (Volunteer volunteer : city.volunteers()) {
      CompiledCriterion kernel = ((VacancyCompilable) criterion).compileFor(volunteer, compiling, index);
      assertNotNull(kernel, configured + " compiles for every volunteer on a day its rules are in force");
      double[] exact = new double[n];
      for (int j = 0; j < n; j++) {
        exact[j] = expected(criterion.evaluate(volunteer, index.vacancy(j), context));
        double single = kernel.evaluate(j);
        double object = exact[j];
        int at = j;
        assertEquals(0, Double.compare(object, single),
            () -> configured + " on " + day + ", volunteer " + volunteer.id() + ", vacancy " + index.vacancy(at).id()
                + ": object " + object + ", kernel " + single);
      }
      int from = Math.min(n, blockStart % (n + 1));
      double[] block = new double[n - from];
      kernel.evaluate(from, n, block);
      for (int j = from; j < n; j++) {
        checkBlock(configured, kernel, j, exact[j], block[j - from]);
      }
    }
  }

  /** A block's answer: the single answer, or a deferred score within the kernel's bounds. */
  private static void checkBlock(Configured configured, CompiledCriterion kernel, int at, double exact, double b) {
    if (b == CompiledCriterion.DEFERRED) {
      assertTrue(kernel instanceof Deferrable, configured + " defers only as a Deferrable");
      Deferrable d = (Deferrable) kernel;
      assertTrue(exact >= 0, configured + " defers a score only, not a veto or an abstention");
      assertTrue(d.lowerBound() <= exact, configured + " lower bound");
      double[] range = new double[2];
      d.bounds(at, range);
      assertTrue(range[0] <= exact && exact <= range[1],
          () -> configured + " bounds " + range[0] + ".." + range[1] + " of " + exact);
    } else {
      assertEquals(0, Double.compare(exact, b),
          () -> configured + " block at " + at + ": single " + exact + ", block " + b);
    }
  }
}
