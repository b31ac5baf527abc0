package io.github.koppel.matching.criteria;

import static io.github.koppel.core.testdata.Testdata.CENTRE;
import static io.github.koppel.core.testdata.Testdata.DAY;
import static io.github.koppel.core.testdata.Testdata.organisation;
import static io.github.koppel.core.testdata.Testdata.vacancy;
import static io.github.koppel.core.testdata.Testdata.volunteer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Accommodation;
import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.InclusionCommitments;
import io.github.koppel.core.model.LanguageRequirement;
import io.github.koppel.core.model.DrivingLicence;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Regularity;
import io.github.koppel.core.model.Schedule;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Shift;
import io.github.koppel.core.model.SocialSetting;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import io.github.koppel.core.model.WorkMode;
import io.github.koppel.matching.criteria.Evaluation.Outcome;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Known answers for every built-in criterion with its default parameters. */
final class BuiltInCriteriaTest {
  private static final double EPS = 1e-9;
  private static final Organisation KITCHEN = organisation("kitchen");
  private static final double KM_PER_DEGREE = 6371.0088 * Math.PI / 180;

  private static MatchContext context(Organisation... organisations) {
    return MatchContext.of(
        BundledData.flemishVocabularies(), BundledData.belgianLegalRules(), DAY,
        organisations.length == 0 ? List.of(KITCHEN) : List.of(organisations));
  }

  private static Evaluation eval(String type, Map<String, ?> parameters, Volunteer v, Vacancy vac) {
    return Criterion.builtIn(type, parameters).evaluate(v, vac, context());
  }

  private static Evaluation eval(String type, Volunteer v, Vacancy vac) {
    return eval(type, Map.of(), v, vac);
  }

  private static Evidence first(Evaluation e) {
    return e.evidence().get(0);
  }

  private static Location north(double km) {
    return Location.of(CENTRE.latitude() + km / KM_PER_DEGREE, CENTRE.longitude());
  }

  private static Vacancy.Builder cook() {
    return vacancy("cook").toBuilder();
  }

  // language

  @Test
  void language_levelMet() {
    Evaluation e = eval("language", volunteer("ada"), vacancy("tutor"));
    assertEquals(Outcome.SCORED, e.outcome());
    assertEquals(1, e.score(), EPS);
    assertEquals("language.met", first(e).code());
    assertEquals("Nederlands B2 gevraagd, C2 aanwezig.", first(e).message().in("nl"));
  }

  @Test
  void language_mandatoryGapVetoesWithRemedy() {
    Evaluation e = eval("language", volunteer("amal"), vacancy("tutor"));
    assertEquals(Outcome.VETOED, e.outcome());
    Evidence reason = first(e);
    assertEquals("language.gap", reason.code());
    assertEquals(Map.of("gap", "2", "language", "nl", "level", "A2", "mandatory", "true", "required", "B2"), reason.facts());
    assertEquals("Needs Dutch B2, has A2.", reason.message().in("en"));
    assertEquals("néerlandais B2 requis, niveau A2.", reason.message().in("fr"));
    assertNotNull(reason.remedy());
  }

  @Test
  void language_noRequirementButNoDutchFlag() {
    Evaluation e = eval("language", volunteer("amal"), vacancy("cook"));
    assertEquals(1, e.score(), EPS);
    assertEquals("language.noDutch", first(e).code());
  }

  @Test
  void language_practiseForgivesTheGap() {
    Vacancy desired = cook().noDutchRequired(false).language(LanguageRequirement.desired("nl", CefrLevel.B1)).build();
    Evaluation e = eval("language", volunteer("amal"), desired);
    assertEquals(1, e.score(), EPS);
    assertEquals(List.of("language.gap", "language.practise"), e.evidence().stream().map(Evidence::code).toList());
    Vacancy noPractice = desired.toBuilder().practiseLanguages(Set.of()).build();
    assertEquals(1 - 0.34, eval("language", volunteer("amal"), noPractice).score(), EPS);
    assertEquals(1 - 0.34, eval("language", Map.of("practiseTolerance", 0), volunteer("amal"), desired).score(), EPS);
  }

  @Test
  void language_weightedOverRequirements() {
    Vacancy v = cook().noDutchRequired(false)
        .language(LanguageRequirement.mandatory("nl", CefrLevel.B1))
        .language(LanguageRequirement.desired("fr", CefrLevel.A2))
        .build();
    // nl met (weight 2); fr missing: gap A2 - none = 2 levels, 1 - 0.68 = 0.32 (weight 1).
    assertEquals((2 * 1 + 0.32) / 3, eval("language", volunteer("ada"), v).score(), EPS);
    assertEquals("language.missing", eval("language", volunteer("ada"), v).evidence().get(1).code());
  }

