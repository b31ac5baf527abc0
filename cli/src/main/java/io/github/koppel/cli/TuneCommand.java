package io.github.koppel.cli;

import io.github.koppel.core.internal.Numbers;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.matching.evaluation.EvaluationReport;
import io.github.koppel.matching.evaluation.Evaluator;
import io.github.koppel.matching.evaluation.PolicyEvaluation;
import io.github.koppel.matching.evaluation.Tuner;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code koppel tune}: tune a policy's weights on a history and write the tuned policy and a report. */
@Command(
    name = "tune",
    description = "Tune the weights of a match policy on a history (seeded search, k-fold cross-validation, optional fairness constraint); write the tuned policy and a report comparing it with the start.")
final class TuneCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--policy",
      description = "The starting policy: a file, or inclusive-default (default: ${DEFAULT-VALUE}).",
      defaultValue = "inclusive-default")
  String policy = "inclusive-default";

  @Option(names = "--metric", description = "precision, recall, ndcg or mrr (default: ${DEFAULT-VALUE}).", defaultValue = "ndcg")
  String metric = "ndcg";

  @Option(names = "--search", description = "coordinate or random (default: ${DEFAULT-VALUE}).", defaultValue = "coordinate")
  String search = "coordinate";

  @Option(names = "--iterations", description = "Rounds (coordinate) or samples (random) (default: ${DEFAULT-VALUE}).", defaultValue = "10")
  int iterations = 10;

  @Option(names = "--folds", description = "Folds of cross-validation (default: ${DEFAULT-VALUE}).", defaultValue = "5")
  int folds = 5;

  @Option(names = "--fair-group", description = "Only accept weights that serve this target group at least --fair-ratio times as well as everyone.")
  @Nullable String fairGroup;

  @Option(names = "--fair-ratio", description = "The ratio of the fairness constraint, in [0, 1] (default: ${DEFAULT-VALUE}).", defaultValue = "0.9")
  double fairRatio = 0.9;

  @Option(names = "--out", description = "The tuned policy file (default: ${DEFAULT-VALUE}).", defaultValue = "tuned-policy.json")
  Path out = Path.of("tuned-policy.json");

  @Option(names = "--report", description = "The report file (default: ${DEFAULT-VALUE}).", defaultValue = "tuning-report.html")
  Path report = Path.of("tuning-report.html");

  @Mixin EvaluationOptions options = new EvaluationOptions();

  TuneCommand() {}

  @Override
  public void run() {
    options.check(spec.commandLine());
    Tuner.Search how =
        switch (search) {
          case "coordinate" -> Tuner.Search.COORDINATE;
          case "random" -> Tuner.Search.RANDOM;
          default -> throw new CommandLine.ParameterException(
              spec.commandLine(), "--search must be coordinate or random: '" + search + "'");
        };
    if (!PolicyEvaluation.METRICS.contains(metric)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--metric must be one of " + PolicyEvaluation.METRICS + ": '" + metric + "'");
    }
    // Checked before the history is read and explained, which takes a while.
    if (fairRatio < 0 || fairRatio > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--fair-ratio must be in [0, 1]: " + fairRatio);
    }
    if (iterations < 1 || iterations > 10_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--iterations must be in [1, 10000]: " + iterations);
    }
    if (folds < 2 || folds > 20) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be in [2, 20]: " + folds);
    }
    Map<String, Path> outputs = new LinkedHashMap<>();
    outputs.put("--out", out);
    outputs.put("--report", report);
    EvaluationOptions.checkOutputs(spec.commandLine(), outputs, options.inputs(List.of(policy)));
    Dataset dataset = options.dataset(spec.commandLine());
    LocalDate day = options.day();
    MatchPolicy start = EvaluationOptions.policy(policy);
    History h = options.history(dataset, day);
    Evaluator evaluator = options.evaluator(dataset, h, day);
    Tuner tuner = Tuner.of(evaluator, dataset, start, metric, options.k, fairGroup, fairRatio);
    Tuner.TuningResult result = tuner.tune(how, iterations, folds, options.seed);
    EvaluationOptions.write(out, MatchPolicies.toJson(result.policy()), "policy");
    List<PolicyEvaluation> evaluations =
        List.of(evaluator.evaluate(start, options.k), evaluator.evaluate(result.policy(), options.k));
    EvaluationOptions.write(
        report,
        EvaluationReport.html(evaluations, tuner.sensitivity(), options.lang, options.seed),
        "report");
    PrintWriter w = spec.commandLine().getOut();
    String lang = options.lang;
    w.println(String.format(Texts.get("tuneSummary", lang), Numbers.integer(tuner.queries(), lang),
        Numbers.integer(options.k, lang), metric, Numbers.integer(folds, lang)));
    w.println(String.format(Texts.get("tuneStart", lang), start.name(),
        Numbers.fixed(result.startMean(), 3, lang), Numbers.fixed(result.crossValidatedStart(), 3, lang)));
    w.println(String.format(Texts.get("tuneTuned", lang), result.policy().name(),
        Numbers.fixed(result.tunedMean(), 3, lang), Numbers.fixed(result.crossValidatedTuned(), 3, lang)));
    w.println(String.format(Texts.get("policyWritten", options.lang), out));
    w.println(String.format(Texts.get("reportWritten", options.lang), report));
  }
}
