package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem at once (#14): a file set with three mistakes takes one run, not three. */
final class ValidationReportTest {
  private static final KoppelCsv CSV = KoppelCsv.create();
  private static final String ORGS = "id;naam;rechtsvorm\no1;De Brug;vzw\no2;Buurtwerk;asbl\n";
  private static final String VACS =
      "id;organisation_id;title_nl;capacity;talents_required;latitude;longitude\n"
          + "v1;o1;Kok;2;cookin;51.05;3.72\n"
          + "v2;o9;Chauffeur;1;;51.05;3.72\n"
          + "v3;o1;Onthaal;1;;51.05;3.72\n";
  private static final String VOLS = "id;languages;possibilities\np1;nl:B7;\np2;nl:B1;lifting:strong\np3;nl:B1;\n";

  @Test
  void threeFilesWithFourMistakesAreReportedInOnePassAndLoadingStaysAllOrNothing(@TempDir Path dir) throws Exception {
    Path o = Files.writeString(dir.resolve("o.csv"), ORGS);
    Path v = Files.writeString(dir.resolve("v.csv"), VACS);
    Path p = Files.writeString(dir.resolve("p.csv"), VOLS);
    ValidationReport report = CSV.check(o, v, p, 100);
    assertFalse(report.ok());
    assertFalse(report.truncated());
    List<DataProblem> problems = report.problems();
    assertEquals(4, problems.size(), problems::toString);

    DataProblem talent = problems.get(0);
    assertEquals(v.toString(), talent.source());
    assertEquals("row 1, column talents_required", talent.location());
    assertEquals("cookin", talent.value());
    assertEquals(2, talent.line());
    assertEquals(5, talent.column());
    assertEquals(List.of("cooking"), talent.suggestions());

    DataProblem level = problems.get(1);
    assertEquals("row 1, column languages", level.location());
    assertEquals("B7", level.value());

    DataProblem sensitive = problems.get(2);
    assertEquals("row 2, column possibilities", sensitive.location());
    assertTrue(sensitive.sensitive());
    assertNull(sensitive.value());
    assertFalse(sensitive.problem().contains("strong"), sensitive.problem());
    assertEquals(List.of(), sensitive.suggestions());

    DataProblem reference = problems.get(3);
    assertEquals("row 2, column organisation_id", reference.location());
    assertEquals("o9", reference.value());
    assertEquals(3, reference.line());

    assertEquals(2, report.organisations());
    assertEquals(2, report.vacancies());
    assertEquals(1, report.volunteers());
    // Loading still stops at the first problem, and loads nothing.
    InvalidDataException first = assertThrows(InvalidDataException.class, () -> CSV.readDataset(o, v, p));
    assertEquals("row 1, column talents_required", first.path());
  }

  @Test
  void aBrokenFileDoesNotHideTheProblemsOfTheOthers(@TempDir Path dir) throws Exception {
    Path o = Files.writeString(dir.resolve("o.csv"), ORGS);
    Path v = Files.writeString(dir.resolve("v.csv"), VACS);
    Path p = Files.writeString(dir.resolve("p.csv"), "id;langauges\np1;nl:B1\n");
    ValidationReport report = CSV.check(o, v, p, 100);
    List<String> where = report.problems().stream().map(x -> x.source() + ": " + x.location()).toList();
    assertEquals(
        List.of(v + ": row 1, column talents_required", p + ": row 0 (header), column langauges",
            v + ": row 2, column organisation_id"),
        where);
    assertEquals(List.of("languages"), report.problems().get(1).suggestions());
    assertEquals(0, report.volunteers());
  }

  @Test
  void theCapStopsTheReportAndSaysThereAreMore(@TempDir Path dir) throws Exception {
    StringBuilder vols = new StringBuilder("id;languages\n");
    for (int i = 0; i < 250; i++) {
      vols.append("p").append(i).append(";nl:Z").append(i % 10).append('\n');
    }
    Path o = Files.writeString(dir.resolve("o.csv"), ORGS);
    Path v = Files.writeString(dir.resolve("v.csv"), "id;organisation_id;title_nl;work_mode;capacity\nv1;o1;Kok;remote;1\n");
    Path p = Files.writeString(dir.resolve("p.csv"), vols);
    ValidationReport capped = CSV.check(o, v, p, 100);
    assertEquals(100, capped.problems().size());
    assertTrue(capped.truncated());
    ValidationReport all = CSV.check(o, v, p, 1000);
    assertEquals(250, all.problems().size());
    assertFalse(all.truncated());
    assertEquals("row 250, column languages", all.problems().get(249).location());
    ValidationReport exact = CSV.check(o, v, p, 250);
    assertFalse(exact.truncated(), "250 problems fit a cap of 250");

    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> CSV.check(o, v, p, 0));
    assertEquals("maxProblems must be in [1, 10000]: 0", zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CSV.check(o, v, p, 10_001));
  }

  @Test
  void aJsonDatasetIsCheckedElementByElement(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("city.json"), """
        {"schemaVersion": 1,
         "organisations": [{"id": "o1", "name": "De Brug", "legalForm": "NON_PROFIT_ASSOCIATION"}],
         "vacancies": [],
         "volunteers": [{"id": "p1", "talents": [{"conceptId": "cookin"}]},
                        {"id": "p2", "languages": [{"language": "zz", "level": "B1"}]},
                        {"id": "p3", "supportNeeds": ["secret-need"]},
                        {"id": "p4"},
                        {"id": "p4"}],
         "extra": 1}
        """);
    ValidationReport report = KoppelJson.create().check(file, 100);
    List<String> where = report.problems().stream().map(DataProblem::location).toList();
    assertEquals(
        List.of("$.volunteers[0].talents[0].conceptId", "$.volunteers[1].languages[0].language",
            "$.volunteers[2].supportNeeds", "$.volunteers[4].id", "$.extra"),
        where);
    assertEquals(List.of("cooking"), report.problems().get(0).suggestions());
    assertEquals(5, report.problems().get(1).line());
    DataProblem need = report.problems().get(2);
    assertTrue(need.sensitive());
    assertFalse(need.problem().contains("secret-need"), need.problem());
    assertEquals("duplicate id: volunteers[3] has the same id", report.problems().get(3).problem());
    assertEquals(1, report.volunteers());
    assertThrows(InvalidDataException.class, () -> KoppelJson.create().readDataset(file));
  }

  @Test
  void aDatasetThatLoadsHasAnEmptyReport(@TempDir Path dir) throws Exception {
    Dataset city = DemoCity.bundled();
    Path file = dir.resolve("city.json");
    KoppelJson.create().writeDataset(city, file);
    ValidationReport report = KoppelJson.create().check(file, 100);
    assertTrue(report.ok(), report::toString);
    assertEquals(city.volunteers().size(), report.volunteers());
    assertEquals(city.vacancies().size(), report.vacancies());
    assertEquals(city.organisations().size(), report.organisations());
    String json = KoppelJson.create().toJson(report);
    assertTrue(json.contains("\"schemaVersion\" : 1"), json);
    assertTrue(json.contains("\"ok\" : true"), json);
  }

  @Test
  void malformedJsonIsOneProblemAtItsLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 1,\n \"organisations\": [\n  {\"id\": \"o1\",, }]}");
    ValidationReport report = KoppelJson.create().check(file, 100);
    assertEquals(1, report.problems().size(), report::toString);
    assertTrue(report.problems().get(0).problem().startsWith("malformed JSON"), report.problems().get(0).problem());
    assertEquals(3, report.problems().get(0).line());
  }

  @Test
  void aNullListIsAnEmptyOneAsLoadingReadsIt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("n.json"), "{\"schemaVersion\": 1, \"organisations\": null, \"volunteers\": [{\"id\": \"p1\"}]}");
    ValidationReport report = KoppelJson.create().check(file, 100);
    assertTrue(report.ok(), report::toString);
    assertEquals(1, report.volunteers());
    assertEquals(1, KoppelJson.create().readDataset(file).volunteers().size());
  }
}
