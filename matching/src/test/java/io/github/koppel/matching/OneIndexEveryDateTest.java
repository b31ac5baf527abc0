package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The index of the volunteers does not depend on the day of the match (#16): an engine moved to
 * another day shares its index and ranks on the compiled path exactly as an engine built for that
 * day ranks on the object path, also for volunteers who come of age on that very day.
 */
final class OneIndexEveryDateTest {
  private static final LocalDate DAY = DemoCity.REFERENCE_DATE;

  /** The demo city with volunteers born around 18 and 16 years before the days tried, 29 February included. */
  private static Dataset city() {
    Dataset demo = DemoCity.generate(DemoCity.DEFAULT_SEED, 400, 30, 40);
    List<Volunteer> volunteers = new ArrayList<>(demo.volunteers());
    List<LocalDate> births = new ArrayList<>();
    for (int years : new int[] {16, 18}) {
      for (int d = -3; d <= 3; d++) {
        births.add(DAY.minusYears(years).plusDays(d));
      }
    }
    births.add(LocalDate.of(2008, 2, 29));
    births.add(LocalDate.of(2010, 2, 28));
    births.add(LocalDate.of(2010, 3, 1));
    int i = 0;
    for (LocalDate birth : births) {
      Volunteer template = demo.volunteers().get(i * 7 % demo.volunteers().size());
      volunteers.add(template.toBuilder().id("vol-born-" + i++).birthDate(birth).build());
    }
    return Dataset.of(demo.organisations(), demo.vacancies(), volunteers);
  }

  @Test
  void anEngineMovedToAnotherDayRanksAsOneBuiltForIt() {
    Dataset city = city();
    MatchEngine compiled =
        MatchEngine.builder(city).date(DAY).strategy(MatchEngine.Strategy.COMPILED)
            .checkMode(MatchEngine.CheckMode.COMPARE).build();
    for (LocalDate day :
        List.of(DAY, DAY.minusDays(1), DAY.plusDays(1), DAY.plusDays(2), DAY.plusMonths(7), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1))) {
      MatchEngine moved = compiled.withDate(day);
      assertEquals(day, moved.date());
      assertSame(((DefaultMatchEngine) compiled).store(), ((DefaultMatchEngine) moved).store(), "the index is shared");
      MatchEngine objects = MatchEngine.builder(city).date(day).build();
      for (Vacancy v : city.vacancies()) {
        assertEquals(objects.rankVolunteers(v.id(), 8), moved.rankVolunteers(v.id(), 8), v.id() + " on " + day);
      }
    }
  }

  @Test
  void movingTheDayChangesWhoIsOfAge() {
    // An organisation's own minimum age of 18 by birthday: on the day before the 18th birthday the
    // volunteer is vetoed, on the day itself not.
    Dataset demo = DemoCity.generate(DemoCity.DEFAULT_SEED, 50, 5, 10);
    Vacancy adults = demo.vacancies().get(0).toBuilder().minimumAge(18).build();
    Volunteer young =
        demo.volunteers().get(0).toBuilder().id("vol-young").birthDate(DAY.minusYears(18).plusDays(1)).build();
    Dataset city = Dataset.of(demo.organisations(), List.of(adults), List.of(young));
    MatchEngine engine =
        MatchEngine.builder(city).date(DAY).strategy(MatchEngine.Strategy.COMPILED)
            .checkMode(MatchEngine.CheckMode.COMPARE).build();
    Ranking before = engine.rankVolunteers(adults.id(), 5);
    Ranking onTheDay = engine.withDate(DAY.plusDays(1)).rankVolunteers(adults.id(), 5);
    assertTrue(before.blockedBy().getOrDefault("age", 0) == 1, before.blockedBy()::toString);
    assertEquals(0, onTheDay.blockedBy().getOrDefault("age", 0), onTheDay.blockedBy()::toString);
  }

  @Test
  void aDayWithoutLegalRulesIsRefused() {
    MatchEngine engine = MatchEngine.builder(DemoCity.bundled()).date(DAY).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> engine.withDate(LocalDate.of(1990, 1, 1)));
    assertTrue(e.getMessage().contains("1990-01-01"), e.getMessage());
    assertEquals("date", assertThrows(NullPointerException.class, () -> engine.withDate(null)).getMessage());
  }
}