  // talents

  @Test
  void talents_exactNarrowerBroaderAndLevels() {
    assertEquals(1, eval("talents", volunteer("ada"), vacancy("cook")).score(), EPS);
    Volunteer broad = volunteer("kid").toBuilder().talent(Talent.of("hospitality_food")).build();
    Evaluation broader = eval("talents", broad, vacancy("cook"));
    assertEquals(0.5, broader.score(), EPS);
    assertEquals("talents.broader", first(broader).code());
    assertEquals("Cooking asked; has the broader Hospitality and cooking.", first(broader).message().in("en"));
    Vacancy general = cook().talents(List.of(TalentRequirement.required("hospitality_food"))).build();
    assertEquals(0.9, eval("talents", volunteer("ada"), general).score(), EPS);
    Vacancy expert = cook().talents(List.of(new TalentRequirement("cooking", ProficiencyLevel.EXPERT, true))).build();
    Volunteer beginner = volunteer("kid").toBuilder().talent(Talent.of("cooking", ProficiencyLevel.BEGINNER)).build();
    assertEquals(0.5, eval("talents", beginner, expert).score(), EPS);
    assertEquals("talents.level", first(eval("talents", beginner, expert)).code());
  }

  @Test
  void talents_learningCountsWhenTheVacancyTrains() {
    Volunteer learner = volunteer("kid").toBuilder().talent(Talent.toLearn("cooking")).build();
    assertEquals(0.6, eval("talents", learner, cook().offersTraining(true).build()).score(), EPS);
    Evaluation without = eval("talents", learner, vacancy("cook"));
    assertEquals(0, without.score(), EPS);
    assertEquals("talents.learnWithoutTraining", first(without).code());
  }

  @Test
  void talents_requiredWeighsDouble_andVetoOnRequest() {
    Vacancy v = cook().talent(TalentRequirement.desired("baking")).build();
    assertEquals(2.0 / 3, eval("talents", volunteer("ada"), v).score(), EPS);
    Evaluation veto = eval("talents", Map.of("vetoMissingRequired", true), volunteer("kid"), v);
    assertEquals(Outcome.VETOED, veto.outcome());
    assertEquals("talents.missing", first(veto).code());
    assertNotNull(first(veto).remedy());
    assertEquals(1, eval("talents", volunteer("kid"), vacancy("cook").toBuilder().talents(List.of()).build()).score(), EPS);
  }

  // interests

  @Test
  void interests_matchNoMatchAndAbstain() {
    assertEquals(1, eval("interests", volunteer("ada"), vacancy("cook")).score(), EPS);
    Evaluation none = eval("interests", volunteer("kid"), vacancy("cook"));
    assertEquals(Outcome.ABSTAINED, none.outcome());
    Evaluation other = eval("interests", volunteer("ada"), vacancy("tutor"));
    assertEquals(0, other.score(), EPS);
    assertEquals("interests.noMatch", first(other).code());
    Vacancy noSector = cook().sectors(Set.of()).build();
    assertEquals(1, eval("interests", volunteer("ada"), noSector).score(), EPS, "falls back to the organisation's sectors");
  }

  // ability

  @Test
  void ability_gapsVetoesAndAccommodations() {
    Volunteer jozef = volunteer("jozef");
    Evaluation moderate = eval("ability", jozef, cook().demand("standing_walking", FunctionalLevel.MODERATE).build());
    assertEquals(0.5, moderate.score(), EPS);
    assertEquals(SensitiveCategory.ABILITY, first(moderate).sensitiveCategory());
    assertEquals("Standing and walking: demands moderate, can do low.", first(moderate).message().in("en"));
    Evaluation high = eval("ability", jozef, cook().demand("standing_walking", FunctionalLevel.HIGH).build());
    assertEquals(Outcome.VETOED, high.outcome());
    assertNotNull(first(high).remedy());
    Vacancy seated = cook().demand("standing_walking", FunctionalLevel.HIGH)
        .accommodation(new Accommodation("seated_work", Map.of("standing_walking", FunctionalLevel.LOW)))
        .build();
    Evaluation lowered = eval("ability", jozef, seated);
    assertEquals(1, lowered.score(), EPS);
    assertEquals("ability.lowered", first(lowered).code());
    assertEquals(1, eval("ability", jozef, vacancy("cook")).score(), EPS);
  }

