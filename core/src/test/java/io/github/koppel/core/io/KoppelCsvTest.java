package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.Volunteer;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class KoppelCsvTest {
  private final KoppelCsv csv = KoppelCsv.create();

  private List<Volunteer> volunteers(String text) {
    return csv.readVolunteers(new StringReader(text), "vol.csv");
  }

  private InvalidDataException bad(String text) {
    return assertThrows(InvalidDataException.class, () -> volunteers(text));
  }

  @Test
  void readVolunteers_flemishSpreadsheet() {
    String text = "\uFEFFID;Name;Birth_date;Languages;Practise;Talents;Possibilities;Max_distance_km;Travel_mode;Consent_ability;Consent_date\n"
        + "v1;Amal;14/03/1988;\"ar:C2, nl:A2\";nl;cooking:expert;standing_walking:low;2,5;bicycle;matching+counsellor;01/09/2026\n"
        + ";;;;;;;;;;\n";
    List<Volunteer> vs = volunteers(text);
    assertEquals(1, vs.size());
    Volunteer v = vs.get(0);
    assertEquals(LocalDate.of(1988, 3, 14), v.birthDate());
    assertEquals(CefrLevel.A2, v.language("nl").level());
    assertTrue(v.language("nl").wantsToPractise());
    assertEquals(FunctionalLevel.LOW, v.possibilities().get("standing_walking"));
    assertEquals(2.5, v.mobility().maxDistanceKm());
  }

  @Test
  void readVolunteers_unknownColumn() {
    InvalidDataException e = bad("id,nmae\nv1,x\n");
    assertTrue(e.path().contains("column nmae"), e.path());
    assertTrue(e.getMessage().contains("unknown column"), e.getMessage());
  }

  @Test
  void readVolunteers_missingRequiredColumn() {
    InvalidDataException e = bad("name\nx\n");
    assertTrue(e.getMessage().contains("the required column 'id' is missing"), e.getMessage());
  }

  @Test
  void readVolunteers_badLevelNamesRowColumnAndValue() {
    InvalidDataException e = bad("id,languages\nv1,nl:A1\nv2,nl:Z9\n");
    assertEquals("row 2, column languages", e.path());
    assertEquals("Z9", e.value());
    assertEquals(3, e.line());
    assertEquals(2, e.column());
  }

  @Test
  void readVolunteers_unknownVocabularyId() {
    InvalidDataException e = bad("id,talents\nv1,juggling\n");
    assertEquals("row 1, column talents", e.path());
    assertEquals("juggling", e.value());
    assertEquals(2, e.column());
    // A misspelt id gets the nearest known ones; a wish to learn is found in its own column.
    InvalidDataException near = bad("id,talents,learn\nv1,cooking,gardenning\n");
    assertEquals("row 1, column learn", near.path());
    assertTrue(near.problem().endsWith("; nearest: gardening"), near.problem());
  }

  @Test
  void readVolunteers_badBoolean() {
    InvalidDataException e = bad("id,first_stage_secondary\nv1,maybe\n");
    assertEquals("row 1, column first_stage_secondary", e.path());
    assertTrue(e.getMessage().contains("expected yes or no"), e.getMessage());
  }

  @Test
  void readVolunteers_futureBirthDate() {
    InvalidDataException e = bad("id,birth_date\nv1,2999-01-01\n");
    assertEquals("row 1, column birth_date", e.path());
  }

  @Test
  void readVolunteers_halfALocation() {
    InvalidDataException e = bad("id,latitude,longitude\nv1,51.05,\n");
    assertEquals("row 1, column longitude", e.path());
  }

  @Test
  void readVolunteers_practiseWithoutLevel() {
    InvalidDataException e = bad("id,languages,practise\nv1,ar:C2,nl\n");
    assertEquals("row 1, column practise", e.path());
  }

  @Test
  void readVolunteers_consentWithoutDate() {
    InvalidDataException e = bad("id,consent_ability\nv1,matching\n");
    assertEquals("row 1, column consent_date", e.path());
  }

  @Test
  void readVolunteers_emptyFile() {
    InvalidDataException e = bad("");
    assertTrue(e.getMessage().contains("no header row"), e.getMessage());
  }

  @Test
  void readVacancies_badCapacity() {
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class,
            () -> csv.readVacancies(new StringReader("id,organisation_id,title_nl,work_mode,capacity\nx,o,T,remote,-2\n"), "vac.csv"));
    assertTrue(e.getMessage().contains("capacity must be in [0, 100000]: -2"), e.getMessage());
  }

  @Test
  void roundTrip_demoCity() {
    Dataset city = DemoCity.generate(5, 300, 40, 80);
    StringWriter orgs = new StringWriter();
    StringWriter vacs = new StringWriter();
    StringWriter vols = new StringWriter();
    KoppelCsv semicolons = csv.withSeparator(';');
    semicolons.writeOrganisations(city.organisations(), orgs);
    semicolons.writeVacancies(city.vacancies(), vacs);
    // A volunteers file holds no history: the writer refuses it, and a history file holds it.
    assertThrows(InvalidDataException.class, () -> semicolons.writeVolunteers(city.volunteers(), new StringWriter()));
    semicolons.writeVolunteers(city.volunteers().stream().map(KoppelCsvTest::withoutHistory).toList(), vols);
    StringWriter history = new StringWriter();
    semicolons.writeHistory(History.of(city), history);
    assertEquals(city.organisations(), csv.readOrganisations(new StringReader(orgs.toString()), "o"));
    assertEquals(city.vacancies(), csv.readVacancies(new StringReader(vacs.toString()), "v"));
    List<Volunteer> read = csv.readVolunteers(new StringReader(vols.toString()), "p");
    for (int i = 0; i < read.size(); i++) {
      Volunteer expected = withoutHistory(city.volunteers().get(i));
      assertEquals(expected, read.get(i), expected.id());
    }
    assertEquals(History.of(city), csv.readHistory(new StringReader(history.toString()), "h"));
  }

  private static Volunteer withoutHistory(Volunteer v) {
    return v.toBuilder().history(List.of()).build();
  }

  @Test
  void withSeparator_rejectsOthers() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> csv.withSeparator('|'));
    assertTrue(e.getMessage().contains("separator must be ',' or ';'"), e.getMessage());
  }

  @Test
  void readVacancies_accommodationsAndShifts() {
    String text = "id,organisation_id,title_nl,demands,accommodations,shifts,work_mode,capacity\n"
        + "x,o,Steward,\"standing_walking:high\",\"seated_work(standing_walking=low), quiet_space\",\"2027-06-21 09:00-13:00\",remote,10\n";
    Vacancy v = csv.readVacancies(new StringReader(text), "v").get(0);
    assertEquals(FunctionalLevel.LOW, v.accommodatedDemand("standing_walking"));
    assertEquals(1, v.schedule().shifts().size());
  }
}
