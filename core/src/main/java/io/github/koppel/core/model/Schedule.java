package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * When a vacancy's work happens: weekly day-parts and hours per week for regular work, dated shifts
 * for one-off events.
 *
 * <p>This class is immutable.
 *
 * @param regularity one-off or regular
 * @param weekly the weekly day-parts of regular work; empty when the timing is flexible
 * @param hoursPerWeek the hours a week asked, or {@code null} when not stated
 * @param shifts the dated shifts; at least one for one-off work
 * @since 0.1
 */
public record Schedule(
    Regularity regularity,
    Set<WeeklySlot> weekly,
    @Nullable Double hoursPerWeek,
    List<Shift> shifts) {

  public Schedule {
    Objects.requireNonNull(regularity, "regularity");
    weekly = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.list(weekly, "weekly")));
    if (hoursPerWeek != null) {
      hoursPerWeek = Checks.finite(hoursPerWeek, 0, 168, "hoursPerWeek");
    }
    shifts = Checks.sortedList(shifts, Comparator.naturalOrder(), "shifts");
    checkArgument(
        regularity != Regularity.ONE_OFF || !shifts.isEmpty(),
        "shifts must hold at least one shift for ONE_OFF work");
  }

  /**
   * Returns a schedule of regular work.
   *
   * @param weekly the weekly day-parts
   * @param hoursPerWeek the hours a week, or {@code null}
   * @return the schedule
   */
  public static Schedule regular(Set<WeeklySlot> weekly, @Nullable Double hoursPerWeek) {
    return new Schedule(Regularity.REGULAR, weekly, hoursPerWeek, List.of());
  }

  /**
   * Returns a schedule of one-off work.
   *
   * @param shifts the shifts, at least one
   * @return the schedule
   */
  public static Schedule oneOff(List<Shift> shifts) {
    return new Schedule(Regularity.ONE_OFF, Set.of(), null, shifts);
  }
}
