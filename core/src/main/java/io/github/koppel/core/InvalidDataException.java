package io.github.koppel.core;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when input data is invalid: malformed JSON or CSV, a value out of range, an unknown
 * vocabulary id, a duplicate id, a dangling reference or a cycle. The message names the field, the
 * offending value and where it was read (source, JSON path or CSV row, line and column when known);
 * the same facts are available as structured accessors so that a portal can point a user at the
 * problem.
 *
 * <p>Loading is all-or-nothing: when a reader throws this exception, nothing was loaded.
 *
 * <p>An error about a sensitive field of a volunteer ({@code possibilities}, {@code supportNeeds},
 * {@code targetGroups}, {@code benefits}, {@code backgroundCheckDate}, or their CSV columns) names
 * the field, the location and the problem but never the value: {@link #value()} is {@code null},
 * quoted text and the value are removed from the problem, a cause that could hold the value is
 * dropped, and {@link #isSensitive()} is {@code true}.
 *
 * <p>This class is immutable.
 *
 * @since 0.1
 */
public final class InvalidDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final String problem;
  private final @Nullable String value;
  private final int line;
  private final int column;
  private final boolean sensitive;
  private final List<String> suggestions;

  /**
   * The sensitive fields of a volunteer as JSON path segments and CSV columns; see {@code
   * Volunteer}. A test checks that every sensitive component is here.
   */
  private static final Pattern SENSITIVE_PATH =
      Pattern.compile(
          "volunteers\\[\\d+]\\.(?:possibilities|supportNeeds|targetGroups|benefits|backgroundCheckDate)\\b"
              // One volunteer, or a CSV row; a vocabularies document has a scheme named targetGroups.
              + "|(?:^|row \\d+: )\\$\\.(?:possibilities|supportNeeds|benefits|backgroundCheckDate)\\b"
              + "|row \\d+: \\$\\.targetGroups\\b|^\\$\\.targetGroups\\["
              + "|column (?:possibilities|support_needs|target_groups|benefits|background_check_date)\\b");

  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");

  private static final String WITHHELD = "(value withheld: sensitive field)";

  /**
   * Creates an exception.
   *
   * @param source where the data was read: a file name, a resource or {@code <memory>}
   * @param path the location within the source, for example {@code $.volunteers[3].languages[0]}
   *     or {@code row 12, column languages}
   * @param value the offending value as text, or {@code null} when there is none (a missing field)
   * @param line the 1-based line, or -1 when unknown
   * @param column the 1-based column, or -1 when unknown
   * @param problem what is wrong, in one sentence
   * @param cause the underlying exception, or {@code null}
   */
  public InvalidDataException(
      String source,
      String path,
      @Nullable String value,
      int line,
      int column,
      String problem,
      @Nullable Throwable cause) {
    this(source, path, value, line, column, problem, cause, isSensitivePath(path), List.of());
  }

  private InvalidDataException(
      String source,
      String path,
      @Nullable String value,
      int line,
      int column,
      String problem,
      @Nullable Throwable cause,
      boolean sensitive,
      List<String> suggestions) {
    super(
        format(source, path, sensitive ? null : value, line, column, sensitive ? scrub(problem, value) : problem, sensitive),
        sensitive ? safeCause(cause) : cause);
    this.source = source;
    this.path = path;
    this.problem = sensitive ? scrub(problem, value) : problem;
    this.value = sensitive ? null : value;
    this.line = line;
    this.column = column;
    this.sensitive = sensitive;
    // A suggestion near a sensitive value would tell the value.
    this.suggestions = sensitive ? List.of() : List.copyOf(suggestions);
  }

  /** Returns whether a location names a sensitive field of a volunteer. */
  private static boolean isSensitivePath(String path) {
    return SENSITIVE_PATH.matcher(path).find();
  }

  /** Removes the value, and any quoted text that holds it, from a problem. */
  private static String scrub(String problem, @Nullable String value) {
    if (value == null || value.isEmpty()) {
      return problem;
    }
    String out =
        QUOTED.matcher(problem)
            .replaceAll(m -> m.group().contains(value) ? "…" : Matcher.quoteReplacement(m.group()));
    return out.replace(value, "…");
  }

  /** Keeps a cause only if it is itself a scrubbed error; any other could hold the value. */
  private static @Nullable Throwable safeCause(@Nullable Throwable cause) {
    return cause instanceof InvalidDataException e && e.sensitive ? e : null;
  }

  private static String format(
      String source,
      String path,
      @Nullable String value,
      int line,
      int column,
      String problem,
      boolean sensitive) {
    StringBuilder sb = new StringBuilder();
    sb.append(problem);
    sb.append("\n  at ").append(path);
    if (sensitive) {
      sb.append(' ').append(WITHHELD);
    } else if (value != null) {
      sb.append(" (value: ").append(abbreviate(value)).append(')');
    }
    sb.append("\n  in ").append(source);
    if (line > 0) {
      sb.append(", line ").append(line);
      if (column > 0) {
        sb.append(", column ").append(column);
      }
    }
    return sb.toString();
  }

  /**
   * Returns a value as the message of this exception shows it: in quotes, with control,
   * invisible and direction characters written as {@code \\uXXXX}, and cut at 80 characters.
   * For a report that prints a problem's parts itself.
   *
   * @param value the value
   * @return the printable form
   * @since 0.2
   */
  public static String printable(String value) {
    return abbreviate(value);
  }

  private static String abbreviate(String value) {
    // Control, invisible and direction characters are written as \\uXXXX: a value must not move
    // the cursor, ring a bell, or make one line read as another.
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < value.length() && out.length() <= 80; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    boolean whole = i == value.length() && out.length() <= 80;
    return whole ? '"' + out.toString() + '"' : '"' + out.substring(0, 77) + "...\"";
  }


  /**
   * Returns the same problem, located within a larger document: the source is replaced and the
   * path is appended to {@code pathPrefix}. Use it when a value validated on its own turns out to
   * have been read from a file.
   *
   * @param newSource where the document was read
   * @param pathPrefix the JSON path of the value within the document, such as {@code $.talents}
   * @return a new exception with this one as its cause
   */
  public InvalidDataException relocate(String newSource, String pathPrefix) {
    String relocated = path.startsWith("$") ? pathPrefix + path.substring(1) : pathPrefix + " " + path;
    return new InvalidDataException(
        newSource, relocated, value, line, column, problem, this,
        sensitive || isSensitivePath(relocated), suggestions);
  }

  /**
   * Returns the same problem with suggestions of what the value could have been, such as the
   * known ids nearest to an unknown one. The message is unchanged; a report shows them apart.
   * An exception about a sensitive field keeps none.
   *
   * @param suggestions the suggestions, best first
   * @return a new exception
   * @since 0.2
   */
  public InvalidDataException withSuggestions(List<String> suggestions) {
    InvalidDataException e =
        new InvalidDataException(
            source, path, value, line, column, problem, getCause(), sensitive, suggestions);
    e.setStackTrace(getStackTrace());
    return e;
  }

  /**
   * Returns suggestions of what the value could have been, best first: for an unknown id the
   * nearest known ids, for an unknown column the nearest known columns.
   *
   * @return the suggestions, empty when there are none or the field is sensitive
   * @since 0.2
   */
  public List<String> suggestions() {
    return suggestions;
  }

  /**
   * Creates an exception about a sensitive field of a volunteer, whose value is withheld: the
   * message names the field, the location and the problem only. The readers and {@code
   * Vocabularies} use it; a reader of your own can too.
   *
   * @param source where the data was read
   * @param path the location within the source
   * @param line the 1-based line, or -1 when unknown
   * @param column the 1-based column, or -1 when unknown
   * @param problem what is wrong, in one sentence, without the value
   * @return the exception, {@link #isSensitive()}
   * @since 0.2
   */
  public static InvalidDataException sensitive(
      String source, String path, int line, int column, String problem) {
    return new InvalidDataException(source, path, null, line, column, problem, null, true, List.of());
  }

  /**
   * Returns whether the problem is about a sensitive field of a volunteer, whose value is then
   * withheld.
   *
   * @return whether the value was withheld
   * @since 0.2
   */
  public boolean isSensitive() {
    return sensitive;
  }

  /**
   * Returns what is wrong, without the location.
   *
   * @return the problem, in one sentence
   */
  public String problem() {
    return problem;
  }

  /**
   * Returns where the data was read.
   *
   * @return a file name, a resource name or {@code <memory>}
   */
  public String source() {
    return source;
  }

  /**
   * Returns the location within the source.
   *
   * @return a JSON path such as {@code $.vacancies[2].capacity}, or a CSV location such as {@code
   *     row 4, column capacity}
   */
  public String path() {
    return path;
  }

  /**
   * Returns the offending value as text.
   *
   * @return the value, or {@code null} when the problem is a missing value or the field is
   *     sensitive
   */
  public @Nullable String value() {
    return value;
  }

  /**
   * Returns the 1-based line of the problem.
   *
   * @return the line, or -1 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column of the problem.
   *
   * @return the column, or -1 when unknown
   */
  public int column() {
    return column;
  }
}
