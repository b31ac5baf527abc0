package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.Organisation;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV written for spreadsheets runs nothing when opened (#14), and reads back unchanged. */
final class CsvInjectionTest {
  private static final List<String> NAMES =
      List.of(
          "=HYPERLINK(\"http://evil.example\",\"klik\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
          "-2+3", "'t Pleintje", "'=not a formula", "''twice", "Gewone vzw", "'");

  @Test
  void formulasAreWrittenAsTextAndReadBackUnchanged() {
    List<Organisation> orgs = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      orgs.add(Organisation.of("org-" + i, NAMES.get(i), LegalForm.NON_PROFIT_ASSOCIATION));
    }
    StringWriter out = new StringWriter();
    KoppelCsv.create().writeOrganisations(orgs, out);
    String text = out.toString();
    for (String line : text.split("\n")) {
      String[] cells = line.split(",", -1);
      for (String cell : cells) {
        String c = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertFalse(
            !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0,
            () -> "a cell a spreadsheet would run: " + cell + "\n" + text);
      }
    }
    assertTrue(text.contains("'t Pleintje") && !text.contains("''t Pleintje"), text);
    List<Organisation> back = KoppelCsv.create().readOrganisations(new StringReader(text), "o.csv");
    assertEquals(orgs, back);
  }

  @Test
  void aHandMadeFileWithAnApostropheKeepsIt() {
    Organisation o =
        KoppelCsv.create()
            .readOrganisations(new StringReader("id;name;legal_form\no1;'t Hoekje;vzw\n"), "o.csv")
            .get(0);
    assertEquals("'t Hoekje", o.name());
  }
}
