package io.github.koppel.cli;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.internal.Dates;
import io.github.koppel.core.io.KoppelJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Properties;
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
 * koppel match --vacancy ID --fair-group G [--fair-proportion P] [--fair-alpha A] [--fair-rule R]
 * koppel match --volunteer ID --come-back
 * koppel alerts [--data city.json] --vacancy ID | --volunteer ID [--threshold T] [--limit N]
 *     [--audience organisation|counsellor] [--json]
 * koppel allocate [--data city.json] [--mode optimal|stable|stable-vacancies|greedy]
 *     [--team ID=VOLUNTEER,VOLUNTEER]... [--all] [--json]
 * koppel evaluate [--data city.json] [--history h.json|h.csv] [--policy FILE]... [--k K]
 *     [--out report.html] [--lang nl|en|fr]
 * koppel tune [--policy FILE] [--metric ndcg|precision|recall|mrr] [--search coordinate|random]
 *     [--iterations N] [--folds F] [--fair-group G --fair-ratio R] [--out FILE] [--report FILE]
 * koppel validate --data city.json
 * koppel validate --organisations o.csv --vacancies v.csv --volunteers p.csv
 * koppel convert DATA --to csv|json --out FOLDER|FILE
 * koppel help [COMMAND]          koppel COMMAND --help          koppel --version
 * }</pre>
 *
 * @since 0.1
 */
@Command(
    name = "koppel",
    // --help/-h and --version/-V on the command and on every subcommand; `koppel help [command]`.
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = KoppelCommand.Version.class,
    description = "Inclusive matching of volunteers and vacancies.",
    subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, MatchCommand.class, AlertsCommand.class, ExplainCommand.class, AllocateCommand.class, EvaluateCommand.class, TuneCommand.class, ValidateCommand.class, ConvertCommand.class})
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
    // Days as the CSV reader takes them, with a message that says which forms, not a stack trace.
    cli.registerConverter(LocalDate.class, text -> {
      try {
        return Dates.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "expected " + Dates.EXPECTED + ", such as 2026-03-01 or 01/03/2026: "
                + InvalidDataException.printable(text));
      }
    });
    // With --json, errors are a JSON document on standard error too.
    boolean json = List.of(args).contains("--json");
    // A usage error gets its message and where to find help, not the whole usage.
    cli.setParameterExceptionHandler(json ? KoppelCommand::usageErrorAsJson : KoppelCommand::usageError);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            if (json) {
              commandLine.getErr().print(KoppelJson.create().toJsonDocument(ErrorDocument.of((RuntimeException) e)));
            } else {
              commandLine.getErr().println("koppel: " + e.getMessage());
            }
            return 1;
          }
          throw e;
        });
    int code = cli.execute(args);
    safeOut.flush();
    safeErr.flush();
    return code;
  }

  /** Prints a usage error: the message, a suggestion for a mistyped option, and where help is. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("koppel: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Prints a usage error as a JSON document. */
  private static int usageErrorAsJson(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().print(KoppelJson.create().toJsonDocument(ErrorDocument.usage(e)));
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * Prints the version: the {@code Implementation-Version} of the jar's manifest, or, when the
   * classes do not come from a jar (a build's own tests), the version the build wrote beside them.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"koppel " + version()};
    }

    static String version() {
      String version = KoppelCommand.class.getPackage().getImplementationVersion();
      if (version != null) {
        return version;
      }
      try (InputStream in = KoppelCommand.class.getResourceAsStream("version.properties")) {
        Properties p = new Properties();
        if (in != null) {
          p.load(in);
        }
        return p.getProperty("version", "(development build)");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
