package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.legal.LegalNotice;
import io.github.koppel.core.internal.Numbers;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.matching.internal.Messages;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders explanations as text for people, in nl, en or fr, for one audience.
 *
 * <p>The text is for reading, not for parsing: its layout may change in any release. Programs
 * read {@link MatchExplanation} and its records instead. This class is thread-safe.
 *
 * @since 0.2
 */
public final class ExplanationText {

  private ExplanationText() {}

  /**
   * Renders an explanation for an audience: it is redacted first (see {@link
   * MatchExplanation#redactedFor}; an organisation's explanation must come from {@link
   * MatchEngine#explain(String, String, Audience)} or a ranking for an organisation), then written as a score line, one line per criterion with its
   * contribution, weight and evidence, the gates with what would change a failed one, and the
   * legal notices.
   *
   * @param explanation the explanation
   * @param audience who reads it
   * @param language nl, en or fr
   * @return the text, several lines
   * @throws IllegalArgumentException if the language is not nl, en or fr
   * @throws IllegalArgumentException if the audience is an organisation and the explanation was
   *     not computed for one
   * @throws IllegalStateException if the explanation was redacted for another audience
   */
  public static String render(MatchExplanation explanation, Audience audience, String language) {
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(audience, "audience");
    checkLanguage(language);
    MatchExplanation e = explanation.redactedFor(audience);
    StringBuilder out = new StringBuilder();
    out.append(t("render.for." + audience.name(), language)).append('\n');
    out.append(t(e.isFeasible() ? "render.score" : "render.scoreInfeasible", language)).append(' ');
    if (e.scoresWithheld()) {
      out.append(t("render.withheld", language)).append(" (");
    } else {
      out.append(Math.round(e.score().soft() * 100)).append("/100 (");
    }
    out
        .append(t("render.aggregation." + e.aggregation().name(), language))
        .append(", ")
        .append(t("render.policy", language))
        .append(' ')
        .append(e.policy())
        .append(")\n");
    for (Contribution c : e.contributions()) {
      out.append("  ")
          .append(String.format(Locale.ROOT, "%-22s", criterionLabel(c, language)))
          .append(' ');
      if (e.scoresWithheld()) {
        out.append(
            c.outcome() == Evaluation.Outcome.ABSTAINED
                ? t("render.notGivenWithheld", language)
                : c.outcome() == Evaluation.Outcome.VETOED ? t("render.veto", language) : "");
      } else if (c.outcome() == Evaluation.Outcome.ABSTAINED && c.weight() == 0) {
        out.append(t("render.abstained", language));
      } else if (c.outcome() == Evaluation.Outcome.ABSTAINED) {
        // A wish (BONUS) that the volunteer did not state takes part with a score of 0.
        out.append('+')
            .append(fixed(0, language))
            .append("  (")
            .append(t("render.weight", language))
            .append(' ')
            .append(Math.round(c.weight() * 100))
            .append(" %, ")
            .append(t("render.notGiven", language))
            .append(')');
      } else {
        out.append('+')
            .append(fixed(c.contribution(), language))
            .append("  (")
            .append(t("render.weight", language))
            .append(' ')
            .append(Math.round(c.weight() * 100))
            .append(" %");
        if (!c.redacted()) {
          out.append(", ")
              .append(t("render.criterionScore", language))
              .append(' ')
              .append(fixed(c.score(), language));
        }
        if (c.outcome() == Evaluation.Outcome.VETOED) {
          out.append(", ").append(t("render.veto", language));
        }
        out.append(')');
      }
      out.append('\n');
      for (Evidence ev : c.evidence()) {
        out.append("      · ").append(ev.message().in(language)).append('\n');
      }
    }
    out.append(t("render.gates", language)).append('\n');
    for (GateResult g : e.gates()) {
      out.append("  ").append(g.passed() ? "✓ " : "✗ ").append(gateLabel(g, language));
      if (!g.passed() && !g.evidence().isEmpty()) {
        out.append(": ").append(g.evidence().get(0).message().in(language));
        for (LocalizedText remedy : g.remedies()) {
          out.append("\n      → ").append(remedy.in(language));
        }
      }
      out.append('\n');
    }
    if (!e.notices().isEmpty()) {
      out.append(t("render.notices", language)).append('\n');
      for (LegalNotice n : e.notices()) {
        out.append("  • ").append(n.message().in(language)).append('\n');
      }
    }
    if (audience == Audience.ORGANISATION) {
      out.append(t(e.scoresWithheld() ? "render.organisationNoteWithheld" : "render.organisationNote", language))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * Returns the label of a criterion type or gate in a language, such as {@code Taal} for {@code
   * language}; the name itself for a type without a label.
   *
   * @param name the criterion type, or a gate name
   * @param language nl, en or fr
   * @return the label
   */
  public static String label(String name, String language) {
    checkLanguage(language);
    String key = "criterion." + name;
    return Messages.has(key) ? Messages.template(key, language) : name;
  }

  private static String criterionLabel(Contribution c, String language) {
    String label = label(c.type(), language);
    return c.criterion().equals(c.type()) || c.redacted() ? label : label + " (" + c.criterion() + ")";
  }

  private static String gateLabel(GateResult g, String language) {
    return label(g.gate(), language);
  }

  private static String fixed(double value, String language) {
    return Numbers.fixed(value, 2, language);
  }

  private static String t(String key, String language) {
    return Messages.template(key, language);
  }

  private static void checkLanguage(String language) {
    Objects.requireNonNull(language, "language");
    checkArgument(
        Messages.LANGUAGES.contains(language), "language must be nl, en or fr: '%s'", language);
  }
}
