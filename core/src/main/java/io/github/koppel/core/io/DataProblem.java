package io.github.koppel.core.io;

import io.github.koppel.core.InvalidDataException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem of a dataset, as {@link ValidationReport} lists them: where it is, the value, what is
 * wrong and what the value could have been. For a sensitive field of a volunteer the value and
 * the suggestions are withheld, as in {@link InvalidDataException}.
 *
 * @param source the file or resource the data was read from
 * @param location where in the source: {@code row 3, column capacity} or a JSON path such as
 *     {@code $.volunteers[2].languages[0]}
 * @param value the offending value, or {@code null} when there is none or it is withheld
 * @param line the 1-based line, or -1 when unknown
 * @param column the 1-based column, or -1 when unknown
 * @param problem what is wrong, in one sentence
 * @param suggestions what the value could have been, best first (the nearest known ids or
 *     columns), or empty
 * @param sensitive whether the problem is about a sensitive field, whose value is withheld
 * @since 0.2
 */
public record DataProblem(
    String source,
    String location,
    @Nullable String value,
    int line,
    int column,
    String problem,
    List<String> suggestions,
    boolean sensitive) {

  public DataProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(problem, "problem");
    suggestions = List.copyOf(suggestions);
    if (sensitive) {
      value = null;
      suggestions = List.of();
    }
  }

  /**
   * Returns the problem an exception reports.
   *
   * @param e the exception
   * @return the problem
   */
  public static DataProblem of(InvalidDataException e) {
    return new DataProblem(
        e.source(), e.path(), e.value(), e.line(), e.column(), e.problem(), e.suggestions(),
        e.isSensitive());
  }

  /**
   * Returns the problem as the exception that reading would throw for it.
   *
   * @return the exception
   */
  public InvalidDataException toException() {
    if (sensitive) {
      return InvalidDataException.sensitive(source, location, line, column, problem);
    }
    return new InvalidDataException(source, location, value, line, column, problem, null)
        .withSuggestions(suggestions);
  }
}
