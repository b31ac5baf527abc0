package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.demo.Personas;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.legal.GateFailure;
import io.github.koppel.core.legal.LegalAssessment;
import io.github.koppel.core.legal.LegalNotice;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.matching.criteria.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No {@code toString()} of a type that can hold a sensitive fact prints it: explanations,
 * contributions, evidence, gates, legal assessments, notices and failures, rankings, matches, near
 * misses and personas, built unredacted for every volunteer of the demo city who has sensitive
 * facts and consented to their use (so that the facts are really in the objects).
 */
class TextFormsTest {
  private static final Dataset CITY = DemoCity.bundled();
  private static final Vocabularies VOCABULARIES = BundledData.flemishVocabularies();

  /** The texts by which a volunteer's sensitive facts could show. */
  static Set<String> traces(Volunteer v) {
    Set<String> out = new LinkedHashSet<>();
    concepts(out, v.targetGroups(), VOCABULARIES.targetGroups());
    concepts(out, v.supportNeeds(), VOCABULARIES.accommodations());
    for (BenefitStatus b : v.benefits()) {
      out.add(b.name());
      out.add("BENEFIT_" + b.name());
    }
    if (!v.benefits().isEmpty()) {
      out.addAll(List.of("RVA", "ONEM", "OCMW", "CPAS", "C45B", "ziekenfonds", "leefloon"));
    }
    v.possibilities().forEach((dimension, level) -> out.add(dimension + "=" + level));
    if (v.backgroundCheckDate() != null) {
      out.add(v.backgroundCheckDate().toString());
    }
    return out;
  }

  private static void concepts(Set<String> out, Set<String> ids, ConceptScheme scheme) {
    for (String id : ids) {
      out.add(id);
      scheme.concept(id).label().texts().values().forEach(out::add);
    }
  }

  @Test
  void noTextFormPrintsASensitiveFact() {
    MatchEngine engine = MatchEngine.builder(CITY).date(DemoCity.REFERENCE_DATE).build();
    List<Volunteer> sensitive = new ArrayList<>();
    for (Volunteer v : CITY.volunteers()) {
      if (!traces(v).isEmpty() && !v.consents().isEmpty()) {
        sensitive.add(v);
      }
    }
    assertTrue(sensitive.size() > 100, "volunteers with sensitive facts: " + sensitive.size());
    int checked = 0;
    int factsInObjects = 0;
    for (int i = 0; i < sensitive.size(); i += 7) {
      Volunteer v = sensitive.get(i);
      Set<String> traces = traces(v);
      List<Object> objects = new ArrayList<>();
      for (int j = 0; j < 3; j++) {
        Vacancy vacancy = CITY.vacancies().get((i * 31 + j * 7) % CITY.vacancies().size());
        MatchExplanation e = engine.explain(v.id(), vacancy.id());
        objects.add(e);
        objects.addAll(e.contributions());
        objects.addAll(e.gates());
        objects.addAll(e.notices());
        e.contributions().forEach(c -> objects.addAll(c.evidence()));
        e.gates().forEach(g -> objects.addAll(g.evidence()));
        LegalAssessment a =
            BundledData.belgianLegalRules()
                .assess(v, vacancy, CITY.organisationOf(vacancy), DemoCity.REFERENCE_DATE);
        objects.add(a);
        objects.addAll(a.failures());
        objects.addAll(a.notices());
        factsInObjects += countFacts(e, a, traces);
      }
      Ranking r = engine.rankVacancies(v.id(), 5);
      objects.add(r);
      objects.addAll(r.matches());
      objects.addAll(r.nearMisses());
      for (Object o : objects) {
        String text = o.toString();
        for (String trace : traces) {
          assertFalse(text.contains(trace), () -> o.getClass().getSimpleName() + " of " + v.id() + " prints " + trace + ": " + text);
        }
        checked++;
      }
    }
    for (var p : Personas.all()) {
      for (String trace : traces(p.volunteer())) {
        assertFalse(p.toString().contains(trace), p.toString());
      }
      assertFalse(p.toString().contains(p.story().in("en")), p.toString());
    }
    assertTrue(checked > 2000, "checked " + checked);
    // The test is not vacuous: the objects do hold the facts that their text forms leave out.
    assertTrue(factsInObjects > 50, "facts held in the objects: " + factsInObjects);
  }

  /** Counts the sensitive facts that the objects hold, in their messages and facts. */
  private static int countFacts(MatchExplanation e, LegalAssessment a, Set<String> traces) {
    int n = 0;
    List<String> held = new ArrayList<>();
    for (Contribution c : e.contributions()) {
      for (Evidence ev : c.evidence()) {
        held.add(ev.facts().toString());
        held.add(ev.message().texts().toString());
      }
    }
    for (LegalNotice notice : a.notices()) {
      held.add(notice.kind().name());
      held.add(notice.message().texts().toString());
    }
    for (GateFailure f : a.failures()) {
      held.add(f.facts().toString());
    }
    for (String h : held) {
      for (String t : traces) {
        if (h.contains(t)) {
          n++;
        }
      }
    }
    return n;
  }
}
