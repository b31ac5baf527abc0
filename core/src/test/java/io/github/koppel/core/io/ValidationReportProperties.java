package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.testdata.DomainArbitraries;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The report of {@code check} against loading (#14): every mistake put into a random dataset is
 * reported, at its volunteer, and a report without problems means the dataset loads.
 */
final class ValidationReportProperties {

  @Property(tries = 60)
  void everyMistakeIsReportedOnceAndAnEmptyReportMeansTheDatasetLoads(
      @ForAll("datasets") Dataset city, @ForAll @IntRange(max = 4) int mistakes) throws IOException {
    List<Volunteer> volunteers = new ArrayList<>(city.volunteers());
    TreeSet<Integer> spoilt = new TreeSet<>();
    for (int i = 0; i < Math.min(mistakes, volunteers.size()); i++) {
      int at = (i * 7 + mistakes) % volunteers.size();
      if (spoilt.add(at)) {
        volunteers.set(at, volunteers.get(at).toBuilder().talent(Talent.of("no-such-talent-" + i)).build());
      }
    }
    Dataset bad = Dataset.of(city.organisations(), city.vacancies(), volunteers);
    Path dir = Files.createTempDirectory("koppel-check");
    try {
      Path json = dir.resolve("city.json");
      KoppelJson.create().writeDataset(bad, json);
      assertReport(KoppelJson.create().check(json, 100), spoilt, "$.volunteers[%d].talents",
          () -> KoppelJson.create().readDataset(json));

      Dataset noHistory = History.of(List.of()).recordOn(bad, "none");
      Path o = write(dir.resolve("o.csv"), w -> KoppelCsv.create().writeOrganisations(noHistory.organisations(), w));
      Path v = write(dir.resolve("v.csv"), w -> KoppelCsv.create().writeVacancies(noHistory.vacancies(), w));
      Path p;
      try {
        p = write(dir.resolve("p.csv"), w -> KoppelCsv.create().writeVolunteers(noHistory.volunteers(), w));
      } catch (InvalidDataException e) {
        Assume.that(false);
        return;
      }
      assertReport(KoppelCsv.create().check(o, v, p, 100), spoilt, "row %d, column talents",
          () -> KoppelCsv.create().readDataset(o, v, p));
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  private static void assertReport(
      ValidationReport report, TreeSet<Integer> spoilt, String location, Runnable load) {
    List<String> expected = new ArrayList<>();
    for (int at : spoilt) {
      // JSON paths count from 0, CSV rows from 1.
      expected.add(String.format(location, location.startsWith("$") ? at : at + 1));
    }
    List<String> found = report.problems().stream().map(DataProblem::location).toList();
    assertEquals(expected.size(), found.size(), found::toString);
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(found.get(i).startsWith(expected.get(i)), found.get(i) + " is not at " + expected.get(i));
    }
    if (report.ok()) {
      load.run();
    } else {
      assertThrows(InvalidDataException.class, load::run);
    }
  }

  private interface Body {
    void write(StringWriter w);
  }

  private static Path write(Path file, Body body) throws IOException {
    StringWriter w = new StringWriter();
    body.write(w);
    return Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<Dataset> datasets() {
    return DomainArbitraries.datasets();
  }
}
