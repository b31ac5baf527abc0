package io.github.koppel.cli;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.DataProblem;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.io.ValidationReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code koppel validate}: reads a dataset as Koppel would and reports every problem at once, each
 * with its file, row, column, value and, where there is one, a suggestion.
 */
@Command(
    name = "validate",
    description = {
      "Check a dataset (one JSON file or three CSV files) and report every problem at once, with"
          + " its file, row, column, value and a suggestion where there is one.",
      "Exit code 0 when the dataset loads, 1 when it has problems."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataOptions source = new DataOptions();

  @Option(
      names = "--max-problems",
      paramLabel = "N",
      description = "Stop after this many problems, in [1, 10000] (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  int maxProblems = ValidationReport.DEFAULT_MAX_PROBLEMS;

  @Option(names = "--json", description = "Write the report as JSON.")
  boolean json;

  ValidateCommand() {}

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    source.check(commandLine, false);
    if (maxProblems < 1 || maxProblems > ValidationReport.MAX_PROBLEMS) {
      throw new CommandLine.ParameterException(
          commandLine, "--max-problems must be in [1, " + ValidationReport.MAX_PROBLEMS + "]: " + maxProblems);
    }
    ValidationReport report;
    if (source.normaliseWords) {
      report = source.data != null
          ? source.json().checkNormalising(source.data, maxProblems)
          : source.csv(commandLine).checkNormalising(source.organisations, source.vacancies, source.volunteers, maxProblems);
    } else {
      report = source.data != null
          ? source.json().check(source.data, maxProblems)
          : source.csv(commandLine).check(source.organisations, source.vacancies, source.volunteers, maxProblems);
    }
    PrintWriter out = commandLine.getOut();
    if (json) {
      out.print(KoppelJson.create().toJson(report));
      return report.ok() ? 0 : 1;
    }
    if (report.ok()) {
      out.printf(
          "OK: %d organisations, %d vacancies, %d volunteers%n",
          report.organisations(), report.vacancies(), report.volunteers());
      return 0;
    }
    int n = report.problems().size();
    out.printf(
        "%d problem%s%s:%n",
        n, n == 1 ? "" : "s", report.truncated() ? " (the first " + n + "; there are more)" : "");
    for (int i = 0; i < n; i++) {
      DataProblem p = report.problems().get(i);
      // Every part may hold what a file said: values escaped and cut, no part starting a line.
      out.printf("%n%d. %s%n   at %s%s%n   in %s%s%n", i + 1, indented(p.problem()), Output.oneLine(p.location()),
          p.sensitive() ? " (value withheld: sensitive field)"
              : p.value() == null ? "" : " (value: " + InvalidDataException.printable(p.value()) + ")",
          Output.oneLine(p.source()), p.line() > 0 ? ", line " + p.line() : "");
      if (!p.suggestions().isEmpty()) {
        out.printf("   suggestion: %s%n", Output.oneLine(String.join(", ", p.suggestions())));
      }
    }
    out.printf(
        "%nRead without a problem: %d organisations, %d vacancies, %d volunteers. Nothing is loaded"
            + " until every problem is fixed.%n",
        report.organisations(), report.vacancies(), report.volunteers());
    return 1;
  }

  /**
   * A problem whose hint takes more lines: every further line indented, so that nothing it holds
   * can read as a line of the report.
   */
  private static String indented(String text) {
    return text.replace("\r", "\\u000D").replace("\n", "\n      ");
  }

}
