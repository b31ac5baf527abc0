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
import io.github.koppel.matching.internal.VolunteerIndex;
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
final class AvailabilityCriterion implements Criterion, Compilable {
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
    double score =
        slots < 0 ? hours : hours < 0 ? slots : slotWeight * slots + (1 - slotWeight) * hours;
    return Evaluation.score(Math.min(1, score), evidence);
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
    return (until == null || otherFrom == null || !until.isBefore(otherFrom))
        && (from == null || otherUntil == null || !otherUntil.isBefore(from));
  }

  @Override
  public CompiledCriterion compile(
      Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    Schedule s = vacancy.schedule();
    long validFrom = vacancy.validFrom() == null ? Long.MIN_VALUE : vacancy.validFrom().toEpochDay();
    long validUntil = vacancy.validUntil() == null ? Long.MAX_VALUE : vacancy.validUntil().toEpochDay();
    boolean oneOff = s.regularity() == Regularity.ONE_OFF;
    int needed = s.weekly().size();
    int mask = 0;
    for (WeeklySlot slot : s.weekly()) {
      mask |= 1 << slot.index();
    }
    int slots = mask;
    double hoursNeeded = s.hoursPerWeek() == null ? Double.NaN : s.hoursPerWeek();
    int shifts = s.shifts().size();
    long[] shiftDay = new long[shifts];
    int[] shiftSlot = new int[shifts];
    for (int k = 0; k < shifts; k++) {
      Shift shift = s.shifts().get(k);
      shiftDay[k] = shift.date().toEpochDay();
      shiftSlot[k] = 1 << WeeklySlot.of(shift.date().getDayOfWeek(), partOf(shift.start())).index();
    }
    CompiledCriterion single = i -> {
      if (index.availabilityUnspecified(i)) {
        return CompiledCriterion.ABSTAIN;
      }
      long from = index.availableFrom(i);
      long until = index.availableUntil(i);
      if (until < validFrom || validUntil < from) {
        return vetoOutsidePeriod ? CompiledCriterion.VETO : 0;
      }
      int free = index.weekly(i);
      if (oneOff) {
        int covered = 0;
        boolean dated = index.hasShifts(i);
        for (int k = 0; k < shifts; k++) {
          if (shiftDay[k] >= from
              && shiftDay[k] <= until
              && ((free == 0 && !dated)
                  || (dated && coveredByShift(index.volunteer(i).availability(), s.shifts().get(k)))
                  || (free & shiftSlot[k]) != 0)) {
            covered++;
          }
        }
        return (double) covered / shifts;
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
      if (slotScore < 0 && hourScore < 0) {
        return 1;
      }
      double score =
          slotScore < 0 ? hourScore : hourScore < 0 ? slotScore : slotWeight * slotScore + (1 - slotWeight) * hourScore;
      return Math.min(1, score);
    };
    return new CompiledCriterion() {
      @Override
      public double evaluate(int i) {
        return single.evaluate(i);
      }

      @Override
      public void evaluate(int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
          out[i - from] = single.evaluate(i);
        }
      }
    };
  }
}
