package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.geo.Gazetteer;
import io.github.koppel.core.geo.Geocoder;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Volunteer;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `{"postcode": "2801"}` was refused for lack of coordinates (#14). */
final class PlaceWithoutCoordinatesTest {
  private static final Gazetteer CODES =
      Gazetteer.readGeoNames(
              new StringReader(
                  "BE\t2801\tHeffen\tVlaanderen\tVLG\tProvincie Antwerpen\tVAN\tMechelen\t12025\t51.05\t4.43\t4\n"),
              "BE.txt")
          .with(Gazetteer.belgium());

  private static Dataset json(KoppelJson json, String home) {
    String doc = "{\"schemaVersion\": 1, \"volunteers\": [{\"id\": \"p1\", \"home\": " + home + "}]}";
    return json.readDataset(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "city.json");
  }

  @Test
  void jsonLocatesAPostcodeOrAMunicipalityAlone() {
    Location byCode = json(KoppelJson.create().withGeocoder(CODES), "{\"postcode\": \"2801\"}").volunteers().get(0).home();
    assertEquals(new Location(51.05, 4.43, "2801", "Heffen", null, true), byCode);
    Location byName = json(KoppelJson.create(), "{\"municipality\": \"Mechelen\", \"neighbourhood\": \"Nekkerspoel\"}")
        .volunteers().get(0).home();
    assertEquals(new Location(51.02574, 4.47762, null, "Mechelen", "Nekkerspoel", true), byName);
    Location exact = json(KoppelJson.create(), "{\"latitude\": 51.0, \"longitude\": 4.4, \"postcode\": \"2800\"}")
        .volunteers().get(0).home();
    assertEquals(false, exact.approximate());
  }

  @Test
  void jsonSaysWhyAPlaceCannotBeLocated() {
    InvalidDataException unknown = assertThrows(InvalidDataException.class, () -> json(KoppelJson.create(), "{\"postcode\": \"2801\"}"));
    assertEquals("$.volunteers[0].home", unknown.path());
    assertTrue(unknown.problem().contains("the postcode 2801 is not in the gazetteer: give latitude and longitude, or a place it knows"), unknown.getMessage());
    InvalidDataException ambiguous = assertThrows(InvalidDataException.class, () -> json(KoppelJson.create(), "{\"municipality\": \"Halle\"}"));
    assertTrue(ambiguous.problem().contains("ambiguous: Halle (Vlaams-Brabant), Halle (Antwerpen)"), ambiguous.getMessage());
    InvalidDataException nothing = assertThrows(InvalidDataException.class, () -> json(KoppelJson.create(), "{\"neighbourhood\": \"Nekkerspoel\"}"));
    assertTrue(nothing.problem().contains("a location needs latitude and longitude, or a postcode or a municipality"), nothing.getMessage());
    InvalidDataException street = assertThrows(InvalidDataException.class, () -> json(KoppelJson.create(), "{\"street\": \"Bruul 1\", \"municipality\": \"Mechelen\"}"));
    assertTrue(street.path().endsWith("home.street"), street.path());
    InvalidDataException none = assertThrows(InvalidDataException.class,
        () -> json(KoppelJson.create().withGeocoder(Geocoder.none()), "{\"municipality\": \"Mechelen\"}"));
    assertTrue(none.problem().contains("not in the gazetteer"), none.getMessage());
    InvalidDataException malformed = assertThrows(InvalidDataException.class, () -> json(KoppelJson.create(), "{\"postcode\": \"9 000 000 000\"}"));
    assertEquals("$.volunteers[0].home.postcode", malformed.path());
    InvalidDataException badCell = assertThrows(InvalidDataException.class,
        () -> KoppelCsv.create().readVolunteers(new StringReader("id;postcode\np1;9 000 000 000\n"), "p.csv"));
    assertEquals("row 1, column postcode", badCell.path());
    assertEquals(malformed.problem(), badCell.problem(), "one wording in both forms");
    InvalidDataException number = assertThrows(InvalidDataException.class, () -> json(KoppelJson.create(), "{\"postcode\": 2801}"));
    assertTrue(number.getMessage().contains("postcode"), number.getMessage());
  }

  @Test
  void csvLocatesAPostcodeOrAMunicipalityAloneAndWritesItBackUnchanged() {
    KoppelCsv csv = KoppelCsv.create().withGeocoder(CODES).withSeparator(';');
    List<Volunteer> read = csv.readVolunteers(
        new StringReader("id;postcode;gemeente;wijk\np1;2801;;\np2;;Hasselt;Centrum\np3;;;\n"), "p.csv");
    assertEquals(new Location(51.05, 4.43, "2801", "Heffen", null, true), read.get(0).home());
    assertEquals("Centrum", read.get(1).home().neighbourhood());
    assertTrue(read.get(1).home().approximate());
    assertEquals(null, read.get(2).home());
    StringWriter out = new StringWriter();
    csv.writeVolunteers(read, out);
    assertTrue(out.toString().contains(";yes;"), out.toString());
    // Read back with no geocoder at all: the coordinates and the mark travel with the file.
    assertEquals(read, KoppelCsv.create().withGeocoder(Geocoder.none()).readVolunteers(new StringReader(out.toString()), "p.csv"));

    InvalidDataException unknown = assertThrows(InvalidDataException.class,
        () -> KoppelCsv.create().readVolunteers(new StringReader("id;postcode\np1;2801\n"), "p.csv"));
    assertEquals("row 1, column postcode", unknown.path());
    assertEquals("the postcode 2801 is not in the gazetteer: give latitude and longitude, or a place it knows", unknown.problem());
    InvalidDataException ambiguous = assertThrows(InvalidDataException.class,
        () -> KoppelCsv.create().readVolunteers(new StringReader("id;municipality\np1;Halle\n"), "p.csv"));
    assertEquals("row 1, column municipality", ambiguous.path());
    InvalidDataException alone = assertThrows(InvalidDataException.class,
        () -> KoppelCsv.create().readVolunteers(new StringReader("id;neighbourhood\np1;Centrum\n"), "p.csv"));
    assertTrue(alone.problem().startsWith("a neighbourhood alone is no address"), alone.getMessage());
  }

  @Test
  void aVacancyOnSiteWithoutAPlaceNamesTheColumnsThatWouldGiveIt() {
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> KoppelCsv.create().readVacancies(
        new StringReader("id;organisation_id;title_nl;capacity\nv1;o1;Onthaal;2\n"), "v.csv"));
    assertEquals("row 1, column latitude", e.path());
    assertEquals("an on-site vacancy needs a place: latitude and longitude, a postcode or a municipality (or work_mode remote)", e.problem());
    Location byName = KoppelCsv.create().readVacancies(
        new StringReader("id;organisation_id;title_nl;capacity;gemeente\nv1;o1;Onthaal;2;Mechelen\n"), "v.csv").get(0).location();
    assertTrue(byName.approximate());
  }

  /** "Prefers remote" needs "remote is fine" in CSV as in the model (#14). */
  @Test
  void preferringRemoteWorkThatIsNotFineIsAnErrorAtTheColumn() {
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> KoppelCsv.create().readVolunteers(
        new StringReader("id;van_thuis_uit_ok;liefst_van_thuis_uit\np1;nee;ja\n"), "p.csv"));
    assertEquals("row 1, column prefers_remote", e.path());
    assertEquals("prefers_remote needs remote_ok: a volunteer who prefers remote work finds it fine", e.problem());
    assertTrue(KoppelCsv.create().readVolunteers(new StringReader("id;prefers_remote\np1;yes\n"), "p.csv")
        .get(0).preferences().prefersRemote(), "remote_ok is yes when empty");
  }
}
