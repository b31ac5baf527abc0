package io.github.koppel.core.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Days as people write them in Belgium and as files hold them: {@code 2026-03-01} (ISO 8601) or
 * {@code 01/03/2026} and {@code 1/3/2026} (day, month, year), strictly: 31/02/2026 is an error, not
 * the last day of February. The CSV reader and the command line read days with it. Not an API.
 */
public final class Dates {
  /** What a day is written as, for messages. */
  public static final String EXPECTED = "a date as yyyy-mm-dd or dd/mm/yyyy";

  private static final DateTimeFormatter DMY =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private Dates() {}

  /**
   * Reads a day.
   *
   * @param text the day as written, without surrounding white space
   * @return the day
   * @throws DateTimeParseException if the text is not a day in either form
   */
  public static LocalDate parse(String text) {
    return text.contains("/") ? LocalDate.parse(text, DMY) : LocalDate.parse(text);
  }
}
