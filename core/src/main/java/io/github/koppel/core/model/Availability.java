package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * When a volunteer is available: weekly day-parts, how many hours a week at most, the period in
 * which they are available, and dated shifts for one-off events.
 *
 * <p>This class is immutable. {@code weekly} iterates in slot order and {@code shifts} in date
 * order.
 *
 * @param weekly the weekly day-parts the volunteer is free
 * @param hoursPerWeek the most hours a week the volunteer offers, or {@code null} when not stated
 * @param from the first day of availability, or {@code null} for "from now"
 * @param until the last day of availability, or {@code null} for "open-ended"
 * @param shifts dated periods the volunteer is free for one-off events
 * @since 0.1
 */
public record Availability(
    Set<WeeklySlot> weekly,
    @Nullable Double hoursPerWeek,
    @Nullable LocalDate from,
    @Nullable LocalDate until,
    List<Shift> shifts) {

  /** Availability with no stated slots, hours, period or shifts. */
  public static final Availability UNSPECIFIED = new Availability(Set.of(), null, null, null, List.of());

  public Availability {
    weekly = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.list(weekly, "weekly")));
    if (hoursPerWeek != null) {
      hoursPerWeek = Checks.finite(hoursPerWeek, 0, 168, "hoursPerWeek");
    }
    if (from != null && until != null) {
      checkArgument(!until.isBefore(from), "until (%s) must not be before from (%s)", until, from);
    }
    shifts = Checks.sortedList(shifts, Comparator.naturalOrder(), "shifts");
  }

  /**
   * Returns a weekly availability without a period or shifts.
   *
   * @param weekly the weekly day-parts
   * @param hoursPerWeek the most hours a week, or {@code null}
   * @return the availability
   */
  public static Availability weekly(Set<WeeklySlot> weekly, @Nullable Double hoursPerWeek) {
    return new Availability(weekly, hoursPerWeek, null, null, List.of());
  }

  /**
   * Returns whether the volunteer is available on the given date, judged by the period alone.
   *
   * @param date a date
   * @return {@code true} when {@code date} is within [{@code from}, {@code until}]
   */
  public boolean isAvailableOn(LocalDate date) {
    return (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until));
  }
}
