package io.github.koppel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KoppelCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KoppelCommand.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void demo_showsThePersonasInDutch() {
    assertEquals(0, run("demo"));
    assertTrue(out.toString().contains("Koppel — demostad Leiestad"), out.toString());
    assertTrue(out.toString().contains("== Amal (persona-amal)"), out.toString());
    assertTrue(out.toString().contains("Kok in het sociaal restaurant"), out.toString());
  }

  @Test
  void demo_inEnglishForOnePersona() {
    assertEquals(0, run("demo", "--lang", "en", "--persona", "persona-mehmet"));
    assertTrue(out.toString().contains("form C45B"), out.toString());
    assertTrue(!out.toString().contains("persona-amal"), out.toString());
  }

  @Test
  void demo_badLanguage() {
    assertEquals(2, run("demo", "--lang", "de"));
    assertTrue(err.toString().contains("--lang must be nl, en or fr: 'de'"), err.toString());
  }

  @Test
  void demo_unknownPersona() {
    assertEquals(2, run("demo", "--persona", "nobody"));
    assertTrue(err.toString().contains("no persona 'nobody'"), err.toString());
  }

  @Test
  void validate_reportsTheProblemWithItsLocation(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"schemaVersion\": 1, \"organisations\": [], \"vacancies\": [], \"volunteers\": [{\"id\": \"v\", \"talents\": [{\"conceptId\": \"juggling\"}]}]}");
    assertEquals(1, run("validate", "--data", file.toString()));
    assertTrue(err.toString().contains("$.volunteers[0].talents[0].conceptId"), err.toString());
    assertTrue(err.toString().contains("juggling"), err.toString());
  }

  @Test
  void validate_csvFiles(@TempDir Path dir) throws Exception {
    Path o = Files.writeString(dir.resolve("o.csv"), "id;name;legal_form\no1;De Brug;non_profit_association\n");
    Path v = Files.writeString(dir.resolve("v.csv"), "id;organisation_id;title_nl;work_mode;capacity\nx;o1;Kok;remote;2\n");
    Path p = Files.writeString(dir.resolve("p.csv"), "id;languages\nv1;nl:B1\n");
    assertEquals(0, run("validate", "--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", p.toString()));
    assertTrue(out.toString().contains("OK: 1 organisations, 1 vacancies, 1 volunteers"), out.toString());
  }

  @Test
  void validate_needsInput() {
    assertEquals(2, run("validate"));
    assertTrue(err.toString().contains("give either --data FILE.json"), err.toString());
  }
}
