package io.github.koppel.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code koppel} command.
 *
 * <pre>{@code
 * koppel demo [--lang nl|en|fr] [--persona ID]
 * koppel match [--data city.json] --volunteer ID | --vacancy ID [--top K] [--explain]
 *     [--lang nl|en|fr] [--audience organisation|counsellor|volunteer] [--policy FILE] [--date D] [--json]
 * koppel explain [--data city.json] --volunteer ID --vacancy ID [--lang] [--audience] [--policy] [--json]
 * koppel match --vacancy ID --fair-group G [--fair-proportion P] [--fair-alpha A]
 * koppel allocate [--data city.json] [--mode optimal|stable|stable-vacancies|greedy]
 *     [--team ID=VOLUNTEER,VOLUNTEER]... [--all] [--json]
 * koppel evaluate [--data city.json] [--history h.json|h.csv] [--policy FILE]... [--k K]
 *     [--out report.html] [--lang nl|en|fr]
 * koppel tune [--policy FILE] [--metric ndcg|precision|recall|mrr] [--search coordinate|random]
 *     [--iterations N] [--folds F] [--fair-group G --fair-ratio R] [--out FILE] [--report FILE]
 * koppel validate --data city.json
 * koppel validate --organisations o.csv --vacancies v.csv --volunteers p.csv
 * }</pre>
 *
 * @since 0.1
 */
@Command(
    name = "koppel",
    mixinStandardHelpOptions = true,
    versionProvider = KoppelCommand.Version.class,
    description = "Inclusive matching of volunteers and vacancies.",
    subcommands = {DemoCommand.class, MatchCommand.class, ExplainCommand.class, AllocateCommand.class, EvaluateCommand.class, TuneCommand.class, ValidateCommand.class, ConvertCommand.class})
public final class KoppelCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  KoppelCommand() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command with the given output streams.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code: 0 on success, 1 for invalid data or an unknown id, 2 for a usage error
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new KoppelCommand());
    // Names, titles and ids come from data and arguments: none may act on the terminal.
    PrintWriter safeOut = new PrintWriter(new EscapingWriter(out), false);
    PrintWriter safeErr = new PrintWriter(new EscapingWriter(err), false);
    cli.setOut(safeOut);
    cli.setErr(safeErr);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            commandLine.getErr().println("koppel: " + e.getMessage());
            return 1;
          }
          throw e;
        });
    int code = cli.execute(args);
    safeOut.flush();
    safeErr.flush();
    return code;
  }

  /** Prints the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = KoppelCommand.class.getPackage().getImplementationVersion();
      return new String[] {"koppel " + (version == null ? "(development build)" : version)};
    }
  }
}
