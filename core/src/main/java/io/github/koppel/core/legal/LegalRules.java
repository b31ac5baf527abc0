package io.github.koppel.core.legal;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import io.github.koppel.core.internal.Numbers;
import io.github.koppel.core.model.AllowanceType;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Belgian rules that matter to a match, as versioned data: minimum age, the 596.2 extract,
 * notices for volunteers on benefits, the insurance duty by legal form and the flat-rate allowance
 * ceilings. Every rule has a {@link Validity}; the texts of gates and notices are part of the data,
 * in nl, en and fr, with {@code {fact}} placeholders.
 *
 * <p>The bundled rules are read with {@code BundledData.belgianLegalRules()}; a newer file can be
 * loaded with {@code KoppelJson.readLegalRules}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * <pre>{@code
 * LegalAssessment a = rules.assess(volunteer, vacancy, organisation, LocalDate.of(2026, 3, 1));
 * if (!a.isPermitted()) {
 *   a.failures().forEach(f -> System.out.println(f.message().in("nl")));
 * }
 * }</pre>
 *
 * @param jurisdiction the jurisdiction, such as {@code BE}
 * @param version the version of the rule set, such as {@code 2026.1}
 * @param ageRules the minimum-age rules, with non-overlapping periods
 * @param backgroundCheckRules the 596.2 rules, with non-overlapping periods
 * @param benefitNotices the benefit notices, with non-overlapping periods per benefit
 * @param insuranceRules the insurance duties, with non-overlapping periods per legal form
 * @param allowanceCeilings the flat-rate allowance ceilings, one per year, sorted by year
 * @param pensionAges the statutory pension ages, with non-overlapping periods; empty when unknown
 * @param texts the text of every {@link Gate} and {@link NoticeKind}, keyed by constant name
 * @since 0.1
 */
