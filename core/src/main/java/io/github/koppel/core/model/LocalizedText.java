package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A short text in one or more languages, keyed by ISO 639 language code ({@code nl}, {@code en},
 * {@code fr}, ...). At least one language is present.
 *
 * <p>This class is immutable. Its map iterates Dutch, English and French first, then the other
 * languages in alphabetical order.
 *
 * @param texts the text per language code
 * @since 0.1
 */
public record LocalizedText(Map<String, String> texts) {
  private static final List<String> PREFERRED = List.of("nl", "en", "fr");

  public LocalizedText {
    Objects.requireNonNull(texts, "texts");
    checkArgument(!texts.isEmpty(), "texts must hold at least one language");
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String language : PREFERRED) {
      if (texts.containsKey(language)) {
        ordered.put(language, Checks.text(texts.get(language), "texts[" + language + "]", true));
      }
    }
    for (String language : new TreeSet<>(texts.keySet())) {
      Checks.language(language, "texts key");
      ordered.putIfAbsent(language, Checks.text(texts.get(language), "texts[" + language + "]", true));
    }
    texts = Collections.unmodifiableMap(ordered);
  }

  /**
   * Returns a text in Dutch, English and French.
   *
   * @param nl the Dutch text
   * @param en the English text
   * @param fr the French text
   * @return the text
   */
  public static LocalizedText of(String nl, String en, String fr) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("nl", nl);
    map.put("en", en);
    map.put("fr", fr);
    return new LocalizedText(map);
  }

  /**
   * Returns a text in one language.
   *
   * @param language an ISO 639 language code
   * @param text the text
   * @return the text
   */
  public static LocalizedText of(String language, String text) {
    return new LocalizedText(Map.of(language, text));
  }

  /**
   * Returns the text in the given language, falling back to Dutch, English, French and then the
   * first language present.
   *
   * @param language an ISO 639 language code
   * @return the best available text, never {@code null}
   */
  public String in(String language) {
    String text = texts.get(language);
    if (text != null) {
      return text;
    }
    for (String fallback : PREFERRED) {
      text = texts.get(fallback);
      if (text != null) {
        return text;
      }
    }
    return texts.values().iterator().next();
  }

  /**
   * Returns whether a text is present in the given language, without fallback.
   *
   * @param language an ISO 639 language code
   * @return {@code true} when {@code texts} has an entry for {@code language}
   */
  public boolean has(String language) {
    return texts.containsKey(language);
  }
}
