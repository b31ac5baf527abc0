package io.github.koppel.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** The command line's own labels, in nl, en and fr. */
final class Texts {
  private static final Map<String, Map<String, String>> TEXTS = create();

  private Texts() {}

  private static Map<String, Map<String, String>> create() {
    Map<String, Map<String, String>> texts = new HashMap<>();
    put(texts, "title",
        "Koppel — demostad Leiestad",
        "Koppel — demo city Leiestad",
        "Koppel — ville de démonstration Leiestad");
    put(texts, "summary",
        "%s organisaties, %s vacatures, %s kandidaat-vrijwilligers.",
        "%s organisations, %s vacancies, %s candidate volunteers.",
        "%s organisations, %s offres, %s candidats bénévoles.");
    put(texts, "shares",
        "%s%% oefent Nederlands, %s%% heeft een uitkering, %s%% heeft ondersteuningsnoden.",
        "%s%% practise Dutch, %s%% receive a benefit, %s%% have support needs.",
        "%s%% pratiquent le néerlandais, %s%% perçoivent une allocation, %s%% ont des besoins de soutien.");
    put(texts, "languages",
        "Talen",
        "Languages",
        "Langues");
    put(texts, "talents",
        "Talenten",
        "Talents",
        "Talents");
    put(texts, "toLearn",
        "wil leren",
        "wants to learn",
        "veut apprendre");
    put(texts, "next",
        "Meer: koppel match --volunteer ID --explain, koppel match --vacancy ID, koppel explain --volunteer ID --vacancy ID, koppel allocate.",
        "More: koppel match --volunteer ID --explain, koppel match --vacancy ID, koppel explain --volunteer ID --vacancy ID, koppel allocate.",
        "Plus : koppel match --volunteer ID --explain, koppel match --vacancy ID, koppel explain --volunteer ID --vacancy ID, koppel allocate.");
    put(texts, "feasible",
        "%d van %d kandidaten haalbaar (beleid %s, %s).",
        "%d of %d candidates feasible (policy %s, %s).",
        "%d candidats possibles sur %d (politique %s, %s).");
    put(texts, "blockedBy",
        "Tegengehouden door",
        "Blocked by",
        "Bloqués par");
    put(texts, "noMatch",
        "Geen match; dit zijn de bijna-matches en wat ze zou veranderen.",
        "No match; these are the near misses and what would change them.",
        "Aucune correspondance ; voici les quasi-correspondances et ce qui les changerait.");
    put(texts, "alertsHeading",
        "%d nieuwe matches voor %s vanaf %d/100",
        "%d new matches for %s from %d/100",
        "%d nouvelles correspondances pour %s à partir de %d/100");
    put(texts, "reserve",
        "Reservelijst: de vacature is volzet; deze vrijwilligers komen eerst als er een plaats vrijkomt.",
        "Reserve list: the vacancy is full; these volunteers come first when a place opens.",
        "Liste de réserve : l'offre est complète ; ces bénévoles passent en premier quand une place se libère.");
    put(texts, "heldBack",
        "Tegengehouden door een contactlimiet (niet aan organisaties voorgesteld, niet toegewezen)",
        "Held back by a contact cap (not proposed to organisations, not allocated)",
        "Retenus par une limite de contacts (pas proposés aux organisations, pas attribués)");
    put(texts, "leftOut",
        "Niet opnieuw voorgesteld, door eerdere uitkomsten",
        "Not proposed again, because of earlier outcomes",
        "Pas reproposées, à cause de résultats antérieurs");
    put(texts, "nearMisses",
        "Bijna-matches",
        "Near misses",
        "Quasi-correspondances");
    put(texts, "vacanciesFor",
        "Vacatures voor %s",
        "Vacancies for %s",
        "Offres pour %s");
    put(texts, "volunteersFor",
        "Vrijwilligers voor %s",
        "Volunteers for %s",
        "Bénévoles pour %s");
    put(texts, "topMatches",
        "Beste vacatures",
        "Top vacancies",
        "Meilleures offres");
    put(texts, "whyFirst",
        "Waarom de eerste?",
        "Why the first?",
        "Pourquoi la première ?");
    put(texts, "allocationTitle",
        "Toewijzing: %s",
        "Allocation: %s",
        "Attribution : %s");
    put(texts, "allocationSummary",
        "%s van %s vrijwilligers geplaatst in %s open vacatures; totale score %s.",
        "%s of %s volunteers placed in %s open vacancies; total score %s.",
        "%s bénévoles sur %s placés dans %s offres ouvertes ; score total %s.");
    put(texts, "evaluationSummary",
        "%s zoekvragen, top %s, %s gebeurtenissen.",
        "%s queries, top %s, %s events.",
        "%s requêtes, top %s, %s événements.");
    put(texts, "evaluationHeader",
        "beleid|precisie|recall|nDCG|MRR",
        "policy|precision|recall|nDCG|MRR",
        "politique|précision|rappel|nDCG|MRR");
    put(texts, "tuneSummary",
        "%s zoekvragen, top %s, maat %s, %s delen.",
        "%s queries, top %s, metric %s, %s folds.",
        "%s requêtes, top %s, mesure %s, %s plis.");
    put(texts, "tuneStart",
        "start %s: %s op alle zoekvragen, %s kruisgevalideerd",
        "start %s: %s on all queries, %s cross-validated",
        "départ %s : %s sur toutes les requêtes, %s en validation croisée");
    put(texts, "tuneTuned",
        "afgestemd %s: %s op alle zoekvragen, %s kruisgevalideerd",
        "tuned %s: %s on all queries, %s cross-validated",
        "ajusté %s : %s sur toutes les requêtes, %s en validation croisée");
    put(texts, "allocationSummaryWithoutScore",
        "%s van %s vrijwilligers geplaatst in %s open vacatures (een organisatie ziet geen scores).",
        "%s of %s volunteers placed in %s open vacancies (an organisation sees no scores).",
        "%s bénévoles sur %s placés dans %s offres ouvertes (une organisation ne voit pas de scores).");
    put(texts, "allocationUnplaced",
        "Niet geplaatst:",
        "Not placed:",
        "Non placés :");
    put(texts, "allocationMore",
        "  … en nog %d (alles: --all, of --json).",
        "  … and %d more (all of them: --all, or --json).",
        "  … et %d de plus (tous : --all, ou --json).");
    put(texts, "fairness",
        "Eerlijkheidsdoel: elke top bevat minstens %d%% uit doelgroep %s, waar genoeg kandidaten uit die groep passen (toets FA*IR, α %s).",
        "Fairness target: every top holds at least %d%% from target group %s, where enough of its candidates fit (FA*IR test, α %s).",
        "Objectif d'équité : chaque tête de liste compte au moins %d %% du groupe cible %s, là où assez de ses candidats conviennent (test FA*IR, α %s).");
    put(texts, "fairnessShortlist",
        "Gekozen met een eerlijkheidsdoel: minstens %d%% uit doelgroep %s waar genoeg kandidaten uit die groep passen (FA*IR, α %s); hoeveel en wie, ziet een organisatie niet.",
        "Chosen with a fairness target: at least %d%% from target group %s where enough of its candidates fit (FA*IR, α %s); how many and who, an organisation does not see.",
        "Choisie avec un objectif d'équité : au moins %d %% du groupe cible %s là où assez de ses candidats conviennent (FA*IR, α %s) ; combien et qui, une organisation ne le voit pas.");
    put(texts, "fairnessNotMet",
        "Het doel is niet gehaald: er passen te weinig kandidaten uit de doelgroep.",
        "The target is not met: too few candidates of the target group fit.",
        "L'objectif n'est pas atteint : trop peu de candidats du groupe cible conviennent.");
    put(texts, "fairnessCounts",
        "%d van de %d matches uit de doelgroep (%d op score alleen; de toets vraagt er minstens %d).",
        "%d of the %d matches from the target group (%d on score alone; the test asks for at least %d).",
        "%d des %d correspondances du groupe cible (%d au seul score ; le test en demande au moins %d).");
    put(texts, "shortlist",
        "Shortlist, niet naar rang geordend: onder een eerlijkheidsdoel krijgt een organisatie geen scores, want die zouden tonen wie hoger geplaatst werd.",
        "Shortlist, in no order of rank: under a fairness target an organisation gets no scores, since they would show who was moved up.",
        "Liste restreinte, sans ordre de rang : avec un objectif d'équité, une organisation ne reçoit pas de scores, qui montreraient qui a été remonté.");
    put(texts, "promoted",
        "hoger geplaatst voor een eerlijk aandeel van %s",
        "moved up for a fair share of %s",
        "remonté pour une part équitable de %s");
    put(texts, "policyWritten",
        "Beleid geschreven naar %s.",
        "Policy written to %s.",
        "Politique écrite dans %s.");
    put(texts, "reportWritten",
        "Rapport geschreven naar %s.",
        "Report written to %s.",
        "Rapport écrit dans %s.");
    return Map.copyOf(texts);
  }

  private static void put(Map<String, Map<String, String>> texts, String key, String nl, String en, String fr) {
    texts.put(key, Map.of("nl", nl, "en", en, "fr", fr));
  }

  /** Fails with a usage error unless the language is nl, en or fr. */
  static void checkLanguage(CommandLine commandLine, String lang) {
    if (!lang.equals("nl") && !lang.equals("en") && !lang.equals("fr")) {
      throw new CommandLine.ParameterException(commandLine, "--lang must be nl, en or fr: '" + lang + "'");
    }
  }

  static String get(String key, String lang) {
    Map<String, String> texts = TEXTS.get(key);
    if (texts == null) {
      throw new IllegalArgumentException("no text for key " + key);
    }
    return texts.getOrDefault(lang, texts.get("nl"));
  }
}
