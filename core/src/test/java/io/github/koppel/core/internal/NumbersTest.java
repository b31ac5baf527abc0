package io.github.koppel.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** Numbers as Dutch, French and English readers write them (#15). */
final class NumbersTest {
  @Test
  void knownAnswers() {
    assertEquals("712,48", Numbers.fixed(712.478, 2, "nl"));
    assertEquals("1.712,48", Numbers.fixed(1712.478, 2, "nl"));
    assertEquals("1\u202F712,48", Numbers.fixed(1712.478, 2, "fr"));
    assertEquals("1,712.48", Numbers.fixed(1712.478, 2, "en"));
    assertEquals("0,950", Numbers.fixed(0.95, 3, "nl"));
    assertEquals("-1.000.000", Numbers.fixed(-1_000_000, 0, "nl"));
    assertEquals("0,5", Numbers.decimal(0.5, "fr"));
    assertEquals("1234,5", Numbers.decimal(1234.5, "nl"), "a fact is not grouped");
    assertEquals("44", Numbers.plain(44.0));
    assertEquals("0", Numbers.plain(-0.001));
    assertEquals("1.760,83", Numbers.amount(new BigDecimal("1760.83"), "nl"));
    assertEquals("44,02", Numbers.amount(new BigDecimal("44.02"), "fr"));
    assertEquals("2.404", Numbers.integer(2404, "nl"));
    assertEquals("999", Numbers.integer(999, "fr"));
    assertEquals("2026", Numbers.localise("2026", "nl", false), "a year stays a year");
    assertEquals("vol-0001", Numbers.localise("vol-0001", "nl", true), "not a number: as it is");
    assertEquals("NaN", Numbers.fixed(Double.NaN, 2, "nl"));
  }

  @Test
  void badDecimals() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Numbers.fixed(1, 7, "nl"));
    assertEquals("decimals must be in [0, 6]: 7", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Numbers.fixed(1, -1, "nl"));
  }

  /** Undoing the language's marks gives the plain number back, in every language. */
  @Property
  void theMarksAreAllThatChanges(
      @ForAll @BigRange(min = "-1000000000", max = "1000000000") @Scale(2) BigDecimal amount,
      @ForAll @IntRange(min = 0, max = 2) int which) {
    String language = new String[] {"nl", "fr", "en"}[which];
    String text = Numbers.amount(amount, language);
    String group = language.equals("nl") ? "." : language.equals("fr") ? "\u202F" : ",";
    String mark = language.equals("en") ? "." : ",";
    String back = text.replace(group, "").replace(mark, ".");
    assertEquals(0, new BigDecimal(back).compareTo(amount), text);
    // Groups of three digits, none at the front.
    String whole = text.replace("-", "").split(java.util.regex.Pattern.quote(mark))[0];
    String[] groups = whole.split(java.util.regex.Pattern.quote(group));
    for (int i = 1; i < groups.length; i++) {
      assertEquals(3, groups[i].length(), text);
    }
    assertEquals(true, groups[0].length() >= 1 && groups[0].length() <= 3, text);
  }
}
