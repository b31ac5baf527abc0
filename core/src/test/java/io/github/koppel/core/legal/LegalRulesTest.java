package io.github.koppel.core.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Allowance;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.testdata.Testdata;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class LegalRulesTest {
  private static final LegalRules RULES = BundledData.belgianLegalRules();
  private static final Organisation KITCHEN = Testdata.organisation("kitchen");
  private static final Vacancy COOK = Testdata.vacancy("cook");

  private static Volunteer born(LocalDate birth, boolean firstStage) {
    return Testdata.volunteer("ada").toBuilder().birthDate(birth).completedFirstStageSecondary(firstStage).build();
  }

  /**
   * Known answers on the boundary days: from the calendar year in which one turns 16, or from the
   * 15th birthday once the first stage of secondary school is done (never at 14), each on the day
   * before and the day of the change.
   */
  @ParameterizedTest(name = "born {0}, first stage {1}, on {2}: permitted {3}")
  @CsvSource({
    // The case of #13: a pupil of 14 who finished the first stage is not permitted.
    "2011-12-20, true, 2026-06-01, false",
    "2011-12-20, true, 2026-12-19, false",
    "2011-12-20, true, 2026-12-20, true",
    // Without the first stage: from 1 January of the year one turns 16.
    "2011-12-20, false, 2026-12-20, false",
    "2011-12-20, false, 2026-12-31, false",
    "2011-12-20, false, 2027-01-01, true",
    // Born on 1 January: the 15th birthday and the calendar year of 16 come a year apart.
    "2011-01-01, true, 2025-12-31, false",
    "2011-01-01, true, 2026-01-01, true",
    "2011-01-01, false, 2026-12-31, false",
    "2011-01-01, false, 2027-01-01, true",
    // Born on 31 December: turning 16 on the last day of the year counts from its first day.
    "2010-12-31, false, 2025-12-31, false",
    "2010-12-31, false, 2026-01-01, true",
    "2010-12-31, true, 2025-12-30, false",
    "2010-12-31, true, 2025-12-31, true",
    // Born on 29 February: the 15th birthday in a year without it is 1 March.
    "2012-02-29, true, 2027-02-28, false",
    "2012-02-29, true, 2027-03-01, true",
    // The first stage never delays: the calendar year of 16 comes first for a late birthday.
    "2012-06-30, true, 2027-06-29, false",
    "2012-06-30, true, 2027-06-30, true",
    "2012-06-30, false, 2027-12-31, false",
    "2012-06-30, false, 2028-01-01, true"
  })
  void assess_legalMinimumAge(LocalDate birth, boolean firstStage, LocalDate day, boolean permitted) {
    LegalAssessment a = RULES.assess(born(birth, firstStage), COOK, KITCHEN, day);
    assertEquals(!permitted, a.fails(Gate.LEGAL_MINIMUM_AGE), a.toString());
  }

  @Test
  void assess_legalMinimumAgeSaysFromWhichDay() {
    LegalAssessment a = RULES.assess(born(LocalDate.of(2011, 12, 20), true), COOK, KITCHEN, LocalDate.of(2026, 6, 1));
    GateFailure f = a.failures().get(0);
    assertEquals("2026-12-20", f.facts().get("fromDate"));
    assertEquals("14", f.facts().get("age"));
    assertEquals(
        "Volunteering is allowed from 20/12/2026: from the calendar year in which you turn 16, or from"
            + " your 15th birthday once the first two years of secondary school are done; you are 14 now.",
        f.message().in("en"));
  }

  @Test
  void ageRule_citesItsSources() {
    AgeRule rule = RULES.ageRuleOn(LocalDate.of(2026, 6, 1));
    assertTrue(rule.byCalendarYear());
    assertFalse(rule.reducedByCalendarYear());
    assertTrue(rule.sources().size() >= 2, rule.sources().toString());
    assertTrue(rule.sources().stream().anyMatch(s -> s.contains("Arbeidswet")), rule.sources().toString());
  }

  /** The organisation's own minimum age counts by birthday, unless the vacancy says by year. */
  @ParameterizedTest(name = "born {0}, by year {1}, on {2}: permitted {3}")
  @CsvSource({
    "2008-10-02, false, 2026-10-01, false",
    "2008-10-02, false, 2026-10-02, true",
    "2008-10-02, true, 2025-12-31, false",
    "2008-10-02, true, 2026-01-01, true"
  })
  void assess_organisationMinimumAge(LocalDate birth, boolean byYear, LocalDate day, boolean permitted) {
    Vacancy bar = COOK.toBuilder().minimumAge(18).minimumAgeByCalendarYear(byYear).build();
    LegalAssessment a = RULES.assess(born(birth, false), bar, KITCHEN, day);
    assertEquals(!permitted, a.fails(Gate.ORGANISATION_MINIMUM_AGE), a.toString());
  }

  @Test
  void assess_aDayBeforeTheRulesIsAClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RULES.assess(Testdata.volunteer("ada"), COOK, KITCHEN, LocalDate.of(2005, 1, 1)));
    assertTrue(e.getMessage().contains("2005-01-01"), e.getMessage());
    assertTrue(e.getMessage().contains("cover from 2006-08-01"), e.getMessage());
    IllegalArgumentException c =
        assertThrows(IllegalArgumentException.class, () -> RULES.checkInForce(LocalDate.of(2005, 1, 1)));
    assertEquals(e.getMessage(), c.getMessage());
    assertEquals(LocalDate.of(2026, 1, 1), RULES.checkInForce(LocalDate.of(2026, 1, 1)));
  }

  /**
   * The general reminder stops when the pension starts: on the first day of the month after the
   * statutory pension age of the day (65, 66 from 1 February 2025, 67 from 1 February 2030). It
   * goes on for volunteers of unknown age.
   */
  @ParameterizedTest(name = "born {0} on {1}: reminder {2}")
  @CsvSource({
    "1960-10-10, 2026-10-31, true",
    "1960-10-10, 2026-11-01, false",
    "1959-06-01, 2024-06-30, true",
    "1959-06-01, 2024-07-01, false",
    // Turned 65 in January 2024: retired since February 2024, before the age rose to 66.
    "1959-01-15, 2025-01-20, false",
    // Turns 65 in March 2025, when the age is already 66.
    "1960-03-10, 2025-04-01, true",
    "1960-03-10, 2026-04-01, false",
    "1964-03-01, 2030-02-28, true",
    "1964-03-01, 2031-03-31, true",
    "1964-03-01, 2031-04-01, false"
  })
  void assess_generalBenefitReminderEndsAtThePensionAge(LocalDate birth, LocalDate day, boolean reminder) {
    Volunteer v = born(birth, true);
    assertEquals(reminder, RULES.assess(v, COOK, KITCHEN, day).has(NoticeKind.BENEFIT_GENERAL));
    Volunteer unknown = v.toBuilder().birthDate(null).build();
    assertTrue(RULES.assess(unknown, COOK, KITCHEN, day).has(NoticeKind.BENEFIT_GENERAL));
  }

  @Test
  void assess_organisationMinimumAgeCountsCompletedYears() {
    Vacancy bar = COOK.toBuilder().minimumAge(18).build();
    Volunteer seventeen = born(LocalDate.of(2008, 10, 2), false);
    LegalAssessment a = RULES.assess(seventeen, bar, KITCHEN, LocalDate.of(2026, 10, 1));
    assertTrue(a.fails(Gate.ORGANISATION_MINIMUM_AGE));
    GateFailure f = a.failures().get(0);
    assertEquals("18", f.facts().get("requiredAge"));
    assertEquals("17", f.facts().get("age"));
    assertEquals(
        "Deze organisatie vraagt een minimumleeftijd van 18 jaar (vanaf 02/10/2026); je bent 17.",
        f.message().in("nl"));
    assertTrue(RULES.assess(seventeen, bar, KITCHEN, LocalDate.of(2026, 10, 2)).isPermitted());
  }

  @Test
  void assess_unknownBirthDateIsANoticeNotAFailure() {
    Volunteer unknown = Testdata.volunteer("ada").toBuilder().birthDate(null).build();
    LegalAssessment a = RULES.assess(unknown, COOK, KITCHEN, Testdata.DAY);
    assertTrue(a.isPermitted());
    assertTrue(a.has(NoticeKind.AGE_UNVERIFIED));
  }

  @Test
  void assess_backgroundCheckNeedsConsentAndARecentExtract() {
    Vacancy tutor = Testdata.vacancy("tutor");
    Volunteer ada = Testdata.volunteer("ada");
    LegalAssessment none = RULES.assess(ada, tutor, KITCHEN, Testdata.DAY);
    assertTrue(none.fails(Gate.BACKGROUND_CHECK_MISSING));
    assertTrue(none.has(NoticeKind.BACKGROUND_CHECK_REQUIRED));
    assertEquals(SensitiveCategory.BACKGROUND_CHECK, none.failures().get(0).sensitiveCategory());

    Volunteer withoutConsent = ada.toBuilder().backgroundCheckDate(LocalDate.of(2026, 9, 20)).build();
    assertTrue(RULES.assess(withoutConsent, tutor, KITCHEN, Testdata.DAY).fails(Gate.BACKGROUND_CHECK_MISSING));

    Volunteer recent = withoutConsent.toBuilder().consent(Consent.full(SensitiveCategory.BACKGROUND_CHECK, Testdata.DAY)).build();
    assertTrue(RULES.assess(recent, tutor, KITCHEN, Testdata.DAY).isPermitted());
    assertTrue(RULES.assess(recent, tutor, KITCHEN, LocalDate.of(2026, 10, 20)).isPermitted(), "one month old");
    assertTrue(RULES.assess(recent, tutor, KITCHEN, LocalDate.of(2026, 10, 21)).fails(Gate.BACKGROUND_CHECK_EXPIRED));
  }

  @Test
  void assess_youthWorkIsExempt() {
    Organisation scouts = KITCHEN.withYouthWork(true);
    LegalAssessment a = RULES.assess(Testdata.volunteer("ada"), Testdata.vacancy("tutor"), scouts, Testdata.DAY);
    assertTrue(a.isPermitted());
    assertFalse(a.has(NoticeKind.BACKGROUND_CHECK_REQUIRED));
  }

  @Test
  void assess_benefitNoticesOnlyWithConsent() {
    Volunteer mehmet = Testdata.volunteer("ada").toBuilder().benefit(BenefitStatus.UNEMPLOYMENT).build();
    LegalAssessment general = RULES.assess(mehmet, COOK, KITCHEN, Testdata.DAY);
    assertTrue(general.has(NoticeKind.BENEFIT_GENERAL));
    assertFalse(general.has(NoticeKind.BENEFIT_UNEMPLOYMENT));

    Volunteer consented =
        mehmet.toBuilder()
            .consent(new Consent(SensitiveCategory.BENEFIT_STATUS, Set.of(ConsentPurpose.MATCHING), Testdata.DAY))
            .build();
    LegalAssessment specific = RULES.assess(consented, COOK, KITCHEN, Testdata.DAY);
    assertFalse(specific.has(NoticeKind.BENEFIT_GENERAL));
    LegalNotice c45 = specific.notices().stream().filter(n -> n.kind() == NoticeKind.BENEFIT_UNEMPLOYMENT).findFirst().orElseThrow();
    assertEquals("C45B", c45.facts().get("form"));
    assertEquals(SensitiveCategory.BENEFIT_STATUS, c45.sensitiveCategory());
    assertTrue(c45.message().in("nl").contains("formulier C45B"), c45.message().in("nl"));
  }

  @ParameterizedTest
  @CsvSource({
    "DE_FACTO_ASSOCIATION_WITHOUT_STAFF, false, NO_INSURANCE_DUTY",
    "NON_PROFIT_ASSOCIATION, true, INSURANCE_MANDATORY",
    "NON_PROFIT_ASSOCIATION, false, INSURANCE_MISSING",
    "PUBLIC_SERVICE, true, INSURANCE_MANDATORY"
  })
  void assess_insuranceByLegalForm(LegalForm form, boolean insured, NoticeKind expected) {
    Organisation o = Organisation.of("org-kitchen", "De Keuken", form).withLiabilityInsured(insured);
    assertTrue(RULES.assess(Testdata.volunteer("ada"), COOK, o, Testdata.DAY).has(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "2023, 40.67, 1626.77",
    "2024, 41.48, 1659.29",
    "2025, 42.31, 1692.51",
    "2026, 44.02, 1760.83",
    "2027, 44.02, 1760.83"
  })
  void ceilingFor_knownYears(int year, BigDecimal perDay, BigDecimal perYear) {
    AllowanceCeiling c = RULES.ceilingFor(year);
    assertEquals(0, perDay.compareTo(c.perDay()));
    assertEquals(0, perYear.compareTo(c.perYear()));
  }

  @Test
  void ceilingFor_beforeTheData() {
    assertNull(RULES.ceilingFor(2010));
  }

  @Test
  void assess_allowanceAboveCeiling() {
    Vacancy generous = COOK.toBuilder().allowance(Allowance.flatRate(new BigDecimal("50.00"))).build();
    LegalAssessment a = RULES.assess(Testdata.volunteer("ada"), generous, KITCHEN, LocalDate.of(2025, 5, 1));
    assertTrue(a.has(NoticeKind.ALLOWANCE_CEILING));
    LegalNotice above = a.notices().stream().filter(n -> n.kind() == NoticeKind.ALLOWANCE_ABOVE_CEILING).findFirst().orElseThrow();
    assertEquals("42.31", above.facts().get("perDay"));
    assertEquals("The allowance of 50.00 euro a day exceeds the daily ceiling of 42.31 euro in 2025.", above.message().in("en"));
  }

  @Test
  void assess_wrongOrganisation() {
    Organisation other = Organisation.of("org-other", "Ander", LegalForm.FOUNDATION);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RULES.assess(Testdata.volunteer("ada"), COOK, other, Testdata.DAY));
    assertTrue(e.getMessage().contains("organisation (org-other) must be the vacancy's organisation (org-kitchen)"), e.getMessage());
  }

  @Test
  void assess_noRuleInForce() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RULES.assess(Testdata.volunteer("ada"), COOK, KITCHEN, LocalDate.of(2000, 1, 1)));
    assertTrue(e.getMessage().contains("no minimum-age rule is in force on 2000-01-01"), e.getMessage());
  }
}