  @Test
  void ability_abstainsWithoutConsent() {
    Volunteer noConsent = volunteer("jozef").toBuilder().consents(List.of()).build();
    Evaluation e = eval("ability", noConsent, cook().demand("standing_walking", FunctionalLevel.HIGH).build());
    assertEquals(Outcome.ABSTAINED, e.outcome());
    assertEquals("ability.noConsent", first(e).code());
    assertFalse(first(e).isSensitive());
  }

  // accommodations

  @Test
  void accommodations_needsMetUnmetAndAbstain() {
    Vacancy seated = cook().accommodation(Accommodation.of("seated_work")).build();
    assertEquals(1, eval("accommodations", volunteer("jozef"), seated).score(), EPS);
    Evaluation unmet = eval("accommodations", volunteer("jozef"), vacancy("cook"));
    assertEquals(0, unmet.score(), EPS);
    assertEquals("accommodations.unmet", first(unmet).code());
    assertNotNull(first(unmet).remedy());
    assertEquals(Outcome.VETOED, eval("accommodations", Map.of("vetoUnmet", true), volunteer("jozef"), vacancy("cook")).outcome());
    assertEquals(Outcome.ABSTAINED, eval("accommodations", volunteer("ada"), seated).outcome());
    Volunteer noConsent = volunteer("jozef").toBuilder().consents(List.of()).build();
    assertEquals("accommodations.noConsent", first(eval("accommodations", noConsent, seated)).code());
  }

  // availability

  @Test
  void availability_slotsAndHours() {
    assertEquals(1, eval("availability", volunteer("ada"), vacancy("cook")).score(), EPS);
    Vacancy twice = cook().schedule(Schedule.regular(Set.of(
        WeeklySlot.of(DayOfWeek.MONDAY, DayPart.MORNING), WeeklySlot.of(DayOfWeek.TUESDAY, DayPart.MORNING)), 8.0)).build();
    Evaluation e = eval("availability", volunteer("ada"), twice);
    assertEquals(0.7 * 0.5 + 0.3 * 0.5, e.score(), EPS);
    assertEquals(List.of("availability.someSlots", "availability.fewerHours"), e.evidence().stream().map(Evidence::code).toList());
    Volunteer unspecified = volunteer("ada").toBuilder().availability(Availability.UNSPECIFIED).build();
    assertEquals(Outcome.ABSTAINED, eval("availability", unspecified, vacancy("cook")).outcome());
    assertEquals(1, eval("availability", volunteer("ada"), vacancy("tutor")).score(), EPS, "no fixed time");
  }

  @Test
  void availability_oneOffShiftsAndPeriods() {
    LocalDate monday = LocalDate.of(2026, 10, 5);
    Vacancy event = cook().schedule(Schedule.oneOff(List.of(
        Shift.of(monday, LocalTime.of(9, 0), LocalTime.of(11, 30)),
        Shift.of(monday.plusDays(1), LocalTime.of(9, 0), LocalTime.of(11, 30))))).build();
    assertEquals(0.5, eval("availability", volunteer("ada"), event).score(), EPS);
    Volunteer until = volunteer("ada").toBuilder()
        .availability(new Availability(Set.of(), null, null, LocalDate.of(2026, 9, 1), List.of())).build();
    Vacancy later = cook().validity(LocalDate.of(2026, 10, 1), null).build();
    Evaluation period = eval("availability", until, later);
    assertEquals(Outcome.VETOED, period.outcome());
    assertEquals("availability.period", first(period).code());
    assertEquals(0, eval("availability", Map.of("vetoOutsidePeriod", false), until, later).score(), EPS);
  }

  // distance

