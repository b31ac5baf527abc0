package io.github.koppel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The conventions of a picocli tool (#15): help on every command, the version, short usage
 * errors, days in the forms the CSV reader takes, and numbers in the chosen language.
 */
final class CliConventionsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KoppelCommand.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  /** Every subcommand of the tool, read from the command itself so that a new one is covered. */
  static Stream<String> commands() {
    return new CommandLine(new KoppelCommand()).getSubcommands().keySet().stream().filter(c -> !c.equals("help"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandTakesHelpLongAndShort(String command) {
    for (String option : List.of("--help", "-h")) {
      out.getBuffer().setLength(0);
      assertEquals(0, run(command, option), err::toString);
      assertTrue(out.toString().startsWith("Usage: koppel " + command + " "), out.toString());
      assertTrue(out.toString().contains("-h, --help"), out.toString());
    }
    out.getBuffer().setLength(0);
    assertEquals(0, run("help", command), err::toString);
    assertTrue(out.toString().startsWith("Usage: koppel " + command + " "), out.toString());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandAnswersABadOptionShortlyWithWhereHelpIs(String command) {
    // With the options a command requires, so that the unknown one is the error.
    List<String> args = new java.util.ArrayList<>(List.of(command));
    args.addAll(switch (command) {
      case "explain" -> List.of("--volunteer", "persona-amal", "--vacancy", "vac-0002");
      case "convert" -> List.of("--out", "nowhere");
      default -> List.of();
    });
    args.add("--no-such-option");
    assertEquals(2, run(args.toArray(String[]::new)));
    String e = err.toString();
    assertTrue(e.startsWith("koppel: Unknown option: '--no-such-option'"), e);
    assertTrue(e.contains("Try 'koppel " + command + " --help' for more information."), e);
    assertTrue(!e.contains("Usage:"), "no whole usage after a usage error: " + e);
    assertEquals("", out.toString());
  }

  @Test
  void aMistypedOptionGetsTheNearestOne() {
    assertEquals(2, run("match", "--volunter", "persona-amal"));
    assertTrue(err.toString().contains("Possible solutions: --volunteer, "), err.toString());
  }

  @Test
  void helpAloneListsTheCommands() {
    assertEquals(0, run("help"));
    String text = out.toString();
    assertTrue(text.startsWith("Usage: koppel "), text);
    commands().forEach(c -> assertTrue(text.contains("  " + c + " "), c + " in " + text));
    out.getBuffer().setLength(0);
    assertEquals(2, run("help", "nonsense"));
    assertTrue(err.toString().contains("Unknown subcommand 'nonsense'"), err.toString());
  }

  @Test
  void versionIsTheBuildsVersion() {
    String expected = System.getProperty("koppel.expectedVersion");
    assertTrue(expected != null && !expected.isBlank(), "the build passes its version");
    for (String option : List.of("--version", "-V")) {
      out.getBuffer().setLength(0);
      assertEquals(0, run(option));
      assertEquals("koppel " + expected + System.lineSeparator(), out.toString());
    }
    out.getBuffer().setLength(0);
    assertEquals(0, run("match", "--version"));
    assertEquals("koppel " + expected + System.lineSeparator(), out.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-01", "01/03/2026", "1/3/2026", " 2026-03-01 "})
  void aDayIsReadInTheFormsOfTheCsvReader(String day) {
    assertEquals(0, run("match", "--volunteer", "persona-amal", "--top", "1", "--date", day, "--lang", "en"), err::toString);
    assertTrue(out.toString().contains("2026-03-01"), out.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"01/13/2026", "2026-02-30", "31/02/2026", "tomorrow", "2026/03/01", ""})
  void aDayInAnotherFormSaysWhichFormsAreExpected(String day) {
    assertEquals(2, run("match", "--volunteer", "persona-amal", "--date", day));
    String e = err.toString();
    assertTrue(e.contains("Invalid value for option '--date': expected a date as yyyy-mm-dd or dd/mm/yyyy, such as"
        + " 2026-03-01 or 01/03/2026: \"" + day + "\""), e);
    assertTrue(!e.contains("DateTimeParseException") && !e.contains("Usage:") && !e.contains("\tat "), e);
  }

  @Test
  void aHostileDayIsPrintedEscaped() {
    assertEquals(2, run("evaluate", "--date", "2026\u001B[2J"));
    assertTrue(err.toString().contains("\"2026\\u001B[2J\""), err.toString());
    assertTrue(err.toString().chars().noneMatch(c -> c == 0x1B), err.toString());
  }

  /** A decimal comma and a point for thousands in Dutch; a narrow space in French; English as English. */
  @Test
  void allocateWritesItsNumbersInTheChosenLanguage() {
    Pattern nl = Pattern.compile("\\d+ van 1\\.011 vrijwilligers geplaatst in 400 open vacatures; totale score (\\d{1,3}(\\.\\d{3})*),\\d\\d\\.");
    Pattern fr = Pattern.compile("\\d+ bénévoles sur 1\u202F011 placés dans 400 offres ouvertes ; score total (\\d{1,3}(\u202F\\d{3})*),\\d\\d\\.");
    Pattern en = Pattern.compile("\\d+ of 1,011 volunteers placed in 400 open vacancies; total score (\\d{1,3}(,\\d{3})*)\\.\\d\\d\\.");
    for (Object[] c : new Object[][] {{"nl", nl, ","}, {"fr", fr, ","}, {"en", en, "."}}) {
      out.getBuffer().setLength(0);
      assertEquals(0, run("allocate", "--mode", "greedy", "--lang", (String) c[0]), err::toString);
      String text = out.toString();
      assertTrue(((Pattern) c[1]).matcher(text).find(), c[0] + ": " + text.substring(0, 300));
      // Every placement's score too: "  0,87" in nl and fr, "  0.87" in en.
      String line = text.lines().filter(l -> l.contains(" → ")).findFirst().orElseThrow();
      assertTrue(line.matches(".*  \\d" + Pattern.quote((String) c[2]) + "\\d\\d"), line);
    }
  }

  @Test
  void legalNoticesWriteAmountsInTheChosenLanguage() {
    assertEquals(0, run("explain", "--volunteer", "persona-amal", "--vacancy", "vac-0002", "--lang", "nl"));
    assertTrue(out.toString().contains("begrensd tot 44,02 euro per dag en 1.760,83 euro per jaar"), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("explain", "--volunteer", "persona-amal", "--vacancy", "vac-0002", "--lang", "fr"));
    assertTrue(out.toString().contains("plafonné à 44,02 euros par jour et 1\u202F760,83 euros par an"), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("explain", "--volunteer", "persona-amal", "--vacancy", "vac-0002", "--lang", "en"));
    assertTrue(out.toString().contains("capped at 44.02 euro a day and 1,760.83 euro a year"), out.toString());
  }

  @Test
  void demoCountsAreWrittenInTheChosenLanguage() {
    assertEquals(0, run("demo", "--persona", "persona-amal"));
    assertTrue(out.toString().contains("vacatures, 1.011 kandidaat-vrijwilligers."), out.toString());
  }

  /** Every --json output is a document with a schemaVersion first (#15). */
  @Test
  void everyJsonOutputCarriesItsSchemaVersion() {
    List<String[]> commands = List.of(
        new String[] {"match", "--volunteer", "persona-amal", "--top", "2", "--json"},
        new String[] {"match", "--vacancy", "vac-0077", "--top", "2", "--json", "--audience", "organisation"},
        new String[] {"explain", "--volunteer", "persona-amal", "--vacancy", "vac-0002", "--json"},
        new String[] {"allocate", "--mode", "greedy", "--json"},
        new String[] {"allocate", "--mode", "greedy", "--json", "--audience", "organisation"});
    for (String[] c : commands) {
      out.getBuffer().setLength(0);
      assertEquals(0, run(c), err::toString);
      assertTrue(out.toString().startsWith("{\n  \"schemaVersion\" : 1,\n"), String.join(" ", c) + ": " + out.toString().substring(0, 80));
    }
  }

  /** With --json, an error is a JSON document on standard error, and nothing goes to standard output. */
  @Test
  void withJsonAnErrorIsJsonToo() {
    assertEquals(1, run("match", "--volunteer", "vol-00001", "--json"));
    assertEquals("", out.toString());
    assertEquals("{\n  \"schemaVersion\" : 1,\n  \"error\" : {\n    \"kind\" : \"data\",\n"
        + "    \"message\" : \"no volunteer with id \\\"vol-00001\\\" in the dataset; nearest: vol-0001, vol-0002, vol-0003\"\n  }\n}\n",
        err.toString().replace(System.lineSeparator(), "\n"));
    err.getBuffer().setLength(0);
    assertEquals(2, run("match", "--volunteer", "persona-amal", "--top", "x", "--json"));
    assertTrue(err.toString().contains("\"kind\" : \"usage\""), err.toString());
    assertTrue(err.toString().contains("\"message\" : \"Invalid value for option '--top': 'x' is not an int\""), err.toString());
    assertTrue(!err.toString().contains("Try 'koppel"), err.toString());
  }

  /** Invalid data keeps its source, location and value in the JSON error. */
  @Test
  void withJsonInvalidDataKeepsWhereItWasRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path policy = java.nio.file.Files.writeString(dir.resolve("policy.json"),
        "{\"schemaVersion\": 1, \"name\": \"x\", \"criteria\": [{\"type\": \"distance\", \"parameters\": {\"scale\": -1}}]}");
    assertEquals(1, run("match", "--volunteer", "persona-amal", "--policy", policy.toString(), "--json"));
    String e = err.toString();
    assertTrue(e.contains("\"kind\" : \"data\""), e);
    assertTrue(e.contains("\"source\" : \"" + policy.toString().replace("\\", "\\\\") + "\""), e);
    assertTrue(e.contains("\"location\" : \"$.criteria[0].parameters.scale\""), e);
    assertTrue(e.contains("\"message\" : \"parameter scale must be a number in [0.01, 1000.0]\""), e);
    assertTrue(e.contains("\"value\" : \"-1.0\""), e);
  }
}
