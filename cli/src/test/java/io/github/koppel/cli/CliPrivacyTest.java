package io.github.koppel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What the command line shows an organisation ({@code --audience organisation}): for every
 * volunteer it names, none of that volunteer's target groups, support needs, benefits or
 * background-check date appears, by id or by label in nl, en or fr, in text or JSON, for {@code
 * match --explain} and {@code explain}, and the JSON carries no sensitive category.
 */
class CliPrivacyTest {
  private static final Dataset CITY = DemoCity.bundled();
  private static final Vocabularies VOCABULARIES = BundledData.flemishVocabularies();

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = KoppelCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, () -> String.join(" ", args) + ": " + err);
    return out.toString();
  }

  /** The sensitive facts of a volunteer, as they could show in output. */
  private static Set<String> facts(Volunteer v) {
    Set<String> out = new LinkedHashSet<>();
    addConcepts(out, v.targetGroups(), VOCABULARIES.targetGroups());
    addConcepts(out, v.supportNeeds(), VOCABULARIES.accommodations());
    v.benefits().forEach(b -> out.add(b.name().toLowerCase(Locale.ROOT)));
    if (v.backgroundCheckDate() != null) {
      out.add(v.backgroundCheckDate().toString());
    }
    return out;
  }

  private static void addConcepts(Set<String> out, Set<String> ids, ConceptScheme scheme) {
    for (String id : ids) {
      out.add(id);
      Concept c = scheme.concept(id);
      if (c != null) {
        for (String lang : List.of("nl", "en", "fr")) {
          out.add(c.label().in(lang));
        }
      }
    }
  }

  /** Checks the facts of every volunteer the output names, and of {@code subject} if given. */
  private static void assertNoFactOfAnyNamedVolunteer(
      String output, String vacancyId, @Nullable String subject, String where) {
    // The vacancy's own dates may show; a background-check date equal to one of them proves nothing.
    Vacancy vacancy = java.util.Objects.requireNonNull(CITY.vacancy(vacancyId), vacancyId);
    Set<String> vacancyDates = new HashSet<>();
    for (LocalDate d : Arrays.asList(vacancy.validFrom(), vacancy.validUntil(), DemoCity.REFERENCE_DATE)) {
      if (d != null) {
        vacancyDates.add(d.toString());
      }
    }
    int named = 0;
    for (Volunteer v : CITY.volunteers()) {
      if (!output.contains(v.id()) && !v.id().equals(subject)) {
        continue;
      }
      named++;
      for (String fact : facts(v)) {
        if (vacancyDates.contains(fact)) {
          continue;
        }
        assertTrue(!output.contains(fact), () -> where + ": " + v.id() + "'s '" + fact + "' shows");
      }
    }
    assertTrue(named > 0, where + " names no volunteer");
    for (String trace :
        List.of("\"sensitiveCategory\"", "\"ABILITY\"", "\"TARGET_GROUP\"", "\"BENEFIT_STATUS\"", "\"BACKGROUND_CHECK\"")) {
      assertTrue(!output.contains(trace), () -> where + ": " + trace + " shows");
    }
  }

  /** The engine of the demo city, to tell which pairs a contact cap holds back. */
  private static final io.github.koppel.matching.MatchEngine HELD =
      io.github.koppel.matching.MatchEngine.builder(CITY).date(DemoCity.REFERENCE_DATE).build();

  @Test
  void matchAndExplainShowAnOrganisationNoSensitiveFact() {
    List<Volunteer> sensitive =
        CITY.volunteers().stream()
            .filter(v -> !v.targetGroups().isEmpty() || !v.supportNeeds().isEmpty()
                || !v.benefits().isEmpty() || v.backgroundCheckDate() != null)
            // An organisation is explained volunteers of the candidate bank only.
            .filter(v -> v.participation().findableOn(DemoCity.REFERENCE_DATE)
                && v.participation().proposableOn(DemoCity.REFERENCE_DATE))
            .toList();
    assertTrue(sensitive.size() > 100, "the demo city has volunteers with sensitive facts");
    List<String> checked = new ArrayList<>();
    for (String lang : List.of("nl", "en", "fr")) {
      for (int j = 0; j < CITY.vacancies().size(); j += 97) {
        String vacancy = CITY.vacancies().get(j).id();
        for (boolean json : List.of(false, true)) {
          List<String> args =
              new ArrayList<>(List.of("match", "--vacancy", vacancy, "--top", "10", "--explain",
                  "--audience", "organisation", "--lang", lang));
          if (json) {
            args.add("--json");
          }
          assertNoFactOfAnyNamedVolunteer(run(args.toArray(String[]::new)), vacancy, null, String.join(" ", args));
          checked.add(vacancy);
        }
      }
      for (int i = 0; i < sensitive.size(); i += 53) {
        Volunteer v = sensitive.get(i);
        String vacancy = CITY.vacancies().get(i % CITY.vacancies().size()).id();
        if (HELD.heldBack(v.id(), vacancy) != null) {
          continue;  // an organisation is not shown a pair a contact cap holds back
        }
        for (String json : List.of("", "--json")) {
          String[] args = json.isEmpty()
              ? new String[] {"explain", "--volunteer", v.id(), "--vacancy", vacancy, "--audience", "organisation", "--lang", lang}
              : new String[] {"explain", "--volunteer", v.id(), "--vacancy", vacancy, "--audience", "organisation", "--lang", lang, json};
          assertNoFactOfAnyNamedVolunteer(run(args), vacancy, v.id(), String.join(" ", args));
          checked.add(v.id());
        }
      }
    }
    assertTrue(checked.size() > 50, "checked " + checked.size());
  }
}
