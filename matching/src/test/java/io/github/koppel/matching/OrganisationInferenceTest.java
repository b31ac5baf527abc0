package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.matching.policy.FairnessTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Plays a curious organisation on the demo city (#13). Two kinds of proof:
 *
 * <ul>
 *   <li><b>Invariance.</b> Everything an organisation receives about a volunteer it is shown
 *       (rankings with their counts and near misses, fair shortlists, explanations, as JSON and as
 *       text in nl, en and fr) is byte-identical when that volunteer's sensitive facts and consents
 *       are removed. Nothing received can then tell anything about them.
 *   <li><b>Attacks.</b> Simple attacks score every volunteer an organisation is shown from what it
 *       receives (score inversions, a private contribution over its weight, the total minus the
 *       visible contributions, the weight of a visible criterion, the counts, the position in a
 *       fair shortlist) and try to tell members of each target group, consenting volunteers of
 *       each sensitive category, and volunteers with support needs or benefits from the others.
 *       The statistic is the area under the ROC curve of the attack's score for the fact (0.5 is
 *       chance), over the pairs of one volunteer with and one without the fact shown in the same
 *       output; an attack does no better than chance when |AUC − 0.5| is at most four standard
 *       errors of that AUC under no association (van Elteren's stratified Mann–Whitney). The same attacks
 *       on what a consenting counsellor sees (the full scores) must do clearly better than chance
 *       (|AUC − 0.5| ≥ 0.1) wherever the hidden factors matter, so that the attacks are real.
 * </ul>
 */
class OrganisationInferenceTest {
  private static final Dataset CITY = DemoCity.bundled();
  private static final KoppelJson JSON = KoppelJson.create();
  private static final MatchEngine ENGINE =
      MatchEngine.builder(CITY)
          .date(DemoCity.REFERENCE_DATE)
          .strategy(MatchEngine.Strategy.COMPILED)
          .build();
  private static final Map<String, Volunteer> BY_ID = new HashMap<>();

  static {
    CITY.volunteers().forEach(v -> BY_ID.put(v.id(), v));
  }

  /** The volunteer without any sensitive fact or consent, or without all but the target groups. */
  static Volunteer strip(Volunteer v, boolean keepTargetGroups) {
    return new Volunteer(
        v.id(), v.displayName(), v.birthDate(), v.completedFirstStageSecondary(), v.languages(),
        v.talents(), v.interests(), Map.of(), Set.of(), v.availability(), v.home(), v.mobility(),
        v.preferences(), keepTargetGroups ? v.targetGroups() : Set.of(), Set.of(), null,
        keepTargetGroups
            ? v.consents().stream().filter(c -> c.category() == SensitiveCategory.TARGET_GROUP).toList()
            : List.of(),
        v.history(), v.drivingLicences(), v.participation());
  }

  /** Whether an organisation may find the volunteer on the day: in the candidate bank, not paused. */
  static boolean inBank(Volunteer v) {
    return v.participation().findableOn(DemoCity.REFERENCE_DATE) && v.participation().proposableOn(DemoCity.REFERENCE_DATE);
  }

  static boolean hasSensitive(Volunteer v) {
    return !v.possibilities().isEmpty() || !v.supportNeeds().isEmpty() || !v.targetGroups().isEmpty()
        || !v.benefits().isEmpty() || v.backgroundCheckDate() != null || !v.consents().isEmpty();
  }

  private static String texts(Ranking r) {
    StringBuilder out = new StringBuilder(JSON.toJson(r));
    for (Match m : r.matches()) {
      for (String lang : List.of("nl", "en", "fr")) {
        out.append(ExplanationText.render(m.explanation(), Audience.ORGANISATION, lang));
      }
    }
    return out.toString();
  }

  @Test
  void rankingsAndShortlists_doNotDependOnAShownVolunteersSensitiveFacts() {
    int compared = 0;
    List<String> groups = BundledData.flemishVocabularies().targetGroups().concepts().stream().map(c -> c.id()).toList();
    for (int j = 0; j < CITY.vacancies().size(); j += 8) {
      String vacancy = CITY.vacancies().get(j).id();
      // The default policy, and a fair one (then the target group stays: FA*IR uses it by design).
      String group = groups.get(j / 8 % groups.size());
      for (MatchEngine engine :
          List.of(ENGINE, ENGINE.withPolicy(ENGINE.policy().withFairness(new FairnessTarget(group, 0.3, 0.1))))) {
        boolean fair = engine.policy().fairness() != null;
        Ranking org = engine.rankVolunteers(vacancy, 10, Audience.ORGANISATION);
        String seen = texts(org);
        List<String> shown = new ArrayList<>();
        org.matches().forEach(m -> shown.add(m.volunteerId()));
        org.nearMisses().forEach(n -> shown.add(n.volunteerId()));
        for (String id : shown) {
          Volunteer v = BY_ID.get(id);
          if (v == null || !hasSensitive(v)) {
            continue;
          }
          Ranking stripped =
              engine.withVolunteer(strip(v, fair)).rankVolunteers(vacancy, 10, Audience.ORGANISATION);
          assertEquals(seen, texts(stripped), () -> vacancy + " " + id + (fair ? " fair" : ""));
          compared++;
        }
      }
    }
    System.out.println("Rankings compared without a shown volunteer's sensitive facts: " + compared);
    assertTrue(compared > 300, "compared " + compared);
  }

  /**
   * A complete list of near misses would tell, by who is missing from matches and near misses,
   * who failed a private gate: an organisation gets at most ten, whatever the policy allows.
   */
  @Test
  void nearMisses_neverEnoughToTellWhoIsMissing() {
    MatchEngine all = ENGINE.withPolicy(ENGINE.policy().withNearMisses(1000));
    Ranking counsellor = all.rankVolunteers("vac-0002", 1000, Audience.COUNSELLOR);
    assertTrue(counsellor.nearMisses().size() > 900, "the counsellor gets them all");
    Ranking org = all.rankVolunteers("vac-0002", 1000, Audience.ORGANISATION);
    assertEquals(10, org.nearMisses().size());
    // Its candidates are the volunteers in the candidate bank on the day, no one else.
    assertEquals(CITY.volunteers().stream().filter(OrganisationInferenceTest::inBank).count(), org.candidates());
    assertTrue(org.candidates() - org.matches().size() - org.nearMisses().size() > 600);
  }

  /** Asking a fair shortlist for more never drops someone. */
  @Test
  void fairShortlists_growWithoutDroppingAnyone() {
    MatchEngine fair =
        ENGINE.withPolicy(ENGINE.policy().withFairness(new FairnessTarget("newcomer", 0.3, 0.1)));
    for (int j = 0; j < CITY.vacancies().size(); j += 40) {
      String vacancy = CITY.vacancies().get(j).id();
      List<String> before = List.of();
      for (int size = 1; size <= 25; size++) {
        int k = size;
        List<String> now =
            fair.rankVolunteers(vacancy, k, Audience.ORGANISATION).matches().stream().map(Match::volunteerId).toList();
        List<String> was = before;
        assertTrue(now.containsAll(was), () -> vacancy + ": " + was + " -> " + now);
        // One more each time, until there are no more candidates.
        assertTrue(now.size() == k || now.size() == was.size(), () -> k + ": " + now);
        before = now;
      }
    }
  }

  @Test
  void explanations_doNotDependOnSensitiveFacts() {
    int compared = 0;
    for (int i = 0; i < CITY.volunteers().size(); i += 5) {
      Volunteer v = CITY.volunteers().get(i);
      if (!hasSensitive(v) || !inBank(v)) {
        continue;
      }
      Volunteer stripped = strip(v, false);
      for (int j = i % 13; j < CITY.vacancies().size(); j += 97) {
        Vacancy vacancy = CITY.vacancies().get(j);
        if (ENGINE.heldBack(v.id(), vacancy.id()) != null) {
          continue;  // an organisation is not shown a pair a contact cap holds back
        }
        MatchExplanation a = ENGINE.explain(v, vacancy, Audience.ORGANISATION);
        MatchExplanation b = ENGINE.explain(stripped, vacancy, Audience.ORGANISATION);
        assertEquals(JSON.toJson(a), JSON.toJson(b), () -> v.id() + " " + vacancy.id());
        for (String lang : List.of("nl", "en", "fr")) {
          assertEquals(
              ExplanationText.render(a, Audience.ORGANISATION, lang),
              ExplanationText.render(b, Audience.ORGANISATION, lang));
        }
        compared++;
      }
    }
    System.out.println("Explanations compared without the volunteer's sensitive facts: " + compared);
    assertTrue(compared > 500, "compared " + compared);
  }

  /** One shown volunteer in one output, with what the attacker received and what the counsellor sees. */
  record Observation(Volunteer volunteer, Match organisation, Match counsellor, Ranking received, int position) {}

  /** The facts an attacker is after. */
  static Map<String, Predicate<Volunteer>> facts() {
    Map<String, Predicate<Volunteer>> facts = new java.util.LinkedHashMap<>();
    for (SensitiveCategory c : SensitiveCategory.values()) {
      facts.put("consent " + c, v -> v.mayUse(c, ConsentPurpose.MATCHING));
    }
    facts.put("support needs", v -> !v.supportNeeds().isEmpty());
    facts.put("possibilities", v -> !v.possibilities().isEmpty());
    facts.put("benefit", v -> !v.benefits().isEmpty());
    ConceptScheme groups = BundledData.flemishVocabularies().targetGroups();
    for (var g : groups.concepts()) {
      facts.put("group " + g.id(), v -> v.targetGroups().stream().anyMatch(t -> groups.stepsUp(t, g.id()) >= 0));
    }
    return facts;
  }

  /** The attacks: a suspicion score from what the organisation received about one shown volunteer. */
  static Map<String, ToDoubleFunction<Observation>> attacks(boolean counsellor) {
    Map<String, ToDoubleFunction<Observation>> a = new java.util.LinkedHashMap<>();
    a.put("score inversion", o -> {
      Ranking r = o.received();
      double mine = o.organisation().score();
      int inversions = 0;
      for (int i = o.position() + 1; i < r.matches().size(); i++) {
        inversions += r.matches().get(i).score() > mine ? 1 : 0;
      }
      return inversions;
    });
    a.put("private contribution / weight", o -> {
      Contribution p = explanation(o, counsellor).contribution(Contribution.PRIVATE);
      return p == null || p.weight() == 0 ? 0 : p.contribution() / p.weight();
    });
    a.put("total minus visible", o -> {
      MatchExplanation e = explanation(o, counsellor);
      double visible = 0;
      for (Contribution c : e.contributions()) {
        if (c.sensitiveCategories().isEmpty() && !c.redacted()) {
          visible += c.contribution();
        }
      }
      return e.score().soft() - visible;
    });
    a.put("weight of talents", o -> {
      Contribution c = explanation(o, counsellor).contribution("talents");
      return c == null ? 0 : c.weight();
    });
    a.put("weight of distance", o -> {
      Contribution c = explanation(o, counsellor).contribution("distance");
      return c == null ? 0 : c.weight();
    });
    a.put("counts", o -> o.received().feasible() * 10_000.0
        + o.received().blockedBy().values().stream().mapToInt(Integer::intValue).sum());
    a.put("position", o -> o.position());
    return a;
  }

  private static MatchExplanation explanation(Observation o, boolean counsellor) {
    return counsellor ? o.counsellor().explanation() : o.organisation().explanation();
  }

  @Test
  void simpleAttacksOnRankings_doNoBetterThanChance() {
    List<Observation> seen = new ArrayList<>();
    List<Observation> control = new ArrayList<>();
    for (int j = 0; j < CITY.vacancies().size(); j += 2) {
      String vacancy = CITY.vacancies().get(j).id();
      Ranking org = ENGINE.rankVolunteers(vacancy, 10, Audience.ORGANISATION);
      Ranking full = ENGINE.rankVolunteers(vacancy, 10);
      for (int p = 0; p < org.matches().size(); p++) {
        Match m = org.matches().get(p);
        Volunteer v = BY_ID.get(m.volunteerId());
        Match c = new Match(1, ENGINE.explain(v.id(), vacancy, Audience.VOLUNTEER));
        seen.add(new Observation(v, m, c, org, p));
      }
      for (int p = 0; p < full.matches().size(); p++) {
        Match m = full.matches().get(p);
        control.add(new Observation(BY_ID.get(m.volunteerId()), m, m, full, p));
      }
    }
    // The order itself is the organisation score's, a function of facts that are not sensitive (as
    // the invariance tests prove): where newcomers rank lower, it is by the Dutch the organisation
    // asked for, which it sees. So the position is no attack here; on a fair shortlist it is.
    Map<String, ToDoubleFunction<Observation>> onSeen = attacks(false);
    onSeen.remove("position");
    int strong = judge(seen, control, onSeen, attacks(true), List.of("score inversion"));
    // The counsellor's full view gives the weight attacks away for consents and facts.
    assertTrue(strong >= 5, "attacks that work on the full view: " + strong);
  }

  @Test
  void simpleAttacksOnFairShortlists_doNoBetterThanChance() {
    ConceptScheme groups = BundledData.flemishVocabularies().targetGroups();
    List<Observation> seen = new ArrayList<>();
    List<Observation> control = new ArrayList<>();
    List<MatchEngine> fair = new ArrayList<>();
    for (var g : groups.concepts()) {
      fair.add(ENGINE.withPolicy(ENGINE.policy().withFairness(new FairnessTarget(g.id(), 0.3, 0.1))));
    }
    // One fair shortlist per vacancy, the target group taking turns, so that no output is counted
    // twice.
    for (int j = 0; j < CITY.vacancies().size(); j++) {
      String vacancy = CITY.vacancies().get(j).id();
      MatchEngine engine = fair.get(j % fair.size());
      Ranking org = engine.rankVolunteers(vacancy, 10, Audience.ORGANISATION);
      Ranking full = engine.rankVolunteers(vacancy, 10);
      for (int p = 0; p < org.matches().size(); p++) {
        Match m = org.matches().get(p);
        seen.add(new Observation(BY_ID.get(m.volunteerId()), m, m, org, p));
      }
      for (int p = 0; p < full.matches().size(); p++) {
        Match m = full.matches().get(p);
        control.add(new Observation(BY_ID.get(m.volunteerId()), m, m, full, p));
      }
    }
    int strong = judge(seen, control, attacks(false), attacks(false), List.of());
    // What remains: a party that recomputes each shortlisted volunteer's organisation score from
    // the evidence it is shown (or asks for it under a policy without the target) can suspect the
    // weakest of a shortlist. Measured, not asserted: see the README's reliability figures.
    List<Observation> rescored = new ArrayList<>();
    List<Observation> plain = new ArrayList<>();
    for (int j = 0; j < CITY.vacancies().size(); j++) {
      String vacancy = CITY.vacancies().get(j).id();
      Ranking shortlist = fair.get(j % fair.size()).rankVolunteers(vacancy, 10, Audience.ORGANISATION);
      Ranking ranked = ENGINE.rankVolunteers(vacancy, 10, Audience.ORGANISATION);
      for (Match m : shortlist.matches()) {
        Match merit = new Match(1, ENGINE.explain(m.volunteerId(), vacancy, Audience.ORGANISATION));
        rescored.add(new Observation(BY_ID.get(m.volunteerId()), merit, merit, shortlist, 0));
      }
      for (Match m : ranked.matches()) {
        plain.add(new Observation(BY_ID.get(m.volunteerId()), m, m, shortlist, 0));
      }
    }
    ToDoubleFunction<Observation> weakness = o -> -o.organisation().score();
    StringBuilder residual = new StringBuilder();
    for (var g : groups.concepts()) {
      Predicate<Volunteer> member =
          v -> v.mayUse(SensitiveCategory.TARGET_GROUP, ConsentPurpose.MATCHING)
              && v.targetGroups().stream().anyMatch(t -> groups.stepsUp(t, g.id()) >= 0);
      double onShortlists = auc(rescored, weakness, member)[0];
      double onRankings = auc(plain, weakness, member)[0];
      residual.append(String.format(Locale.ROOT, "%-24s merit reconstruction AUC %.3f on fair shortlists, %.3f on rankings%n",
          g.id(), onShortlists, onRankings));
      // Within the threshold the fairness target adds little to what merit alone already tells.
      assertTrue(Double.isNaN(onShortlists) || Math.abs(onShortlists - onRankings) <= 0.05, residual::toString);
    }
    System.out.println(residual);
    assertTrue(strong >= 1, "the inversion attack works on the fair order with scores: " + strong);
  }

  /**
   * Checks every attack against every fact on what the organisation received, and counts the
   * (attack, fact) pairs where the same attack on the control data does clearly better than chance.
   */
  private static int judged;

  private static int judge(
      List<Observation> seen,
      List<Observation> control,
      Map<String, ToDoubleFunction<Observation>> onSeen,
      Map<String, ToDoubleFunction<Observation>> onControl,
      List<String> notOnControl) {
    int strong = 0;
    StringBuilder report = new StringBuilder();
    for (Map.Entry<String, Predicate<Volunteer>> fact : facts().entrySet()) {
      for (Map.Entry<String, ToDoubleFunction<Observation>> attack : onSeen.entrySet()) {
        double[] auc = auc(seen, attack.getValue(), fact.getValue());
        if (Double.isNaN(auc[0])) {
          continue;
        }
        double bound = 4 * auc[1];
        String line = String.format(Locale.ROOT, "%-32s %-30s AUC %.3f (bound ±%.3f)", fact.getKey(), attack.getKey(), auc[0], bound);
        assertTrue(Math.abs(auc[0] - 0.5) <= bound, "better than chance: " + line);
        judged++;
        if (!notOnControl.contains(attack.getKey())) {
          double[] c = auc(control, onControl.get(attack.getKey()), fact.getValue());
          if (!Double.isNaN(c[0]) && Math.abs(c[0] - 0.5) >= 0.1) {
            strong++;
            report.append(line).append("   full view: AUC ").append(String.format(Locale.ROOT, "%.3f", c[0])).append('\n');
          }
        }
      }
    }
    System.out.println("(attack, fact) pairs judged so far: " + judged
        + "; attacks that work on the full view but not on the organisation's:\n" + report);
    return strong;
  }

  /**
   * Returns the AUC of a score for a fact and its standard error under no association, comparing
   * only volunteers shown in the same output (the stratified Mann–Whitney statistic of van Elteren,
   * ties counted half): an attacker tells apart the people it is shown, and what differs between
   * vacancies (which kind of people a garden or an office attracts) is not a leak. NaN when fewer
   * than 200 pairs can be compared.
   */
  static double[] auc(List<Observation> observations, ToDoubleFunction<Observation> score, Predicate<Volunteer> fact) {
    Map<Ranking, List<Observation>> strata = new java.util.IdentityHashMap<>();
    for (Observation o : observations) {
      strata.computeIfAbsent(o.received(), r -> new ArrayList<>()).add(o);
    }
    double wins = 0;
    double pairs = 0;
    double variance = 0;
    for (List<Observation> stratum : strata.values()) {
      List<Double> positives = new ArrayList<>();
      List<Double> negatives = new ArrayList<>();
      for (Observation o : stratum) {
        (fact.test(o.volunteer()) ? positives : negatives).add(score.applyAsDouble(o));
      }
      for (double p : positives) {
        for (double n : negatives) {
          wins += p > n ? 1 : p == n ? 0.5 : 0;
        }
      }
      double n1 = positives.size();
      double n0 = negatives.size();
      pairs += n1 * n0;
      variance += n1 * n0 * (n1 + n0 + 1) / 12;
    }
    if (pairs < 200) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return new double[] {wins / pairs, Math.sqrt(variance) / pairs};
  }
}
