package io.github.koppel.core.io;

/**
 * Keeps a spreadsheet from running what a CSV cell says (OWASP's CSV injection guidance): a cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written
 * behind an apostrophe, which spreadsheets show as text and Koppel's reader removes again.
 *
 * <p>So that reading undoes exactly what writing did, a cell that starts with an apostrophe followed
 * by one of those characters or by another apostrophe also gets one; any other apostrophe, such as
 * the one of {@code 't Pleintje}, is left alone on both ways.
 */
final class SpreadsheetCells {
  private SpreadsheetCells() {}

  private static boolean trigger(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** Returns a value as it is written into a cell. */
  static String neutral(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    boolean quoted = first == '\'' && value.length() > 1 && (trigger(value.charAt(1)) || value.charAt(1) == '\'');
    return trigger(first) || quoted ? "'" + value : value;
  }

  /** Returns the value a cell holds, undoing {@link #neutral}. */
  static String restore(String cell) {
    if (cell.length() > 1 && cell.charAt(0) == '\'' && (trigger(cell.charAt(1)) || cell.charAt(1) == '\'')) {
      return cell.substring(1);
    }
    return cell;
  }
}
