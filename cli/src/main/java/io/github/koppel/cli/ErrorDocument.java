package io.github.koppel.cli;

import io.github.koppel.core.InvalidDataException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * An error as JSON, written on standard error when a command was given {@code --json}: a portal
 * that reads the output as JSON reads its errors the same way. Written with a {@code
 * schemaVersion} as every JSON output; described in {@code docs/json-schema.md}.
 *
 * @param error what went wrong
 */
record ErrorDocument(Error error) {
  /**
   * The error.
   *
   * @param kind {@code usage} (a bad option or argument, exit code 2), {@code data} (invalid data
   *     or an unknown id, exit code 1) or {@code io} (a file that cannot be read or written, exit
   *     code 1)
   * @param message the message: for invalid data the problem alone (its place is in the fields
   *     below), otherwise as the text form prints it after {@code koppel: }
   * @param source for invalid data, where it was read
   * @param location for invalid data, the JSON path or the CSV row and column
   * @param value for invalid data, the value (absent when it is sensitive or missing)
   * @param line for invalid data, the 1-based line, when known
   * @param column for invalid data, the 1-based column, when known
   * @param suggestions what may have been meant
   */
  record Error(
      String kind,
      String message,
      @Nullable String source,
      @Nullable String location,
      @Nullable String value,
      @Nullable Integer line,
      @Nullable Integer column,
      List<String> suggestions) {}

  static ErrorDocument usage(CommandLine.ParameterException e) {
    return new ErrorDocument(new Error("usage", e.getMessage(), null, null, null, null, null, List.of()));
  }

  static ErrorDocument of(RuntimeException e) {
    if (e instanceof InvalidDataException d) {
      return new ErrorDocument(new Error("data", d.problem(), d.source(), d.path(), d.value(),
          d.line() > 0 ? d.line() : null, d.column() > 0 ? d.column() : null, d.suggestions()));
    }
    return new ErrorDocument(new Error(e instanceof UncheckedIOException ? "io" : "data", e.getMessage(),
        null, null, null, null, null, List.of()));
  }
}
