package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.CaseFormat;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.Volunteer;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An error about a sensitive field of a volunteer (possibilities, support needs, target groups,
 * benefits, the 596.2 extract date) names the field, the location and the problem, never the
 * value: not in the message, not in {@link InvalidDataException#value()}, not in any cause. Each
 * value below holds the marker {@code zz}, which no message of Koppel's own contains.
 */
class SensitiveValueErrorTest {
  private static final String MARKER = "zz";

  static Stream<Arguments> json() {
    return Stream.of(
        Arguments.of("supportNeeds", "\"supportNeeds\": [\"zzwheelchair\"]", "supportNeeds"),
        Arguments.of("supportNeeds", "\"supportNeeds\": [\" zz \"]", "supportNeeds"),
        Arguments.of("supportNeeds", "\"supportNeeds\": [\"zz\\u0007\"]", "supportNeeds"),
        Arguments.of("supportNeeds", "\"supportNeeds\": [12345]", "supportNeeds"),
        Arguments.of("supportNeeds", "\"supportNeeds\": \"zzwheelchair\"", "supportNeeds"),
        Arguments.of("targetGroups", "\"targetGroups\": [\"zznewcomer\"]", "targetGroups"),
        Arguments.of("targetGroups", "\"targetGroups\": [\"zz" + "x".repeat(200) + "\"]", "targetGroups"),
        Arguments.of("benefits", "\"benefits\": [\"ZZ_LEEFLOON\"]", "benefits"),
        Arguments.of("benefits", "\"benefits\": [true]", "benefits"),
        Arguments.of("possibilities", "\"possibilities\": {\"lifting\": \"ZZHIGH\"}", "possibilities"),
        Arguments.of("possibilities", "\"possibilities\": {\"zzlifting\": \"LOW\"}", "possibilities"),
        Arguments.of("possibilities", "\"possibilities\": {\" zz\": \"LOW\"}", "possibilities"),
        Arguments.of("backgroundCheckDate", "\"backgroundCheckDate\": \"2026-13-zz\"", "backgroundCheckDate"),
        Arguments.of("backgroundCheckDate", "\"backgroundCheckDate\": \"2999-01-01\"", "backgroundCheckDate"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("json")
  void jsonError_namesTheSensitiveFieldButNotItsValue(String field, String member, String pathPart) {
    String document =
        "{\"schemaVersion\": 1, \"organisations\": [], \"vacancies\": [], \"volunteers\": [{\"id\": \"v-1\", "
            + member + "}]}";
    InvalidDataException e = readOrValidate(document);
    assertClean(e, pathPart);
    if (member.contains("2999")) {
      assertFalse(e.getMessage().contains("2999"), e.getMessage());
    }
  }

  static Stream<Arguments> csv() {
    return Stream.of(
        Arguments.of("support_needs", "zzwheelchair"),
        Arguments.of("support_needs", "zz x"),
        Arguments.of("target_groups", "zznewcomer"),
        Arguments.of("benefits", "zzleefloon"),
        Arguments.of("possibilities", "lifting:zzhigh"),
        Arguments.of("possibilities", "zzlifting:low"),
        Arguments.of("possibilities", "zz"),
        Arguments.of("background_check_date", "31/02/20zz"),
        Arguments.of("background_check_date", "01/01/2999"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("csv")
  void csvError_namesTheSensitiveColumnButNotItsValue(String column, String value) {
    String file = "id;" + column + "\nv-1;" + value + "\n";
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class,
            () -> {
              var volunteers = KoppelCsv.create().readVolunteers(new StringReader(file), "volunteers.csv");
              BundledData.flemishVocabularies()
                  .validate(Dataset.of(List.of(), List.of(), volunteers));
            });
    // A vocabulary error is found after reading and names the field inside the row (see #14).
    String field =
        e.path().contains("column") ? column : CaseFormat.LOWER_UNDERSCORE.to(CaseFormat.LOWER_CAMEL, column);
    assertClean(e, field);
    assertFalse(e.getMessage().contains("2999"), e.getMessage());
    assertTrue(e.getMessage().contains("volunteers.csv"), e.getMessage());
  }

  @Test
  void validateOneVolunteer_withholdsAnUnknownSensitiveId() {
    Volunteer v = Volunteer.builder("v-1").supportNeeds(Set.of("zzneed")).build();
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> BundledData.flemishVocabularies().validate(v));
    assertClean(e, "supportNeeds");
    Volunteer g = Volunteer.builder("v-1").targetGroups(Set.of("zzgroup")).build();
    assertClean(
        assertThrows(InvalidDataException.class, () -> BundledData.flemishVocabularies().validate(g)),
        "targetGroups");
  }

  @Test
  void builder_namesTheSensitiveFieldButNotItsValue() {
    for (Executable bad :
        List.<Executable>of(
            () -> Volunteer.builder("v").supportNeeds(Set.of(" zz ")).build(),
            () -> Volunteer.builder("v").targetGroups(Set.of("zz\u0007")).build(),
            () -> Volunteer.builder("v").possibility(" zz", FunctionalLevel.LOW).build(),
            () -> Volunteer.builder("v").backgroundCheckDate(LocalDate.of(2999, 1, 1)).build())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
      assertFalse(e.getMessage().contains("zz") || e.getMessage().contains("2999"), e.getMessage());
      assertTrue(e.getMessage().contains("withheld"), e.getMessage());
    }
    // Other fields still show their value.
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Volunteer.builder("v").interests(Set.of(" zz ")).build());
    assertTrue(e.getMessage().contains("' zz '"), e.getMessage());
  }

  @Test
  void vocabulariesDocument_aSchemeNamedTargetGroupsIsNotSensitive() {
    InvalidDataException e =
        new InvalidDataException("v.json", "$.targetGroups.concepts[0].id", "x y", 1, 2, "bad id 'x y'", null);
    assertFalse(e.isSensitive());
    assertEquals("x y", e.value());
  }

  private static InvalidDataException readOrValidate(String document) {
    return assertThrows(
        InvalidDataException.class,
        () -> {
          Dataset d =
              KoppelJson.create()
                  .readDataset(
                      new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "city.json");
          BundledData.flemishVocabularies().validate(d);
        });
  }

  private static void assertClean(InvalidDataException e, String field) {
    String message = e.getMessage();
    assertTrue(e.path().contains(field), () -> "path " + e.path() + " of " + message);
    assertTrue(message.contains(field), message);
    assertTrue(message.contains("withheld"), message);
    assertNull(e.value(), message);
    assertTrue(e.isSensitive(), message);
    for (Throwable t = e; t != null; t = t.getCause()) {
      String text = String.valueOf(t).toLowerCase(Locale.ROOT);
      assertFalse(text.contains(MARKER), text);
      assertFalse(text.contains("12345"), text);
    }
  }
}
