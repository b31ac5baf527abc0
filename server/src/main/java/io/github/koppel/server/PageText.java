package io.github.koppel.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words of the counter pages in one language (nl, fr or en), read from {@code
 * pages/messages_LANG.properties}, and numbers written the way that language writes them.
 * Immutable and thread-safe.
 */
final class PageText {
  /** The page languages, Dutch first. */
  static final List<String> LANGUAGES = List.of("nl", "fr", "en");

  private static final Map<String, PageText> ALL = Map.of(
      "nl", load("nl"), "fr", load("fr"), "en", load("en"));

  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([0-9])\\}");

  private final String language;
  private final Locale locale;
  private final Properties messages;

  private PageText(String language, Properties messages) {
    this.language = language;
    // English as Britain writes numbers (0.25): Belgian English would write 0,25.
    this.locale = Locale.forLanguageTag(language.equals("en") ? "en-GB" : language + "-BE");
    this.messages = messages;
  }

  private static PageText load(String language) {
    String name = "pages/messages_" + language + ".properties";
    try (InputStream in = PageText.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the server's " + name + " is missing from its jar");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new PageText(language, p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the server's " + name, e);
    }
  }

  /** The text of a page language; Dutch for any other value. */
  static PageText of(String language) {
    PageText t = ALL.get(language);
    return t != null ? t : ALL.get("nl");
  }

  /** Whether a value names a page language. */
  static boolean isLanguage(String value) {
    return ALL.containsKey(value);
  }

  String language() {
    return language;
  }

  Locale locale() {
    return locale;
  }

  /** The keys of this language's messages, sorted. */
  Set<String> keys() {
    return new TreeSet<>(messages.stringPropertyNames());
  }

  /**
   * A message with its {@code {0}}, {@code {1}}, ... replaced: numbers as this language writes
   * them, other values as text.
   */
  String t(String key, Object... args) {
    String text = messages.getProperty(key);
    if (text == null) {
      throw new IllegalStateException("the counter pages have no " + language + " text for " + key);
    }
    // One pass, so that a value holding "{1}" (a word a visitor typed) stays as typed.
    java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 32);
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      String value = m.group();
      if (i < args.length) {
        Object a = args[i];
        value = a instanceof Integer || a instanceof Long ? integer(((Number) a).longValue())
            : a instanceof Number n ? decimal(n.doubleValue(), 1) : String.valueOf(a);
      }
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A whole number: 1.011 in Dutch, 1 011 in French, 1,011 in English. */
  String integer(long value) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }

  /** A number with a fixed count of decimals: 0,25 in Dutch and French, 0.25 in English. */
  String decimal(double value, int decimals) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    return f.format(value);
  }

  /** A share as a percentage: 20 %. */
  String percent(double share) {
    return NumberFormat.getPercentInstance(locale).format(share);
  }
}
