package io.github.koppel.cli;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.demo.Persona;
import io.github.koppel.core.demo.Personas;
import io.github.koppel.core.internal.Numbers;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.ExplanationText;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.Ranking;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code koppel demo}: the bundled demo city, its personas, their top vacancies and why. */
@Command(name = "demo", description = "Show the bundled demo city, its personas and their best matches, explained.")
final class DemoCommand implements Runnable {
  private static final int TOP = 3;

  @Spec CommandSpec spec;

  @Option(names = "--lang", description = "Language of the labels and stories: nl, en or fr (default: ${DEFAULT-VALUE}).", defaultValue = "nl")
  String lang = "nl";

  @Option(names = "--persona", description = "Show only this persona, for example persona-amal.")
  @Nullable String persona;

  DemoCommand() {}

  @Override
  public void run() {
    Texts.checkLanguage(spec.commandLine(), lang);
    List<String> personas = Personas.all().stream().map(Persona::id).toList();
    if (persona != null && !personas.contains(persona)) {
      // Checked before anything is printed, so that the error stands alone.
      List<String> nearest = Ids.nearest(persona, personas);
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--persona: no persona " + InvalidDataException.printable(persona)
              + (nearest.isEmpty() ? "" : "; did you mean " + String.join(", ", nearest) + "?")
              + "; the personas: " + String.join(", ", personas));
    }
    PrintWriter out = spec.commandLine().getOut();
    Dataset city = DemoCity.bundled();
    Vocabularies vocabularies = BundledData.flemishVocabularies();
    MatchEngine engine =
        MatchEngine.builder(city).vocabularies(vocabularies).date(DemoCity.REFERENCE_DATE).build();
    out.println(Texts.get("title", lang));
    out.printf(
        Locale.ROOT,
        Texts.get("summary", lang) + "%n",
        Numbers.integer(city.organisations().size(), lang),
        Numbers.integer(city.vacancies().size(), lang),
        Numbers.integer(city.volunteers().size(), lang));
    long practising =
        city.volunteers().stream()
            .filter(v -> v.languages().stream().anyMatch(l -> l.language().equals("nl") && l.wantsToPractise()))
            .count();
    long benefits = city.volunteers().stream().filter(v -> !v.benefits().isEmpty()).count();
    long needs = city.volunteers().stream().filter(v -> !v.supportNeeds().isEmpty()).count();
    out.printf(
        Locale.ROOT,
        Texts.get("shares", lang) + "%n%n",
        percent(practising, city.volunteers().size()),
        percent(benefits, city.volunteers().size()),
        percent(needs, city.volunteers().size()));
    for (Persona p : Personas.all()) {
      if (persona == null || p.id().equals(persona)) {
        show(out, engine, vocabularies, p);
      }
    }
    out.println(Texts.get("next", lang));
  }

  private void show(PrintWriter out, MatchEngine engine, Vocabularies vocabularies, Persona p) {
    Volunteer v = p.volunteer();
    out.println("== " + v.displayName() + " (" + v.id() + ")");
    out.println(p.story().in(lang));
    out.println(
        "   " + Texts.get("languages", lang) + ": "
            + v.languages().stream().map(DemoCommand::skill).collect(Collectors.joining(", ")));
    out.println(
        "   " + Texts.get("talents", lang) + ": "
            + v.talents().stream().map(t -> talent(vocabularies, t)).collect(Collectors.joining(", ")));
    Ranking ranking = engine.rankVacancies(v, TOP);
    out.println("   " + Texts.get("topMatches", lang) + ":");
    Output output = new Output(out, engine.dataset(), lang, Audience.VOLUNTEER);
    output.ranking(ranking, "   ", false, ranking.isEmpty());
    if (!ranking.isEmpty()) {
      out.println("   " + Texts.get("whyFirst", lang));
      output.explanation(
          ExplanationText.render(ranking.matches().get(0).explanation(), Audience.VOLUNTEER, lang), "      ");
    }
    out.println();
  }

  private static String skill(LanguageSkill l) {
    return l.language() + " " + l.level() + (l.wantsToPractise() ? " (+)" : "");
  }

  private String talent(Vocabularies vocabularies, Talent t) {
    Concept c = vocabularies.talents().concept(t.conceptId());
    String label = c == null ? t.conceptId() : c.label().in(lang);
    return t.wantsToLearn() ? label + " (" + Texts.get("toLearn", lang) + ")" : label;
  }

  private static String percent(long part, int whole) {
    return whole == 0 ? "0" : Long.toString(Math.round(100.0 * part / whole));
  }
}
