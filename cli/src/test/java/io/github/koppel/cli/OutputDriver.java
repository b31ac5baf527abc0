package io.github.koppel.cli;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.evaluation.SyntheticHistory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a fixed list of commands in this JVM and writes what each printed (standard output,
 * standard error and the exit code) and every file it wrote into a folder, for {@link
 * ByteStableOutputTest} to compare between JVMs.
 */
final class OutputDriver {
  private OutputDriver() {}

  /** The commands, {@code {dir}} standing for the output folder. */
  static final List<List<String>> COMMANDS =
      List.of(
          List.of("demo", "--lang", "en"),
          List.of("match", "--vacancy", "vac-0002", "--top", "10", "--explain", "--audience", "counsellor"),
          List.of("match", "--vacancy", "vac-0002", "--json", "--audience", "counsellor"),
          List.of("match", "--vacancy", "vac-0002", "--json", "--audience", "organisation"),
          List.of("match", "--vacancy", "vac-0002", "--explain", "--audience", "organisation", "--lang", "fr"),
          List.of("match", "--vacancy", "vac-0002", "--fair-group", "newcomer", "--json", "--audience", "counsellor"),
          List.of("match", "--vacancy", "vac-0002", "--fair-group", "newcomer", "--audience", "organisation", "--lang", "en"),
          List.of("match", "--volunteer", "persona-amal", "--json", "--audience", "volunteer"),
          List.of("match", "--volunteer", "persona-amal", "--explain", "--lang", "fr", "--audience", "volunteer"),
          List.of("explain", "--volunteer", "persona-amal", "--vacancy", "vac-0001", "--json", "--audience", "volunteer"),
          List.of("allocate", "--json"),
          List.of("allocate", "--lang", "fr"),
          List.of("validate", "--data", "{dir}/small-city.json"),
          List.of("evaluate", "--data", "{dir}/small-city.json", "--history", "{dir}/small-history.json",
              "--out", "{dir}/report.html", "--lang", "fr"),
          List.of("tune", "--data", "{dir}/small-city.json", "--history", "{dir}/small-history.json",
              "--iterations", "1", "--folds", "2", "--out", "{dir}/tuned-policy.json",
              "--report", "{dir}/tuning-report.html", "--lang", "en"));

  /**
   * Writes the outputs into a folder.
   *
   * @param args the folder
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    Dataset small = DemoCity.generate(7, 150, 40, 60);
    KoppelJson json = KoppelJson.create();
    Files.writeString(dir.resolve("small-city.json"), json.toJson(small), StandardCharsets.UTF_8);
    MatchEngine engine = MatchEngine.builder(small).date(DemoCity.REFERENCE_DATE).build();
    History history = SyntheticHistory.generate(engine, 0.5, 7);
    try (OutputStream out = Files.newOutputStream(dir.resolve("small-history.json"))) {
      json.writeHistory(history, out);
    }
    for (int i = 0; i < COMMANDS.size(); i++) {
      String[] command =
          COMMANDS.get(i).stream().map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = KoppelCommand.run(command, new PrintWriter(out), new PrintWriter(err));
      String text = String.join(" ", COMMANDS.get(i)) + "\nexit " + code + "\n--- out\n" + out
          + "--- err\n" + err;
      Files.writeString(
          dir.resolve(String.format("command-%02d.txt", i)),
          text.replace(dir.toString(), "{dir}"),
          StandardCharsets.UTF_8);
    }
  }
}
