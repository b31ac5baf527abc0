package io.github.koppel.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.io.KoppelJson;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A volunteer's status, candidate-bank consent and own cap (#19): rules, JSON and CSV. */
final class ParticipationTest {
  private static final LocalDate DAY = LocalDate.of(2026, 10, 1);

  @Test
  void whoMayBeProposedAndFoundOnADay() {
    assertTrue(Participation.DEFAULT.proposableOn(DAY));
    assertFalse(Participation.DEFAULT.findableOn(DAY));
    Participation paused = new Participation(Participation.Status.PAUSED, DAY, null, null);
    assertFalse(paused.proposableOn(DAY), "the last day of the pause");
    assertTrue(paused.proposableOn(DAY.plusDays(1)));
    assertFalse(new Participation(Participation.Status.PAUSED, null, null, null).proposableOn(DAY.plusYears(5)));
    assertFalse(new Participation(Participation.Status.WITHDRAWN, null, DAY, null).proposableOn(DAY));
    Participation findable = Participation.findable(DAY.minusDays(3));
    assertTrue(findable.findableOn(DAY));
    assertFalse(findable.findableOn(DAY.minusDays(4)), "before the consent");
    assertEquals(Participation.DEFAULT, findable.withFindableSince(null));
    assertEquals(Participation.Status.PAUSED, findable.withStatus(Participation.Status.PAUSED, DAY).status());
    assertEquals(2, findable.withMaxProposalsPerMonth(2).maxProposalsPerMonth());
  }

  @Test
  void badValuesAreRefusedWithTheFieldAndTheValue() {
    assertEquals(
        "participation.pausedUntil is only for a PAUSED volunteer, not ACTIVE: 2026-10-01",
        assertThrows(IllegalArgumentException.class,
            () -> new Participation(Participation.Status.ACTIVE, DAY, null, null)).getMessage());
    assertEquals(
        "participation.maxProposalsPerMonth must be in [0, 100]: 101",
        assertThrows(IllegalArgumentException.class,
            () -> new Participation(Participation.Status.ACTIVE, null, null, 101)).getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class,
            () -> Participation.findable(LocalDate.now().plusDays(40))).getMessage()
            .startsWith("participation.findableSince must lie between 1900-01-01 and today"));
    assertEquals(Participation.Status.ACTIVE, new Participation(null, null, null, null).status());
  }

  @Test
  void jsonWritesAParticipationOnlyWhenItSaysMore() {
    KoppelJson json = KoppelJson.create();
    Volunteer plain = Volunteer.builder("vol-1").build();
    assertFalse(json.toJson(plain).contains("participation"), json.toJson(plain));
    Volunteer paused = plain.toBuilder()
        .participation(new Participation(Participation.Status.PAUSED, DAY, DAY.minusDays(9), 2)).build();
    String text = json.toJson(paused);
    assertTrue(text.contains("\"status\" : \"PAUSED\""), text);
    assertEquals(paused, json.fromJson(text, Volunteer.class));
    // Only what differs need be given; the status is active when left out.
    Volunteer findable = json.fromJson("{\"id\": \"vol-2\", \"participation\": {\"findableSince\": \"2026-01-05\"}}", Volunteer.class);
    assertEquals(Participation.findable(LocalDate.of(2026, 1, 5)), findable.participation());
  }

  @Test
  void csvCarriesEveryPartInDutchAndFrenchToo() {
    KoppelCsv csv = KoppelCsv.create();
    List<Volunteer> read = csv.readVolunteers(new StringReader(
        "id;status_vrijwilliger;gepauzeerd_tot;vindbaar_sinds;max_voorstellen_per_maand\n"
            + "vol-1;gepauzeerd;2026-12-31;2026-02-01;2\n"
            + "vol-2;;;01/03/2026;\n"
            + "vol-3;uitgeschreven;;;\n"), "vrijwilligers.csv");
    assertEquals(new Participation(Participation.Status.PAUSED, LocalDate.of(2026, 12, 31), LocalDate.of(2026, 2, 1), 2),
        read.get(0).participation());
    assertEquals(Participation.findable(LocalDate.of(2026, 3, 1)), read.get(1).participation());
    assertEquals(Participation.Status.WITHDRAWN, read.get(2).participation().status());
    assertEquals(Participation.Status.PAUSED,
        csv.readVolunteers(new StringReader("id;statut\nv;en pause\n"), "benevoles.csv").get(0).participation().status());
    StringWriter out = new StringWriter();
    csv.writeVolunteers(read, out);
    assertEquals(read, csv.readVolunteers(new StringReader(out.toString()), "again.csv"));
  }

  @Test
  void csvErrorsNameTheRowTheColumnAndTheValue() {
    KoppelCsv csv = KoppelCsv.create();
    InvalidDataException notPaused = assertThrows(InvalidDataException.class, () -> csv.readVolunteers(
        new StringReader("id;status;paused_until\nvol-1;active;2026-12-31\n"), "v.csv"));
    assertEquals("row 1, column paused_until", notPaused.path());
    assertEquals("2026-12-31", notPaused.value());
    assertTrue(notPaused.problem().contains("only for a paused volunteer"), notPaused.problem());
    InvalidDataException tooMany = assertThrows(InvalidDataException.class, () -> csv.readVolunteers(
        new StringReader("id;max_proposals_per_month\nvol-1;1000\n"), "v.csv"));
    assertEquals("row 1, column max_proposals_per_month", tooMany.path());
    assertEquals("must be a whole number in [0, 100]", tooMany.problem());
    InvalidDataException status = assertThrows(InvalidDataException.class, () -> csv.readVolunteers(
        new StringReader("id;status\nvol-1;sleeping\n"), "v.csv"));
    assertEquals("row 1, column status", status.path());
    assertTrue(status.problem().startsWith("expected one of active, paused, withdrawn"), status.problem());
  }
}
