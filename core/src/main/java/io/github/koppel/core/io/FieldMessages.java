package io.github.koppel.core.io;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the field and the offending value out of a validation message of the domain model. The
 * model's messages start with the field and end with the value, as in {@code capacity must be in
 * [0, 100000]: -3} or {@code validUntil (2010-01-01) must not be before validFrom (2020-01-01)}, so
 * that a reader can point at the field rather than at the whole record.
 */
final class FieldMessages {
  private static final Pattern FIRST_WORD = Pattern.compile("^([a-z][A-Za-z0-9]*) ");

  /** The field a message is about, and the value it names, if any. */
  record Located(String field, @Nullable String value) {}

  private FieldMessages() {}

  /**
   * Returns the field and value of a message whose first word is one of {@code fields}.
   *
   * @param message the validation message
   * @param fields the fields the message may be about
   * @return the field and value, or empty when the message names none of the fields
   */
  static Optional<Located> locate(@Nullable String message, Collection<String> fields) {
    String field = field(message);
    if (message == null || field == null || !fields.contains(field)) {
      return Optional.empty();
    }
    return Optional.of(new Located(field, value(message, field)));
  }

  /**
   * Returns the field a message starts with, such as {@code minimumAge}, or null when it starts
   * with no lower-case identifier.
   */
  static @Nullable String field(@Nullable String message) {
    if (message == null) {
      return null;
    }
    Matcher m = FIRST_WORD.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  private static @Nullable String value(String message, String field) {
    String rest = message.substring(field.length() + 1);
    if (rest.startsWith("(")) {
      int close = rest.indexOf(')');
      return close > 0 ? rest.substring(1, close) : null;
    }
    int colon = message.lastIndexOf(": ");
    if (colon < 0) {
      return null;
    }
    String value = message.substring(colon + 2);
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      value = value.substring(1, value.length() - 1);
    }
    return value;
  }

  /** Returns the component names of a record type, or none for another type. */
  static List<String> components(@Nullable Class<?> type) {
    if (type == null || !type.isRecord()) {
      return List.of();
    }
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
