package io.github.koppel.matching.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The coded columns of {@link VolunteerIndex}: rows and values kept once per distinct value, and
 * each fallback to one per volunteer when there are more distinct values than a char can code.
 */
class CodedColumnsTest {
  /** Rows of n volunteers: volunteer i holds the entries 0 .. (i mod distinct) - 1. */
  private static int[][] rows(int n, int distinct) {
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + i % distinct;
    }
    int[] entries = new int[start[n]];
    for (int i = 0; i < n; i++) {
      for (int k = start[i]; k < start[i + 1]; k++) {
        entries[k] = k - start[i];
      }
    }
    return new int[][] {start, entries};
  }

  @Test
  void equalRowsShareOneStoredRowAndEveryVolunteerReadsItsOwnEntries() {
    int[][] r = rows(1_000, 7);
    CodedRows rows = CodedRows.of(r[0], k -> r[1][k]);
    int[] entries = rows.compact(r[0], r[1]);
    assertTrue(rows.coded());
    assertEquals(7, rows.rows());
    assertEquals(0 + 1 + 2 + 3 + 4 + 5 + 6, entries.length);
    for (int i = 0; i < 1_000; i++) {
      assertEquals(i % 7, rows.end(i) - rows.start(i), "length of volunteer " + i);
      for (int k = rows.start(i); k < rows.end(i); k++) {
        assertEquals(k - rows.start(i), entries[k], "volunteer " + i);
      }
      assertEquals(rows.row(i % 7), rows.row(i), "equal rows, equal codes");
    }
    char[] chars = rows.compact(r[0], new char[r[1].length]);
    assertEquals(entries.length, chars.length);
  }

  @Test
  void moreDistinctRowsThanACharCodesKeepARowPerVolunteer() {
    int n = CodedRows.MAX_CODES + 10;
    int[] start = new int[n + 1];
    int[] entries = new int[n];
    for (int i = 0; i < n; i++) {
      start[i + 1] = i + 1;
      entries[i] = i;
    }
    CodedRows rows = CodedRows.of(start, k -> entries[k]);
    assertFalse(rows.coded());
    assertEquals(n, rows.rows());
    assertSame(entries, rows.compact(start, entries));
    for (int i = 0; i < n; i += 997) {
      assertEquals(i, rows.row(i));
      assertEquals(i, entries[rows.start(i)]);
      assertEquals(i + 1, rows.end(i));
    }
  }

  @Test
  void valuesAreCodedByTheirBitsSoThatNanAndNegativeZeroSurvive() {
    double[] raw = {1.5, Double.NaN, -0.0, 0.0, 1.5, Double.NaN, -0.0};
    CodedValues values = CodedValues.ofDoubles(raw);
    assertTrue(values.coded());
    assertEquals(4, values.stored());
    for (int i = 0; i < raw.length; i++) {
      assertEquals(Double.doubleToRawLongBits(raw[i]), values.get(i), "value " + i);
    }
    CodedValues ints = CodedValues.ofInts(new int[] {Integer.MIN_VALUE, 3, Integer.MAX_VALUE, 3});
    assertEquals(Integer.MIN_VALUE, (int) ints.get(0));
    assertEquals(Integer.MAX_VALUE, (int) ints.get(2));
    assertEquals(3, ints.stored());
  }

  @Test
  void moreDistinctValuesThanACharCodesKeepAValuePerVolunteer() {
    int n = CodedValues.MAX_CODES + 1;
    int[] raw = new int[n];
    for (int i = 0; i < n; i++) {
      raw[i] = i * 3 - 70_000;
    }
    CodedValues values = CodedValues.ofInts(raw);
    assertFalse(values.coded());
    assertEquals(n, values.stored());
    for (int i = 0; i < n; i++) {
      assertEquals(raw[i], (int) values.get(i));
    }
  }

  @Test
  void anIndexOfMoreDistinctHoursThanACharCodesReadsEveryVolunteersHours() {
    int n = CodedValues.MAX_CODES + 100;
    List<Volunteer> volunteers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      volunteers.add(Volunteer.builder("vol-" + i)
          .availability(Availability.weekly(Set.of(), 1 + i / 1024.0))
          .build());
    }
    VolunteerIndex index = new VolunteerIndex(volunteers, BundledData.flemishVocabularies());
    for (int i = 0; i < n; i++) {
      assertEquals(1 + i / 1024.0, index.hours(i), "volunteer " + i);
    }
  }

  @Test
  void talentCodesBeyondACharAreKeptAsInts() {
    // 8,200 talent concepts: the last one's codes (8,199 * 8 + ...) do not fit a char.
    List<Concept> concepts = new ArrayList<>();
    for (int c = 0; c < 8_200; c++) {
      concepts.add(Concept.of(String.format("t%05d", c), LocalizedText.of("en", "talent " + c)));
    }
    Vocabularies bundled = BundledData.flemishVocabularies();
    ConceptScheme talents = ConceptScheme.of("many", LocalizedText.of("en", "many"), concepts);
    Vocabularies many = Vocabularies.of(
        talents, bundled.sectors(), bundled.functionalDimensions(), bundled.accommodations(),
        bundled.targetGroups());
    String last = concepts.get(8_199).id();
    Volunteer v = Volunteer.builder("vol-1")
        .talent(Talent.of(last, ProficiencyLevel.EXPERT))
        .talent(Talent.toLearn(concepts.get(3).id()))
        .build();
    VolunteerIndex index = new VolunteerIndex(List.of(v), many);
    int expert = ProficiencyLevel.EXPERT.ordinal() + 1;
    assertEquals(2, index.talentEnd(0) - index.talentStart(0));
    int first = index.talentCode(index.talentStart(0));
    int second = index.talentCode(index.talentStart(0) + 1);
    assertEquals(
        Set.of(talents.indexOf(last) * 8 + expert * 2, talents.indexOf(concepts.get(3).id()) * 8 + 1),
        Set.of(first, second));
    assertTrue(Math.max(first, second) > Character.MAX_VALUE, "a code beyond a char");
  }
}
