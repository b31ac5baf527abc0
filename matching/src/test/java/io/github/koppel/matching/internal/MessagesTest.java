package io.github.koppel.matching.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.koppel.core.model.LocalizedText;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class MessagesTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  @Test
  void everyLanguageHasTheSameKeysAndPlaceholders() {
    Set<String> nl = Messages.keys("nl");
    assertEquals(nl, Messages.keys("en"));
    assertEquals(nl, Messages.keys("fr"));
    for (String key : nl) {
      Set<String> expected = placeholders(Messages.template(key, "nl"));
      for (String language : Messages.LANGUAGES) {
        String template = Messages.template(key, language);
        assertFalse(template.isBlank(), key + " in " + language);
        assertEquals(expected, placeholders(template), key + " in " + language);
      }
    }
  }

  private static Set<String> placeholders(String template) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void text_fillsFactsLabelsAndDecimalCommas() {
    LocalizedText t =
        Messages.text("distance.tooFar", Map.of("km", "12.5", "limit", "8.0"));
    assertEquals("12,5 km ver, de grens is 8,0 km.", t.in("nl"));
    assertEquals("12.5 km away, the limit is 8.0 km.", t.in("en"));
    assertEquals("À 12,5 km, la limite est de 8,0 km.", t.in("fr"));
    LocalizedText language = Messages.text("practise.offered", Map.of("language", "nl"));
    assertEquals("Occasion de pratiquer le néerlandais.", language.in("fr"));
    assertEquals("{km} km van huis.", Messages.text("distance.km", Map.of()).in("nl"), "a missing fact stays visible");
  }

  @Test
  void decimal_formatsFacts() {
    assertEquals("0.5", Messages.decimal(0.5));
    assertEquals("1", Messages.decimal(1.0));
    assertEquals("0.33", Messages.decimal(1.0 / 3));
    assertEquals("0", Messages.decimal(-0.0001));
    assertEquals("0,25", Messages.number(0.25, "fr"));
  }
}
