package io.github.koppel.cli;

import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.ExplanationText;
import io.github.koppel.matching.FairnessReport;
import io.github.koppel.matching.GateResult;
import io.github.koppel.matching.HeldBack;
import io.github.koppel.matching.Match;
import io.github.koppel.matching.NearMiss;
import io.github.koppel.matching.Ranking;
import io.github.koppel.matching.policy.FairnessTarget;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints rankings and explanations for people. */
final class Output {
  private final PrintWriter out;
  private final Dataset dataset;
  private final String lang;
  private final Audience audience;

  Output(PrintWriter out, Dataset dataset, String lang, Audience audience) {
    this.out = out;
    this.dataset = dataset;
    this.lang = lang;
    this.audience = audience;
  }

  /** A text on one line: line breaks written as escapes, so that no value can fake a line. */
  static String oneLine(String text) {
    return text.replace("\r", "\\u000D").replace("\n", "\\u000A");
  }

  void ranking(Ranking ranking, String indent, boolean explain, boolean nearMisses) {
    Ranking r = ranking.redactedFor(audience);
    out.printf(Locale.ROOT, indent + Texts.get("feasible", lang) + "%n", r.feasible(), r.candidates(), r.policy(), r.date());
    if (!r.blockedBy().isEmpty()) {
      out.println(indent + Texts.get("blockedBy", lang) + ": "
          + r.blockedBy().entrySet().stream()
              .map((Map.Entry<String, Integer> e) -> ExplanationText.label(e.getKey(), lang) + " " + e.getValue())
              .collect(Collectors.joining(", ")));
    }
    FairnessReport fairness = r.fairness();
    if (fairness != null) {
      FairnessTarget t = fairness.target();
      Integer after = fairness.protectedAfter();
      // Claim no more than is true: the target holds where enough of the group's candidates fit.
      out.printf(Locale.ROOT, indent + Texts.get(after == null ? "fairnessShortlist" : "fairness", lang) + "%n",
          Math.round(t.proportion() * 100), t.targetGroup(), t.alpha());
      if (after != null) {
        out.printf(Locale.ROOT, indent + Texts.get("fairnessCounts", lang) + "%n",
            after, r.matches().size(), fairness.protectedByMerit(), fairness.required());
        if (after < fairness.required()) {
          out.println(indent + Texts.get("fairnessNotMet", lang));
        }
      }
    }
    if (r.isEmpty()) {
      out.println(indent + Texts.get("noMatch", lang));
    }
    boolean withheld = r.matches().stream().anyMatch(m -> m.explanation().scoresWithheld());
    if (withheld && r.direction() == Ranking.Direction.VOLUNTEERS_FOR_VACANCY) {
      out.println(indent + Texts.get("shortlist", lang));
    }
    for (Match m : r.matches()) {
      String score = withheld ? "      " : String.format(Locale.ROOT, "%3d/100", Math.round(m.score() * 100));
      String promoted =
          fairness != null && fairness.promoted().contains(m.volunteerId())
              ? "  ↑ " + String.format(Texts.get("promoted", lang), fairness.target().targetGroup())
              : "";
      out.printf(Locale.ROOT, "%s%2d. %s  %s%s%n", indent, m.rank(), score, name(r, m.volunteerId(), m.vacancyId()), promoted);
      if (explain) {
        explanation(ExplanationText.render(m.explanation(), audience, lang), indent + "      ");
      }
    }
    if (r.reserve()) {
      out.println(indent + Texts.get("reserve", lang));
    }
    if (!r.heldBack().isEmpty()) {
      out.println(indent + Texts.get("heldBack", lang) + ":");
      for (HeldBack h : r.heldBack()) {
        out.println(indent + "  - " + name(r, h.volunteerId(), r.subjectId()) + ": " + h.reason().in(lang));
      }
    }
    if (nearMisses) {
      misses(r, r.nearMisses(), Texts.get("nearMisses", lang), indent);
    }
  }

  /** Prints pairs that fail a gate under a heading, each with its failed gates and remedies. */
  void misses(Ranking r, List<NearMiss> misses, String heading, String indent) {
    if (misses.isEmpty()) {
      return;
    }
    out.println(indent + heading + ":");
    for (NearMiss n : misses) {
      out.println(indent + "  - " + name(r, n.volunteerId(), n.vacancyId()));
      for (GateResult g : n.failedGates()) {
        out.println(indent + "      ✗ " + ExplanationText.label(g.gate(), lang) + ": "
            + g.evidence().get(0).message().in(lang));
        for (LocalizedText remedy : g.remedies()) {
          out.println(indent + "        → " + remedy.in(lang));
        }
      }
    }
  }

  void explanation(String text, String indent) {
    for (String line : text.split("\n")) {
      out.println(indent + line);
    }
  }

  private String name(Ranking r, String volunteerId, String vacancyId) {
    if (r.direction() == Ranking.Direction.VACANCIES_FOR_VOLUNTEER) {
      Vacancy v = dataset.vacancy(vacancyId);
      return v == null ? vacancyId : v.title().in(lang) + " — " + dataset.organisationOf(v).name() + " (" + vacancyId + ")";
    }
    Volunteer v = dataset.volunteer(volunteerId);
    return v == null ? volunteerId : name(v);
  }

  /** Returns a volunteer's name and id, or only the id for an organisation. */
  String name(Volunteer v) {
    return v.displayName() == null || audience == Audience.ORGANISATION
        ? v.id()
        : v.displayName() + " (" + v.id() + ")";
  }
}
