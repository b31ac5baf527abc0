package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.HistoryEvent;
import io.github.koppel.core.model.MatchOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Histories of proposals and outcomes in JSON and CSV. */
final class HistoryIoTest {
  private static final String JSON =
      """
      {"schemaVersion": 1, "events": [
        {"volunteerId": "vol-1", "vacancyId": "vac-2", "date": "2026-03-02", "outcome": "STARTED"},
        {"volunteerId": "vol-1", "vacancyId": "vac-2", "date": "2026-02-20", "outcome": "PROPOSED"}
      ]}
      """;

  private static History json(String text) {
    return KoppelJson.create()
        .readHistory(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "history.json");
  }

  private static History csv(String text) {
    return KoppelCsv.create().readHistory(new StringReader(text), "history.csv");
  }

  @Test
  void jsonEventsAreReadInDateOrderAndRoundTrip() {
    History h = json(JSON);
    assertEquals(
        List.of(
            new HistoryEvent("vol-1", "vac-2", LocalDate.of(2026, 2, 20), MatchOutcome.PROPOSED),
            new HistoryEvent("vol-1", "vac-2", LocalDate.of(2026, 3, 2), MatchOutcome.STARTED)),
        h.events());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    KoppelJson.create().writeHistory(h, out);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"schemaVersion\" : 1"));
    assertEquals(h, json(out.toString(StandardCharsets.UTF_8)));
    assertEquals(1, h.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)).size());
  }

  @Test
  void csvWithSemicolonsAndFlemishDates() {
    History h =
        csv("volunteer_id;vacancy_id;date;outcome\nvol-1;vac-2;20/02/2026;proposed\nvol-1;vac-2;2026-03-02;active_after_three_months\n");
    assertEquals(2, h.events().size());
    assertEquals(MatchOutcome.ACTIVE_AFTER_THREE_MONTHS, h.events().get(1).outcome());
    assertEquals(LocalDate.of(2026, 2, 20), h.events().get(0).date());
  }

  @Test
  void badJsonNamesThePathAndValue() {
    InvalidDataException outcome =
        assertThrows(InvalidDataException.class, () -> json(JSON.replace("\"STARTED\"", "\"HIRED\"")));
    assertTrue(outcome.path().contains("$.events[0].outcome"), outcome.getMessage());
    assertTrue(outcome.getMessage().contains("HIRED"), outcome.getMessage());
    InvalidDataException date =
        assertThrows(InvalidDataException.class, () -> json(JSON.replace("2026-03-02", "2026-02-30")));
    assertTrue(date.path().contains("$.events[0].date"), date.getMessage());
    InvalidDataException unknown =
        assertThrows(
            InvalidDataException.class,
            () -> json(JSON.replace("\"outcome\": \"STARTED\"", "\"outcome\": \"STARTED\", \"note\": 1")));
    assertTrue(unknown.getMessage().contains("note"), unknown.getMessage());
    InvalidDataException missing =
        assertThrows(
            InvalidDataException.class,
            () -> json(JSON.replace("\"volunteerId\": \"vol-1\", \"vacancyId\": \"vac-2\", \"date\": \"2026-03-02\"", "\"vacancyId\": \"vac-2\", \"date\": \"2026-03-02\"")));
    assertTrue(missing.getMessage().contains("volunteerId"), missing.getMessage());
    InvalidDataException version =
        assertThrows(InvalidDataException.class, () -> json(JSON.replace("\"schemaVersion\": 1", "\"schemaVersion\": 9")));
    assertTrue(version.getMessage().contains("schemaVersion 9 is newer"), version.getMessage());
    assertThrows(InvalidDataException.class, () -> json("{\"schemaVersion\": 1, \"events\": [}"));
  }

  @Test
  void badCsvNamesTheRowColumnAndValue() {
    InvalidDataException outcome =
        assertThrows(InvalidDataException.class, () -> csv("volunteer_id;vacancy_id;date;outcome\nvol-1;vac-2;2026-03-02;hired\n"));
    assertEquals("row 1, column outcome", outcome.path());
    assertTrue(outcome.getMessage().contains("hired"), outcome.getMessage());
    InvalidDataException date =
        assertThrows(InvalidDataException.class, () -> csv("volunteer_id;vacancy_id;date;outcome\nvol-1;vac-2;31/02/2026;started\n"));
    assertEquals("row 1, column date", date.path());
    InvalidDataException missing =
        assertThrows(InvalidDataException.class, () -> csv("volunteer_id;vacancy_id;date\nvol-1;vac-2;2026-03-02\n"));
    assertTrue(missing.getMessage().contains("the required column 'outcome' is missing"), missing.getMessage());
    InvalidDataException blank =
        assertThrows(InvalidDataException.class, () -> csv("volunteer_id;vacancy_id;date;outcome\n;vac-2;2026-03-02;started\n"));
    assertTrue(blank.path().contains("volunteer_id"), blank.getMessage());
  }

  @Test
  void historyOfTheDemoCityAndUnknownIds() {
    Dataset city = DemoCity.bundled();
    History h = History.of(city);
    assertTrue(h.events().size() > 100, h::toString);
    assertEquals(h, h.checkAgainst(city, "demo"));
    History ghost =
        History.of(List.of(new HistoryEvent("vol-0001", "vac-9999", LocalDate.of(2026, 1, 5), MatchOutcome.STARTED)));
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> ghost.checkAgainst(city, "h.json"));
    assertEquals("vacancyId of the STARTED event of 2026-01-05", e.path());
    assertTrue(e.getMessage().contains("vac-9999"), e.getMessage());
  }

  @Test
  void aHistoryRecordedOnADatasetReplacesWhatItsVolunteersHeld() {
    Dataset city = DemoCity.bundled();
    History h = History.of(city);
    Dataset stripped = History.of(List.of()).recordOn(city, "none");
    assertTrue(stripped.volunteers().stream().allMatch(v -> v.history().isEmpty()));
    assertEquals(city.volunteers().size(), stripped.volunteers().size());
    Dataset back = h.recordOn(stripped, "h.csv");
    assertEquals(city.volunteers(), back.volunteers());
    History ghost =
        History.of(List.of(new HistoryEvent("vol-9999", "vac-0001", LocalDate.of(2026, 1, 5), MatchOutcome.STARTED)));
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> ghost.recordOn(city, "h.csv"));
    assertEquals("volunteerId of the STARTED event of 2026-01-05", e.path());
    assertEquals("h.csv", e.source());
  }

  @Test
  void sameDayRecordsOfOneVacancyKeepOneOrderInEveryForm() {
    LocalDate day = LocalDate.of(2026, 3, 2);
    io.github.koppel.core.model.Volunteer v = io.github.koppel.core.model.Volunteer.builder("vol-1")
        .history(new io.github.koppel.core.model.MatchRecord("vac-1", day, MatchOutcome.STARTED))
        .history(new io.github.koppel.core.model.MatchRecord("vac-1", day, MatchOutcome.PROPOSED))
        .build();
    Dataset d = Dataset.of(List.of(), List.of(), List.of(v));
    assertEquals(d, History.of(d).recordOn(d, "h"));
    assertEquals(List.of(MatchOutcome.PROPOSED, MatchOutcome.STARTED),
        d.volunteers().get(0).history().stream().map(io.github.koppel.core.model.MatchRecord::outcome).toList());
  }
}
