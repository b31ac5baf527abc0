package io.github.koppel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KoppelCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KoppelCommand.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void demo_showsThePersonasInDutch() {
    assertEquals(0, run("demo"));
    assertTrue(out.toString().contains("Koppel — demostad Leiestad"), out.toString());
    assertTrue(out.toString().contains("== Amal (persona-amal)"), out.toString());
    assertTrue(out.toString().contains("Kok in het sociaal restaurant"), out.toString());
  }

  @Test
  void demo_inEnglishForOnePersona() {
    assertEquals(0, run("demo", "--lang", "en", "--persona", "persona-mehmet"));
    assertTrue(out.toString().contains("form C45B"), out.toString());
    assertTrue(!out.toString().contains("persona-amal"), out.toString());
  }

  @Test
  void demo_badLanguage() {
    assertEquals(2, run("demo", "--lang", "de"));
    assertTrue(err.toString().contains("--lang must be nl, en or fr: 'de'"), err.toString());
  }

  @Test
  void demo_unknownPersona() {
    assertEquals(2, run("demo", "--persona", "nobody"));
    assertTrue(err.toString().contains("no persona \"nobody\"; the personas: persona-amal, persona-jozef"), err.toString());
    // The error stands alone: nothing of the demo is printed before it, and no whole usage after it.
    assertEquals("", out.toString());
    assertTrue(err.toString().contains("Try 'koppel demo --help' for more information."), err.toString());
    assertTrue(!err.toString().contains("Usage:"), err.toString());
    err.getBuffer().setLength(0);
    // A near miss gets the persona meant.
    assertEquals(2, run("demo", "--persona", "persona-amall"));
    assertTrue(err.toString().contains("no persona \"persona-amall\"; did you mean persona-amal"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("demo", "--persona", "amal"));
    assertTrue(err.toString().contains("did you mean persona-amal?"), err.toString());
  }

  @Test
  void validate_reportsTheProblemWithItsLocation(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"schemaVersion\": 1, \"organisations\": [], \"vacancies\": [], \"volunteers\": [{\"id\": \"v\", \"talents\": [{\"conceptId\": \"juggling\"}]}]}");
    assertEquals(1, run("validate", "--data", file.toString()));
    assertTrue(out.toString().contains("$.volunteers[0].talents[0].conceptId"), out.toString());
    assertTrue(out.toString().contains("juggling"), out.toString());
  }

  @Test
  void validate_csvFiles(@TempDir Path dir) throws Exception {
    Path o = Files.writeString(dir.resolve("o.csv"), "id;name;legal_form\no1;De Brug;non_profit_association\n");
    Path v = Files.writeString(dir.resolve("v.csv"), "id;organisation_id;title_nl;work_mode;capacity\nx;o1;Kok;remote;2\n");
    Path p = Files.writeString(dir.resolve("p.csv"), "id;languages\nv1;nl:B1\n");
    assertEquals(0, run("validate", "--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", p.toString()));
    assertTrue(out.toString().contains("OK: 1 organisations, 1 vacancies, 1 volunteers"), out.toString());
  }

  @Test
  void validate_needsInput() {
    assertEquals(2, run("validate"));
    assertTrue(err.toString().contains("give either --data FILE.json"), err.toString());
  }

  @Test
  void demo_ranksAndExplainsTheTopVacancies() {
    assertEquals(0, run("demo", "--lang", "en", "--persona", "persona-amal"));
    String text = out.toString();
    assertTrue(text.contains(" 1.  "), text);
    assertTrue(text.contains("Why the first?"), text);
    assertTrue(text.contains("A chance to practise Dutch."), text);
  }

  @Test
  void match_vacanciesForAVolunteer() {
    assertEquals(0, run("match", "--volunteer", "persona-jozef", "--top", "2", "--lang", "fr"));
    String text = out.toString();
    assertTrue(text.startsWith("Offres pour Jozef (persona-jozef)"), text);
    assertTrue(text.contains(" 2.  "), text);
    assertTrue(!text.contains(" 3.  "), text);
    assertTrue(text.contains("Quasi-correspondances:"), text);
  }

  @Test
  void match_forTheOrganisationHidesPersonalFacts() {
    assertEquals(0, run("match", "--vacancy", "vac-0331", "--top", "5", "--explain", "--audience", "organisation", "--lang", "en"));
    String text = out.toString();
    assertTrue(text.contains("Volunteers for "), text);
    for (String secret : List.of("Jozef", "Possibilities ", "Support ", "Inclusion ", "can do", "integration income", "C45B")) {
      assertTrue(!text.contains(secret), secret + " leaked:\n" + text);
    }
  }

  @Test
  void match_json() {
    assertEquals(0, run("match", "--volunteer", "persona-amal", "--top", "1", "--json"));
    assertTrue(out.toString().contains("\"direction\" : \"VACANCIES_FOR_VOLUNTEER\""), out.toString());
    assertTrue(out.toString().contains("\"audience\" : \"COUNSELLOR\""), out.toString());
  }

  @Test
  void match_badInput(@TempDir Path dir) throws Exception {
    assertEquals(1, run("match", "--volunteer", "nobody"));
    assertTrue(err.toString().contains("no volunteer with id \"nobody\" in the dataset"), err.toString());
    err.getBuffer().setLength(0);
    // A mistyped id gets the nearest ids of the data.
    assertEquals(1, run("match", "--volunteer", "vol-00001"));
    assertTrue(err.toString().contains("no volunteer with id \"vol-00001\" in the dataset; nearest: vol-0001"), err.toString());
    assertEquals(1, run("explain", "--volunteer", "vol-0001", "--vacancy", "vac-00077"));
    assertTrue(err.toString().contains("no vacancy with id \"vac-00077\" in the dataset; nearest: vac-0007, vac-0077"), err.toString());
    assertEquals(2, run("match", "--volunteer", "a", "--vacancy", "b"));
    assertEquals(2, run("match", "--volunteer", "persona-amal", "--audience", "boss"));
    assertTrue(err.toString().contains("--audience must be organisation, counsellor or volunteer: 'boss'"), err.toString());
    assertEquals(2, run("match", "--volunteer", "persona-amal", "--top", "-1"));
    Path policy = dir.resolve("policy.json");
    Files.writeString(policy, "{\"schemaVersion\": 1, \"name\": \"x\", \"criteria\": [{\"type\": \"distance\", \"parameters\": {\"scale\": -1}}]}");
    assertEquals(1, run("match", "--volunteer", "persona-amal", "--policy", policy.toString()));
    assertTrue(err.toString().contains("$.criteria[0].parameters.scale"), err.toString());
  }

  @Test
  void explain_onePairInDutch() {
    assertEquals(0, run("explain", "--volunteer", "persona-amal", "--vacancy", "vac-0077"));
    String text = out.toString();
    assertTrue(text.startsWith("Uitleg voor de consulent"), text);
    assertTrue(text.contains("Voorwaarden:"), text);
    assertEquals(2, run("explain", "--volunteer", "persona-amal"));
  }

  @Test
  void allocate_placesTheDemoCityAndSaysWhoIsNotPlaced() {
    assertEquals(0, run("allocate", "--mode", "stable", "--lang", "en", "--team", "t1=vol-0002,vol-0003"));
    String text = out.toString();
    assertTrue(text.startsWith("Allocation: stable (volunteers choose first)"), text);
    assertTrue(text.contains("of 1,011 volunteers placed in 400 open vacancies; total score "), text);
    assertTrue(text.contains("Not placed:"), text);
    assertTrue(text.contains("(vol-0002) → "), text);
    assertTrue(text.contains("[t1]"), text);
    assertTrue(text.contains("more (all of them: --all, or --json)"), text);
  }

  @Test
  void allocate_jsonForAnOrganisationHasNoNames() {
    assertEquals(0, run("allocate", "--mode", "greedy", "--json", "--audience", "organisation"));
    String json = out.toString();
    assertTrue(json.contains("\"mode\" : \"GREEDY\""), json.substring(0, 200));
    assertTrue(json.contains("\"placements\""), json.substring(0, 200));
    assertTrue(json.contains("\"volunteerId\" : \"vol-0001\""), json.substring(0, 400));
    assertTrue(!json.contains("Ahmad"), "names stay out");
    // Scores would tell an organisation of the factors volunteers shared with the counter.
    assertTrue(!json.contains("\"score\"") && !json.contains("totalScore"), json.substring(0, 400));
    // Nor who is not placed and why: a person's reason could come from a private gate.
    assertTrue(!json.contains("\"unplaced\"") && !json.contains("\"reason\""), json.substring(json.length() - 400));
    assertTrue(json.contains("\"notPlacedByReason\""), json.substring(json.length() - 400));
    out.getBuffer().setLength(0);
    assertEquals(0, run("allocate", "--mode", "greedy", "--audience", "organisation", "--lang", "en"));
    assertTrue(out.toString().contains("(an organisation sees no scores)"), out.toString());
    assertTrue(!out.toString().matches("(?s).*\\d[.,]\\d\\d\\n.*"), out.toString());
  }

  @Test
  void allocate_badModeAndTeams() {
    assertEquals(2, run("allocate", "--mode", "fair"));
    assertTrue(err.toString().contains("--mode must be optimal, stable, stable-vacancies or greedy: 'fair'"), err.toString());
    assertEquals(2, run("allocate", "--team", "lonely"));
    assertTrue(err.toString().contains("--team must be ID=VOLUNTEER,VOLUNTEER,...: 'lonely'"), err.toString());
    assertEquals(1, run("allocate", "--team", "t=vol-0001,nobody"));
    assertTrue(err.toString().contains("unknown volunteer in team t: nobody"), err.toString());
  }

  @Test
  void match_fairRankingForAVacancy() {
    assertEquals(0, run("match", "--vacancy", "vac-0007", "--fair-group", "newcomer", "--fair-proportion", "0.6", "--top", "10", "--lang", "en"));
    String text = out.toString();
    assertTrue(text.contains("Fairness target: every top holds at least 60% from target group newcomer, where enough of its candidates fit"), text);
    assertTrue(text.contains("of the 10 matches from the target group"), text);
    assertEquals(0, run("match", "--vacancy", "vac-0007", "--fair-group", "newcomer", "--audience", "organisation"));
    assertTrue(!out.toString().contains("uit de doelgroep (") , "no counts for an organisation");
    assertTrue(out.toString().contains("hoeveel en wie, ziet een organisatie niet"), out.toString());
  }

  @Test
  void match_aTargetThatCannotBeMetSaysSo() {
    assertEquals(0, run("match", "--vacancy", "vac-0002", "--fair-group", "person_with_disability",
        "--fair-proportion", "0.6", "--top", "10", "--lang", "en", "--audience", "counsellor"));
    assertTrue(out.toString().contains("The target is not met: too few candidates of the target group fit."), out.toString());
  }

  @Test
  void match_aRankingOfVolunteersIsNotForAVolunteer() {
    assertEquals(2, run("match", "--vacancy", "vac-0002", "--audience", "volunteer"));
    assertTrue(err.toString().contains("a ranking of volunteers is for a counsellor or an organisation"), err.toString());
  }

  @Test
  void match_badFairnessOptions() {
    assertEquals(2, run("match", "--volunteer", "vol-0001", "--fair-group", "newcomer"));
    assertTrue(err.toString().contains("--fair-group ranks volunteers: use it with --vacancy"), err.toString());
    assertEquals(2, run("match", "--vacancy", "vac-0007", "--fair-group", "newcomer", "--fair-alpha", "2"));
    assertTrue(err.toString().contains("fairness.alpha must be in (0, 1): 2.0"), err.toString());
    assertEquals(1, run("match", "--vacancy", "vac-0007", "--fair-group", "pirates"));
    assertTrue(err.toString().contains("no target group 'pirates' in the vocabularies"), err.toString());
    assertEquals(2, run("match", "--vacancy", "vac-0007", "--fair-group", "newcomer", "--fair-rule", "closest\u001b[2J"));
    assertTrue(err.toString().contains("expected at-most-alpha or nearest-alpha: \"closest\\u001B[2J\""), err.toString());
  }

  @Test
  void match_comingBackLeavesOutWhatDidNotWorkAndSaysWhy() {
    assertEquals(0, run("match", "--volunteer", "vol-0003", "--come-back", "--lang", "en", "--top", "3"));
    String text = out.toString();
    assertTrue(text.contains("Vacancies for "), text);
    assertTrue(text.contains("Not proposed again, because of earlier outcomes:"), text);
    assertTrue(text.contains("✗ Earlier outcomes: Stopped within three months in this vacancy on 2026-03-11."), text);
    assertTrue(text.contains("✗ Earlier outcomes: Already volunteering in this vacancy since 2025-02-08."), text);
    out.getBuffer().setLength(0);
    assertEquals(0, run("match", "--volunteer", "vol-0003", "--come-back", "--lang", "fr", "--audience", "volunteer"));
    assertTrue(out.toString().contains("Pas reproposées, à cause de résultats antérieurs:"), out.toString());
    assertTrue(out.toString().contains("✗ Résultats antérieurs: Engagement arrêté dans les trois mois pour cette offre le 2026-03-11."), out.toString());
  }

  @Test
  void match_comeBackIsForAVolunteersOwnSearch() {
    assertEquals(2, run("match", "--vacancy", "vac-0354", "--come-back"));
    assertTrue(err.toString().contains("--come-back ranks a volunteer's vacancies again: use it with --volunteer"), err.toString());
    assertEquals(2, run("match", "--volunteer", "vol-0003", "--come-back", "--audience", "organisation"));
    assertTrue(err.toString().contains("--come-back is a volunteer's own search, for a counsellor or the volunteer, not for an organisation"), err.toString());
  }

  @Test
  void match_aCounsellorSeesWhoAContactCapHoldsBack() {
    // vol-0149 was proposed vac-0016 on 2025-10-10 (the demo history): not proposed to it again.
    assertEquals(0, run("match", "--vacancy", "vac-0016", "--top", "20", "--lang", "en"));
    assertTrue(out.toString().contains("Held back by a contact cap (not proposed to organisations, not allocated):\n"
        + "  - Fien (vol-0149): Not proposed to the organisation again: this vacancy was already proposed on 2025-10-10."), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("match", "--vacancy", "vac-0016", "--top", "1000", "--audience", "organisation", "--json"));
    assertFalse(out.toString().contains("vol-0149"), "an organisation is not shown them");
    assertFalse(out.toString().contains("heldBack"), out.toString());
  }

  @Test
  void alerts_whoNewlyMatchesAVacancyAndWhatNewlyMatchesAVolunteer() {
    assertEquals(0, run("alerts", "--vacancy", "vac-0016", "--threshold", "0.3", "--limit", "3", "--lang", "en"));
    String text = out.toString();
    assertTrue(text.startsWith("3 new matches for vac-0016 from 30/100\n"), text);
    assertFalse(text.contains("vol-0149"), "already proposed vac-0016: no second message");
    out.getBuffer().setLength(0);
    assertEquals(0, run("alerts", "--vacancy", "vac-0016", "--threshold", "0.3", "--audience", "organisation", "--json"));
    assertTrue(out.toString().contains("\"subjectId\" : \"vac-0016\""), out.toString());
    assertFalse(out.toString().contains("displayName"), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("alerts", "--volunteer", "persona-amal", "--threshold", "0.2", "--lang", "nl"));
    assertTrue(out.toString().matches("(?s)\\d+ nieuwe matches voor persona-amal vanaf 20/100\n.*\\(vac-\\d{4}\\)\n.*"), out.toString());
  }

  @Test
  void alerts_badOptionsAreRefused() {
    assertEquals(2, run("alerts", "--vacancy", "vac-0016", "--threshold", "1.5"));
    assertTrue(err.toString().contains("--threshold must be in [0, 1]: 1.5"), err.toString());
    assertEquals(2, run("alerts", "--vacancy", "vac-0016", "--limit", "20000"));
    assertTrue(err.toString().contains("--limit must be in [0, 10000]: 20000"), err.toString());
    assertEquals(2, run("alerts", "--volunteer", "persona-amal", "--audience", "organisation"));
    assertTrue(err.toString().contains("the alerts of a volunteer are for the volunteer or a counsellor"), err.toString());
    assertEquals(1, run("alerts", "--vacancy", "vac-none"));
  }

  @Test
  void match_theFairnessRuleIsChosenAndReported() {
    assertEquals(0, run("match", "--vacancy", "vac-0007", "--fair-group", "newcomer", "--fair-proportion", "0.25",
        "--top", "20", "--json", "--fair-rule", "nearest-alpha"));
    String nearest = out.toString();
    assertTrue(nearest.contains("\"rule\" : \"NEAREST_ALPHA\""), nearest);
    out.getBuffer().setLength(0);
    assertEquals(0, run("match", "--vacancy", "vac-0007", "--fair-group", "newcomer", "--fair-proportion", "0.25",
        "--top", "20", "--json"));
    assertTrue(out.toString().contains("\"rule\" : \"AT_MOST_ALPHA\""), out.toString());
  }

  @Test
  void evaluate_aCsvHistoryIntoAReport(@TempDir Path dir) throws Exception {
    Path history = Files.writeString(dir.resolve("h.csv"),
        "volunteer_id;vacancy_id;date;outcome\npersona-amal;vac-0046;01/09/2026;proposed\npersona-amal;vac-0046;20/09/2026;started\n");
    Path report = dir.resolve("r.html");
    assertEquals(0, run("evaluate", "--history", history.toString(), "--policy", "inclusive-default", "--k", "5", "--lang", "en", "--out", report.toString()));
    assertTrue(out.toString().startsWith("1 queries, top 5, 2 events."), out.toString());
    assertTrue(out.toString().contains("inclusive-default"), out.toString());
    assertTrue(out.toString().contains("Report written to " + report), out.toString());
    assertTrue(Files.readString(report).contains("<svg"));
    out.getBuffer().setLength(0);
    assertEquals(0, run("evaluate", "--history", history.toString(), "--policy", "inclusive-default", "--k", "5", "--lang", "fr", "--out", report.toString()));
    assertTrue(out.toString().startsWith("1 requêtes, top 5, 2 événements."), out.toString());
    assertTrue(out.toString().contains("politique"), out.toString());
    assertTrue(out.toString().matches("(?s).*inclusive-default +\\d,\\d{3} +\\d,\\d{3} +\\d,\\d{3} +\\d,\\d{3}\\R.*"), out.toString());
  }

  @Test
  void evaluate_badInput(@TempDir Path dir) throws Exception {
    assertEquals(2, run("evaluate", "--lang", "de"));
    assertTrue(err.toString().contains("--lang must be nl, en or fr: 'de'"), err.toString());
    assertEquals(2, run("evaluate", "--k", "0"));
    assertTrue(err.toString().contains("--k must be in [1, 100]: 0"), err.toString());
    Path ghost = Files.writeString(dir.resolve("g.csv"), "volunteer_id;vacancy_id;date;outcome\nnobody;vac-0046;2026-09-01;started\n");
    assertEquals(1, run("evaluate", "--history", ghost.toString()));
    assertTrue(err.toString().contains("nobody"), err.toString());
    Path declined = Files.writeString(dir.resolve("d.csv"), "volunteer_id;vacancy_id;date;outcome\npersona-amal;vac-0046;2026-09-01;declined\n");
    assertEquals(1, run("evaluate", "--history", declined.toString()));
    assertTrue(err.toString().contains("no volunteer who started somewhere"), err.toString());
    assertEquals(1, run("evaluate", "--policy", dir.resolve("missing.json").toString()));
  }

  @Test
  void tune_writesATunedPolicyThatLoads(@TempDir Path dir) throws Exception {
    Path history = Files.writeString(dir.resolve("h.csv"),
        "volunteer_id;vacancy_id;date;outcome\n"
            + "persona-amal;vac-0046;01/09/2026;proposed\npersona-amal;vac-0046;20/09/2026;started\n"
            + "vol-0003;vac-0046;01/08/2026;proposed\nvol-0003;vac-0046;20/08/2026;started\n");
    Path policy = dir.resolve("tuned.json");
    Path report = dir.resolve("tuning.html");
    assertEquals(0, run("tune", "--history", history.toString(), "--folds", "2", "--iterations", "2", "--k", "5",
        "--lang", "en", "--out", policy.toString(), "--report", report.toString()));
    String text = out.toString();
    assertTrue(text.startsWith("2 queries, top 5, metric ndcg, 2 folds."), text);
    assertTrue(text.contains("tuned inclusive-default-tuned: "), text);
    assertTrue(text.contains("Policy written to " + policy), text);
    assertEquals("inclusive-default-tuned", io.github.koppel.matching.policy.MatchPolicies.read(policy).name());
    assertTrue(Files.readString(report).contains("inclusive-default-tuned"));
    // In Dutch every line is Dutch, with decimal commas (#15).
    out.getBuffer().setLength(0);
    assertEquals(0, run("tune", "--history", history.toString(), "--folds", "2", "--iterations", "2", "--k", "5",
        "--lang", "nl", "--out", policy.toString(), "--report", report.toString()));
    String dutch = out.toString();
    assertTrue(dutch.startsWith("2 zoekvragen, top 5, maat ndcg, 2 delen."), dutch);
    assertTrue(dutch.matches("(?s).*\nstart inclusive-default: \\d,\\d{3} op alle zoekvragen, \\d,\\d{3} kruisgevalideerd\\R.*"), dutch);
    assertTrue(dutch.matches("(?s).*\nafgestemd inclusive-default-tuned: \\d,\\d{3} op alle zoekvragen, \\d,\\d{3} kruisgevalideerd\\R.*"), dutch);
    assertTrue(!dutch.contains("queries") && !dutch.contains("cross-validated"), dutch);
  }

  @Test
  void tune_badOptions() {
    assertEquals(2, run("tune", "--search", "simulated"));
    assertTrue(err.toString().contains("--search must be coordinate or random: 'simulated'"), err.toString());
    assertEquals(2, run("tune", "--metric", "f1"));
    assertTrue(err.toString().contains("--metric must be one of [precision, recall, ndcg, mrr]: 'f1'"), err.toString());
    assertEquals(2, run("tune", "--fair-ratio", "2"));
    assertTrue(err.toString().contains("--fair-ratio must be in [0, 1]: 2.0"), err.toString());
    assertEquals(2, run("tune", "--iterations", "0"));
    assertTrue(err.toString().contains("--iterations must be in [1, 10000]: 0"), err.toString());
    assertEquals(2, run("tune", "--folds", "1"));
    assertTrue(err.toString().contains("--folds must be in [2, 20]: 1"), err.toString());
  }

  @Test
  void match_aDayBeforeTheLegalRulesIsAClearError() {
    assertEquals(1, run("match", "--vacancy", "vac-0002", "--date", "2005-01-01"));
    String e = err.toString();
    assertTrue(e.startsWith("koppel: no minimum-age rule is in force on 2005-01-01: the legal rules BE 2026.1 cover from 2006-08-01"), e);
    assertTrue(!e.contains("Exception") && !e.contains("\tat "), e);
  }

  /** The case of #13: a fair ranking for an organisation showed a lower score above a higher one. */
  @Test
  void match_aFairRankingForAnOrganisationIsAShortlistWithoutScores() {
    String[] args = {"match", "--vacancy", "vac-0002", "--fair-group", "person_with_disability",
        "--fair-proportion", "0.2", "--top", "20", "--audience", "organisation", "--lang", "en"};
    assertEquals(0, run(args));
    String text = out.toString();
    assertTrue(text.contains("Shortlist, in no order of rank"), text);
    assertTrue(!text.contains("/100"), text);
    out.getBuffer().setLength(0);
    String[] json = java.util.Arrays.copyOf(args, args.length + 1);
    json[args.length] = "--json";
    assertEquals(0, run(json));
    String doc = out.toString();
    assertTrue(doc.contains("\"scoresWithheld\" : true"), doc.substring(0, 400));
    assertTrue(!doc.matches("(?s).*\"(soft|weight|contribution)\" : 0\\.[0-9]*[1-9].*"), "a number leaked");
    assertTrue(!doc.contains("\"protectedByMerit\" : "), "counts of the group leaked");
    // A counsellor sees the ranked list and who was moved up, with their consent.
    out.getBuffer().setLength(0);
    args[args.length - 3] = "counsellor";
    assertEquals(0, run(args));
    assertTrue(out.toString().contains("/100"), out.toString());
  }

  /** Every problem of a file set in one run, for people and for machines (#14). */
  @Test
  void validate_reportsEveryProblemAtOnce(@TempDir Path dir) throws Exception {
    Path o = Files.writeString(dir.resolve("o.csv"), "id;naam;rechtsvorm\no1;De Brug;vzw\n");
    Path v = Files.writeString(dir.resolve("v.csv"),
        "id;organisation_id;title_nl;work_mode;capacity;talents_required\nv1;o1;Kok;remote;2;cookin\nv2;o9;Kok;remote;1;\n");
    Path p = Files.writeString(dir.resolve("p.csv"), "id;languages\np1;nl:B7\np2;nl:B1\n");
    String[] files = {"validate", "--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", p.toString()};
    assertEquals(1, run(files));
    String text = out.toString();
    assertTrue(text.startsWith("3 problems:"), text);
    assertTrue(text.contains("1. unknown talents id (not in scheme koppel-talents); nearest: cooking\n   at row 1, column talents_required (value: \"cookin\")\n   in " + v + ", line 2\n   suggestion: cooking"), text);
    assertTrue(text.contains("at row 1, column languages (value: \"B7\")"), text);
    assertTrue(text.contains("at row 2, column organisation_id (value: \"o9\")"), text);
    assertTrue(text.contains("Read without a problem: 1 organisations, 1 vacancies, 1 volunteers."), text);
    out.getBuffer().setLength(0);
    String[] json = java.util.Arrays.copyOf(files, files.length + 3);
    json[files.length] = "--json";
    json[files.length + 1] = "--max-problems";
    json[files.length + 2] = "2";
    assertEquals(1, run(json));
    Map<?, ?> report = new com.fasterxml.jackson.databind.ObjectMapper().readValue(out.toString(), Map.class);
    assertEquals(1, report.get("schemaVersion"));
    assertEquals(false, report.get("ok"));
    assertEquals(true, report.get("truncated"));
    List<?> problems = (List<?>) report.get("problems");
    assertEquals(2, problems.size());
    assertEquals(List.of("cooking"), ((Map<?, ?>) problems.get(0)).get("suggestions"));
    assertEquals("row 1, column talents_required", ((Map<?, ?>) problems.get(0)).get("location"));
    // A cell cannot fake a line of the report, nor colour the terminal.
    Path hostile = Files.writeString(dir.resolve("h.csv"), "id;languages\np1;\"nl:B1, zz\nFAKE LINE\u001B[31m:B1\"\n");
    out.getBuffer().setLength(0);
    assertEquals(1, run("validate", "--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", hostile.toString()));
    assertTrue(out.toString().lines().noneMatch(l -> l.startsWith("FAKE")), out.toString());
    assertTrue(out.toString().chars().noneMatch(c -> c == 0x1B), out.toString());
    assertEquals(2, run("validate", "--data", o.toString(), "--max-problems", "0"));
    assertTrue(err.toString().contains("--max-problems must be in [1, 10000]: 0"), err.toString());
  }

  /** Excel's "CSV (puntkomma gescheiden)" is Windows-1252 in Flanders (#14). */
  @Test
  void validate_readsAWindows1252ExcelExport(@TempDir Path dir) throws Exception {
    java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
    Path o = Files.write(dir.resolve("o.csv"), "id;name;legal_form\r\no1;Café De Brug €;non_profit_association\r\n".getBytes(cp1252));
    Path v = Files.write(dir.resolve("v.csv"), "id;organisation_id;title_nl;capacity;latitude;longitude\r\nv1;o1;Kok;2;51.05;3.72\r\n".getBytes(cp1252));
    Path p = Files.write(dir.resolve("p.csv"), "id;name\r\np1;Zoë\r\n".getBytes(cp1252));
    assertEquals(0, run("validate", "--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", p.toString()));
    assertTrue(out.toString().contains("OK: 1 organisations, 1 vacancies, 1 volunteers"), out.toString());
    assertEquals(1, run("validate", "--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", p.toString(), "--charset", "UTF-8"));
    assertTrue(out.toString().contains("the file is not valid UTF-8 at line 2"), out.toString());
    assertEquals(2, run("validate", "--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", p.toString(), "--charset", "klingon"));
    assertTrue(err.toString().contains("--charset must be a charset such as UTF-8"), err.toString());
  }

  /** `evaluate --data city.json --out city.json` replaced the city with the report (#14). */
  @Test
  void evaluateAndTune_neverOverwriteAnInput(@TempDir Path dir) throws Exception {
    Path city = Files.writeString(dir.resolve("city.json"), "{}");
    assertEquals(2, run("evaluate", "--data", city.toString(), "--out", dir.resolve("./city.json").toString()));
    assertTrue(err.toString().contains("--out " + dir.resolve("./city.json") + " is the same file as --data"), err.toString());
    assertEquals("{}", Files.readString(city));
    assertEquals(2, run("tune", "--out", dir.resolve("x.html").toString(), "--report", dir.resolve("x.html").toString()));
    assertTrue(err.toString().contains("--report " + dir.resolve("x.html") + " is the same file as --out"), err.toString());
  }

  /** An id typed on the command line cannot colour the terminal, fake a line or flood it (#14). */
  @Test
  void match_aHostileIdIsPrintedEscapedAndShort() {
    assertEquals(1, run("match", "--vacancy", "vac-\u001B[31mRED\u001B[0m\nFAKE LINE"));
    String e = err.toString();
    assertTrue(e.contains("no vacancy with id \"vac-\\u001B[31mRED\\u001B[0m\\u000AFAKE LINE\" in the dataset"), e);
    assertTrue(e.chars().noneMatch(c -> c == 0x1B), e);
    err.getBuffer().setLength(0);
    assertEquals(1, run("match", "--vacancy", "v".repeat(100_000)));
    assertTrue(err.toString().length() < 400, "the id is cut: " + err.toString().length());
    assertTrue(err.toString().contains("(100000 characters)"), err.toString());
  }

  /** Every command reads CSV as well as JSON, and convert turns one into the other, losing nothing (#14). */
  @Test
  void convert_jsonToCsvAndBackLosesNothingAndEveryCommandReadsTheCsv(@TempDir Path dir) throws Exception {
    Dataset demo = DemoCity.bundled();
    Path json = dir.resolve("city.json");
    KoppelJson.create().writeDataset(demo, json);
    Path csv = dir.resolve("csv");
    assertEquals(0, run("convert", "--data", json.toString(), "--out", csv.toString()), err::toString);
    assertTrue(out.toString().contains("volunteers.csv (" + demo.volunteers().size() + "), history.csv ("), out.toString());
    byte[] volunteers = Files.readAllBytes(csv.resolve("volunteers.csv"));
    assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(volunteers[0], volunteers[1], volunteers[2]));
    String header = new String(volunteers, java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    assertTrue(header.startsWith("\uFEFFid;"), header);

    String[] files = {
      "--organisations", csv.resolve("organisations.csv").toString(),
      "--vacancies", csv.resolve("vacancies.csv").toString(),
      "--volunteers", csv.resolve("volunteers.csv").toString()};
    Path back = dir.resolve("back.json");
    assertEquals(0, run(concat(new String[] {"convert", "--history", csv.resolve("history.csv").toString(), "--out", back.toString()}, files)), err::toString);
    assertEquals(demo, KoppelJson.create().readDataset(back));

    for (String[] command : List.of(
        new String[] {"match", "--volunteer", "persona-amal", "--top", "3", "--explain"},
        new String[] {"explain", "--volunteer", "persona-amal", "--vacancy", "vac-0077"},
        new String[] {"validate"})) {
      String[] date = command[0].equals("validate") ? new String[0] : new String[] {"--date", DemoCity.REFERENCE_DATE.toString()};
      out.getBuffer().setLength(0);
      assertEquals(0, run(concat(concat(command, date), new String[] {"--data", json.toString()})), err::toString);
      String fromJson = out.toString();
      out.getBuffer().setLength(0);
      assertEquals(0, run(concat(concat(command, date), files)), err::toString);
      assertEquals(fromJson, out.toString(), String.join(" ", command));
    }
    out.getBuffer().setLength(0);
    assertEquals(0, run(concat(new String[] {"allocate", "--date", DemoCity.REFERENCE_DATE.toString()}, files)), err::toString);
    assertTrue(out.toString().contains("vac-"), out.toString());
  }

  @Test
  void convert_andTheDataOptionsRefuseWhatCannotWork(@TempDir Path dir) throws Exception {
    Path o = Files.writeString(dir.resolve("o.csv"), "id;name;legal_form\no1;De Brug;non_profit_association\n");
    Path city = dir.resolve("city.json");
    KoppelJson.create().writeDataset(DemoCity.bundled(), city);
    assertEquals(2, run("match", "--volunteer", "persona-amal", "--organisations", o.toString()));
    assertTrue(err.toString().contains("give either --data FILE.json, or all of --organisations, --vacancies and --volunteers (or none of them for the demo city)"), err.toString());
    assertEquals(2, run("match", "--volunteer", "persona-amal", "--data", city.toString(), "--charset", "windows-1252"));
    assertTrue(err.toString().contains("--charset applies to CSV files"), err.toString());
    assertEquals(2, run("convert", "--out", dir.resolve("x.json").toString()));
    assertTrue(err.toString().contains("give either --data FILE.json"), err.toString());
    assertEquals(2, run("convert", "--data", city.toString(), "--to", "xml", "--out", dir.toString()));
    assertTrue(err.toString().contains("--to must be csv or json: 'xml'"), err.toString());
    assertEquals(2, run("convert", "--data", city.toString(), "--to", "json", "--out", city.toString()));
    assertTrue(err.toString().contains("is the same file as --data"), err.toString());
    assertEquals(2, run("convert", "--data", city.toString(), "--out", city.toString()));
    assertTrue(err.toString().contains("is a file; CSV output is a folder of files"), err.toString());
    assertEquals(2, run("convert", "--data", city.toString(), "--out", dir.resolve("c").toString(), "--separator", "|"));
    assertTrue(err.toString().contains("--separator must be ';' or ','"), err.toString());
    assertTrue(Files.size(city) > 1000, "the input is untouched");
    // The output folder holds an input: writing would replace it.
    Path v = Files.writeString(dir.resolve("vacancies.csv"), "id;organisation_id;title_nl;capacity;latitude;longitude\nv1;o1;Kok;2;51.05;3.72\n");
    Path p = Files.writeString(dir.resolve("p.csv"), "id\np1\n");
    assertEquals(2, run("convert", "--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", p.toString(), "--to", "csv", "--out", dir.toString()));
    assertTrue(err.toString().contains("is the same file as --vacancies"), err.toString());
  }

  @Test
  void dataOptions_postcodesAndVocabulariesNeedData(@TempDir Path dir) throws Exception {
    Path be = Files.writeString(dir.resolve("BE.txt"), "BE\t2801\tHeffen\n");
    assertEquals(2, run("match", "--volunteer", "persona-amal", "--postcodes", be.toString()));
    assertTrue(err.toString().contains("--postcodes applies to the data you give: add --data or the CSV files"), err.toString());
    assertEquals(2, run("match", "--volunteer", "persona-amal", "--vocabularies", be.toString()));
    assertTrue(err.toString().contains("--vocabularies applies to the data you give: add --data or the CSV files"), err.toString());
    Path o = Files.writeString(dir.resolve("o.csv"), "id;name;legal_form\no1;De Brug;vzw\n");
    Path v = Files.writeString(dir.resolve("v.csv"), "id;organisation_id;title_nl;work_mode;capacity\nv1;o1;Kok;remote;1\n");
    Path p = Files.writeString(dir.resolve("p.csv"), "id;postcode\np1;2801\n");
    assertEquals(1, run("validate", "--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", p.toString(), "--postcodes", be.toString()));
    assertTrue(err.toString().contains("a GeoNames postal code line has 12 tab-separated fields; this one has 3"), err.toString());
    assertTrue(err.toString().contains("BE.txt"), err.toString());
  }

  /** The counter's own words in a Windows-1252 export become concepts, each one listed (#14, item 5). */
  @Test
  void normaliseWords_placesFreeWordsAndListsEveryOne(@TempDir Path dir) throws Exception {
    java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
    Path o = Files.write(dir.resolve("o.csv"), "id;name;legal_form;sectors\r\no1;De Brug;vzw;Buurtwerk\r\n".getBytes(cp1252));
    Path v = Files.write(dir.resolve("v.csv"),
        "id;organisation_id;title_nl;capacity;work_mode;talents_required\r\nv1;o1;Kok;2;remote;koken\r\n".getBytes(cp1252));
    Path p = Files.write(dir.resolve("p.csv"),
        "id;talents;interests\r\np1;kookt graag, pâtissier;Cultuur\r\n".getBytes(cp1252));
    String[] files = {"--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", p.toString()};
    Path city = dir.resolve("city.json");
    assertEquals(0, run(concat(new String[] {"convert", "--normalise-words", "--out", city.toString()}, files)), err::toString);
    assertTrue(err.toString().contains("Free words placed on a concept (5):"), err.toString());
    assertTrue(err.toString().contains("p.csv, row 1, column talents: \"kookt graag\" -> cooking ("), err.toString());
    assertTrue(err.toString().contains("p.csv, row 1, column talents: \"pâtissier\" -> baking (\"pâtissier\", 1.00)"), err.toString());
    Dataset read = KoppelJson.create().readDataset(city);
    assertEquals(List.of("cooking", "baking"),
        read.volunteers().get(0).talents().stream().map(io.github.koppel.core.model.Talent::conceptId).toList());

    // Without the option the words are unknown ids; every command takes it.
    assertEquals(1, run(concat(new String[] {"validate"}, files)));
    out.getBuffer().setLength(0);
    assertEquals(0, run(concat(new String[] {"validate", "--normalise-words"}, files)), out::toString);
    assertTrue(out.toString().contains("OK: 1 organisations, 1 vacancies, 1 volunteers"), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run(concat(new String[] {"match", "--volunteer", "p1", "--normalise-words"}, files)), err::toString);
    assertTrue(out.toString().contains("v1"), out.toString());
  }

  @Test
  void normaliseWords_anUnplacedWordStopsWithItsNearestConcepts(@TempDir Path dir) throws Exception {
    Path o = Files.writeString(dir.resolve("o.csv"), "id;name;legal_form\no1;De Brug;vzw\n");
    Path v = Files.writeString(dir.resolve("v.csv"), "id;organisation_id;title_nl;capacity;work_mode\nv1;o1;Kok;2;remote\n");
    Path p = Files.writeString(dir.resolve("p.csv"), "id;talents\np1;\"koken, stamboom\u001b[2Jonderzoek\"\n");
    String[] files = {"--organisations", o.toString(), "--vacancies", v.toString(), "--volunteers", p.toString()};
    Path city = dir.resolve("city.json");
    assertEquals(1, run(concat(new String[] {"convert", "--normalise-words", "--out", city.toString()}, files)));
    assertTrue(err.toString().contains("Free words not placed (1):"), err.toString());
    assertTrue(err.toString().contains("p.csv, row 1, column talents: \"stamboom\\u001B[2Jonderzoek\" (nearest: "), err.toString());
    assertTrue(!err.toString().contains("\u001b"), err.toString());
    assertTrue(err.toString().contains("koppel: 1 word could not be placed on a concept"), err.toString());
    assertTrue(!Files.exists(city), "nothing written");
    out.getBuffer().setLength(0);
    assertEquals(1, run(concat(new String[] {"validate", "--normalise-words"}, files)));
    assertTrue(out.toString().contains("no concept of the vocabulary for this word"), out.toString());
    assertTrue(out.toString().contains("suggestion: "), out.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("match", "--volunteer", "persona-amal", "--normalise-words"));
    assertTrue(err.toString().contains("--normalise-words applies to the data you give: add --data or the CSV files"), err.toString());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
