package io.github.koppel.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Location;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Places people know by postcode or name, not by coordinates (#14). */
final class GazetteerTest {
  /** Lines in the GeoNames postal code format (the coordinates here are test values). */
  static final String GEONAMES =
      "BE\t2800\tMechelen\tVlaanderen\tVLG\tProvincie Antwerpen\tVAN\tMechelen\t12025\t51.0259\t4.4776\t4\n"
          + "BE\t2800\tWalem\tVlaanderen\tVLG\tProvincie Antwerpen\tVAN\tMechelen\t12025\t51.0700\t4.4500\t4\n"
          + "BE\t2801\tHeffen\tVlaanderen\tVLG\tProvincie Antwerpen\tVAN\tMechelen\t12025\t51.0500\t4.4300\t4\n";

  @Test
  void theBundledTableLocatesAMunicipalityByAnyOfItsNames() {
    Gazetteer be = Gazetteer.belgium();
    Location mechelen = be.locate(null, "Mechelen").orElseThrow();
    assertEquals(51.02574, mechelen.latitude());
    assertEquals(4.47762, mechelen.longitude());
    assertTrue(mechelen.approximate());
    assertEquals("Mechelen", mechelen.municipality());
    assertEquals(be.locate(null, "Liège"), be.locate(null, "Luik").map(l -> new Location(
        l.latitude(), l.longitude(), null, "Liège", null, true)));
    assertEquals(be.locate(null, "Brussels").orElseThrow().latitude(), be.locate(null, "bruxelles").orElseThrow().latitude());
    assertTrue(be.locate(null, "sint katelijne waver").isPresent());
    assertTrue(be.locate(null, "SINT-KATELIJNE-WAVER").isPresent());
    assertEquals(Optional.empty(), be.locate(null, "Atlantis"));
    assertEquals(Optional.empty(), be.locate("2801", null), "the bundled table holds no postcodes");
    assertEquals(1735, be.places().size());
  }

  @Test
  void aNameThatTwoPlacesShareIsAmbiguous() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Gazetteer.belgium().locate(null, "Halle"));
    assertEquals(
        "the municipality 'Halle' is ambiguous: Halle (Vlaams-Brabant), Halle (Antwerpen); give its postcode too",
        e.getMessage());
  }

  @Test
  void aBelgianPostcodeTellsTheProvinceEvenWithoutAPostalCodeTable() {
    Gazetteer be = Gazetteer.belgium();
    Location tielt = be.locate("8700", "Tielt").orElseThrow();
    assertEquals("8700", tielt.postcode());
    Location other = be.locate("3390", "Tielt").orElseThrow();
    assertTrue(tielt.distanceKm(other) > 50, "the two Tielts lie apart: " + tielt + " " + other);
    assertEquals(be.locate(null, "Mechelen").orElseThrow().latitude(), be.locate("2800", "Mechelen").orElseThrow().latitude());
    IllegalArgumentException disagree =
        assertThrows(IllegalArgumentException.class, () -> be.locate("9000", "Mechelen"));
    assertEquals("the postcode 9000 (Oost-Vlaanderen) and the municipality 'Mechelen' do not agree: Mechelen (Antwerpen)",
        disagree.getMessage());
    assertEquals("Brussel", Gazetteer.belgianProvince("1000"));
    assertEquals("Vlaams-Brabant", Gazetteer.belgianProvince("3000"));
    assertEquals("Limburg", Gazetteer.belgianProvince("3500"));
    assertEquals("Luxembourg", Gazetteer.belgianProvince("6600"));
    assertEquals(null, Gazetteer.belgianProvince("75001"));
  }

  @Test
  void aPostcodeAndAMunicipalityThatContradictEachOtherAreRefused() {
    Gazetteer codes = Gazetteer.readGeoNames(new StringReader(GEONAMES), "BE.txt");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codes.locate("2800", "Gent"));
    assertEquals("the postcode 2800 and the municipality 'Gent' do not agree: 2800 is Mechelen, Walem", e.getMessage());
  }

  @Test
  void aGeoNamesPostalCodeTableGivesPostcodesAndTheBundledTableTheRest() {
    Gazetteer codes = Gazetteer.readGeoNames(new StringReader(GEONAMES), "BE.txt");
    Gazetteer both = codes.with(Gazetteer.belgium());
    Location heffen = both.locate("2801", null).orElseThrow();
    assertEquals(new Location(51.05, 4.43, "2801", "Heffen", null, true), heffen);
    Location walem = both.locate("2800", "Walem").orElseThrow();
    assertEquals(51.07, walem.latitude());
    Location centre = both.locate("2800", null).orElseThrow();
    assertEquals(51.04795, centre.latitude(), 1e-9);
    assertEquals("Mechelen", centre.municipality());
    assertTrue(both.locate(null, "Hasselt").isPresent(), "names come from the bundled table");
    assertEquals("Provincie Antwerpen", codes.places().get(0).province());
  }

  @Test
  void aBadPostalCodeTableIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
    InvalidDataException fields = assertThrows(InvalidDataException.class,
        () -> Gazetteer.readGeoNames(new StringReader(GEONAMES + "BE\t2801\tHeffen\n"), "BE.txt"));
    assertEquals("line 4", fields.path());
    assertTrue(fields.getMessage().contains("12 tab-separated fields; this one has 3"), fields.getMessage());
    InvalidDataException latitude = assertThrows(InvalidDataException.class,
        () -> Gazetteer.readGeoNames(new StringReader(GEONAMES.replace("51.0500", "north")), "BE.txt"));
    assertEquals("line 3, latitude", latitude.path());
    assertEquals("north", latitude.value());
    InvalidDataException range = assertThrows(InvalidDataException.class,
        () -> Gazetteer.readGeoNames(new StringReader(GEONAMES.replace("51.0500", "151")), "BE.txt"));
    assertTrue(range.getMessage().contains("latitude"), range.getMessage());
    Path latin1 = Files.write(dir.resolve("BE.txt"), GEONAMES.replace("Heffen", "Liège").getBytes(StandardCharsets.ISO_8859_1));
    InvalidDataException encoding = assertThrows(InvalidDataException.class, () -> Gazetteer.readGeoNames(latin1));
    assertTrue(encoding.getMessage().contains("not valid UTF-8"), encoding.getMessage());
    Path huge = dir.resolve("huge.txt");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(65L << 20);  // sparse: takes no disk
    }
    InvalidDataException size = assertThrows(InvalidDataException.class, () -> Gazetteer.readGeoNames(huge));
    assertTrue(size.getMessage().contains("the file is larger than 64 MiB"), size.getMessage());
    Path good = Files.writeString(dir.resolve("ok.txt"), GEONAMES);
    assertEquals(3, Gazetteer.readGeoNames(good).places().size());
  }

  @Test
  void geocodersChain() {
    Geocoder city = (postcode, municipality) ->
        "9000".equals(postcode) ? Optional.of(new Location(51.05, 3.72, "9000", "Gent", null, true)) : Optional.empty();
    Geocoder chain = city.orElse(Gazetteer.belgium());
    assertEquals(3.72, chain.locate("9000", null).orElseThrow().longitude());
    assertEquals("Hasselt", chain.locate(null, "Hasselt").orElseThrow().municipality());
    assertEquals(Optional.empty(), Geocoder.none().locate("9000", "Gent"));
  }
}