  @Test
  void distance_decayMobilityRemoteAndHybrid() {
    Volunteer near = volunteer("ada").toBuilder().home(north(6)).mobility(Mobility.of(50, TravelMode.CAR)).build();
    // Default: gauss, scale 5, offset 1, decay 0.5: at 1 + 5 km the score is 0.5.
    assertEquals(0.5, eval("distance", near, vacancy("cook")).score(), 1e-6);
    assertEquals(0.5, eval("distance", Map.of("shape", "linear"), near, vacancy("cook")).score(), 1e-6);
    assertEquals(1, eval("distance", volunteer("ada"), vacancy("cook")).score(), EPS);
    Volunteer far = volunteer("ada").toBuilder().home(north(10)).build();
    Evaluation veto = eval("distance", far, vacancy("cook"));
    assertEquals(Outcome.VETOED, veto.outcome());
    assertEquals("10.0 km away, the limit is 5.0 km.", first(veto).message().in("en"));
    assertEquals("10,0 km ver, de grens is 5,0 km.", first(veto).message().in("nl"));
    assertNotNull(first(veto).remedy());
    assertEquals(Outcome.SCORED, eval("distance", Map.of("respectMobility", false), far, vacancy("cook")).outcome());
    assertEquals(1, eval("distance", far, cook().place(WorkMode.REMOTE, null).build()).score(), EPS);
    Volunteer within = far.toBuilder().mobility(Mobility.of(20, TravelMode.CAR)).build();
    assertEquals(0.5, eval("distance", within, cook().place(WorkMode.HYBRID, CENTRE).build()).score(), EPS);
    // Without an address the volunteer's own limit cannot be kept: a veto that says so, not silence.
    Volunteer homeless = volunteer("ada").toBuilder().home(null).build();
    Evaluation unknown = eval("distance", homeless, vacancy("cook"));
    assertEquals(Outcome.VETOED, unknown.outcome());
    assertEquals("distance.homeUnknown", first(unknown).code());
    assertEquals("Address unknown: the limit of 5.0 km cannot be kept.", first(unknown).message().in("en"));
    assertEquals("Adres onbekend: de grens van 5,0 km kan niet nagegaan worden.", first(unknown).message().in("nl"));
    assertEquals("Adresse inconnue : la limite de 5,0 km ne peut être vérifiée.", first(unknown).message().in("fr"));
    assertNotNull(first(unknown).remedy());
    assertEquals(Outcome.ABSTAINED, eval("distance", homeless.toBuilder().mobility(null).build(), vacancy("cook")).outcome());
    assertEquals(Outcome.ABSTAINED, eval("distance", Map.of("respectMobility", false), homeless, vacancy("cook")).outcome());
    assertEquals(1, eval("distance", homeless, cook().place(WorkMode.REMOTE, null).build()).score(), EPS);
    // From the centre of a postcode the distance is approximate, and the explanation says so.
    Location centre = north(6);
    Volunteer byPostcode = near.toBuilder()
        .home(new Location(centre.latitude(), centre.longitude(), "9000", "Gent", null, true)).build();
    Evaluation about = eval("distance", byPostcode, vacancy("cook"));
    assertEquals(0.5, about.score(), 1e-6);
    assertEquals("distance.km.approx", first(about).code());
    assertEquals("About 6.0 km from home (measured from the centre of the postcode or municipality).", first(about).message().in("en"));
    assertEquals("Ongeveer 6,0 km van huis (gemeten vanaf het midden van de postcode of gemeente).", first(about).message().in("nl"));
    assertEquals("Environ 6,0 km du domicile (mesurés depuis le centre du code postal ou de la commune).", first(about).message().in("fr"));
    Evaluation farAbout = eval("distance", byPostcode.toBuilder().mobility(Mobility.of(5, TravelMode.BICYCLE)).build(), vacancy("cook"));
    assertEquals(Outcome.VETOED, farAbout.outcome());
    assertEquals("distance.tooFar.approx", first(farAbout).code());
    assertTrue(first(farAbout).remedy().in("en").startsWith("The exact address would tell the distance for sure"), first(farAbout).remedy().in("en"));
  }

  // driving licence

  @Test
  void drivingLicence_aCategoryThatCoversTheRequirementOrAVeto() {
    Vacancy van = cook().drivingLicence(DrivingLicence.BE).build();
    Volunteer without = volunteer("ada");
    Evaluation missing = eval("drivingLicence", without, van);
    assertEquals(Outcome.VETOED, missing.outcome());
    assertEquals("This needs a driving licence BE.", first(missing).message().in("en"));
    assertEquals("Hier is een rijbewijs BE nodig.", first(missing).message().in("nl"));
    assertEquals("Il faut ici un permis BE.", first(missing).message().in("fr"));
    assertEquals("A driving licence BE would make this feasible, or a vacancy without driving.", first(missing).remedy().in("en"));
    Volunteer trucker = without.toBuilder().drivingLicence(DrivingLicence.CE).build();
    assertEquals(1, eval("drivingLicence", trucker, van).score(), EPS);
    Volunteer car = without.toBuilder().drivingLicence(DrivingLicence.B).build();
    assertEquals(Outcome.VETOED, eval("drivingLicence", car, van).outcome());
    assertEquals(Outcome.ABSTAINED, eval("drivingLicence", car, vacancy("cook")).outcome());
  }

