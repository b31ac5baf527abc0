package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Updates applied to an engine give the engine built from the updated data. */
final class IncrementalUpdateTest {

  @Test
  void randomUpdates_rankAsAFreshEngine() {
    Dataset base = DemoCity.bundled();
    List<Volunteer> pool = new ArrayList<>(DemoCity.generate(7, 300, 300, 400).volunteers());
    SplittableRandom random = new SplittableRandom(42);
    MatchEngine compiled =
        ((DefaultMatchEngine) MatchEngine.builder(base).date(DemoCity.REFERENCE_DATE)
                .strategy(MatchEngine.Strategy.COMPILED).checkMode(MatchEngine.CheckMode.COMPARE).build())
            .withSegmentLimits(8, 4);
    MatchEngine objects = MatchEngine.builder(base).date(DemoCity.REFERENCE_DATE).build();
    List<Volunteer> volunteers = new ArrayList<>(base.volunteers());
    List<Vacancy> vacancies = new ArrayList<>(base.vacancies());
    for (int step = 0; step < 120; step++) {
      int op = random.nextInt(5);
      if (op <= 1) {
        Volunteer added = pool.get(step).toBuilder().id("new-" + step).build();
        compiled = compiled.withVolunteer(added);
        objects = objects.withVolunteer(added);
        volunteers.add(added);
      } else if (op == 2) {
        Volunteer gone = volunteers.remove(random.nextInt(volunteers.size()));
        compiled = compiled.withoutVolunteer(gone.id());
        objects = objects.withoutVolunteer(gone.id());
      } else if (op == 3) {
        int i = random.nextInt(volunteers.size());
        Volunteer changed = volunteers.get(i).toBuilder().talents(List.of(Talent.of("cooking"))).build();
        compiled = compiled.withVolunteer(changed);
        objects = objects.withVolunteer(changed);
        volunteers.remove(i);
        volunteers.add(changed);
      } else {
        Vacancy changed = vacancies.get(random.nextInt(vacancies.size())).toBuilder().talents(List.of()).build();
        compiled = compiled.withVacancy(changed);
        objects = objects.withVacancy(changed);
        vacancies.removeIf(v -> v.id().equals(changed.id()));
        vacancies.add(changed);
      }
      if (step % 20 == 19) {
        Dataset now = Dataset.of(base.organisations(), vacancies, volunteers);
        MatchEngine fresh = MatchEngine.builder(now).date(DemoCity.REFERENCE_DATE).build();
        assertEquals(now.volunteers().size(), compiled.dataset().volunteers().size());
        for (Vacancy v : vacancies.subList(0, 8)) {
          Ranking expected = fresh.rankVolunteers(v.id(), 5);
          assertEquals(expected, compiled.rankVolunteers(v.id(), 5), "step " + step + " " + v.id());
          assertEquals(expected, objects.rankVolunteers(v.id(), 5), "step " + step + " " + v.id());
        }
        Volunteer someone = volunteers.get(volunteers.size() - 1);
        assertEquals(fresh.rankVacancies(someone.id(), 5), compiled.rankVacancies(someone.id(), 5));
      }
    }
    assertTrue(((DefaultMatchEngine) compiled).store().segments().size() <= 5);
  }

  @Test
  void updates_leaveTheOriginalUnchangedAndCheckInput() {
    Dataset base = DemoCity.bundled();
    MatchEngine engine = MatchEngine.builder(base).date(DemoCity.REFERENCE_DATE)
        .strategy(MatchEngine.Strategy.COMPILED).checkMode(MatchEngine.CheckMode.COMPARE).build();
    MatchEngine without = engine.withoutVolunteer("persona-amal");
    assertEquals(base.volunteers().size() - 1, without.dataset().volunteers().size());
    assertNull(without.dataset().volunteer("persona-amal"));
    assertEquals(base.volunteers().size(), engine.dataset().volunteers().size());
    assertTrue(engine.rankVolunteers("vac-0077", 1).matches().get(0).volunteerId().equals("persona-amal"));
    assertTrue(without.rankVolunteers("vac-0077", 3).matches().stream().noneMatch(m -> m.volunteerId().equals("persona-amal")));
    IllegalArgumentException absent = assertThrows(IllegalArgumentException.class, () -> without.withoutVolunteer("persona-amal"));
    assertEquals("no volunteer with id 'persona-amal' in the engine", absent.getMessage());
    assertThrows(IllegalArgumentException.class, () -> without.rankVacancies("persona-amal", 3));
    Volunteer juggler = base.volunteers().get(0).toBuilder().id("juggler").talent(Talent.of("juggling")).build();
    assertThrows(InvalidDataException.class, () -> engine.withVolunteer(juggler));
    Vacancy orphan = base.vacancies().get(0).toBuilder().id("vac-x").build();
    Vacancy elsewhere = Vacancy.builder("vac-y", "org-none", orphan.title()).place(WorkMode.REMOTE, null).build();
    InvalidDataException org = assertThrows(InvalidDataException.class, () -> engine.withVacancy(elsewhere));
    assertEquals("vacancy vac-y refers to an organisation that is not in the engine", org.problem());
    assertEquals("$.organisationId", org.path());
    assertEquals("org-none", org.value());
    assertEquals(base.vacancies().size() + 1, engine.withVacancy(orphan).dataset().vacancies().size());
    assertThrows(IllegalArgumentException.class, () -> engine.withoutVacancy("vac-none"));
    assertEquals(base.vacancies().size() - 1, engine.withoutVacancy("vac-0077").dataset().vacancies().size());
  }
}
