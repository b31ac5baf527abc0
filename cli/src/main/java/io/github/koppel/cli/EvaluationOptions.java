package io.github.koppel.cli;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.evaluation.Evaluator;
import io.github.koppel.matching.evaluation.SyntheticHistory;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The options that {@code evaluate} and {@code tune} share: data, history, k, day, seed, language. */
final class EvaluationOptions {
  @Mixin DataOptions source = new DataOptions();

  @Option(
      names = "--history",
      description = "A history file, JSON or CSV (default: the demo city's synthetic history, or the dataset's recorded matches).")
  @Nullable Path history;

  @Option(names = "--k", description = "The length of the rankings (default: ${DEFAULT-VALUE}).", defaultValue = "10")
  int k = 10;

  @Option(names = "--date", paramLabel = "DAY", description = "The day coverage and exposure are measured on, yyyy-mm-dd or dd/mm/yyyy (default: the demo city's reference day, or today).")
  @Nullable LocalDate date;

  @Option(names = "--seed", description = "The seed of the synthetic history, the bootstrap and the search (default: ${DEFAULT-VALUE}).", defaultValue = "2026")
  long seed = 2026;

  @Option(names = "--lang", description = "Language of the report: nl, en or fr (default: ${DEFAULT-VALUE}).", defaultValue = "nl")
  String lang = "nl";

  void check(CommandLine commandLine) {
    source.check(commandLine, true);
    Texts.checkLanguage(commandLine, lang);
    if (k < 1 || k > 100) {
      throw new CommandLine.ParameterException(commandLine, "--k must be in [1, 100]: " + k);
    }
  }

  Dataset dataset(CommandLine commandLine) {
    return source.dataset(commandLine);
  }

  LocalDate day() {
    return day(date, source.none());
  }

  /** The day of a --date option: the date, the demo city's reference day, or today in Brussels. */
  static LocalDate day(@Nullable LocalDate date, boolean demo) {
    return date != null ? date : demo ? DemoCity.REFERENCE_DATE : LocalDate.now(ZoneId.of("Europe/Brussels"));
  }

  /** Reads a policy file, or one of the bundled policies by name. */
  static MatchPolicy policy(String nameOrFile) {
    return MatchPolicies.named(nameOrFile).orElseGet(() -> MatchPolicies.read(Path.of(nameOrFile)));
  }


  /** The history: the file, the demo city's synthetic one, or the dataset's recorded matches. */
  History history(Dataset dataset, LocalDate day) {
    if (history != null) {
      return readHistory(history);
    }
    if (source.none()) {
      return SyntheticHistory.generate(MatchEngine.builder(dataset).date(day).build(), 0.3, seed);
    }
    return History.of(dataset);
  }

  /** Reads a history file: CSV when its name ends in .csv, otherwise JSON. */
  static History readHistory(Path file) {
    return file.toString().toLowerCase(Locale.ROOT).endsWith(".csv")
        ? KoppelCsv.create().readHistory(file)
        : KoppelJson.create().readHistory(file);
  }

  /** The evaluator of the history, which must hold at least one start. */
  Evaluator evaluator(Dataset dataset, History h, LocalDate day) {
    Evaluator evaluator = Evaluator.of(dataset, h, day);
    if (evaluator.queries().isEmpty()) {
      throw new IllegalArgumentException(
          "the history has no volunteer who started somewhere; nothing to evaluate");
    }
    return evaluator;
  }

  /** Returns the input files of these options, by option name. */
  Map<String, Path> inputs(List<String> policies) {
    Map<String, Path> inputs = new LinkedHashMap<>(source.inputs());
    if (history != null) {
      inputs.put("--history", history);
    }
    for (String p : policies) {
      if (!MatchPolicies.BUNDLED_NAMES.contains(p)) {
        inputs.put("--policy", Path.of(p));
      }
    }
    return inputs;
  }

  /**
   * Fails with a usage error when an output file is one of the inputs (or two outputs are the same
   * file): writing would replace data the user still needs.
   *
   * @param commandLine the command, for the error
   * @param outputs the outputs, by option name
   * @param inputs the inputs, by option name
   */
  static void checkOutputs(
      CommandLine commandLine, Map<String, Path> outputs, Map<String, Path> inputs) {
    Map<String, Path> seen = new LinkedHashMap<>(inputs);
    for (Map.Entry<String, Path> out : outputs.entrySet()) {
      for (Map.Entry<String, Path> other : seen.entrySet()) {
        if (same(out.getValue(), other.getValue())) {
          throw new CommandLine.ParameterException(
              commandLine,
              out.getKey() + " " + out.getValue() + " is the same file as " + other.getKey()
                  + "; writing it would replace it\nGive " + out.getKey() + " another file.");
        }
      }
      seen.put(out.getKey(), out.getValue());
    }
  }

  private static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // Fall back on comparing the names.
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  static void write(Path file, String text, String what) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + what + " " + file, e);
    }
  }
}
