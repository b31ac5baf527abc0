package io.github.koppel.cli;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.MatchPolicies;
import io.github.koppel.matching.MatchPolicy;
import io.github.koppel.matching.evaluation.EvaluationReport;
import io.github.koppel.matching.evaluation.Evaluator;
import io.github.koppel.matching.evaluation.PolicyEvaluation;
import io.github.koppel.matching.evaluation.SyntheticHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code koppel evaluate}: replay policies over a history and write an HTML report. */
@Command(
    name = "evaluate",
    description = "Replay match policies over a history of proposals and outcomes, and write an HTML report with measures, intervals and plots.")
final class EvaluateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--data", description = "A JSON dataset (default: the bundled demo city).")
  @Nullable Path data;

  @Option(
      names = "--history",
      description = "A history file, JSON or CSV (default: the demo city's synthetic history, or the dataset's recorded matches).")
  @Nullable Path history;

  @Option(
      names = "--policy",
      description = "A policy file, or inclusive-default or volunteer-wishes; repeatable, the first is the baseline (default: both bundled policies).")
  List<String> policies = new ArrayList<>();

  @Option(names = "--k", description = "The length of the rankings (default: ${DEFAULT-VALUE}).", defaultValue = "10")
  int k = 10;

  @Option(names = "--out", description = "The report file (default: ${DEFAULT-VALUE}).", defaultValue = "report.html")
  Path out = Path.of("report.html");

  @Option(names = "--date", description = "The day coverage and exposure are measured on (default: the demo city's reference day, or today).")
  @Nullable LocalDate date;

  @Option(names = "--seed", description = "The seed of the synthetic history and the bootstrap (default: ${DEFAULT-VALUE}).", defaultValue = "2026")
  long seed = 2026;

  @Option(names = "--lang", description = "Language of the report: nl, en or fr (default: ${DEFAULT-VALUE}).", defaultValue = "nl")
  String lang = "nl";

  EvaluateCommand() {}

  @Override
  public void run() {
    if (!lang.equals("nl") && !lang.equals("en") && !lang.equals("fr")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be nl, en or fr: '" + lang + "'");
    }
    if (k < 1 || k > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--k must be in [1, 100]: " + k);
    }
    Dataset dataset = data == null ? DemoCity.bundled() : KoppelJson.create().readDataset(data);
    LocalDate day =
        date != null ? date : data == null ? DemoCity.REFERENCE_DATE : LocalDate.now(ZoneId.of("Europe/Brussels"));
    List<MatchPolicy> chosen = new ArrayList<>();
    for (String p : policies.isEmpty() ? List.of("inclusive-default", "volunteer-wishes") : policies) {
      chosen.add(
          switch (p) {
            case "inclusive-default" -> MatchPolicies.inclusiveDefault();
            case "volunteer-wishes" -> MatchPolicies.volunteerWishes();
            default -> MatchPolicies.read(Path.of(p));
          });
    }
    History h;
    if (history != null) {
      h = history.toString().toLowerCase(Locale.ROOT).endsWith(".csv")
          ? KoppelCsv.create().readHistory(history)
          : KoppelJson.create().readHistory(history);
    } else if (data == null) {
      MatchEngine engine = MatchEngine.builder(dataset).date(day).build();
      h = SyntheticHistory.generate(engine, 0.3, seed);
    } else {
      h = History.of(dataset);
    }
    Evaluator evaluator = Evaluator.of(dataset, h, day);
    if (evaluator.queries().isEmpty()) {
      throw new IllegalArgumentException(
          "the history has no volunteer who started somewhere; nothing to evaluate");
    }
    List<PolicyEvaluation> evaluations = new ArrayList<>();
    for (MatchPolicy p : chosen) {
      evaluations.add(evaluator.evaluate(p, k));
    }
    try {
      Files.writeString(out, EvaluationReport.html(evaluations, lang, seed), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + out, e);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "%d queries, top %d, %d events.%n", evaluator.queries().size(), k, h.events().size());
    w.printf(Locale.ROOT, "%-24s %9s %9s %9s %9s%n", "policy", "precision", "recall", "nDCG", "MRR");
    for (PolicyEvaluation e : evaluations) {
      w.printf(
          Locale.ROOT, "%-24s %9.3f %9.3f %9.3f %9.3f%n", e.policy(), e.mean("precision"), e.mean("recall"),
          e.mean("ndcg"), e.mean("mrr"));
    }
    w.println(String.format(Texts.get("reportWritten", lang), out));
  }
}
