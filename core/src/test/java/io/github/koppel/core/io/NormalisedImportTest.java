package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Volunteer;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The normalising import of free words (#14, item 5), for CSV and JSON. */
final class NormalisedImportTest {
  @TempDir Path dir;

  private static Dataset dataset(NormalisedImport result) {
    return result.dataset().orElseThrow(() -> new AssertionError("unplaced: " + result.unplaced()));
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private NormalisedImport csv(String volunteers) throws IOException {
    return csv(volunteers, StandardCharsets.UTF_8);
  }

  private NormalisedImport csv(String volunteers, Charset charset) throws IOException {
    Path orgs = file("organisations.csv", "id;name;legal_form;sectors\no1;Buurthuis;vzw;buurtwerk, Cultuur\n");
    Path vacs = file("vacancies.csv",
        "id;organisation_id;title_nl;capacity;municipality;talents_required;talents_desired\n"
            + "v1;o1;Kok;1;Gent;kookt graag;moestuin:beginner\n");
    Path vols = Files.write(dir.resolve("volunteers.csv"), volunteers.getBytes(charset));
    return KoppelCsv.create().readDatasetNormalising(orgs, vacs, vols);
  }

  @Test
  void csvPlacesEveryFreeWordAndReportsIt() throws IOException {
    NormalisedImport result = csv("id;talents;learn;interests\np1;\"kookt graag, fietsen repareren\";gitaar spelen;Sport\n");
    Dataset city = dataset(result);
    Volunteer p1 = city.volunteers().get(0);
    assertEquals(
        List.of(new Talent("cooking", null, false), new Talent("bicycle_repair", null, false), new Talent("music", null, true)),
        p1.talents());
    assertEquals(List.of("sport"), List.copyOf(p1.interests()));
    assertEquals(List.of("community", "culture"), List.copyOf(city.organisations().get(0).sectors()));
    assertEquals(
        List.of(new TalentRequirement("cooking", null, true),
            new TalentRequirement("gardening", io.github.koppel.core.model.ProficiencyLevel.BEGINNER, false)),
        city.vacancies().get(0).talents());
    List<String> placed = result.placed().stream()
        .map(w -> w.location() + ": " + w.word() + " -> " + w.conceptId()).toList();
    assertEquals(
        List.of(
            "row 1, column sectors: buurtwerk -> community",
            "row 1, column sectors: Cultuur -> culture",
            "row 1, column talents_required: kookt graag -> cooking",
            "row 1, column talents_desired: moestuin -> gardening",
            "row 1, column interests: Sport -> sport",
            "row 1, column talents: kookt graag -> cooking",
            "row 1, column talents: fietsen repareren -> bicycle_repair",
            "row 1, column learn: gitaar spelen -> music"),
        placed);
    assertTrue(result.unplaced().isEmpty());
    assertFalse(result.truncated());
    assertTrue(result.placed().get(0).source().endsWith("organisations.csv"));
  }

  @Test
  void aCellMayListSeveralWordsInOneItem() throws IOException {
    NormalisedImport result = csv("id;talents\np1;koken en tuinieren\n");
    assertEquals(
        List.of("cooking", "gardening"),
        dataset(result).volunteers().get(0).talents().stream().map(Talent::conceptId).toList());
  }

  @Test
  void idsAreKeptAndNotReported() throws IOException {
    NormalisedImport result = csv("id;talents\np1;cooking:expert, cooking\n");
    assertEquals(
        List.of(new Talent("cooking", io.github.koppel.core.model.ProficiencyLevel.EXPERT, false)),
        dataset(result).volunteers().get(0).talents());
    assertTrue(result.placed().stream().noneMatch(w -> w.location().contains("column talents,")
        || w.location().endsWith("column talents")));
  }

  @Test
  void anUnplacedWordLeavesNoDatasetAndNamesItsNearestConcepts() throws IOException {
    NormalisedImport result = csv("id;talents\np1;\"koken, stamboomonderzoek\"\np2;xyzzy\n");
    assertTrue(result.dataset().isEmpty());
    assertEquals(2, result.unplaced().size());
    UnplacedWord first = result.unplaced().get(0);
    assertEquals("row 1, column talents", first.location());
    assertEquals("stamboomonderzoek", first.word());
    assertEquals(3, first.nearest().size());
    assertEquals("row 2, column talents", result.unplaced().get(1).location());
    assertTrue(result.placed().stream().anyMatch(w -> w.word().equals("koken")), result.placed().toString());
    assertTrue(result.toString().contains("unplaced=2"));
  }

  @Test
  void aWindows1252ExportIsReadAndPlaced() throws IOException {
    NormalisedImport result = csv("id;talents\np1;pâtissier, cuisinière\n", Charset.forName("windows-1252"));
    assertEquals(
        List.of("baking", "cooking"),
        dataset(result).volunteers().get(0).talents().stream().map(Talent::conceptId).toList());
  }

  @Test
  void aWordTooLongIsUnplacedNotAnError() throws IOException {
    NormalisedImport result = csv("id;talents\np1;" + "k".repeat(5000) + "\n");
    assertEquals(1, result.unplaced().size());
    assertEquals("k".repeat(100) + "...", result.unplaced().get(0).word());
    assertEquals(List.of(), result.unplaced().get(0).nearest());
  }

  @Test
  void otherProblemsFailAsReadingDoes() throws IOException {
    InvalidDataException e = assertThrows(InvalidDataException.class,
        () -> csv("id;talents;hours_per_week\np1;koken;-3\n"));
    assertTrue(e.getMessage().contains("row 1, column hours_per_week"), e.getMessage());
  }

  private NormalisedImport json(String volunteers) throws IOException {
    Path city = file("city.json",
        "{\"schemaVersion\": 1,\n"
            + " \"organisations\": [{\"id\": \"o1\", \"name\": \"Buurthuis\", \"legalForm\": \"NON_PROFIT_ASSOCIATION\", \"sectors\": [\"buurtwerk\"]}],\n"
            + " \"vacancies\": [{\"id\": \"v1\", \"organisationId\": \"o1\", \"title\": {\"nl\": \"Kok\"}, \"capacity\": 1, \"location\": {\"municipality\": \"Gent\"},\n"
            + "   \"workMode\": \"ON_SITE\", \"schedule\": {\"regularity\": \"REGULAR\", \"weekly\": [{\"day\": \"MONDAY\", \"part\": \"MORNING\"}]},\n"
            + "   \"sectors\": [\"community\"], \"talents\": [{\"conceptId\": \"kookt graag\", \"required\": true}]}],\n"
            + " \"volunteers\": " + volunteers + "}\n");
    return KoppelJson.create().readDatasetNormalising(city);
  }

  @Test
  void jsonPlacesEveryFreeWordAndReportsItsPath() throws IOException {
    NormalisedImport result = json(
        "[{\"id\": \"p1\", \"talents\": [{\"conceptId\": \"moestuin\", \"level\": \"EXPERT\"}, {\"conceptId\": \"gardening\"}],"
            + " \"interests\": [\"Cultuur\"]}]");
    Dataset city = dataset(result);
    assertEquals(List.of(new Talent("gardening", io.github.koppel.core.model.ProficiencyLevel.EXPERT, false)),
        city.volunteers().get(0).talents());
    assertEquals(List.of("culture"), List.copyOf(city.volunteers().get(0).interests()));
    assertEquals(List.of("community"), List.copyOf(city.organisations().get(0).sectors()));
    assertEquals("cooking", city.vacancies().get(0).talents().get(0).conceptId());
    assertEquals(
        List.of(
            "$.organisations[0].sectors[0]: buurtwerk -> community",
            "$.vacancies[0].talents[0].conceptId: kookt graag -> cooking",
            "$.volunteers[0].talents[0].conceptId: moestuin -> gardening",
            "$.volunteers[0].interests[0]: Cultuur -> culture"),
        result.placed().stream().map(w -> w.location() + ": " + w.word() + " -> " + w.conceptId()).toList());
  }

  @Test
  void jsonWithAnUnplacedWordHasNoDataset() throws IOException {
    NormalisedImport result = json("[{\"id\": \"p1\", \"talents\": [{\"conceptId\": \"stamboomonderzoek\"}]}]");
    assertTrue(result.dataset().isEmpty());
    assertEquals("$.volunteers[0].talents[0].conceptId", result.unplaced().get(0).location());
  }

  @Test
  void jsonProblemsAfterPlacingNameTheirPath() throws IOException {
    InvalidDataException e = assertThrows(InvalidDataException.class,
        () -> json("[{\"id\": \"p1\", \"talents\": [{\"conceptId\": \"koken\"}], \"birthDate\": \"yesterday\"}]"));
    assertTrue(e.getMessage().contains("$.volunteers[0].birthDate"), e.getMessage());
    assertEquals(-1, e.line());
  }

  @Test
  void jsonThatIsNotJsonFailsWithItsLine() throws IOException {
    Path bad = file("bad.json", "{\n  \"volunteers\": [\n    oops\n");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> KoppelJson.create().readDatasetNormalising(bad));
    assertEquals(3, e.line(), e.getMessage());
  }

  @Test
  void checkNormalisingReportsUnplacedWordsBesideOtherProblems() throws IOException {
    Path orgs = file("organisations.csv", "id;name;legal_form\no1;Buurthuis;vzw\n");
    Path vacs = file("vacancies.csv", "id;organisation_id;title_nl;capacity;work_mode\nv1;o1;Kok;1;remote\n");
    Path vols = file("volunteers.csv", "id;talents;hours_per_week\np1;kookt graag;2\np2;stamboomonderzoek;-3\np3;xyzzy;1\n");
    ValidationReport plain = KoppelCsv.create().check(orgs, vacs, vols, 100);
    ValidationReport report = KoppelCsv.create().checkNormalising(orgs, vacs, vols, 100);
    assertEquals(3, plain.problems().size(), plain.problems().toString());
    List<String> problems = report.problems().stream().map(p -> p.location() + ": " + p.value() + ": " + p.problem()).toList();
    // "kookt graag" is placed; both words of rows 2 and 3 are reported, beside row 2's hours.
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("row 2, column hours_per_week"), problems.toString());
    assertEquals("row 2, column talents: stamboomonderzoek: no concept of the vocabulary for this word", problems.get(1));
    assertEquals("row 3, column talents: xyzzy: no concept of the vocabulary for this word", problems.get(2));
    assertEquals(3, report.problems().get(2).suggestions().size());
  }

  @Test
  void jsonCheckNormalising() throws IOException {
    Path city = file("city.json",
        "{\"schemaVersion\": 1, \"volunteers\": [{\"id\": \"p1\", \"talents\": [{\"conceptId\": \"moestuin\"}]},"
            + " {\"id\": \"p2\", \"interests\": [\"stamboomonderzoek\"]}]}");
    assertEquals(2, KoppelJson.create().check(city, 100).problems().size());
    ValidationReport report = KoppelJson.create().checkNormalising(city, 100);
    assertEquals(1, report.problems().size(), report.problems().toString());
    assertEquals("$.volunteers[1].interests[0]", report.problems().get(0).location());
    assertEquals(2, report.volunteers());
  }
}
