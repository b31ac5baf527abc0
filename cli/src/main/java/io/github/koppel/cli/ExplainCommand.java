package io.github.koppel.cli;

import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.ExplanationText;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.MatchExplanation;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code koppel explain}: why one volunteer and one vacancy match, or do not. */
@Command(name = "explain", description = "Explain one pair: each criterion's contribution, the gates and the legal notices.")
final class ExplainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--volunteer", required = true, description = "The volunteer id.")
  String volunteer = "";

  @Option(names = "--vacancy", required = true, description = "The vacancy id.")
  String vacancy = "";

  @Mixin MatchOptions options = new MatchOptions();

  ExplainCommand() {}

  @Override
  public void run() {
    options.check(spec.commandLine());
    MatchEngine engine = options.engine(spec.commandLine());
    Ids.check("volunteer", volunteer, engine.dataset().volunteers().stream().map(Volunteer::id).toList());
    Ids.check("vacancy", vacancy, engine.dataset().vacancies().stream().map(Vacancy::id).toList());
    MatchExplanation explanation = engine.explain(volunteer, vacancy, options.audience());
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.print(KoppelJson.create().toJsonDocument(explanation));
      return;
    }
    out.print(ExplanationText.render(explanation, options.audience(), options.lang));
  }
}
