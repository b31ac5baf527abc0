package io.github.koppel.core.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Volunteer;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Languages are ISO 639 codes Koppel knows, with names in nl, en and fr (#14). */
final class LanguagesTest {
  @Test
  void theCodesOfACounterAreKnownWithTheirNames() {
    assertEquals(221, Languages.codes().size());
    for (String code : new String[] {"nl", "fr", "en", "ar", "prs", "ckb", "kmr", "ti", "so", "uk", "zgh", "ary"}) {
      assertTrue(Languages.contains(code), code);
    }
    assertEquals("Arabisch", Languages.name("ar").in("nl"));
    assertEquals("néerlandais", Languages.name("nl").in("fr"));
    assertEquals("Dari", Languages.name("prs").in("en"));
    assertNull(Languages.name("zz"));
    // Deprecated codes are not known: their current ones are.
    for (String old : new String[] {"iw", "in", "ji", "mo"}) {
      assertTrue(!Languages.contains(old), old);
    }
  }

  @Test
  void anUnknownLanguageIsRefusedWithTheNearestCodes() {
    for (String bad : new String[] {"zz", "qqq"}) {
      Volunteer v = Volunteer.builder("v").language(LanguageSkill.of(bad, CefrLevel.B1)).build();
      InvalidDataException e =
          assertThrows(InvalidDataException.class, () -> BundledData.flemishVocabularies().validate(v));
      assertEquals("$.languages[0].language", e.path());
      assertEquals(bad, e.value());
      assertTrue(e.problem().startsWith("unknown language: not an ISO 639 code that Koppel knows"), e.problem());
    }
    assertEquals("ar", Languages.nearest("Arabisch", 3).get(0));
    assertTrue(Languages.nearest("nk", 3).contains("nl"), Languages.nearest("nk", 3).toString());
  }

  @Test
  void csvNamesTheColumnOfAnUnknownLanguage() {
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class,
            () -> KoppelCsv.create().readVolunteers(new StringReader("id;languages\nv1;nl:B1, zz:A2\n"), "v.csv"));
    assertEquals("row 1, column languages", e.path());
    assertEquals("zz", e.value());
  }
}