public record LegalRules(
    String jurisdiction,
    String version,
    List<AgeRule> ageRules,
    List<BackgroundCheckRule> backgroundCheckRules,
    List<BenefitNoticeRule> benefitNotices,
    List<InsuranceRule> insuranceRules,
    List<AllowanceCeiling> allowanceCeilings,
    List<PensionAgeRule> pensionAges,
    Map<String, LocalizedText> texts) {

  private static final List<String> LANGUAGES = List.of("nl", "en", "fr");

  public LegalRules {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    checkArgument(!jurisdiction.isBlank(), "jurisdiction must not be blank");
    Objects.requireNonNull(version, "version");
    checkArgument(!version.isBlank(), "version must not be blank");
    ageRules = List.copyOf(ageRules);
    noOverlap(ageRules, AgeRule::validity, r -> "", "ageRules");
    backgroundCheckRules = List.copyOf(backgroundCheckRules);
    noOverlap(backgroundCheckRules, BackgroundCheckRule::validity, r -> "", "backgroundCheckRules");
    benefitNotices = List.copyOf(benefitNotices);
    noOverlap(benefitNotices, BenefitNoticeRule::validity, r -> r.benefit().name(), "benefitNotices");
    insuranceRules = List.copyOf(insuranceRules);
    noOverlap(insuranceRules, InsuranceRule::validity, r -> r.legalForm().name(), "insuranceRules");
    List<AllowanceCeiling> ceilings = new ArrayList<>(allowanceCeilings);
    ceilings.sort(Comparator.comparingInt(AllowanceCeiling::year));
    Set<Integer> years = new HashSet<>();
    for (AllowanceCeiling ceiling : ceilings) {
      checkArgument(
          years.add(ceiling.year()),
          "allowanceCeilings must hold one ceiling per year: %s occurs twice",
          ceiling.year());
    }
    allowanceCeilings = List.copyOf(ceilings);
    pensionAges = List.copyOf(pensionAges);
    noOverlap(pensionAges, PensionAgeRule::validity, r -> "", "pensionAges");
    texts = ImmutableSortedMap.copyOf(Objects.requireNonNull(texts, "texts"));
    Set<String> known = new HashSet<>();
    for (Gate gate : Gate.values()) {
      known.add(gate.name());
    }
    for (NoticeKind kind : NoticeKind.values()) {
      known.add(kind.name());
    }
    for (String key : texts.keySet()) {
      checkArgument(known.contains(key), "texts holds an unknown gate or notice: '%s'", key);
    }
    for (String key : known) {
      LocalizedText text = texts.get(key);
      checkArgument(text != null, "texts must hold a text for %s", key);
      for (String language : LANGUAGES) {
        checkArgument(text.has(language), "texts[%s] must hold a text in '%s'", key, language);
      }
    }
  }

  private static <T> void noOverlap(
      List<T> rules, Function<T, Validity> validity, Function<T, String> key, String field) {
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        T a = rules.get(i);
        T b = rules.get(j);
        checkArgument(
            !key.apply(a).equals(key.apply(b)) || !validity.apply(a).overlaps(validity.apply(b)),
            "%s[%s] and %s[%s] are in force in overlapping periods (%s, %s)",
            field,
            i,
            field,
            j,
            validity.apply(a),
            validity.apply(b));
      }
    }
  }

  /**
   * Returns the minimum-age rule in force on a day.
   *
   * @param date a day
   * @return the rule
   * @throws IllegalArgumentException if no rule is in force on {@code date}
   */
  public AgeRule ageRuleOn(LocalDate date) {
    return inForce(ageRules, AgeRule::validity, date, "minimum-age rule");
  }

  /**
   * Returns the 596.2 rule in force on a day.
   *
   * @param date a day
   * @return the rule
   * @throws IllegalArgumentException if no rule is in force on {@code date}
   */
  public BackgroundCheckRule backgroundCheckRuleOn(LocalDate date) {
    return inForce(backgroundCheckRules, BackgroundCheckRule::validity, date, "596.2 rule");
  }

  /**
   * Returns the flat-rate allowance ceiling of a year, or of the latest earlier year when the
   * ceiling of that year is not in the data yet.
   *
   * @param year a calendar year
   * @return the ceiling, or {@code null} when the data has no ceiling for that year or before
   */
  public @Nullable AllowanceCeiling ceilingFor(int year) {
    AllowanceCeiling found = null;
    for (AllowanceCeiling ceiling : allowanceCeilings) {
      if (ceiling.year() <= year) {
        found = ceiling;
      }
    }
    return found;
  }

  private <T> T inForce(
      List<T> rules, Function<T, Validity> validity, LocalDate date, String what) {
    Objects.requireNonNull(date, "date");
    for (T rule : rules) {
      if (validity.apply(rule).covers(date)) {
        return rule;
      }
    }
    throw new IllegalArgumentException(
        "no " + what + " is in force on " + date + ": the legal rules " + jurisdiction + " " + version
            + " cover " + periods(rules, validity)
            + "\nChoose a day in that period, or load legal rules that cover " + date + ".");
  }

  private static <T> String periods(List<T> rules, Function<T, Validity> validity) {
    List<String> out = new ArrayList<>();
    for (T rule : rules) {
      Validity v = validity.apply(rule);
      out.add(v.validUntil() == null ? "from " + v.validFrom() : v.validFrom() + " to " + v.validUntil());
    }
    return out.isEmpty() ? "no period" : String.join(", ", out);
  }

  /**
   * Checks that the rules every assessment needs (the minimum age and the 596.2 extract) are in
   * force on a day, before a day's matching starts.
   *
   * @param date a day
   * @return the day
   * @throws IllegalArgumentException naming the day and the periods the rules cover, if either is
   *     not in force on that day
   * @since 0.2
   */
  public LocalDate checkInForce(LocalDate date) {
    ageRuleOn(date);
    backgroundCheckRuleOn(date);
    return date;
  }

  /**
   * Returns the statutory pension age on a day.
   *
   * @param date a day
   * @return the age, or {@code null} when no pension-age rule is in force on that day
   * @since 0.2
   */
  public @Nullable Integer pensionAgeOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    for (PensionAgeRule rule : pensionAges) {
      if (rule.validity().covers(date)) {
        return rule.age();
      }
    }
    return null;
  }

  /**
   * Assesses a (volunteer, vacancy) pair on a day: the gates it fails and the notices to attach.
   *
   * <p>Sensitive facts are used only with the volunteer's consent for {@link
   * ConsentPurpose#MATCHING}: without consent for {@link SensitiveCategory#BENEFIT_STATUS} the
   * volunteer gets the general {@link NoticeKind#BENEFIT_GENERAL} reminder instead of the
   * notices of their own benefits (unless they have reached the pension age, when none of those
   * benefits is paid), and without consent for {@link
   * SensitiveCategory#BACKGROUND_CHECK} an extract on record is not used. Failures and notices that
   * reveal a sensitive fact carry its category.
   *
   * @param volunteer the volunteer
   * @param vacancy the vacancy
   * @param organisation the vacancy's organisation
   * @param date the day of the match
   * @return the assessment
   * @throws IllegalArgumentException if {@code organisation} is not the vacancy's organisation or
   *     no rule is in force on {@code date} (the message names the day and the periods covered)
   */
  public LegalAssessment assess(
      Volunteer volunteer, Vacancy vacancy, Organisation organisation, LocalDate date) {
    Objects.requireNonNull(volunteer, "volunteer");
    Objects.requireNonNull(vacancy, "vacancy");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(date, "date");
    checkArgument(
        organisation.id().equals(vacancy.organisationId()),
        "organisation (%s) must be the vacancy's organisation (%s)",
        organisation.id(),
        vacancy.organisationId());
    List<GateFailure> failures = new ArrayList<>();
    List<LegalNotice> notices = new ArrayList<>();
    assessAge(volunteer, vacancy, date, failures, notices);
    assessBackgroundCheck(volunteer, vacancy, organisation, date, failures, notices);
    assessBenefits(volunteer, date, notices);
    assessInsurance(organisation, date, notices);
    assessAllowance(vacancy, date, notices);
    failures.sort(Comparator.comparing(GateFailure::gate));
    notices.sort(Comparator.comparing(LegalNotice::kind));
    return new LegalAssessment(failures, notices);
  }

  private void assessAge(
      Volunteer volunteer,
      Vacancy vacancy,
      LocalDate date,
      List<GateFailure> failures,
      List<LegalNotice> notices) {
    AgeRule rule = ageRuleOn(date);
    LocalDate birthDate = volunteer.birthDate();
    if (birthDate == null) {
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("requiredAge", Integer.toString(requiredAge(rule, volunteer, vacancy)));
      notices.add(notice(NoticeKind.AGE_UNVERIFIED, facts, null));
      return;
    }
    LocalDate from = rule.permittedFrom(birthDate, volunteer.completedFirstStageSecondary());
    int age = volunteer.ageOn(date).orElseThrow();
    if (date.isBefore(from)) {
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("requiredAge", Integer.toString(requiredAge(rule, volunteer, null)));
      facts.put("minimumAge", Integer.toString(rule.minimumAge()));
      facts.put("reducedMinimumAge", Integer.toString(rule.reducedMinimumAge()));
      facts.put("age", Integer.toString(age));
      facts.put("fromDate", from.toString());
      facts.put("fromYear", Integer.toString(from.getYear()));
      failures.add(failure(Gate.LEGAL_MINIMUM_AGE, facts, null));
    }
    Integer own = vacancy.minimumAge();
    if (own != null) {
      LocalDate ownFrom = AgeRule.reached(birthDate, own, vacancy.minimumAgeByCalendarYear());
      if (date.isBefore(ownFrom)) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("requiredAge", Integer.toString(own));
        facts.put("age", Integer.toString(age));
        facts.put("fromDate", ownFrom.toString());
        failures.add(failure(Gate.ORGANISATION_MINIMUM_AGE, facts, null));
      }
    }
  }

  private static int requiredAge(AgeRule rule, Volunteer volunteer, @Nullable Vacancy vacancy) {
    int legal =
        volunteer.completedFirstStageSecondary() ? rule.reducedMinimumAge() : rule.minimumAge();
    Integer own = vacancy == null ? null : vacancy.minimumAge();
    return own == null ? legal : Math.max(legal, own);
  }

  private void assessBackgroundCheck(
      Volunteer volunteer,
      Vacancy vacancy,
      Organisation organisation,
      LocalDate date,
      List<GateFailure> failures,
      List<LegalNotice> notices) {
    if (!vacancy.requiresBackgroundCheck()) {
      return;
    }
    BackgroundCheckRule rule = backgroundCheckRuleOn(date);
    if (organisation.youthWork() && rule.youthWorkExempt()) {
      return;
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("maxAgeMonths", Integer.toString(rule.maxExtractAgeMonths()));
    notices.add(notice(NoticeKind.BACKGROUND_CHECK_REQUIRED, facts, null));
    LocalDate extract =
        volunteer.mayUse(SensitiveCategory.BACKGROUND_CHECK, ConsentPurpose.MATCHING)
            ? volunteer.backgroundCheckDate()
            : null;
    if (extract == null) {
      failures.add(failure(Gate.BACKGROUND_CHECK_MISSING, facts, SensitiveCategory.BACKGROUND_CHECK));
    } else if (extract.plusMonths(rule.maxExtractAgeMonths()).isBefore(date)) {
      Map<String, String> expired = new LinkedHashMap<>(facts);
      expired.put("extractDate", extract.toString());
      failures.add(
          failure(Gate.BACKGROUND_CHECK_EXPIRED, expired, SensitiveCategory.BACKGROUND_CHECK));
    }
  }

  private void assessBenefits(Volunteer volunteer, LocalDate date, List<LegalNotice> notices) {
    if (!volunteer.mayUse(SensitiveCategory.BENEFIT_STATUS, ConsentPurpose.MATCHING)) {
      // From the pension age on none of the benefits to report is paid: the reminder would be
      // untrue. Age is not a sensitive fact.
      // The pension starts, and those benefits end, on the first day of the month after that age.
      Integer pensionAge = pensionAgeOn(date);
      LocalDate birth = volunteer.birthDate();
      boolean retired =
          pensionAge != null
              && birth != null
              && !date.isBefore(AgeRule.reached(birth, pensionAge, false).withDayOfMonth(1).plusMonths(1));
      if (!retired) {
        notices.add(notice(NoticeKind.BENEFIT_GENERAL, Map.of(), null));
      }
      return;
    }
    for (BenefitStatus benefit : volunteer.benefits()) {
      for (BenefitNoticeRule rule : benefitNotices) {
        if (rule.benefit() == benefit && rule.validity().covers(date)) {
          Map<String, String> facts = new LinkedHashMap<>();
          facts.put("authority", rule.authority());
          if (rule.form() != null) {
            facts.put("form", rule.form());
          }
          notices.add(notice(kindOf(benefit), facts, SensitiveCategory.BENEFIT_STATUS));
        }
      }
    }
  }

  private static NoticeKind kindOf(BenefitStatus benefit) {
    return switch (benefit) {
      case UNEMPLOYMENT -> NoticeKind.BENEFIT_UNEMPLOYMENT;
      case SOCIAL_INTEGRATION_INCOME -> NoticeKind.BENEFIT_SOCIAL_INTEGRATION_INCOME;
      case INCAPACITY -> NoticeKind.BENEFIT_INCAPACITY;
    };
  }

  private void assessInsurance(Organisation organisation, LocalDate date, List<LegalNotice> notices) {
    LegalForm form = organisation.legalForm();
    for (InsuranceRule rule : insuranceRules) {
      if (rule.legalForm() == form && rule.validity().covers(date)) {
        Map<String, String> facts = Map.of("organisation", organisation.name());
        NoticeKind kind =
            !rule.mandatory()
                ? NoticeKind.NO_INSURANCE_DUTY
                : organisation.liabilityInsured()
                    ? NoticeKind.INSURANCE_MANDATORY
                    : NoticeKind.INSURANCE_MISSING;
        notices.add(notice(kind, facts, null));
        return;
      }
    }
  }

  private void assessAllowance(Vacancy vacancy, LocalDate date, List<LegalNotice> notices) {
    if (vacancy.allowance().type() != AllowanceType.FLAT_RATE) {
      return;
    }
    AllowanceCeiling ceiling = ceilingFor(date.getYear());
    if (ceiling == null) {
      return;
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("year", Integer.toString(ceiling.year()));
    facts.put("perDay", ceiling.perDay().toPlainString());
    facts.put("perYear", ceiling.perYear().toPlainString());
    notices.add(notice(NoticeKind.ALLOWANCE_CEILING, facts, null));
    BigDecimal amount = vacancy.allowance().amountPerDay();
    if (amount != null && amount.compareTo(ceiling.perDay()) > 0) {
      Map<String, String> above = new LinkedHashMap<>(facts);
      above.put("amount", amount.toPlainString());
      notices.add(notice(NoticeKind.ALLOWANCE_ABOVE_CEILING, above, null));
    }
  }

  private GateFailure failure(
      Gate gate, Map<String, String> facts, @Nullable SensitiveCategory category) {
    return new GateFailure(gate, facts, render(gate.name(), facts), category);
  }

  private LegalNotice notice(
      NoticeKind kind, Map<String, String> facts, @Nullable SensitiveCategory category) {
    return new LegalNotice(kind, facts, render(kind.name(), facts), category);
  }

  private LocalizedText render(String key, Map<String, String> facts) {
    Map<String, String> rendered = new LinkedHashMap<>();
    texts.get(key)
        .texts()
        .forEach(
            (language, template) -> {
              String text = template;
              for (Map.Entry<String, String> fact : facts.entrySet()) {
                text = text.replace("{" + fact.getKey() + "}", shown(fact.getKey(), fact.getValue(), language));
              }
              rendered.put(language, text);
            });
    return new LocalizedText(rendered);
  }

  /** The facts that are amounts in euro, shown as the language writes amounts. */
  private static final Set<String> AMOUNTS = Set.of("perDay", "perYear", "amount");

  /**
   * A fact as a message shows it: a date ({@code ...Date}) as dd/mm/yyyy, as Belgians write it;
   * an amount in euro with its cents, as the language writes it ({@code 1.762,61} in Dutch, {@code
   * 1 762,61} in French).
   */
  private static String shown(String key, String value, String language) {
    if (key.endsWith("Date") && value.length() == 10) {
      return value.substring(8) + "/" + value.substring(5, 7) + "/" + value.substring(0, 4);
    }
    if (AMOUNTS.contains(key)) {
      // Euro with their cents, as amounts are written: 45,00 rather than 45,0.
      try {
        return Numbers.amount(new BigDecimal(value).setScale(2, RoundingMode.HALF_UP), language);
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value;
  }

  @Override
  public String toString() {
    return "LegalRules{jurisdiction=" + jurisdiction + ", version=" + version + "}";
  }
}
