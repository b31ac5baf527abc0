package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Objects;

/**
 * A dated period of volunteering, for one-off events, or a dated period in which a volunteer is
 * available.
 *
 * <p>This class is immutable. Shifts order by date, then start, then end.
 *
 * @param date the day
 * @param start the start time
 * @param end the end time, after {@code start} on the same day
 * @since 0.1
 */
public record Shift(LocalDate date, LocalTime start, LocalTime end) implements Comparable<Shift> {
  private static final Comparator<Shift> ORDER =
      Comparator.comparing(Shift::date).thenComparing(Shift::start).thenComparing(Shift::end);

  public Shift {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    checkArgument(end.isAfter(start), "end (%s) must be after start (%s)", end, start);
  }

  /**
   * Returns the shift.
   *
   * @param date the day
   * @param start the start time
   * @param end the end time
   * @return the shift
   */
  public static Shift of(LocalDate date, LocalTime start, LocalTime end) {
    return new Shift(date, start, end);
  }

  /**
   * Returns the length of the shift.
   *
   * @return the duration from start to end
   */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /**
   * Returns whether this shift lies entirely within the other one.
   *
   * @param other a (longer) period, for example a volunteer's availability on that day
   * @return {@code true} when both are on the same date and {@code other} covers this shift
   */
  public boolean isWithin(Shift other) {
    return date.equals(other.date) && !start.isBefore(other.start) && !end.isAfter(other.end);
  }

  @Override
  public int compareTo(Shift other) {
    return ORDER.compare(this, other);
  }
}
