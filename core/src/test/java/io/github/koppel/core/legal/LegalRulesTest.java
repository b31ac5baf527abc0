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

  /** The legal age counts from 1 January of the year one turns 16 (15 after the first stage). */
  @ParameterizedTest
  @CsvSource({
    "2010-12-31, false, 2026-01-01, true",
    "2011-01-01, false, 2026-12-31, false",
    "2011-01-01, true, 2026-01-01, true",
    "2012-01-01, true, 2026-06-01, false",
    "2011-06-30, false, 2027-01-01, true"
  })
  void assess_legalMinimumAgeByCalendarYear(LocalDate birth, boolean firstStage, LocalDate day, boolean permitted) {
    LegalAssessment a = RULES.assess(born(birth, firstStage), COOK, KITCHEN, day);
    assertEquals(!permitted, a.fails(Gate.LEGAL_MINIMUM_AGE), a.toString());
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
    assertEquals("Deze organisatie vraagt een minimumleeftijd van 18 jaar; je bent 17.", f.message().in("nl"));
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
