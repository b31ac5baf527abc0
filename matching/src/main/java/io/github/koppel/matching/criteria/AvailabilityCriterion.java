package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.Regularity;
import io.github.koppel.core.model.Schedule;
import io.github.koppel.core.model.Shift;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
import io.github.koppel.matching.internal.VolunteerIndex;
import io.github.koppel.matching.internal.VolunteerIndex.Column;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The volunteer's availability against the vacancy's schedule. For regular work: the share of the
 * vacancy's weekly day-parts the volunteer is free (weight {@code slotWeight}) and the hours per
 * week (the rest). For one-off work: the share of shifts the volunteer can take, by dated
 * availability or by weekly day-part. Availability periods that do not meet the vacancy's period
 * veto if {@code vetoOutsidePeriod}. Abstains when the volunteer gave no availability.
 */
final class AvailabilityCriterion implements Criterion, Compilable, VacancyCompilable {
  /** What the kernel reads of a volunteer, for its table: {@link VolunteerIndex#tabled}. */
  private static final Set<Column> TABLE_COLUMNS = Set.of(Column.AVAILABILITY);

  private static final LocalTime NOON = LocalTime.NOON;
  private static final LocalTime SIX_PM = LocalTime.of(18, 0);

  private final double slotWeight;
  private final boolean vetoOutsidePeriod;

  AvailabilityCriterion(Parameters p) {
    slotWeight = p.number("slotWeight", 0.7, 0, 1);
    vetoOutsidePeriod = p.flag("vetoOutsidePeriod", true);
  }

