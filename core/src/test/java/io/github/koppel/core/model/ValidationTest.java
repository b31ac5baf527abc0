package io.github.koppel.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.testdata.Testdata;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every bad value is rejected with the right exception type and a message naming the field. */
final class ValidationTest {

  static Stream<Arguments> badValues() {
    LocalizedText t = LocalizedText.of("nl", "x");
    return Stream.of(
        Arguments.of("blank id", (Executable) () -> Volunteer.builder(" "), "id must not be blank"),
        Arguments.of("padded id", (Executable) () -> Volunteer.builder(" v"), "id must not start or end with white space"),
        Arguments.of("long id", (Executable) () -> Volunteer.builder("x".repeat(129)), "id must be at most 128 characters"),
        Arguments.of("control char", (Executable) () -> Volunteer.builder("a\u0007"), "id must hold printable ASCII only"),
        Arguments.of("language code", (Executable) () -> LanguageSkill.of("NL", CefrLevel.B1), "language must be an ISO 639 code"),
        Arguments.of("cefr", (Executable) () -> CefrLevel.parse("B3"), "CEFR level must be one of"),
        Arguments.of("latitude", (Executable) () -> Location.of(91, 3), "latitude must be a finite number in [-90.0, 90.0]: 91.0"),
        Arguments.of("NaN longitude", (Executable) () -> Location.of(51, Double.NaN), "longitude must be a finite number"),
        Arguments.of("postcode", (Executable) () -> new Location(51, 3, "9 000 000 000", null, null), "postcode must be"),
        Arguments.of("distance", (Executable) () -> Mobility.of(-1, TravelMode.WALK), "maxDistanceKm must be a finite number in [0.0, 1000.0]: -1.0"),
        Arguments.of("hours", (Executable) () -> Availability.weekly(Set.of(), 200.0), "hoursPerWeek must be a finite number in [0.0, 168.0]: 200.0"),
        Arguments.of("until before from", (Executable) () -> new Availability(Set.of(), null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), List.of()), "until (2026-01-01) must not be before from (2026-02-01)"),
        Arguments.of("shift", (Executable) () -> Shift.of(LocalDate.of(2026, 1, 1), LocalTime.of(12, 0), LocalTime.of(9, 0)), "end (09:00) must be after start (12:00)"),
        Arguments.of("one-off", (Executable) () -> Schedule.oneOff(List.of()), "shifts must hold at least one shift for ONE_OFF work"),
        Arguments.of("consent", (Executable) () -> new Consent(SensitiveCategory.ABILITY, Set.of(), LocalDate.of(2026, 1, 1)), "purposes must hold at least one purpose for ABILITY"),
        Arguments.of("allowance", (Executable) () -> new Allowance(AllowanceType.NONE, BigDecimal.ONE), "amountPerDay is only meaningful for FLAT_RATE"),
        Arguments.of("negative allowance", (Executable) () -> Allowance.flatRate(new BigDecimal("-1")), "amountPerDay must be in [0, 10000] euro: -1"),
        Arguments.of("empty text", (Executable) () -> new LocalizedText(Map.of()), "texts must hold at least one language"),
        Arguments.of("blank text", (Executable) () -> LocalizedText.of("nl", " "), "texts[nl] must not be blank"),
        Arguments.of("capacity", (Executable) () -> Vacancy.builder("v", "o", t).capacity(-1), "capacity must be in [0, 100000]: -1"),
        Arguments.of("minimum age", (Executable) () -> Vacancy.builder("v", "o", t).minimumAge(120), "minimumAge must be in [0, 99]: 120"),
        Arguments.of("on-site without location", (Executable) () -> Vacancy.builder("v", "o", t).build(), "location is required for ON_SITE work (vacancy v)"),
        Arguments.of("no Dutch contradiction", (Executable) () -> Vacancy.builder("v", "o", t).place(WorkMode.REMOTE, null).noDutchRequired(true).language(LanguageRequirement.mandatory("nl", CefrLevel.A2)).build(), "noDutchRequired contradicts the mandatory Dutch requirement (A2) of vacancy v"),
        Arguments.of("duplicate talent", (Executable) () -> Vacancy.builder("v", "o", t).place(WorkMode.REMOTE, null).talent(TalentRequirement.required("cooking")).talent(TalentRequirement.desired("cooking")).build(), "talents must not repeat an entry: 'cooking' occurs twice"),
        Arguments.of("accommodation raises", (Executable) () -> Vacancy.builder("v", "o", t).place(WorkMode.REMOTE, null).demand("lifting", FunctionalLevel.LOW).accommodation(new Accommodation("lifting_aids", Map.of("lifting", FunctionalLevel.HIGH))).build(), "accommodation lifting_aids must lower the demand on 'lifting' (LOW), not raise it to HIGH"),
        Arguments.of("accommodation unknown demand", (Executable) () -> Vacancy.builder("v", "o", t).place(WorkMode.REMOTE, null).accommodation(new Accommodation("lifting_aids", Map.of("lifting", FunctionalLevel.LOW))).build(), "accommodation lifting_aids lowers the demand on 'lifting', which the vacancy does not make"),
        Arguments.of("validity", (Executable) () -> Vacancy.builder("v", "o", t).place(WorkMode.REMOTE, null).validity(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)).build(), "validUntil (2026-01-01) must not be before validFrom (2026-02-01)"),
        Arguments.of("future birth", (Executable) () -> Volunteer.builder("v").birthDate(LocalDate.now().plusDays(2)).build(), "birthDate must lie between 1900-01-01 and today"),
        Arguments.of("ancient birth", (Executable) () -> Volunteer.builder("v").birthDate(LocalDate.of(1850, 1, 1)).build(), "birthDate must lie between 1900-01-01 and today"),
        Arguments.of("duplicate language", (Executable) () -> Volunteer.builder("v").language(LanguageSkill.of("nl", CefrLevel.A1)).language(LanguageSkill.of("nl", CefrLevel.B1)).build(), "languages must not repeat an entry: 'nl' occurs twice"),
        Arguments.of("duplicate consent", (Executable) () -> Volunteer.builder("v").consent(Consent.full(SensitiveCategory.ABILITY, Testdata.DAY)).consent(Consent.full(SensitiveCategory.ABILITY, Testdata.DAY)).build(), "consents must not repeat an entry: 'ABILITY' occurs twice"),
        Arguments.of("blank name", (Executable) () -> Organisation.of("o", " ", LegalForm.FOUNDATION), "name must not be blank"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void badValue_isRejectedWithItsField(String label, Executable construction, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
    assertTrue(e.getMessage().contains(message), "expected <" + message + "> in <" + e.getMessage() + ">");
  }

  @Test
  void nulls_areRejectedWithTheFieldName() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> new LanguageSkill("nl", null, false));
    assertEquals("level", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> Volunteer.builder("v").availability(null));
    assertEquals("availability", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> new WeeklySlot(null, DayPart.MORNING));
    assertEquals("day", e.getMessage());
  }

  @Test
  void builder_buildsOnce() {
    Volunteer.Builder b = Volunteer.builder("v");
    b.build();
    IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
    assertTrue(e.getMessage().contains("this builder already built volunteer v"), e.getMessage());
  }

  @Test
  void dataset_duplicateIdsAndDanglingReferences() {
    Volunteer v = Testdata.volunteer("ada");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> Dataset.of(List.of(), List.of(), List.of(v, v)));
    assertEquals("$.volunteers[1].id", e.path());
    e = assertThrows(InvalidDataException.class, () -> Dataset.of(List.of(), List.of(Testdata.vacancy("cook")), List.of()));
    assertEquals("$.vacancies[0].organisationId", e.path());
    assertEquals("org-kitchen", e.value());
  }

  @Test
  void collections_areCopiedAndUnmodifiable() {
    Volunteer v = Testdata.volunteer("amal");
    assertThrows(UnsupportedOperationException.class, () -> v.languages().add(LanguageSkill.of("fr", CefrLevel.A1)));
    assertThrows(UnsupportedOperationException.class, () -> v.targetGroups().add("senior"));
  }

  @Test
  void toString_neverShowsSensitiveFacts() {
    Volunteer jozef = Testdata.volunteer("jozef");
    assertEquals("Volunteer{id=vol-jozef}", jozef.toString());
    assertEquals("Vacancy{id=vac-cook, org=org-kitchen, title=Kok}", Testdata.vacancy("cook").toString());
  }

  @Test
  void accommodatedDemand_takesTheLowestOffered() {
    Vacancy v = Vacancy.builder("v", "o", LocalizedText.of("nl", "x")).place(WorkMode.REMOTE, null)
        .demand("standing_walking", FunctionalLevel.HIGH)
        .accommodation(new Accommodation("seated_work", Map.of("standing_walking", FunctionalLevel.LOW)))
        .accommodation(new Accommodation("frequent_breaks", Map.of("standing_walking", FunctionalLevel.MODERATE)))
        .build();
    assertEquals(FunctionalLevel.LOW, v.accommodatedDemand("standing_walking"));
    assertEquals(FunctionalLevel.NONE, v.accommodatedDemand("hearing"));
  }

  /** Found by fuzzing: -0 read from a CSV file came back as 0 and the records differed. */
  @org.junit.jupiter.api.Test
  void negativeZeroIsZero() {
    assertEquals(Mobility.of(0, TravelMode.WALK), Mobility.of(-0.0, TravelMode.WALK));
    assertEquals(new Location(0, 0, null, null, null), new Location(-0.0, -0.0, null, null, null));
    assertEquals(Availability.weekly(Set.of(), 0.0), Availability.weekly(Set.of(), -0.0));
  }
}
