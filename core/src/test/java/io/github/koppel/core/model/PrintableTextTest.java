package io.github.koppel.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Safe for terminals and eyes (#14): ids are printable ASCII, so that no two different ids read the
 * same; names and texts hold no control or direction characters (a text may hold line breaks); and
 * an error shows what it must not print as {@code \\uXXXX}.
 */
final class PrintableTextTest {
  @ParameterizedTest
  @ValueSource(strings = {"vol-1\u202E", "vol\u200B-1", "v\u043El-1", "vol 1", "vol-\u0007", "vél-1"})
  void idsOfLookAlikeOrInvisibleCharactersAreRefused(String id) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Volunteer.builder(id).build());
    assertTrue(e.getMessage().startsWith("id must hold printable ASCII only"), e.getMessage());
    for (char c : e.getMessage().toCharArray()) {
      assertFalse(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT, e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"De \u001B[2JBrug", "De Brug\u0007", "De Brug\r", "De Brug\nFAKE LINE", "\u202EgurB eD"})
  void namesWithControlOrDirectionCharactersAreRefused(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Organisation.of("o1", name, LegalForm.FOUNDATION));
    assertTrue(e.getMessage().startsWith("name must not contain control or text-direction characters"), e.getMessage());
  }

  @Test
  void aDescriptionMayHoldLineBreaksButNoEscape() {
    assertEquals("Koken.\nAfwassen.", LocalizedText.of("Koken.\nAfwassen.", "Cook.", "Cuisiner.").in("nl"));
    assertThrows(IllegalArgumentException.class, () -> LocalizedText.of("Koken\u001B[31m", "Cook", "Cuisiner"));
    // Persian needs the zero-width non-joiner; it stays allowed.
    assertEquals("می\u200Cخواهم", LocalizedText.of("می\u200Cخواهم", "x", "x").in("nl"));
  }

  @Test
  void anErrorPrintsAValueEscaped() {
    InvalidDataException e =
        new InvalidDataException("f.json", "$.name", "a\u001B[31mb\nc\u202E", 1, 2, "bad", null);
    assertTrue(e.getMessage().contains("(value: \"a\\u001B[31mb\\u000Ac\\u202E\")"), e.getMessage());
    String longValue = "x".repeat(100_000);
    InvalidDataException l = new InvalidDataException("f.json", "$.name", longValue, 1, 2, "bad", null);
    assertTrue(l.getMessage().length() < 300, "a long value is cut: " + l.getMessage().length());
  }
}
