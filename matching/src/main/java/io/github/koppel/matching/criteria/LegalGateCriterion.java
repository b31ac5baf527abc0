package io.github.koppel.matching.criteria;

import io.github.koppel.core.legal.AgeRule;
import io.github.koppel.core.legal.BackgroundCheckRule;
import io.github.koppel.core.legal.Gate;
import io.github.koppel.core.legal.GateFailure;
import io.github.koppel.core.legal.LegalAssessment;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.Messages;
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The gates of the legal rules (see {@code LegalRules.assess}): the minimum age ({@code age}) or
 * the 596.2 extract ({@code backgroundCheck}). A failed gate vetoes, with the rule's own message
 * and what would change it. Without consent to use the volunteer's extract, the background check
 * abstains: the organisation checks the extract in person, as the notice attached to the match
 * says.
 */
final class LegalGateCriterion implements Criterion, Compilable, VacancyCompilable {
  private final boolean age;
  private final boolean vetoMissing;

  private LegalGateCriterion(boolean age, boolean vetoMissing) {
    this.age = age;
    this.vetoMissing = vetoMissing;
  }

  static LegalGateCriterion age(Parameters p) {
    return new LegalGateCriterion(true, true);
  }

  static LegalGateCriterion backgroundCheck(Parameters p) {
    return new LegalGateCriterion(false, p.flag("vetoMissing", true));
  }