  static DayPart partOf(LocalTime start) {
    return start.isBefore(NOON) ? DayPart.MORNING : start.isBefore(SIX_PM) ? DayPart.AFTERNOON : DayPart.EVENING;
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.AVAILABILITY);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    Availability a = volunteer.availability();
    if (a.weekly().isEmpty()
        && a.hoursPerWeek() == null
        && a.shifts().isEmpty()
        && a.from() == null
        && a.until() == null) {
      return Evaluation.abstain(EvidenceBuilder.simple("availability.unspecified"));
    }
    Schedule s = vacancy.schedule();
    if (!overlaps(a.from(), a.until(), vacancy.validFrom(), vacancy.validUntil())) {
      EvidenceBuilder b = EvidenceBuilder.of("availability.period");
      b.fact("from", a.from() == null ? "-" : a.from()).fact("until", a.until() == null ? "-" : a.until());
      Evidence e = b.build();
      return vetoOutsidePeriod ? Evaluation.veto(e) : Evaluation.score(0, e);
    }
    return s.regularity() == Regularity.ONE_OFF ? oneOff(a, s) : regular(a, s);
  }

  private Evaluation regular(Availability a, Schedule s) {
    List<Evidence> evidence = new ArrayList<>();
    double slots = -1;
    double hours = -1;
    if (!s.weekly().isEmpty() && !a.weekly().isEmpty()) {
      int matched = 0;
      for (WeeklySlot slot : s.weekly()) {
        if (a.weekly().contains(slot)) {
          matched++;
        }
      }
      slots = (double) matched / s.weekly().size();
      evidence.add(
          EvidenceBuilder.of(matched == s.weekly().size() ? "availability.slots" : "availability.someSlots")
              .fact("matched", matched)
              .fact("needed", s.weekly().size())
              .build());
    }
    if (s.hoursPerWeek() != null && a.hoursPerWeek() != null && s.hoursPerWeek() > 0) {
      hours = Math.min(1, a.hoursPerWeek() / s.hoursPerWeek());
      evidence.add(
          EvidenceBuilder.of(hours >= 1 ? "availability.hours" : "availability.fewerHours")
              .number("hours", s.hoursPerWeek())
              .number("available", a.hoursPerWeek())
              .build());
    }
    if (slots < 0 && hours < 0) {
      return Evaluation.score(1, EvidenceBuilder.simple("availability.flexible"));
    }
    return Evaluation.score(combined(slots, hours), evidence);
  }

  /**
   * The score of a regular vacancy from the share of its slots the volunteer is free in and the
   * share of its hours they have, each -1 where it does not apply (not both): the rule of both
   * paths.
   */
  private double combined(double slots, double hours) {
    double score =
        slots < 0 ? hours : hours < 0 ? slots : slotWeight * slots + (1 - slotWeight) * hours;
    return Math.min(1, score);
  }

  private static Evaluation oneOff(Availability a, Schedule s) {
    int covered = 0;
    for (Shift shift : s.shifts()) {
      if (covers(a, shift)) {
        covered++;
      }
    }
    Evidence e =
        EvidenceBuilder.of(covered == s.shifts().size() ? "availability.shifts" : "availability.someShifts")
            .fact("matched", covered)
            .fact("needed", s.shifts().size())
            .build();
    return Evaluation.score((double) covered / s.shifts().size(), e);
  }

  private static boolean covers(Availability a, Shift shift) {
    if (!a.isAvailableOn(shift.date())) {
      return false;
    }
    if (a.weekly().isEmpty() && a.shifts().isEmpty()) {
      return true;
    }
    if (coveredByShift(a, shift)) {
      return true;
    }
    return a.weekly().contains(WeeklySlot.of(shift.date().getDayOfWeek(), partOf(shift.start())));
  }

  private static boolean coveredByShift(Availability a, Shift shift) {
    for (Shift free : a.shifts()) {
      if (shift.isWithin(free)) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlaps(
      @Nullable LocalDate from,
      @Nullable LocalDate until,
      @Nullable LocalDate otherFrom,
      @Nullable LocalDate otherUntil) {
    return overlaps(
        from == null ? Long.MIN_VALUE : from.toEpochDay(), until == null ? Long.MAX_VALUE : until.toEpochDay(),
        otherFrom == null ? Long.MIN_VALUE : otherFrom.toEpochDay(),
        otherUntil == null ? Long.MAX_VALUE : otherUntil.toEpochDay());
  }

  /**
   * Whether two periods of epoch days overlap, an open end being {@link Long#MIN_VALUE} or {@link
   * Long#MAX_VALUE}: the rule of both paths.
   */
  private static boolean overlaps(long from, long until, long otherFrom, long otherUntil) {
    return until >= otherFrom && otherUntil >= from;
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    // Volunteers take few distinct values of what the kernel reads: a table per query.
    return index.tabled(TABLE_COLUMNS, new Kernel(vacancy, index));
  }

  /**
   * The compiled form: the vacancy's period as epoch days, its weekly slots as a bit mask, its
   * hours, and its shifts as epoch days and slot bits, against the index's columns. A volunteer's
   * own dated shifts are read from the record, for one-off work only.
   */
  private final class Kernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final Schedule schedule;
    private final long validFrom;
    private final long validUntil;
    private final boolean oneOff;
    private final int needed;
    private final int slots;
    private final double hoursNeeded;
    private final long[] shiftDay;
    private final int[] shiftSlot;

    Kernel(Vacancy vacancy, VolunteerIndex index) {
      this.index = index;
      this.schedule = vacancy.schedule();
      this.validFrom = vacancy.validFrom() == null ? Long.MIN_VALUE : vacancy.validFrom().toEpochDay();
      this.validUntil = vacancy.validUntil() == null ? Long.MAX_VALUE : vacancy.validUntil().toEpochDay();
      this.oneOff = schedule.regularity() == Regularity.ONE_OFF;
      this.needed = schedule.weekly().size();
      int mask = 0;
      for (WeeklySlot slot : schedule.weekly()) {
        mask |= 1 << slot.index();
      }
      this.slots = mask;
      this.hoursNeeded = schedule.hoursPerWeek() == null ? Double.NaN : schedule.hoursPerWeek();
      int shifts = schedule.shifts().size();
      this.shiftDay = new long[shifts];
      this.shiftSlot = new int[shifts];
      for (int k = 0; k < shifts; k++) {
        Shift shift = schedule.shifts().get(k);
        shiftDay[k] = shift.date().toEpochDay();
        shiftSlot[k] = 1 << WeeklySlot.of(shift.date().getDayOfWeek(), partOf(shift.start())).index();
      }
    }

    @Override
    public double evaluate(int i) {
      if (index.availabilityUnspecified(i)) {
        return ABSTAIN;
      }
      long from = index.availableFrom(i);
      long until = index.availableUntil(i);
      if (!overlaps(from, until, validFrom, validUntil)) {
        return vetoOutsidePeriod ? VETO : 0;
      }
      int free = index.weekly(i);
      if (oneOff) {
        int covered = 0;
        boolean dated = index.hasShifts(i);
        for (int k = 0; k < shiftDay.length; k++) {
          if (shiftDay[k] >= from
              && shiftDay[k] <= until
              && ((free == 0 && !dated)
                  || (dated && coveredByShift(index.volunteer(i).availability(), schedule.shifts().get(k)))
                  || (free & shiftSlot[k]) != 0)) {
            covered++;
          }
        }
        return (double) covered / shiftDay.length;
      }
      double slotScore = -1;
      double hourScore = -1;
      if (needed > 0 && free != 0) {
        slotScore = (double) Integer.bitCount(slots & free) / needed;
      }
      double available = index.hours(i);
      if (!Double.isNaN(hoursNeeded) && !Double.isNaN(available) && hoursNeeded > 0) {
        hourScore = Math.min(1, available / hoursNeeded);
      }
      return slotScore < 0 && hourScore < 0 ? 1 : combined(slotScore, hourScore);
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int i = from; i < to; i++) {
        out[i - from] = evaluate(i);
      }
    }
  }

  @Override
  public CompiledCriterion compileFor(Volunteer volunteer, CompileContext context, VacancyIndex index) {
    VacancyKernel kernel = new VacancyKernel(volunteer.availability(), index);
    // Without any availability every vacancy abstains: a constant, added once per query.
    return kernel.unspecified ? CompiledCriterion.constant(CompiledCriterion.ABSTAIN) : kernel;
  }

  /**
   * Each vacancy's schedule as columns, by position; a one-off vacancy's shifts as epoch days and
   * the bit of their weekly slot, as the other direction's kernel holds them.
   */
  private record Schedules(
      boolean[] oneOff, int[] slots, int[] needed, double[] hours, long[][] shiftDays, int[][] shiftSlots) {}

  private static final Object SCHEDULES = "availability.schedules";

  /**
   * The kernel of a volunteer's own search: the volunteer's availability against each vacancy's
   * schedule, read from columns (a one-off vacancy's shifts from the record).
   */
  private final class VacancyKernel implements CompiledCriterion {
    private final VacancyIndex index;
    private final Schedules schedules;
    private final Availability a;
    private final boolean unspecified;
    private final int free;
    private final long from;
    private final long until;
    private final double available;
    private final boolean dated;

    VacancyKernel(Availability a, VacancyIndex index) {
      this.index = index;
      this.a = a;
      this.schedules = index.column(SCHEDULES, ix -> {
        int n = ix.size();
        Schedules c = new Schedules(new boolean[n], new int[n], new int[n], new double[n], new long[n][], new int[n][]);
        for (int j = 0; j < n; j++) {
          Schedule s = ix.vacancy(j).schedule();
          c.oneOff()[j] = s.regularity() == Regularity.ONE_OFF;
          int mask = 0;
          for (WeeklySlot slot : s.weekly()) {
            mask |= 1 << slot.index();
          }
          c.slots()[j] = mask;
          c.needed()[j] = s.weekly().size();
          c.hours()[j] = s.hoursPerWeek() == null ? Double.NaN : s.hoursPerWeek();
          int shifts = s.shifts().size();
          c.shiftDays()[j] = new long[shifts];
          c.shiftSlots()[j] = new int[shifts];
          for (int k = 0; k < shifts; k++) {
            Shift shift = s.shifts().get(k);
            c.shiftDays()[j][k] = shift.date().toEpochDay();
            c.shiftSlots()[j][k] = 1 << WeeklySlot.of(shift.date().getDayOfWeek(), partOf(shift.start())).index();
          }
        }
        return c;
      });
      this.unspecified =
          a.weekly().isEmpty() && a.hoursPerWeek() == null && a.shifts().isEmpty() && a.from() == null
              && a.until() == null;
      int mask = 0;
      for (WeeklySlot slot : a.weekly()) {
        mask |= 1 << slot.index();
      }
      this.free = mask;
      this.from = a.from() == null ? Long.MIN_VALUE : a.from().toEpochDay();
      this.until = a.until() == null ? Long.MAX_VALUE : a.until().toEpochDay();
      this.available = a.hoursPerWeek() == null ? Double.NaN : a.hoursPerWeek();
      this.dated = !a.shifts().isEmpty();
    }

    @Override
    public double evaluate(int j) {
      if (unspecified) {
        return ABSTAIN;
      }
      if (!overlaps(from, until, index.validFromDay(j), index.validUntilDay(j))) {
        return vetoOutsidePeriod ? VETO : 0;
      }
      if (schedules.oneOff()[j]) {
        // covers(a, shift), from the columns: the rule of the other direction's kernel.
        long[] days = schedules.shiftDays()[j];
        int[] slotBits = schedules.shiftSlots()[j];
        int covered = 0;
        for (int k = 0; k < days.length; k++) {
          if (days[k] >= from
              && days[k] <= until
              && ((free == 0 && !dated)
                  || (dated && coveredByShift(a, index.vacancy(j).schedule().shifts().get(k)))
                  || (free & slotBits[k]) != 0)) {
            covered++;
          }
        }
        return (double) covered / days.length;
      }
      double slotScore = -1;
      double hourScore = -1;
      int needed = schedules.needed()[j];
      if (needed > 0 && free != 0) {
        slotScore = (double) Integer.bitCount(schedules.slots()[j] & free) / needed;
      }
      double hoursNeeded = schedules.hours()[j];
      if (!Double.isNaN(hoursNeeded) && !Double.isNaN(available) && hoursNeeded > 0) {
        hourScore = Math.min(1, available / hoursNeeded);
      }
      return slotScore < 0 && hourScore < 0 ? 1 : combined(slotScore, hourScore);
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }
}
