package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validation and normalisation shared by the value types of this package. */
final class Checks {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  private static final int MAX_ID_LENGTH = 128;
  private static final int MAX_TEXT_LENGTH = 20_000;
  private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
  private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  /** A day no later than today: dates up to it need no reading of the clock. */
  private static final LocalDate LOADED_ON = LocalDate.now(BRUSSELS);

  /**
   * The sensitive fields of {@link Volunteer}: a message about one names the field, never the value.
   */
  private static final Set<String> SENSITIVE =
      Set.of("possibilities", "supportNeeds", "targetGroups", "benefits", "backgroundCheckDate");

  private Checks() {}

  /**
   * Returns a value for a message: quoted, or a placeholder when the field (or the field of which
   * it is an element or key) is sensitive.
   */
  static String shown(String field, Object value) {
    int end = field.indexOf(' ');
    return SENSITIVE.contains(end < 0 ? field : field.substring(0, end))
        ? "(value withheld: sensitive field)"
        : "'" + value + "'";
  }

  /** Checks an identifier: non-blank, trimmed, at most 128 characters, no control characters. */
  static String id(@Nullable String value, String field) {
    Objects.requireNonNull(value, field);
    checkArgument(!value.isBlank(), "%s must not be blank", field);
    if (value.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be at most " + MAX_ID_LENGTH + " characters: "
              + shown(field, value.substring(0, 20) + "..."));
    }
    checkArgument(
        value.strip().equals(value),
        "%s must not start or end with white space: %s",
        field,
        shown(field, value));
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // Printable ASCII only: no control, invisible or direction characters, and no look-alike
      // letters of other scripts, so that two different ids never read the same.
      if (c < 0x21 || c > 0x7E) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s must hold printable ASCII only (letters, digits, - _ . : and the like, no spaces):"
                    + " U+%04X at %d in %s",
                field, (int) c, i, shown(field, escaped(value))));
      }
    }
    return value;
  }

  /** Checks a free text: non-blank and at most 20,000 characters. */
  static String text(@Nullable String value, String field) {
    return text(value, field, false);
  }

  /**
   * Checks a text: not blank, not too long, without control characters (a line break, a tab and a
   * carriage return only where {@code multiline}) and without the characters that reverse or
   * isolate the direction of text, which can make one text read as another. Returns it without
   * white space at either end, which no form keeps alike (a spreadsheet cell loses it).
   */
  static String text(@Nullable String value, String field, boolean multiline) {
    Objects.requireNonNull(value, field);
    checkArgument(!value.isBlank(), "%s must not be blank", field);
    checkArgument(
        value.length() <= MAX_TEXT_LENGTH,
        "%s must be at most %s characters, has %s",
        field,
        MAX_TEXT_LENGTH,
        value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
      if ((Character.isISOControl(c) && !allowed) || isBidiControl(c)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s must not contain control or text-direction characters: U+%04X at %d in %s",
                field, (int) c, i, shown(field, escaped(value))));
      }
    }
    return value.strip();
  }

  /** Whether a character overrides, embeds or isolates the direction of text. */
  static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
        || c == '\u061C';
  }

  /** A text with every control, direction or invisible character written as {@code \\uXXXX}. */
  static String escaped(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || isBidiControl(c) || Character.getType(c) == Character.FORMAT) {
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Checks an ISO 639 language code: two or three lower-case letters. */
  static String language(@Nullable String value, String field) {
    Objects.requireNonNull(value, field);
    checkArgument(
        LANGUAGE.matcher(value).matches(),
        "%s must be an ISO 639 code of 2 or 3 lower-case letters: '%s'",
        field,
        value);
    return value;
  }

  /** Returns an immutable, sorted copy of a set of ids, checking each. */
  static Set<String> ids(@Nullable Collection<String> values, String field) {
    Objects.requireNonNull(values, field);
    for (String value : values) {
      id(value, field + " element");
    }
    return ImmutableSortedSet.copyOf(values);
  }

  /** Returns an immutable copy of an enum set, in declaration order. */
  static <E extends Enum<E>> Set<E> enums(
      @Nullable Collection<E> values, Class<E> type, String field) {
    Objects.requireNonNull(values, field);
    EnumSet<E> copy = EnumSet.noneOf(type);
    for (E value : values) {
      copy.add(Objects.requireNonNull(value, field + " element"));
    }
    return Collections.unmodifiableSet(copy);
  }

  /** Returns an immutable copy of a list, rejecting null elements. */
  static <T> List<T> list(@Nullable Collection<T> values, String field) {
    Objects.requireNonNull(values, field);
    List<T> copy = new ArrayList<>(values.size());
    for (T value : values) {
      copy.add(Objects.requireNonNull(value, field + " element"));
    }
    return List.copyOf(copy);
  }

  /** Returns an immutable list sorted by the given order, rejecting null elements. */
  static <T> List<T> sortedList(
      @Nullable Collection<T> values, Comparator<? super T> order, String field) {
    List<T> copy = new ArrayList<>(list(values, field));
    copy.sort(order);
    return List.copyOf(copy);
  }

  /** Returns an immutable map sorted by key, checking each key as an id. */
  static <V> Map<String, V> idMap(@Nullable Map<String, V> values, String field) {
    Objects.requireNonNull(values, field);
    for (Map.Entry<String, V> e : values.entrySet()) {
      id(e.getKey(), field + " key");
      Objects.requireNonNull(e.getValue(), field + " value");
    }
    return ImmutableSortedMap.copyOf(values);
  }

  /** Checks that no two elements share a key. */
  static <T> void unique(List<T> values, Function<T, String> key, String field) {
    Set<String> seen = new HashSet<>();
    for (T value : values) {
      String k = key.apply(value);
      checkArgument(seen.add(k), "%s must not repeat an entry: '%s' occurs twice", field, k);
    }
  }

  /**
   * Checks a date that has already happened, such as a birth date or the day a consent was
   * recorded: not after today in Brussels and not before 1900.
   */
  static LocalDate pastDate(LocalDate value, String field) {
    if (value.isBefore(EARLIEST_DATE) || value.isAfter(LOADED_ON)) {
      LocalDate today = LocalDate.now(BRUSSELS);
      checkArgument(
          !value.isAfter(today) && !value.isBefore(EARLIEST_DATE),
          "%s must lie between 1900-01-01 and today (%s): %s",
          field,
          today,
          shown(field, value));
    }
    return value;
  }

  /**
   * Checks that a double is finite and within the closed range, and returns it with a negative
   * zero made positive, so that {@code -0} read from a file equals the {@code 0} written back.
   */
  static double finite(double value, double min, double max, String field) {
    checkArgument(
        Double.isFinite(value) && value >= min && value <= max,
        "%s must be a finite number in [%s, %s]: %s",
        field,
        min,
        max,
        value);
    return value == 0 ? 0.0 : value;
  }
}
