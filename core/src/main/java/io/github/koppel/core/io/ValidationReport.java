package io.github.koppel.core.io;

import com.google.common.base.Preconditions;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Every problem of a dataset found in one pass, up to a cap, with what could be read: what {@code
 * koppel validate} shows, so that a file with three mistakes takes one run, not three. Loading
 * stays all-or-nothing: {@code readDataset} still throws at the first problem; this report is for
 * fixing the files.
 *
 * <p>Within a file, a row with a problem is left out and the next row is read; a problem of a
 * file itself (its encoding, its header, its size, malformed CSV or JSON) ends the reading of that
 * file, and the other files are still read. References between files (a vacancy's organisation)
 * are checked among the rows that could be read.
 *
 * @param problems the problems, file by file in reading order, at most {@code maxProblems}
 * @param truncated whether more problems were found than the cap let through
 * @param organisations the organisations read without a problem
 * @param vacancies the vacancies read without a problem
 * @param volunteers the volunteers read without a problem
 * @since 0.2
 */
public record ValidationReport(
    List<DataProblem> problems, boolean truncated, int organisations, int vacancies, int volunteers) {
  /** The number of problems a report holds unless asked otherwise. */
  public static final int DEFAULT_MAX_PROBLEMS = 100;

  /** The most problems a report may be asked to hold. */
  public static final int MAX_PROBLEMS = 10_000;

  public ValidationReport {
    problems = List.copyOf(problems);
  }

  /**
   * Returns whether the dataset has no problem.
   *
   * @return whether {@link #problems()} is empty
   */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** Collects problems up to a cap; package-private, for the readers. */
  static final class Collector {
    private final int max;
    private final List<DataProblem> problems = new ArrayList<>();
    private boolean truncated;

    Collector(int max) {
      Preconditions.checkArgument(
          max >= 1 && max <= MAX_PROBLEMS, "maxProblems must be in [1, %s]: %s", MAX_PROBLEMS, max);
      this.max = max;
    }

    /**
     * Adds a problem; returns false, and marks the report truncated, when the cap was already
     * reached: reading should stop.
     */
    boolean add(InvalidDataException e) {
      if (problems.size() >= max) {
        truncated = true;
        return false;
      }
      problems.add(DataProblem.of(e));
      return true;
    }

    boolean truncated() {
      return truncated;
    }

    /**
     * Reports each vacancy whose organisation is not among the organisations read, as both
     * readers check it once every file was read; {@code problem} says where the i-th vacancy is.
     */
    void unknownOrganisations(
        List<Organisation> organisations, List<Vacancy> vacancies, IntFunction<InvalidDataException> problem) {
      Set<String> ids = new HashSet<>();
      organisations.forEach(o -> ids.add(o.id()));
      for (int i = 0; i < vacancies.size() && !truncated; i++) {
        if (!ids.contains(vacancies.get(i).organisationId())) {
          add(problem.apply(i));
        }
      }
    }

    ValidationReport report(int organisations, int vacancies, int volunteers) {
      return new ValidationReport(problems, truncated, organisations, vacancies, volunteers);
    }
  }
}
