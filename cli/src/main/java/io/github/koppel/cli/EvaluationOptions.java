package io.github.koppel.cli;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.MatchPolicies;
import io.github.koppel.matching.MatchPolicy;
import io.github.koppel.matching.evaluation.Evaluator;
import io.github.koppel.matching.evaluation.SyntheticHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options that {@code evaluate} and {@code tune} share: data, history, k, day, seed, language. */
final class EvaluationOptions {
  @Option(names = "--data", description = "A JSON dataset (default: the bundled demo city).")
  @Nullable Path data;

  @Option(
      names = "--history",
      description = "A history file, JSON or CSV (default: the demo city's synthetic history, or the dataset's recorded matches).")
  @Nullable Path history;

  @Option(names = "--k", description = "The length of the rankings (default: ${DEFAULT-VALUE}).", defaultValue = "10")
  int k = 10;

  @Option(names = "--date", description = "The day coverage and exposure are measured on (default: the demo city's reference day, or today).")
  @Nullable LocalDate date;

  @Option(names = "--seed", description = "The seed of the synthetic history, the bootstrap and the search (default: ${DEFAULT-VALUE}).", defaultValue = "2026")
  long seed = 2026;

  @Option(names = "--lang", description = "Language of the report: nl, en or fr (default: ${DEFAULT-VALUE}).", defaultValue = "nl")
  String lang = "nl";

  void check(CommandLine commandLine) {
    Texts.checkLanguage(commandLine, lang);
    if (k < 1 || k > 100) {
      throw new CommandLine.ParameterException(commandLine, "--k must be in [1, 100]: " + k);
    }
  }

  Dataset dataset() {
    return dataset(data);
  }

  LocalDate day() {
    return day(date, data);
  }

  /** The dataset of a --data option: the file, or the bundled demo city. */
  static Dataset dataset(@Nullable Path data) {
    return data == null ? DemoCity.bundled() : KoppelJson.create().readDataset(data);
  }

  /** The day of a --date option: the date, the demo city's reference day, or today in Brussels. */
  static LocalDate day(@Nullable LocalDate date, @Nullable Path data) {
    return date != null ? date : data == null ? DemoCity.REFERENCE_DATE : LocalDate.now(ZoneId.of("Europe/Brussels"));
  }

  /** Reads a policy file, or one of the bundled policies by name. */
  static MatchPolicy policy(String nameOrFile) {
    return switch (nameOrFile) {
      case "inclusive-default" -> MatchPolicies.inclusiveDefault();
      case "volunteer-wishes" -> MatchPolicies.volunteerWishes();
      default -> MatchPolicies.read(Path.of(nameOrFile));
    };
  }

  /** The history: the file, the demo city's synthetic one, or the dataset's recorded matches. */
  History history(Dataset dataset, LocalDate day) {
    if (history != null) {
      return history.toString().toLowerCase(Locale.ROOT).endsWith(".csv")
          ? KoppelCsv.create().readHistory(history)
          : KoppelJson.create().readHistory(history);
    }
    if (data == null) {
      return SyntheticHistory.generate(MatchEngine.builder(dataset).date(day).build(), 0.3, seed);
    }
    return History.of(dataset);
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

  static void write(Path file, String text, String what) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + what + " " + file, e);
    }
  }
}