  @Override
  public Set<SensitiveCategory> sensitiveCategories() {
    return age ? Set.of() : Set.of(SensitiveCategory.BACKGROUND_CHECK);
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return age
        ? Set.of(VolunteerField.BIRTH_DATE, VolunteerField.COMPLETED_FIRST_STAGE_SECONDARY)
        : Set.of(VolunteerField.BACKGROUND_CHECK_DATE);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    if (!age && !vacancy.requiresBackgroundCheck()) {
      return Evaluation.score(1, EvidenceBuilder.simple("backgroundCheck.notNeeded"));
    }
    if (!age && !volunteer.mayUse(SensitiveCategory.BACKGROUND_CHECK, ConsentPurpose.MATCHING)) {
      return Evaluation.abstain(EvidenceBuilder.simple("backgroundCheck.noConsent"));
    }
    LegalAssessment assessment = context.assess(volunteer, vacancy);
    List<Evidence> failures = new ArrayList<>();
    for (GateFailure f : assessment.failures()) {
      if (isAgeGate(f.gate()) == age) {
        String code = (age ? "age." : "backgroundCheck.") + f.gate().name();
        LocalizedText remedy = Messages.optional(code + ".remedy", f.facts(), Map.of());
        Evidence e = new Evidence(code, f.facts(), f.message(), remedy, f.sensitiveCategory());
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      return vetoMissing ? Evaluation.veto(failures) : Evaluation.score(0, failures);
    }
    if (age) {
      return volunteer.birthDate() == null
          ? Evaluation.score(1, EvidenceBuilder.simple("age.unverified"))
          : Evaluation.score(1, EvidenceBuilder.simple("age.ok"));
    }
    if (context.organisationOf(vacancy).youthWork() && volunteer.backgroundCheckDate() == null) {
      return Evaluation.score(1, EvidenceBuilder.simple("backgroundCheck.exempt"));
    }
    return Evaluation.score(
        1,
        EvidenceBuilder.of("backgroundCheck.ok").sensitive(SensitiveCategory.BACKGROUND_CHECK).build());
  }

  private static boolean isAgeGate(Gate gate) {
    return gate == Gate.LEGAL_MINIMUM_AGE || gate == Gate.ORGANISATION_MINIMUM_AGE;
  }

  @Override
  public @Nullable CompiledCriterion compile(
      Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    LocalDate date = context.date();
    try {
      if (age) {
        return new AgeKernel(context.legalRules().ageRuleOn(date), vacancy, date, index);
      }
      if (!vacancy.requiresBackgroundCheck()) {
        return CompiledCriterion.constant(1);
      }
      return new ExtractKernel(context.legalRules().backgroundCheckRuleOn(date), vacancy, context, index);
    } catch (IllegalArgumentException noRuleInForce) {
      // The object form says which rule is missing on that day.
      return null;
    }
  }

  /**
   * The compiled age gate: the same rule as {@code LegalRules.assess}, as cut-offs for the day. An
   * age is reached by calendar year (year - birth year) or by birthday (the completed years on the
   * day, as {@code Period.between} counts them, which {@code AgeRule.reached} matches for 29
   * February), that is, by being born on or before a day ({@link #bornBy}); so one index of birth
   * dates serves every date.
   */
  private static final class AgeKernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final int legal;
    private final int reduced;
    private final int own;

    AgeKernel(AgeRule rule, Vacancy vacancy, LocalDate date, VolunteerIndex index) {
      this.index = index;
      this.legal = bornBy(date, rule.minimumAge(), rule.byCalendarYear());
      this.reduced = bornBy(date, rule.reducedMinimumAge(), rule.reducedByCalendarYear());
      Integer minimum = vacancy.minimumAge();
      this.own = minimum == null ? Integer.MAX_VALUE : bornBy(date, minimum, vacancy.minimumAgeByCalendarYear());
    }

    @Override
    public double evaluate(int i) {
      int birth = index.birthEpochDay(i);
      if (birth == VolunteerIndex.NO_BIRTH_DATE) {
        return 1;
      }
      boolean permitted = birth <= legal || (index.firstStage(i) && birth <= reduced);
      return permitted && birth <= own ? 1 : VETO;
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int i = from; i < to; i++) {
        out[i - from] = evaluate(i);
      }
    }
  }

  /**
   * The compiled background check: the extract's epoch day against the oldest that is still valid
   * on the day ({@link #oldestValidExtract}).
   */
  private final class ExtractKernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final boolean exempt;
    private final int oldestValid;

    ExtractKernel(BackgroundCheckRule rule, Vacancy vacancy, CompileContext context, VolunteerIndex index) {
      this.index = index;
      this.exempt = context.organisationOf(vacancy).youthWork() && rule.youthWorkExempt();
      this.oldestValid = oldestValidExtract(context.date(), rule.maxExtractAgeMonths());
    }

    @Override
    public double evaluate(int i) {
      if (!index.mayUse(i, SensitiveCategory.BACKGROUND_CHECK)) {
        return ABSTAIN;
      }
      if (exempt) {
        return 1;
      }
      int extract = index.extractEpochDay(i);
      boolean fails = extract == VolunteerIndex.NO_EXTRACT || extract < oldestValid;
      return !fails ? 1 : vetoMissing ? VETO : 0;
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int i = from; i < to; i++) {
        out[i - from] = evaluate(i);
      }
    }
  }

  /**
   * Returns the last epoch day of birth at which an age is reached on a date, as {@code
   * AgeRule.reached} says: by calendar year, {@code date.getYear() - birthYear >= age}; by
   * birthday, on or after the birthday of that age (29 February counting from 1 March in a common
   * year), which for an age of 0 is the day of birth itself. A volunteer has the age exactly when
   * born on or before the returned day; {@link Integer#MAX_VALUE} when everyone has it, {@code
   * Integer.MIN_VALUE + 1} when nobody born after year 0 does.
   */
  static int bornBy(LocalDate date, int age, boolean byCalendarYear) {
    if (age > 10_000) {
      return Integer.MIN_VALUE + 1;
    }
    if (byCalendarYear) {
      long year = (long) date.getYear() - age;
      if (year > 1_000_000) {
        return Integer.MAX_VALUE;
      }
      return Math.toIntExact(LocalDate.of((int) year, 12, 31).toEpochDay());
    }
    return Math.toIntExact(date.minusYears(age).toEpochDay());
  }

  /**
   * Returns the epoch day of the oldest extract that is still valid on a date: the first day e with
   * e + months not before the date. Adding months is monotone but clamps to the end of a month, so
   * the day is searched from just before date − months.
   */
  static int oldestValidExtract(LocalDate date, int months) {
    LocalDate e = date.minusMonths(months).minusDays(4);
    while (e.plusMonths(months).isBefore(date)) {
      e = e.plusDays(1);
    }
    return Math.toIntExact(e.toEpochDay());
  }

  @Override
  public @Nullable CompiledCriterion compileFor(Volunteer volunteer, CompileContext context, VacancyIndex index) {
    LocalDate date = context.date();
    try {
      if (age) {
        return new AgeVacancyKernel(context.legalRules().ageRuleOn(date), volunteer, date, index);
      }
      return new ExtractVacancyKernel(context.legalRules().backgroundCheckRuleOn(date), volunteer, date, index);
    } catch (IllegalArgumentException noRuleInForce) {
      return null;
    }
  }

  /** Each vacancy's own minimum age ({@link Integer#MIN_VALUE}: none), and whether it counts by calendar year. */
  private static final Object OWN_MINIMUM = "age.ownMinimum";

  private static final Object OWN_BY_YEAR = "age.ownByYear";

  /** Whether each vacancy needs a 596.2 extract, and whether its organisation does youth work. */
  private static final Object REQUIRES_EXTRACT = "backgroundCheck.requires";

  private static final Object YOUTH_WORK = "backgroundCheck.youthWork";

  /**
   * The age gate of a volunteer's own search: the volunteer's ages on the day, by calendar year and
   * by birthday, against the legal rule (the same for every vacancy) and each vacancy's own minimum.
   */
  private static final class AgeVacancyKernel implements CompiledCriterion {
    private final int[] ownMinimum;
    private final boolean[] ownByYear;
    private final boolean unknown;
    private final boolean permitted;
    private final int byYear;
    private final int completed;

    AgeVacancyKernel(AgeRule rule, Volunteer volunteer, LocalDate date, VacancyIndex index) {
      this.ownMinimum = index.column(OWN_MINIMUM, ix -> {
        int[] c = new int[ix.size()];
        for (int j = 0; j < c.length; j++) {
          Integer own = ix.vacancy(j).minimumAge();
          c[j] = own == null ? Integer.MIN_VALUE : own;
        }
        return c;
      });
      this.ownByYear = index.column(OWN_BY_YEAR, ix -> {
        boolean[] c = new boolean[ix.size()];
        for (int j = 0; j < c.length; j++) {
          c[j] = ix.vacancy(j).minimumAgeByCalendarYear();
        }
        return c;
      });
      LocalDate birth = volunteer.birthDate();
      this.unknown = birth == null;
      this.byYear = birth == null ? 0 : date.getYear() - birth.getYear();
      // The completed years as AgeRule.reached counts them: -1 for someone born after the day, who
      // has not reached even an age of 0 (Volunteer.ageOn would say 0).
      this.completed = birth == null ? 0 : birth.isAfter(date) ? -1 : Period.between(birth, date).getYears();
      this.permitted =
          birth != null
              && ((rule.byCalendarYear() ? byYear : completed) >= rule.minimumAge()
                  || (volunteer.completedFirstStageSecondary()
                      && (rule.reducedByCalendarYear() ? byYear : completed) >= rule.reducedMinimumAge()));
    }

    @Override
    public double evaluate(int j) {
      if (unknown) {
        return 1;
      }
      int own = ownMinimum[j];
      boolean ownMet = own == Integer.MIN_VALUE || (ownByYear[j] ? byYear : completed) >= own;
      return permitted && ownMet ? 1 : VETO;
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }

  /**
   * The background check of a volunteer's own search: whether the volunteer's extract may be used
   * and is valid on the day, against each vacancy's need of one and its organisation's exemption.
   */
  private final class ExtractVacancyKernel implements CompiledCriterion {
    private final boolean[] requires;
    private final boolean[] youthWork;
    private final boolean consent;
    private final boolean valid;
    private final boolean youthWorkExempt;

    ExtractVacancyKernel(BackgroundCheckRule rule, Volunteer volunteer, LocalDate date, VacancyIndex index) {
      this.requires = index.column(REQUIRES_EXTRACT, ix -> {
        boolean[] c = new boolean[ix.size()];
        for (int j = 0; j < c.length; j++) {
          c[j] = ix.vacancy(j).requiresBackgroundCheck();
        }
        return c;
      });
      this.youthWork = index.column(YOUTH_WORK, ix -> {
        boolean[] c = new boolean[ix.size()];
        for (int j = 0; j < c.length; j++) {
          c[j] = ix.organisation(j).youthWork();
        }
        return c;
      });
      this.consent = volunteer.mayUse(SensitiveCategory.BACKGROUND_CHECK, ConsentPurpose.MATCHING);
      LocalDate extract = volunteer.backgroundCheckDate();
      this.valid =
          extract != null && extract.toEpochDay() >= oldestValidExtract(date, rule.maxExtractAgeMonths());
      this.youthWorkExempt = rule.youthWorkExempt();
    }

    @Override
    public double evaluate(int j) {
      if (!requires[j]) {
        return 1;
      }
      if (!consent) {
        return ABSTAIN;
      }
      if (youthWorkExempt && youthWork[j]) {
        return 1;
      }
      return valid ? 1 : vetoMissing ? VETO : 0;
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }
}
