package io.github.koppel.cli;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.demo.Persona;
import io.github.koppel.core.demo.Personas;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.legal.LegalAssessment;
import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code koppel demo}: the bundled demo city, its personas and the legal view of a first vacancy. */
@Command(name = "demo", description = "Show the bundled demo city and its personas.")
final class DemoCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--lang", description = "Language of the labels and stories: nl, en or fr (default: ${DEFAULT-VALUE}).", defaultValue = "nl")
  String lang = "nl";

  @Option(names = "--persona", description = "Show only this persona, for example persona-amal.")
  @Nullable String persona;

  DemoCommand() {}

  @Override
  public void run() {
    if (!lang.equals("nl") && !lang.equals("en") && !lang.equals("fr")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--lang must be nl, en or fr: '" + lang + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    Dataset city = DemoCity.bundled();
    Vocabularies vocabularies = BundledData.flemishVocabularies();
    LegalRules rules = BundledData.belgianLegalRules();
    out.println(Texts.get("title", lang));
    out.printf(
        Locale.ROOT,
        Texts.get("summary", lang) + "%n",
        city.organisations().size(),
        city.vacancies().size(),
        city.volunteers().size());
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
    boolean shown = false;
    for (Persona p : Personas.all()) {
      if (persona != null && !p.id().equals(persona)) {
        continue;
      }
      shown = true;
      show(out, city, vocabularies, rules, p);
    }
    if (!shown) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--persona: no persona '" + persona + "'; choose one of "
              + Personas.all().stream().map(Persona::id).collect(Collectors.joining(", ")));
    }
    out.println(Texts.get("next", lang));
  }

  private void show(PrintWriter out, Dataset city, Vocabularies vocabularies, LegalRules rules, Persona p) {
    Volunteer v = p.volunteer();
    out.println("== " + v.displayName() + " (" + v.id() + ")");
    out.println(p.story().in(lang));
    out.println(
        "   " + Texts.get("languages", lang) + ": "
            + v.languages().stream().map(DemoCommand::skill).collect(Collectors.joining(", ")));
    out.println(
        "   " + Texts.get("talents", lang) + ": "
            + v.talents().stream().map(t -> talent(vocabularies, t)).collect(Collectors.joining(", ")));
    Vacancy first = firstVacancyFor(city, v);
    if (first == null) {
      out.println("   " + Texts.get("noVacancy", lang));
    } else {
      out.println("   " + Texts.get("vacancy", lang) + ": " + first.title().in(lang) + " — "
          + city.organisationOf(first).name() + " (" + first.id() + ")");
      LegalAssessment a = rules.assess(v, first, city.organisationOf(first), DemoCity.REFERENCE_DATE);
      for (var f : a.failures()) {
        out.println("   ✗ " + f.message().in(lang));
      }
      for (var n : a.notices()) {
        out.println("   • " + n.message().in(lang));
      }
    }
    out.println();
  }

  private static @Nullable Vacancy firstVacancyFor(Dataset city, Volunteer v) {
    for (Vacancy vacancy : city.vacancies()) {
      for (TalentRequirement r : vacancy.talents()) {
        for (Talent t : v.talents()) {
          if (!t.wantsToLearn() && t.conceptId().equals(r.conceptId())) {
            return vacancy;
          }
        }
      }
    }
    return null;
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
