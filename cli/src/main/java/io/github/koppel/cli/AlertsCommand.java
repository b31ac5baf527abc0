package io.github.koppel.cli;

import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Alert;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.MatchEngine;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code koppel alerts}: who newly matches a vacancy, or which vacancies newly match a volunteer. */
@Command(name = "alerts", description = "Who newly matches a vacancy, or which vacancies newly match a volunteer, above a threshold.")
final class AlertsCommand implements Runnable {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject = new Subject();

  static final class Subject {
    @Option(names = "--volunteer", description = "The vacancies that newly match this volunteer.")
    @Nullable String volunteer;

    @Option(names = "--vacancy", description = "The volunteers who newly match this vacancy.")
    @Nullable String vacancy;
  }

  @Option(names = "--threshold", description = "The lowest score, in [0, 1] (default: ${DEFAULT-VALUE}).", defaultValue = "0.5")
  double threshold = 0.5;

  @Option(names = "--limit", description = "How many alerts at most, in [0, 10000] (default: ${DEFAULT-VALUE}).", defaultValue = "100")
  int limit = 100;

  @Mixin MatchOptions options = new MatchOptions();

  /** The alerts as a document. */
  record Alerts(String subjectId, double threshold, List<Alert> alerts) {}

  AlertsCommand() {}

  @Override
  public void run() {
    options.check(spec.commandLine());
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be in [0, 1]: " + threshold);
    }
    if (limit < 0 || limit > MatchEngine.MAX_ALERTS) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--limit must be in [0, " + MatchEngine.MAX_ALERTS + "]: " + limit);
    }
    Audience audience = options.audience();
    if (subject.volunteer != null && audience == Audience.ORGANISATION) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "the alerts of a volunteer are for the volunteer or a counsellor, not for an organisation");
    }
    if (subject.vacancy != null && audience == Audience.VOLUNTEER) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "the alerts of a vacancy are for a counsellor (to tell the volunteers) or the organisation");
    }
    MatchEngine engine = options.engine(spec.commandLine());
    List<Alert> alerts;
    String subjectId;
    if (subject.volunteer != null) {
      subjectId = subject.volunteer;
      Ids.check("volunteer", subjectId, engine.dataset().volunteers().stream().map(Volunteer::id).toList());
      alerts = engine.alertsForVolunteer(subjectId, threshold, limit);
    } else {
      subjectId = subject.vacancy;
      Ids.check("vacancy", subjectId, engine.dataset().vacancies().stream().map(Vacancy::id).toList());
      alerts = engine.alertsForVacancy(subjectId, threshold, limit, audience);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.print(KoppelJson.create().toJsonDocument(new Alerts(subjectId, threshold, alerts)));
      return;
    }
    String lang = options.lang;
    Output output = new Output(out, engine.dataset(), lang, audience);
    out.println(String.format(Locale.ROOT, Texts.get("alertsHeading", lang), alerts.size(), subjectId,
        Math.round(threshold * 100)));
    for (Alert a : alerts) {
      Volunteer v = engine.dataset().volunteer(a.volunteerId());
      String other = subject.volunteer != null ? name(engine, a.vacancyId(), lang) : v == null ? a.volunteerId() : output.name(v);
      out.printf(Locale.ROOT, "  %3d/100  %s%n", Math.round(a.score() * 100), other);
    }
  }

  private static String name(MatchEngine engine, String vacancyId, String lang) {
    Vacancy v = engine.dataset().vacancy(vacancyId);
    return v == null ? vacancyId : v.title().in(lang) + " (" + vacancyId + ")";
  }
}
