package io.github.koppel.core.model;

import io.github.koppel.core.InvalidDataException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened to proposals and applications over time: the events of many (volunteer, vacancy)
 * pairs, ordered by date, then volunteer, vacancy and the order of {@link MatchOutcome}. Research
 * replays a policy over a history to see how well its rankings foresaw what started and lasted.
 *
 * <p>This class is immutable.
 *
 * @since 0.2
 */
public final class History {
  private static final Comparator<HistoryEvent> ORDER =
      Comparator.comparing(HistoryEvent::date)
          .thenComparing(HistoryEvent::volunteerId)
          .thenComparing(HistoryEvent::vacancyId)
          .thenComparing(HistoryEvent::outcome);

  private final List<HistoryEvent> events;

  private History(List<HistoryEvent> events) {
    List<HistoryEvent> sorted = new ArrayList<>(events);
    sorted.sort(ORDER);
    this.events = List.copyOf(sorted);
  }

  /**
   * Returns a history of events.
   *
   * @param events the events, in any order
   * @return the history
   */
  public static History of(List<HistoryEvent> events) {
    Objects.requireNonNull(events, "events");
    return new History(events);
  }

  /**
   * Returns the history recorded on the volunteers of a dataset ({@link Volunteer#history()}).
   *
   * @param dataset the dataset
   * @return the history
   */
  public static History of(Dataset dataset) {
    List<HistoryEvent> events = new ArrayList<>();
    for (Volunteer v : dataset.volunteers()) {
      for (MatchRecord r : v.history()) {
        events.add(new HistoryEvent(v.id(), r.vacancyId(), r.date(), r.outcome()));
      }
    }
    return new History(events);
  }

  /**
   * Returns a dataset whose volunteers hold exactly the events of this history: each volunteer's
   * {@link Volunteer#history()} is replaced by its events here, and a volunteer without events
   * here holds none. {@code History.of(List.of()).recordOn(dataset)} strips a dataset of its
   * history; {@code History.of(d).recordOn(d)} equals {@code d}.
   *
   * @param dataset the dataset
   * @param source the name of the history's source, for error messages
   * @return the dataset with this history
   * @throws InvalidDataException if an event names a volunteer the dataset lacks (an event may name
   *     a vacancy that is no longer in the dataset, as a volunteer's own history may)
   */
  public Dataset recordOn(Dataset dataset, String source) {
    Map<String, List<MatchRecord>> byVolunteer = new HashMap<>();
    for (HistoryEvent e : events) {
      if (dataset.volunteer(e.volunteerId()) == null) {
        throw new InvalidDataException(
            source, "volunteerId of the " + e.outcome() + " event of " + e.date(), e.volunteerId(),
            -1, -1, "no volunteer with this id in the dataset", null);
      }
      byVolunteer
          .computeIfAbsent(e.volunteerId(), id -> new ArrayList<>())
          .add(new MatchRecord(e.vacancyId(), e.date(), e.outcome()));
    }
    List<Volunteer> volunteers = new ArrayList<>(dataset.volunteers().size());
    for (Volunteer v : dataset.volunteers()) {
      List<MatchRecord> records = byVolunteer.getOrDefault(v.id(), List.of());
      volunteers.add(
          records.equals(v.history()) ? v : v.toBuilder().history(records).build());
    }
    return Dataset.of(dataset.organisations(), dataset.vacancies(), volunteers);
  }

  /** Returns the events, in order. */
  public List<HistoryEvent> events() {
    return events;
  }

  /**
   * Returns the events from one day up to and including another.
   *
   * @param from the first day
   * @param until the last day
   * @return those events, in order
   */
  public List<HistoryEvent> between(LocalDate from, LocalDate until) {
    return events.stream()
        .filter(e -> !e.date().isBefore(from) && !e.date().isAfter(until))
        .toList();
  }

  /**
   * Checks that every event names a volunteer and a vacancy of a dataset.
   *
   * @param dataset the dataset
   * @param source the name of the history's source, for error messages
   * @return this history
   * @throws InvalidDataException naming the first event (in order) with an unknown id
   */
  public History checkAgainst(Dataset dataset, String source) {
    for (HistoryEvent e : events) {
      String event = "the " + e.outcome() + " event of " + e.date();
      if (dataset.volunteer(e.volunteerId()) == null) {
        throw new InvalidDataException(
            source, "volunteerId of " + event, e.volunteerId(), -1, -1,
            "no volunteer with this id in the dataset", null);
      }
      if (dataset.vacancy(e.vacancyId()) == null) {
        throw new InvalidDataException(
            source, "vacancyId of " + event, e.vacancyId(), -1, -1,
            "no vacancy with this id in the dataset", null);
      }
    }
    return this;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof History h && h.events.equals(events);
  }

  @Override
  public int hashCode() {
    return events.hashCode();
  }

  @Override
  public String toString() {
    return "History[" + events.size() + " events]";
  }
}
