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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code koppel evaluate}: replay policies over a history and write an HTML report. */
@Command(
    name = "evaluate",
    description = "Replay match policies over a history of proposals and outcomes, and write an HTML report with measures, intervals and plots.")
final class EvaluateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--policy",
      description = "A policy file, or inclusive-default or volunteer-wishes; repeatable, the first is the baseline (default: both bundled policies).")
  List<String> policies = new ArrayList<>();

  @Option(names = "--out", description = "The report file (default: ${DEFAULT-VALUE}).", defaultValue = "report.html")
  Path out = Path.of("report.html");

  @Mixin EvaluationOptions options = new EvaluationOptions();

  EvaluateCommand() {}

  @Override
  public void run() {
    options.check(spec.commandLine());
    EvaluationOptions.checkOutputs(spec.commandLine(), Map.of("--out", out), options.inputs(policies));
    Dataset dataset = options.dataset(spec.commandLine());
    LocalDate day = options.day();
    List<MatchPolicy> chosen = new ArrayList<>();
    for (String p : policies.isEmpty() ? MatchPolicies.BUNDLED_NAMES : policies) {
      chosen.add(EvaluationOptions.policy(p));
    }
    History h = options.history(dataset, day);
    Evaluator evaluator = options.evaluator(dataset, h, day);
    List<PolicyEvaluation> evaluations = new ArrayList<>();
    for (MatchPolicy p : chosen) {
      evaluations.add(evaluator.evaluate(p, options.k));
    }
    // How the baseline's nDCG responds to each of its weights, from cached criterion scores.
    Tuner.Sensitivity sensitivity =
        Tuner.of(evaluator, dataset, chosen.get(0), "ndcg", options.k, null, 0).sensitivity();
    EvaluationOptions.write(
        out, EvaluationReport.html(evaluations, sensitivity, options.lang, options.seed), "report");
    PrintWriter w = spec.commandLine().getOut();
    String lang = options.lang;
    w.println(String.format(Texts.get("evaluationSummary", lang), Numbers.integer(evaluator.queries().size(), lang),
        Numbers.integer(options.k, lang), Numbers.integer(h.events().size(), lang)));
    String[] header = Texts.get("evaluationHeader", lang).split("\\|");
    w.printf(Locale.ROOT, "%-24s %10s %10s %10s %10s%n", (Object[]) header);
    for (PolicyEvaluation e : evaluations) {
      w.printf(Locale.ROOT, "%-24s %10s %10s %10s %10s%n", e.policy(), Numbers.fixed(e.mean("precision"), 3, lang),
          Numbers.fixed(e.mean("recall"), 3, lang), Numbers.fixed(e.mean("ndcg"), 3, lang),
          Numbers.fixed(e.mean("mrr"), 3, lang));
    }
    w.println(String.format(Texts.get("reportWritten", options.lang), out));
  }
}
