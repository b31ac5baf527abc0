package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Organisation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encodings of real counter files (#14): Excel's Windows-1252 "CSV (puntkomma gescheiden)",
 * UTF-8 with and without a byte-order mark, UTF-16 with one, CRLF line ends and a quoted cell with a
 * line break, written here as bytes; and what is not such a text, refused with its line while the
 * file is read.
 */
final class CsvEncodingTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  /** A name with letters outside ASCII that Windows-1252 holds: é, ë, €, ’. */
  private static final String NAME = "Café Ëlla’s € fonds";
  private static final String CSV =
      "id;name;legal_form\r\n"
          + "org-1;" + NAME + ";non_profit_association\r\n"
          + "org-2;\"Buurthuis; De Brug\";non_profit_association\r\n";

  @TempDir Path dir;

  private Path write(String name, byte[]... parts) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p);
    }
    return Files.write(dir.resolve(name), out.toByteArray());
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static void assertOrganisations(List<Organisation> orgs) {
    assertEquals(2, orgs.size());
    assertEquals(NAME, orgs.get(0).name());
    assertEquals("Buurthuis; De Brug", orgs.get(1).name());
  }

  @Test
  void readsEveryEncodingOfACounter() throws Exception {
    KoppelCsv csv = KoppelCsv.create();
    assertOrganisations(csv.readOrganisations(write("utf8.csv", CSV.getBytes(StandardCharsets.UTF_8))));
    assertOrganisations(
        csv.readOrganisations(write("utf8-bom.csv", bytes(0xEF, 0xBB, 0xBF), CSV.getBytes(StandardCharsets.UTF_8))));
    assertOrganisations(
        csv.readOrganisations(write("utf16le.csv", bytes(0xFF, 0xFE), CSV.getBytes(StandardCharsets.UTF_16LE))));
    assertOrganisations(
        csv.readOrganisations(write("utf16be.csv", bytes(0xFE, 0xFF), CSV.getBytes(StandardCharsets.UTF_16BE))));
    // What Excel writes in Flanders: Windows-1252, where é is 0xE9 and € is 0x80.
    byte[] excel = CSV.getBytes(CP1252);
    assertTrue(indexOf(excel, (byte) 0x80) > 0, "the € of Windows-1252");
    assertOrganisations(csv.readOrganisations(write("excel.csv", excel)));
    assertOrganisations(csv.withCharset(CP1252).readOrganisations(write("excel2.csv", excel)));
  }

  @Test
  void aQuotedCellMayHoldALineBreak() throws Exception {
    String vacancies =
        "id;organisation_id;title_nl;description_nl;capacity;latitude;longitude\r\n"
            + "v1;o1;Kok;\"Koken voor twintig.\r\nOok afwassen.\";2;51.05;3.72\r\n";
    var read = KoppelCsv.create().readVacancies(write("v.csv", vacancies.getBytes(CP1252)));
    assertEquals("Koken voor twintig.\r\nOok afwassen.", read.get(0).description().in("nl"));
  }

  @Test
  void aWindows1252FileWhoseFirstBlocksAreAsciiIsStillWindows1252() throws Exception {
    StringBuilder rows = new StringBuilder("id;name;legal_form\r\n");
    for (int i = 0; i < 5_000; i++) {
      rows.append("org-").append(i).append(";Vereniging ").append(i).append(";non_profit_association\r\n");
    }
    rows.append("org-last;").append(NAME).append(";non_profit_association\r\n");
    List<Organisation> orgs = KoppelCsv.create().readOrganisations(write("long.csv", rows.toString().getBytes(CP1252)));
    assertEquals(NAME, orgs.get(orgs.size() - 1).name());
  }

  @Test
  void aForcedCharsetThatDoesNotFitNamesTheLine() throws Exception {
    Path excel = write("excel.csv", CSV.getBytes(CP1252));
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class,
            () -> KoppelCsv.create().withCharset(StandardCharsets.UTF_8).readOrganisations(excel));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().startsWith("the file is not valid UTF-8 at line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("--charset"), e.getMessage());
    assertTrue(e.getMessage().contains(excel.toString()), e.getMessage());
  }

  @Test
  void bytesInNoEncodingAreRefusedWithTheirLines() throws Exception {
    // Line 2 is not UTF-8 (0xE9 alone), and line 3 holds 0x81, which Windows-1252 leaves undefined.
    Path neither =
        write("neither.csv", "id;name;legal_form\norg-1;Caf".getBytes(StandardCharsets.US_ASCII),
            bytes(0xE9), ";vzw\norg-2;A".getBytes(StandardCharsets.US_ASCII), bytes(0x81),
            ";vzw\n".getBytes(StandardCharsets.US_ASCII));
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> KoppelCsv.create().readOrganisations(neither));
    assertTrue(
        e.getMessage().startsWith(
            "the file is not text in UTF-8, UTF-16 with a byte-order mark or Windows-1252: line 2 is"
                + " not UTF-8, and line 3 holds a byte that Windows-1252 does not define"),
        e.getMessage());
    assertEquals(2, e.line());
  }

  @Test
  void aNulByteIsNoTextAndStopsAtOnce() throws Exception {
    byte[] zeros = new byte[1 << 20];
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class, () -> KoppelCsv.create().readVolunteers(write("zeros.csv", zeros)));
    assertTrue(e.getMessage().startsWith("the file is not text: it holds a NUL byte (byte 1, line 1)"), e.getMessage());
    // UTF-16 without its byte-order mark looks the same, and the hint says so.
    byte[] utf16 = CSV.getBytes(StandardCharsets.UTF_16LE);
    InvalidDataException u =
        assertThrows(
            InvalidDataException.class, () -> KoppelCsv.create().readOrganisations(write("nobom.csv", utf16)));
    assertTrue(u.getMessage().contains("UTF-16 without a byte-order mark"), u.getMessage());
    // The endless file of the issue: it stops at its first byte, long before memory runs out.
    Path devZero = Path.of("/dev/zero");
    if (Files.isReadable(devZero)) {
      InvalidDataException z =
          assertThrows(InvalidDataException.class, () -> KoppelCsv.create().readVolunteers(devZero));
      assertTrue(z.getMessage().contains("NUL byte (byte 1, line 1)"), z.getMessage());
    }
  }

  @Test
  void aFileBeyondTheLimitStopsWhileItIsRead() throws Exception {
    byte[] big = new byte[5000];
    Arrays.fill(big, (byte) 'a');
    Path file = write("big.csv", big);
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> TextFiles.encoding(file, null, 4096));
    assertEquals("the file is larger than the limit of 4096 bytes", e.problem());
    assertTrue(TextFiles.MAX_BYTES >= 100_000L * 300, "a city of 100,000 volunteers fits");
  }

  @Test
  void utf32AndAnEndlessHeaderAreRefused() throws Exception {
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class,
            () -> KoppelCsv.create().readOrganisations(write("utf32.csv", bytes(0xFF, 0xFE, 0, 0), bytes('i', 0, 0, 0))));
    assertTrue(e.getMessage().startsWith("the file is in UTF-32"), e.getMessage());
    byte[] header = new byte[KoppelCsv.MAX_HEADER + 10];
    Arrays.fill(header, (byte) 'x');
    InvalidDataException h =
        assertThrows(
            InvalidDataException.class, () -> KoppelCsv.create().readOrganisations(write("header.csv", header)));
    assertEquals("the header row is longer than 65536 characters", h.problem());
  }

  private static int indexOf(byte[] data, byte b) {
    for (int i = 0; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
