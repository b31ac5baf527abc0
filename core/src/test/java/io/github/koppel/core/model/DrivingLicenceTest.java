package io.github.koppel.core.model;

import static io.github.koppel.core.model.DrivingLicence.B;
import static io.github.koppel.core.model.DrivingLicence.BE;
import static io.github.koppel.core.model.DrivingLicence.C;
import static io.github.koppel.core.model.DrivingLicence.C1;
import static io.github.koppel.core.model.DrivingLicence.CE;
import static io.github.koppel.core.model.DrivingLicence.D;
import static io.github.koppel.core.model.DrivingLicence.D1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.koppel.core.io.KoppelCsv;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Driving licence categories as a requirement and as a volunteer's fact (#14). */
final class DrivingLicenceTest {

  /** Known answers: which held category lets one drive what a vacancy requires. */
  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
    "B, B, true", "B, BE, false", "BE, B, true", "C1, B, true", "C, C1, true", "C1, C, false",
    "CE, BE, true", "CE, C, true", "CE, D, false", "D, D1, true", "D1, D, false", "D, C1, false",
    "C, BE, false"
  })
  void aHigherCategoryCoversTheOnesItBuildsOn(DrivingLicence held, DrivingLicence required, boolean covers) {
    assertEquals(covers, DrivingLicence.covers(Set.of(held), required));
  }

  @Test
  void severalCategoriesAndNone() {
    assertEquals(true, DrivingLicence.covers(Set.of(C1, D1), D1));
    assertEquals(false, DrivingLicence.covers(Set.of(), B));
    for (DrivingLicence l : DrivingLicence.values()) {
      assertEquals(true, l.covered().contains(l));
      assertEquals(true, l.covered().contains(B), l + " needs B");
    }
    assertEquals(Set.of(B, BE, C1, C, CE), CE.covered());
    assertEquals(Set.of(B, D1, D), D.covered());
  }

  @Test
  void csvReadsAndWritesThemInAnyCaseAndLanguage() {
    KoppelCsv csv = KoppelCsv.create().withSeparator(';');
    Volunteer v = csv.readVolunteers(new StringReader("id;rijbewijzen\np1;b, ce\n"), "p.csv").get(0);
    assertEquals(Set.of(B, CE), v.drivingLicences());
    Vacancy bus = csv.readVacancies(new StringReader(
        "id;organisation_id;titel_nl;capacity;werkvorm;permis_requis\nv1;o1;Chauffeur;1;remote;D\n"), "v.csv").get(0);
    assertEquals(D, bus.drivingLicence());
    var e = org.junit.jupiter.api.Assertions.assertThrows(io.github.koppel.core.InvalidDataException.class,
        () -> csv.readVolunteers(new StringReader("id;driving_licences\np1;B, Z\n"), "p.csv"));
    assertEquals("row 1, column driving_licences", e.path());
    assertEquals("Z", e.value());
  }
}
