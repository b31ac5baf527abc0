package io.github.koppel.core.model;

import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.Objects;

/**
 * A part of a day of the week, such as Monday morning: the unit of weekly availability and of a
 * vacancy's weekly schedule.
 *
 * <p>This class is immutable. Slots order by day, then by day part.
 *
 * @param day the day of the week
 * @param part the part of the day
 * @since 0.1
 */
public record WeeklySlot(DayOfWeek day, DayPart part) implements Comparable<WeeklySlot> {
  private static final Comparator<WeeklySlot> ORDER =
      Comparator.comparing(WeeklySlot::day).thenComparing(WeeklySlot::part);

  public WeeklySlot {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(part, "part");
  }

  /**
   * Returns the slot.
   *
   * @param day the day of the week
   * @param part the part of the day
   * @return the slot
   */
  public static WeeklySlot of(DayOfWeek day, DayPart part) {
    return new WeeklySlot(day, part);
  }

  /**
   * Returns a dense index of this slot, from 0 (Monday morning) to 20 (Sunday evening), suitable as
   * a bit position.
   *
   * @return the index
   */
  public int index() {
    return (day.getValue() - 1) * DayPart.values().length + part.ordinal();
  }

  @Override
  public int compareTo(WeeklySlot other) {
    return ORDER.compare(this, other);
  }
}
