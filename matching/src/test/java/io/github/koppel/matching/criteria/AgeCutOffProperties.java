package io.github.koppel.matching.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Period;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The compiled age gate judges ages by cut-offs (born on or before a day), so that one index serves
 * every date: the cut-off must say exactly what the object path's ages say.
 */
final class AgeCutOffProperties {

  @Provide
  Arbitrary<LocalDate> days() {
    // 1900 to 2100, with 29 February and the ends of months drawn often.
    Arbitrary<LocalDate> any =
        Arbitraries.longs()
            .between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay);
    Arbitrary<LocalDate> edges =
        Arbitraries.integers().between(1900, 2100).flatMap(y ->
            Arbitraries.of(
                LocalDate.of(y, 2, 28), LocalDate.of(y, 3, 1), LocalDate.of(y, 12, 31), LocalDate.of(y, 1, 1),
                y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? LocalDate.of(y, 2, 29) : LocalDate.of(y, 2, 27)));
    return Arbitraries.oneOf(any, edges);
  }

  /** The day one reaches an age by birthday, as {@code AgeRule.reached} (core) computes it. */
  private static LocalDate reached(LocalDate birth, int age) {
    LocalDate d = birth.plusYears(age);
    return d.getDayOfMonth() < birth.getDayOfMonth() ? d.plusDays(1) : d;
  }

  @Property(tries = 3000)
  void byBirthdayTheCutOffIsTheDayTheAgeIsReached(
      @ForAll("days") LocalDate birth, @ForAll("days") LocalDate day, @ForAll @IntRange(min = 0, max = 120) int age) {
    assertEquals(
        !day.isBefore(reached(birth, age)),
        birth.toEpochDay() <= LegalGateCriterion.bornBy(day, age, false),
        birth + " on " + day + ", age " + age);
    // The completed years of Period.between agree for a birth on or before the day.
    if (!birth.isAfter(day)) {
      assertEquals(Period.between(birth, day).getYears() >= age, !day.isBefore(reached(birth, age)));
    }
  }

  @Property(tries = 3000)
  void byCalendarYearTheCutOffIsTheDifferenceOfYears(
      @ForAll("days") LocalDate birth, @ForAll("days") LocalDate day, @ForAll @IntRange(min = 0, max = 120) int age) {
    assertEquals(
        day.getYear() - birth.getYear() >= age,
        birth.toEpochDay() <= LegalGateCriterion.bornBy(day, age, true),
        birth + " on " + day + ", age " + age);
  }

  @Example
  void leapDayBirthdays() {
    LocalDate leap = LocalDate.of(2008, 2, 29);
    // Born on 29 February, 18 on 1 March of a common year (Period.between), not on 28 February.
    assertEquals(false, leap.toEpochDay() <= LegalGateCriterion.bornBy(LocalDate.of(2026, 2, 28), 18, false));
    assertEquals(true, leap.toEpochDay() <= LegalGateCriterion.bornBy(LocalDate.of(2026, 3, 1), 18, false));
    // An age of 0 is reached on the day of birth, not before.
    assertEquals(LocalDate.of(2026, 3, 1).toEpochDay(), LegalGateCriterion.bornBy(LocalDate.of(2026, 3, 1), 0, false));
    assertEquals(Integer.MIN_VALUE + 1, LegalGateCriterion.bornBy(LocalDate.of(2026, 3, 1), 20_000, false));
  }
}
