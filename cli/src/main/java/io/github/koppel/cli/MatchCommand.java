package io.github.koppel.cli;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.ComeBack;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.Ranking;
import io.github.koppel.matching.fairness.FairTopK;
import io.github.koppel.matching.policy.FairnessTarget;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code koppel match}: the top vacancies for a volunteer, or the top volunteers for a vacancy. */
@Command(name = "match", description = "Rank vacancies for a volunteer, or volunteers for a vacancy, with near misses.")
final class MatchCommand implements Runnable {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject = new Subject();

  static final class Subject {
    @Option(names = "--volunteer", description = "Rank vacancies for this volunteer id.")
    @Nullable String volunteer;

    @Option(names = "--vacancy", description = "Rank volunteers for this vacancy id.")
    @Nullable String vacancy;
  }

  @Option(
      names = "--come-back",
      description = "For a volunteer who comes back after a match that did not work: rank again with the history as a gate, and list the vacancies it left out and why.")
  boolean comeBack;

  @Option(names = "--top", description = "How many matches (default: ${DEFAULT-VALUE}).", defaultValue = "5")
  int top = 5;

  @Option(names = "--explain", description = "Explain every match.")
  boolean explain;

  @Option(
      names = "--fair-group",
      description = "Re-rank volunteers for a vacancy so that every top holds enough volunteers of this target group (FA*IR); only volunteers who consented count.")
  @Nullable String fairGroup;

  @Option(
      names = "--fair-proportion",
      description = "The minimum proportion of the target group, in (0, 1) (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.3")
  double fairProportion = 0.3;

  @Option(
      names = "--fair-alpha",
      description = "The significance of the fairness test, in (0, 1) (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.1")
  double fairAlpha = 0.1;

  @Option(
      names = "--fair-rule",
      description = "Which corrected table the fairness test uses: at-most-alpha (its type I error is at most alpha) or nearest-alpha (nearest alpha, possibly above, as the paper's reference implementation) (default: ${DEFAULT-VALUE}).",
      defaultValue = "at-most-alpha",
      converter = FairRuleConverter.class)
  FairTopK.Rule fairRule = FairTopK.Rule.AT_MOST_ALPHA;

  @Mixin MatchOptions options = new MatchOptions();

  MatchCommand() {}

  @Override
  public void run() {
    options.check(spec.commandLine());
    if (top < 0 || top > 1000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--top must be in [0, 1000]: " + top);
    }
    FairnessTarget fairness = null;
    if (fairGroup != null) {
      if (subject.vacancy == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--fair-group ranks volunteers: use it with --vacancy");
      }
      try {
        fairness = new FairnessTarget(fairGroup, fairProportion, fairAlpha, fairRule);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    if (comeBack && subject.volunteer == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--come-back ranks a volunteer's vacancies again: use it with --volunteer");
    }
    if (comeBack && options.audience() == Audience.ORGANISATION) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--come-back is a volunteer's own search, for a counsellor or the volunteer, not for an organisation");
    }
    if (subject.vacancy != null && options.audience() == Audience.VOLUNTEER) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--audience volunteer shows a volunteer their own vacancies (--volunteer); a ranking of"
              + " volunteers is for a counsellor or an organisation");
    }
    MatchEngine engine = options.engine(spec.commandLine(), fairness);
    if (subject.volunteer != null) {
      Ids.check("volunteer", subject.volunteer, engine.dataset().volunteers().stream().map(Volunteer::id).toList());
    } else {
      Ids.check("vacancy", subject.vacancy, engine.dataset().vacancies().stream().map(Vacancy::id).toList());
    }
    PrintWriter out = spec.commandLine().getOut();
    Output output = new Output(out, engine.dataset(), options.lang, options.audience());
    Ranking ranking;
    String heading;
    ComeBack back = null;
    if (comeBack && subject.volunteer != null) {
      back = engine.comeBack(subject.volunteer, top, options.audience());
      ranking = back.ranking();
      Volunteer v = engine.dataset().volunteer(subject.volunteer);
      heading = String.format(Texts.get("vacanciesFor", options.lang), output.name(v));
    } else if (subject.volunteer != null) {
      ranking = engine.rankVacancies(subject.volunteer, top, options.audience());
      Volunteer v = engine.dataset().volunteer(subject.volunteer);
      heading = String.format(Texts.get("vacanciesFor", options.lang), output.name(v));
    } else {
      ranking = engine.rankVolunteers(subject.vacancy, top, options.audience());
      Vacancy v = engine.dataset().vacancy(subject.vacancy);
      heading = String.format(Texts.get("volunteersFor", options.lang), v.title().in(options.lang) + " (" + v.id() + ")");
    }
    if (options.json) {
      out.print(KoppelJson.create().toJsonDocument(back != null ? back : ranking));
      return;
    }
    out.println(heading);
    output.ranking(ranking, "", explain, true);
    if (back != null) {
      output.misses(ranking, back.leftOut(), Texts.get("leftOut", options.lang), "");
    }
  }

  /** Reads {@code at-most-alpha} or {@code nearest-alpha}, in any case. */
  static final class FairRuleConverter implements CommandLine.ITypeConverter<FairTopK.Rule> {
    @Override
    public FairTopK.Rule convert(String value) {
      for (FairTopK.Rule r : FairTopK.Rule.values()) {
        if (r.name().replace('_', '-').equalsIgnoreCase(value) || r.name().equalsIgnoreCase(value)) {
          return r;
        }
      }
      throw new CommandLine.TypeConversionException(
          "expected at-most-alpha or nearest-alpha: " + InvalidDataException.printable(value));
    }
  }
}