  // practise and preferences

  @Test
  void practise_offeredNotOfferedAndAbstain() {
    Evaluation offered = eval("practise", volunteer("amal"), vacancy("cook"));
    assertEquals(1, offered.score(), EPS);
    assertEquals("Kans om Nederlands te oefenen.", first(offered).message().in("nl"));
    assertEquals(0, eval("practise", volunteer("amal"), vacancy("tutor")).score(), EPS);
    assertEquals(Outcome.ABSTAINED, eval("practise", volunteer("ada"), vacancy("cook")).outcome());
  }

  /**
   * "Prefers remote" beside "remote is fine" (#14): it raises remote and partly remote work and,
   * like every wish, never lowers work on site.
   */
  @Test
  void preferences_preferringRemoteWork() {
    Volunteer homeWorker = volunteer("ada").toBuilder().preferences(new Preferences(true, null, null, true)).build();
    Evaluation hybrid = eval("preferences", homeWorker, cook().place(WorkMode.HYBRID, CENTRE).build());
    assertEquals(0.5, hybrid.score(), EPS);
    assertEquals("preferences.hybridPreferred", first(hybrid).code());
    assertEquals("Deels op afstand; werk op afstand heeft de voorkeur.", first(hybrid).message().in("nl"));
    Evaluation remote = eval("preferences", homeWorker, cook().place(WorkMode.REMOTE, null).build());
    assertEquals(0.5, remote.score(), EPS);
    assertEquals("Travail à distance, comme souhaité.", first(remote).message().in("fr"));
    assertEquals("Remote work, as preferred.", first(remote).message().in("en"));
    assertEquals(Outcome.ABSTAINED, eval("preferences", homeWorker, vacancy("cook")).outcome(),
        "work on site is not held against a preference for remote work");
    // Fine but not preferred: partly remote work says nothing, as before.
    Volunteer fine = volunteer("ada").toBuilder().preferences(new Preferences(true, null, null, false)).build();
    assertEquals(Outcome.ABSTAINED, eval("preferences", fine, cook().place(WorkMode.HYBRID, CENTRE).build()).outcome());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Preferences(false, null, null, true));
    assertEquals("prefersRemote needs remoteOk: a volunteer who prefers remote work finds it fine", e.getMessage());
  }

  @Test
  void preferences_shareOfPreferencesMet() {
    Volunteer picky = volunteer("ada").toBuilder()
        .preferences(new Preferences(false, Regularity.REGULAR, SocialSetting.GROUP)).build();
    Vacancy remote = cook().place(WorkMode.REMOTE, null).socialSetting(SocialSetting.GROUP).build();
    // remote not said to be fine (0), regular met (1), group met (1).
    assertEquals(2.0 / 3, eval("preferences", picky, remote).score(), EPS);
    assertEquals(Outcome.ABSTAINED, eval("preferences", volunteer("ada"), vacancy("cook")).outcome());
    // A feature the volunteer said nothing about counts as not met, like an unmet wish: stating
    // one more preference never lowers the score.
    Volunteer regular = volunteer("ada").toBuilder()
        .preferences(new Preferences(false, Regularity.REGULAR, null)).build();
    Evaluation half = eval("preferences", regular, cook().socialSetting(SocialSetting.GROUP).build());
    assertEquals(0.5, half.score(), EPS);
    assertEquals("preferences.settingNotGiven", half.evidence().get(1).code());
    assertTrue(eval("preferences", picky, cook().socialSetting(SocialSetting.GROUP).build()).score() >= half.score());
  }

  @Test
  void inclusion_oneWelcomedGroupIsEnoughAndDeclaringMoreNeverLowers() {
    Volunteer one = volunteer("amal");
    Assumptions.assumeTrue(!one.targetGroups().isEmpty());
    Evaluation e = eval("inclusion", one, vacancy("cook"));
    Volunteer more =
        one.toBuilder().targetGroups(union(one.targetGroups(), Set.of("senior"))).build();
    assertTrue(eval("inclusion", more, vacancy("cook")).score() >= e.score() - EPS);
    Volunteer none = one.toBuilder().targetGroups(Set.of()).build();
    assertEquals("inclusion.none", eval("inclusion", none, vacancy("cook")).evidence().get(0).code());
  }

  // legal gates

  @Test
  void age_legalMinimumVetoesWithTheYearItOpens() {
    Evaluation e = eval("age", volunteer("kid"), vacancy("cook"));
    assertEquals(Outcome.VETOED, e.outcome());
    assertEquals("age.LEGAL_MINIMUM_AGE", first(e).code());
    assertEquals("Possible from 1 January 2028.", first(e).remedy().in("en"));
    assertEquals("age.ok", first(eval("age", volunteer("ada"), vacancy("cook"))).code());
    Volunteer unknown = volunteer("ada").toBuilder().birthDate(null).build();
    assertEquals("age.unverified", first(eval("age", unknown, vacancy("cook"))).code());
  }

  @Test
  void backgroundCheck_consentMissingExpiredAndValid() {
    assertEquals("backgroundCheck.notNeeded", first(eval("backgroundCheck", volunteer("ada"), vacancy("cook"))).code());
    assertEquals(Outcome.ABSTAINED, eval("backgroundCheck", volunteer("ada"), vacancy("tutor")).outcome());
    Volunteer consenting = volunteer("ada").toBuilder().consent(Consent.full(SensitiveCategory.BACKGROUND_CHECK, DAY)).build();
    Evaluation missing = eval("backgroundCheck", consenting, vacancy("tutor"));
    assertEquals(Outcome.VETOED, missing.outcome());
    assertEquals("backgroundCheck.BACKGROUND_CHECK_MISSING", first(missing).code());
    assertEquals(SensitiveCategory.BACKGROUND_CHECK, first(missing).sensitiveCategory());
    assertNotNull(first(missing).remedy());
    Evaluation expired = eval("backgroundCheck", consenting.toBuilder().backgroundCheckDate(DAY.minusMonths(3)).build(), vacancy("tutor"));
    assertEquals("backgroundCheck.BACKGROUND_CHECK_EXPIRED", first(expired).code());
    Evaluation valid = eval("backgroundCheck", consenting.toBuilder().backgroundCheckDate(DAY.minusDays(10)).build(), vacancy("tutor"));
    assertEquals(1, valid.score(), EPS);
    assertTrue(first(valid).isSensitive());
    assertEquals(0, eval("backgroundCheck", Map.of("vetoMissing", false), consenting, vacancy("tutor")).score(), EPS);
  }

  // inclusion

  @Test
  void inclusion_commitmentsAgainstTargetGroups() {
    Organisation open = KITCHEN.withInclusion(new InclusionCommitments(Set.of("newcomer"), true, false));
    Evaluation e = Criterion.builtIn("inclusion", Map.of()).evaluate(volunteer("amal"), vacancy("cook"), context(open));
    assertEquals((0.6 + 0.25) / 1.0, e.score(), EPS);
    assertEquals(SensitiveCategory.TARGET_GROUP, first(e).sensitiveCategory());
    Evaluation none = eval("inclusion", volunteer("amal"), vacancy("cook"));
    assertEquals(0, none.score(), EPS);
    assertEquals("inclusion.noCommitment", first(none).code());
    assertEquals(Outcome.ABSTAINED, eval("inclusion", volunteer("ada"), vacancy("cook")).outcome());
    Volunteer noConsent = volunteer("amal").toBuilder().consents(List.of()).build();
    assertEquals("inclusion.noConsent", first(eval("inclusion", noConsent, vacancy("cook"))).code());
  }

  @Test
  void sensitiveCategories_declaredByTheCriteriaThatUseThem() {
    assertEquals(Set.of(SensitiveCategory.ABILITY), Criterion.builtIn("ability", Map.of()).sensitiveCategories());
    assertEquals(Set.of(SensitiveCategory.ABILITY), Criterion.builtIn("accommodations", Map.of()).sensitiveCategories());
    assertEquals(Set.of(SensitiveCategory.TARGET_GROUP), Criterion.builtIn("inclusion", Map.of()).sensitiveCategories());
    assertEquals(Set.of(SensitiveCategory.BACKGROUND_CHECK), Criterion.builtIn("backgroundCheck", Map.of()).sensitiveCategories());
    assertEquals(Set.of(), Criterion.builtIn("language", Map.of()).sensitiveCategories());
    assertNull(first(eval("language", volunteer("ada"), vacancy("tutor"))).sensitiveCategory());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
