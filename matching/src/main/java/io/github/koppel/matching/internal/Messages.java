package io.github.koppel.matching.internal;

import io.github.koppel.core.internal.Numbers;
import io.github.koppel.core.model.LocalizedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The texts of the built-in criteria and of the engine, in nl, en and fr, read from {@code
 * messages_*.properties}. A template holds {@code {fact}} placeholders; a fact whose value has a
 * {@code value.<value>} entry is shown by that label, a decimal fact with a decimal comma in nl and
 * fr, and a localised fact in the language of the template.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Messages {
  /** The languages every text is available in, Dutch first. */
  public static final List<String> LANGUAGES = List.of("nl", "en", "fr");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
  private static final Map<String, Properties> BUNDLES = load();
  private static final Map<String, Map<String, List<String>>> PARSED = parseAll();
  private static final int CACHE_LIMIT = 50_000;
  private static final ConcurrentHashMap<List<Object>, LocalizedText> CACHE = new ConcurrentHashMap<>();

  private Messages() {}

  private static Map<String, Properties> load() {
    Map<String, Properties> bundles = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      String resource = "messages_" + language + ".properties";
      Properties properties = new Properties();
      try (InputStream in = Messages.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
      bundles.put(language, properties);
    }
    return Map.copyOf(bundles);
  }

  /**
   * Splits every template into literal text (even positions) and placeholder names (odd
   * positions), so that rendering needs no regular expression.
   */
  private static Map<String, Map<String, List<String>>> parseAll() {
    Map<String, Map<String, List<String>>> parsed = new HashMap<>();
    for (Map.Entry<String, Properties> bundle : BUNDLES.entrySet()) {
      Map<String, List<String>> templates = new HashMap<>();
      for (String key : bundle.getValue().stringPropertyNames()) {
        String template = bundle.getValue().getProperty(key);
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
          parts.add(template.substring(at, m.start()));
          parts.add(m.group(1));
          at = m.end();
        }
        parts.add(template.substring(at));
        templates.put(key, List.copyOf(parts));
      }
      parsed.put(bundle.getKey(), Map.copyOf(templates));
    }
    return Map.copyOf(parsed);
  }

  /**
   * Returns whether a key has a text.
   *
   * @param key the key
   * @return whether the Dutch bundle holds it (the tests check the others hold the same keys)
   */
  public static boolean has(String key) {
    return BUNDLES.get("nl").containsKey(key);
  }

  /**
   * Returns the keys of a language's bundle.
   *
   * @param language nl, en or fr
   * @return the keys, sorted
   */
  public static Set<String> keys(String language) {
    Properties properties = BUNDLES.get(language);
    if (properties == null) {
      throw new IllegalArgumentException("language must be nl, en or fr: " + language);
    }
    return new TreeSet<>(properties.stringPropertyNames());
  }

  /**
   * Returns the raw template of a key in a language.
   *
   * @param key the key
   * @param language nl, en or fr
   * @return the template
   * @throws IllegalArgumentException if the key is unknown
   */
  public static String template(String key, String language) {
    Properties properties = BUNDLES.getOrDefault(language, BUNDLES.get("nl"));
    String template = properties.getProperty(key);
    if (template == null) {
      throw new IllegalArgumentException("no text for key " + key + " in " + language);
    }
    return template;
  }

  /**
   * Renders a text without facts.
   *
   * @param key the key
   * @return the text in nl, en and fr
   */
  public static LocalizedText text(String key) {
    return text(key, Map.of(), Map.of());
  }

  /**
   * Renders a text with facts.
   *
   * @param key the key
   * @param facts the facts for the placeholders
   * @return the text in nl, en and fr
   */
  public static LocalizedText text(String key, Map<String, String> facts) {
    return text(key, facts, Map.of());
  }

  /**
   * Renders a text with facts and localised labels.
   *
   * @param key the key
   * @param facts the facts for the placeholders
   * @param labels localised values for placeholders, which win over facts
   * @return the text in nl, en and fr
   */
  public static LocalizedText text(
      String key, Map<String, String> facts, Map<String, LocalizedText> labels) {
    // Rendering is a pure function of its arguments, and a ranking renders the same few texts
    // over and over; a bounded cache saves most of the work.
    List<Object> cacheKey = List.of(key, facts, labels);
    LocalizedText cached = CACHE.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    LocalizedText text = render(key, facts, labels);
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(List.of(key, Map.copyOf(facts), Map.copyOf(labels)), text);
    return text;
  }

  private static LocalizedText render(
      String key, Map<String, String> facts, Map<String, LocalizedText> labels) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      List<String> parts = PARSED.get(language).get(key);
      if (parts == null) {
        throw new IllegalArgumentException("no text for key " + key + " in " + language);
      }
      texts.put(language, render(parts, language, facts, labels));
    }
    return new LocalizedText(texts);
  }

  /**
   * Renders a text if its key exists.
   *
   * @param key the key
   * @param facts the facts
   * @param labels the localised labels
   * @return the text, or {@code null} if no text has this key
   */
  public static @Nullable LocalizedText optional(
      String key, Map<String, String> facts, Map<String, LocalizedText> labels) {
    return has(key) ? text(key, facts, labels) : null;
  }

  /**
   * Returns the label of a value, such as {@code value.B1} or {@code value.nl}, in a language.
   *
   * @param value the value
   * @param language the language
   * @return the label, or the value itself
   */
  public static String label(String value, String language) {
    Properties properties = BUNDLES.getOrDefault(language, BUNDLES.get("nl"));
    return properties.getProperty("value." + value, value);
  }

  /**
   * Formats a number for a language: at most two decimals, a decimal comma in nl and fr.
   *
   * @param value the number
   * @param language the language
   * @return the text
   */
  public static String number(double value, String language) {
    return Numbers.decimal(value, language);
  }

  /**
   * Formats a number as a fact: at most two decimals, a decimal point, no trailing zeros.
   *
   * @param value the number
   * @return the text
   */
  public static String decimal(double value) {
    return Numbers.plain(value);
  }


  private static String render(
      List<String> parts,
      String language,
      Map<String, String> facts,
      Map<String, LocalizedText> labels) {
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < parts.size(); p++) {
      String part = parts.get(p);
      if (p % 2 == 0) {
        sb.append(part);
        continue;
      }
      LocalizedText label = labels.get(part);
      String value = facts.get(part);
      if (label != null) {
        sb.append(label.in(language));
      } else if (value == null) {
        sb.append('{').append(part).append('}');
      } else if (isDecimal(value)) {
        sb.append(Numbers.localise(value, language, false));
      } else {
        sb.append(label(value, language));
      }
    }
    return sb.toString();
  }

  private static boolean isDecimal(String value) {
    int dot = value.indexOf('.');
    if (dot <= 0 || dot == value.length() - 1) {
      return false;
    }
    for (int i = value.charAt(0) == '-' ? 1 : 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (i != dot && (c < '0' || c > '9')) {
        return false;
      }
    }
    return dot > (value.charAt(0) == '-' ? 1 : 0);
  }
}
