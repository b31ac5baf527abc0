package io.github.koppel.cli;

import io.github.koppel.core.internal.Numbers;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.allocation.Allocation;
import io.github.koppel.matching.allocation.AllocationMode;
import io.github.koppel.matching.allocation.AllocationProblem;
import io.github.koppel.matching.allocation.AllocationSummary;
import io.github.koppel.matching.allocation.Allocations;
import io.github.koppel.matching.allocation.Allocator;
import io.github.koppel.matching.allocation.Placement;
import io.github.koppel.matching.allocation.Unplaced;
import io.github.koppel.matching.policy.MatchPolicies;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code koppel allocate}: place every volunteer of a dataset into vacancies with capacities. */
@Command(
    name = "allocate",
    description = "Place the volunteers into the open vacancies, each place filled once: optimal, stable or greedy.")
final class AllocateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--mode",
      description = "optimal (most placed, then the highest total score), stable (volunteers propose), stable-vacancies (vacancies propose) or greedy (default: ${DEFAULT-VALUE}).",
      defaultValue = "optimal")
  String mode = "optimal";

  @Option(
      names = "--team",
      description = "A team to place together, ID=VOLUNTEER,VOLUNTEER,...; repeatable.")
  List<String> teams = new ArrayList<>();

  @Option(names = "--all", description = "List every placement, not only the first 20.")
  boolean all;

  @Mixin MatchOptions options = new MatchOptions();

  AllocateCommand() {}

  @Override
  public void run() {
    options.check(spec.commandLine());
    AllocationMode m = mode();
    List<AllocationProblem.Team> parsed = new ArrayList<>();
    for (String t : teams) {
      int eq = t.indexOf('=');
      if (eq <= 0 || eq == t.length() - 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--team must be ID=VOLUNTEER,VOLUNTEER,...: '" + t + "'");
      }
      parsed.add(
          new AllocationProblem.Team(t.substring(0, eq), Arrays.asList(t.substring(eq + 1).split(",", -1))));
    }
    MatchEngine engine = options.engine(spec.commandLine());
    AllocationProblem problem =
        Allocations.problem(engine, MatchPolicies.volunteerWishes(), parsed);
    Allocation allocation = Allocator.allocate(problem, m);
    PrintWriter out = spec.commandLine().getOut();
    // An allocation weighs what volunteers consented to share with counsellors; its scores would
    // tell an organisation or a volunteer of those factors, so they see who is placed where,
    // without scores (AllocationSummary decides the same for --json).
    boolean organisation = options.audience() != Audience.COUNSELLOR;
    if (options.json) {
      out.print(
          KoppelJson.create()
              .toJsonDocument(AllocationSummary.of(allocation, options.audience())));
      return;
    }
    String lang = options.lang;
    Output output = new Output(out, engine.dataset(), lang, options.audience());
    out.println(String.format(Texts.get("allocationTitle", lang), allocation.mode().description().in(lang)));
    out.println(
        organisation
            ? String.format(
                Locale.ROOT,
                Texts.get("allocationSummaryWithoutScore", lang),
                Numbers.integer(allocation.placedCount(), lang),
                Numbers.integer(problem.volunteers().size(), lang),
                Numbers.integer(problem.vacancies().size(), lang))
            : String.format(
                Locale.ROOT,
                Texts.get("allocationSummary", lang),
                Numbers.integer(allocation.placedCount(), lang),
                Numbers.integer(problem.volunteers().size(), lang),
                Numbers.integer(problem.vacancies().size(), lang),
                Numbers.fixed(allocation.totalScore(), 2, lang)));
    Map<Unplaced.Reason, Integer> reasons = new EnumMap<>(Unplaced.Reason.class);
    for (Unplaced u : allocation.unplaced()) {
      reasons.merge(u.reason(), 1, Integer::sum);
    }
    if (!reasons.isEmpty()) {
      out.println(Texts.get("allocationUnplaced", lang));
    }
    for (Map.Entry<Unplaced.Reason, Integer> e : reasons.entrySet()) {
      out.println("  " + e.getValue() + " × " + e.getKey().description().in(lang));
    }
    out.println();
    List<Placement> shown =
        all ? allocation.placements() : allocation.placements().subList(0, Math.min(20, allocation.placedCount()));
    for (Placement p : shown) {
      Volunteer v = engine.dataset().volunteer(p.volunteerId());
      Vacancy j = engine.dataset().vacancy(p.vacancyId());
      out.println(
          String.format(
              Locale.ROOT,
              "  %s → %s (%s)%s%s",
              v == null ? p.volunteerId() : output.name(v),
              j == null ? p.vacancyId() : j.title().in(lang),
              p.vacancyId(),
              organisation ? "" : "  " + Numbers.fixed(p.score(), 2, lang),
              p.teamId() == null ? "" : "  [" + p.teamId() + "]"));
    }
    if (shown.size() < allocation.placedCount()) {
      out.println(String.format(Texts.get("allocationMore", lang), allocation.placedCount() - shown.size()));
    }
  }

  private AllocationMode mode() {
    try {
      return AllocationMode.ofShortName(mode);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--mode must be optimal, stable, stable-vacancies or greedy: '" + mode + "'");
    }
  }

}
