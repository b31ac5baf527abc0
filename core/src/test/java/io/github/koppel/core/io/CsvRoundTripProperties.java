package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.testdata.DomainArbitraries;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Nothing changed, nothing lost (#14): a random dataset written to CSV and read back is equal, or
 * the writer refuses it with an error that lists what the CSV form cannot hold.
 */
final class CsvRoundTripProperties {
  private static final KoppelCsv CSV = KoppelCsv.create();

  @Property(tries = 500)
  void aDatasetWrittenToCsvReadsBackEqualOrIsRefused(@ForAll("datasets") Dataset city) {
    StringWriter orgs = new StringWriter();
    StringWriter vacs = new StringWriter();
    StringWriter vols = new StringWriter();
    try {
      CSV.writeOrganisations(city.organisations(), orgs);
      CSV.writeVacancies(city.vacancies(), vacs);
      CSV.writeVolunteers(city.volunteers(), vols);
    } catch (InvalidDataException e) {
      assertTrue(e.problem().startsWith("the CSV form cannot hold"), e.getMessage());
      Statistics.label("outcome").collect("refused: " + e.path().replaceAll("\\[\\d+]", "[]"));
      return;
    }
    Dataset back =
        Dataset.of(
            CSV.readOrganisations(new StringReader(orgs.toString()), "o.csv"),
            CSV.readVacancies(new StringReader(vacs.toString()), "v.csv"),
            CSV.readVolunteers(new StringReader(vols.toString()), "p.csv"));
    assertSame(city.organisations(), back.organisations());
    assertSame(city.vacancies(), back.vacancies());
    assertSame(city.volunteers(), back.volunteers());
    Statistics.label("outcome").collect("equal");
    Statistics.label("outcome").coverage(c -> c.check("equal").percentage(p -> p > 50));
  }

  @Provide
  Arbitrary<Dataset> datasets() {
    // A volunteers file never holds a history (a history file does): most cities here have none,
    // and the writer must refuse the others.
    return DomainArbitraries.datasets()
        .map(d -> d.volunteers().stream().anyMatch(v -> v.id().hashCode() % 4 == 0)
            ? d
            : Dataset.of(d.organisations(), d.vacancies(),
                d.volunteers().stream().map(CsvRoundTripProperties::withoutHistory).toList()));
  }

  @Property(tries = 200)
  void aHistoryWrittenToCsvReadsBackEqual(@ForAll("datasets") Dataset city) {
    History h = History.of(city);
    StringWriter out = new StringWriter();
    CSV.writeHistory(h, out);
    assertEquals(h, CSV.readHistory(new StringReader(out.toString()), "h.csv"));
  }

  /**
   * The whole dataset, history included, goes through CSV as {@code koppel convert} writes it: the
   * volunteers without their history, and the history in a file of its own.
   */
  @Property(tries = 200)
  void aDatasetWithItsHistorySplitIntoCsvFilesReadsBackEqual(
      @ForAll("datasetsWithHistory") Dataset city) {
    StringWriter vols = new StringWriter();
    StringWriter history = new StringWriter();
    CSV.writeVolunteers(History.of(List.of()).recordOn(city, "none").volunteers(), vols);
    CSV.writeHistory(History.of(city), history);
    Dataset read =
        Dataset.of(
            city.organisations(),
            city.vacancies(),
            CSV.readVolunteers(new StringReader(vols.toString()), "p.csv"));
    Dataset back = CSV.readHistory(new StringReader(history.toString()), "h.csv").recordOn(read, "h.csv");
    assertSame(city.volunteers(), back.volunteers());
    assertEquals(History.of(city), History.of(back));
  }

  @Provide
  Arbitrary<Dataset> datasetsWithHistory() {
    return DomainArbitraries.datasets();
  }

  /** Asserts equal lists of records, naming the first component that differs. */
  private static void assertSame(List<? extends Record> expected, List<? extends Record> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      Record a = expected.get(i);
      Record b = actual.get(i);
      for (var c : a.getClass().getRecordComponents()) {
        try {
          Object x = c.getAccessor().invoke(a);
          Object y = c.getAccessor().invoke(b);
          assertEquals(x, y, () -> a + ": " + c.getName() + " was " + x + ", read back " + y);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  static Volunteer withoutHistory(Volunteer v) {
    return v.toBuilder().history(List.of()).build();
  }
}
