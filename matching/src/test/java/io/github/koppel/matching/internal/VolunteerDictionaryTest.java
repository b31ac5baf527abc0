package io.github.koppel.matching.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.matching.internal.VolunteerIndex.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dictionaries of {@link VolunteerIndex#tabled}: when a kernel becomes a table, and when not. */
class VolunteerDictionaryTest {
  private static final Vocabularies VOCABULARIES = BundledData.flemishVocabularies();

  /** n volunteers speaking Dutch at a level that cycles through {@code distinct} levels. */
  private static VolunteerIndex index(int n, int distinct) {
    List<Volunteer> volunteers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CefrLevel level = CefrLevel.values()[i % distinct];
      volunteers.add(Volunteer.builder("vol-" + i).language(LanguageSkill.of("nl", level)).build());
    }
    return new VolunteerIndex(volunteers, VOCABULARIES);
  }

  /** A kernel that answers a volunteer's Dutch level as a score, as a kernel reading the column would. */
  private static CompiledCriterion level(VolunteerIndex index) {
    int dutch = index.language("nl");
    return i -> index.level(i, dutch) / 10.0;
  }

  @Test
  void fewDistinctValuesMakeATableThatAnswersWhatTheKernelAnswers() {
    VolunteerIndex index = index(40, 3);
    CompiledCriterion kernel = level(index);
    CompiledCriterion tabled = index.tabled(Set.of(Column.LANGUAGES), kernel);
    assertTrue(tabled instanceof TabledCriterion, "three values among forty volunteers make a table");
    assertEquals(3, ((TabledCriterion) tabled).size());
    assertEquals(3, index.dictionarySize(Set.of(Column.LANGUAGES)));
    double[] block = new double[40];
    tabled.evaluate(0, 40, block);
    for (int i = 0; i < 40; i++) {
      assertEquals(kernel.evaluate(i), tabled.evaluate(i), "volunteer " + i);
      assertEquals(kernel.evaluate(i), block[i], "volunteer " + i + " in a block");
    }
  }

  @Test
  void moreCodesThanAQuarterOfTheVolunteersLeaveTheKernelAsItIs() {
    // Six levels among twenty volunteers: more than 20 / 4 = 5 codes.
    VolunteerIndex index = index(20, 6);
    CompiledCriterion kernel = level(index);
    assertSame(kernel, index.tabled(Set.of(Column.LANGUAGES), kernel));
    assertEquals(0, index.dictionarySize(Set.of(Column.LANGUAGES)));
    // At the limit, five codes among twenty volunteers, the table serves.
    VolunteerIndex atLimit = index(20, 5);
    assertTrue(atLimit.tabled(Set.of(Column.LANGUAGES), level(atLimit)) instanceof TabledCriterion);
  }

  @Test
  void tooFewVolunteersForATableLeaveTheKernelAsItIs() {
    VolunteerIndex index = index(3, 1);
    CompiledCriterion kernel = level(index);
    assertSame(kernel, index.tabled(Set.of(Column.LANGUAGES), kernel));
    VolunteerIndex empty = index(0, 1);
    CompiledCriterion none = i -> 0;
    assertSame(none, empty.tabled(Set.of(Column.LANGUAGES), none));
  }

  @Test
  void theDictionaryIsBuiltOnceAndSharedByEveryKernelOfTheSameColumns() {
    VolunteerIndex index = index(40, 2);
    TabledCriterion first = (TabledCriterion) index.tabled(Set.of(Column.LANGUAGES), level(index));
    TabledCriterion second = (TabledCriterion) index.tabled(Set.of(Column.LANGUAGES), i -> 1);
    assertSame(first.codes(), second.codes(), "one dictionary per set of columns");
    assertEquals(1.0, second.evaluate(7));
  }

  @Test
  void columnsOutsideTheKeyAreNotTabledTogether() {
    // Equal languages, different interests: a dictionary on languages has one code, one on
    // languages and interests has two.
    List<Volunteer> volunteers = new ArrayList<>();
    String[] sectors = VOCABULARIES.sectors().concepts().stream().map(c -> c.id()).limit(2).toArray(String[]::new);
    for (int i = 0; i < 16; i++) {
      volunteers.add(Volunteer.builder("vol-" + i)
          .language(LanguageSkill.of("nl", CefrLevel.B1))
          .interests(Set.of(sectors[i % 2]))
          .build());
    }
    VolunteerIndex index = new VolunteerIndex(volunteers, VOCABULARIES);
    index.tabled(Set.of(Column.LANGUAGES), i -> 0);
    index.tabled(Set.of(Column.LANGUAGES, Column.INTERESTS), i -> 0);
    assertEquals(1, index.dictionarySize(Set.of(Column.LANGUAGES)));
    assertEquals(2, index.dictionarySize(Set.of(Column.INTERESTS, Column.LANGUAGES)));
  }

  @Test
  void aMissingKernelOrColumnSetIsRefused() {
    VolunteerIndex index = index(8, 1);
    NullPointerException kernel = assertThrows(NullPointerException.class,
        () -> index.tabled(Set.of(Column.LANGUAGES), null));
    assertEquals("kernel", kernel.getMessage());
    NullPointerException columns = assertThrows(NullPointerException.class, () -> index.tabled(null, i -> 0));
    assertEquals("columns", columns.getMessage());
  }
}
