package io.github.koppel.matching.allocation;

import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds allocation problems from a {@link MatchEngine}: the engine's dataset, its policy's
 * feasible pairs and scores, and volunteers' wishes from a second policy.
 *
 * @since 0.2
 */
public final class Allocations {
  private Allocations() {}

  /**
   * Builds the problem of the engine's whole dataset with the bundled {@link
   * MatchPolicies#volunteerWishes()} and no teams.
   *
   * @param engine the engine, whose policy decides feasibility and scores
   * @return the problem
   */
  public static AllocationProblem problem(MatchEngine engine) {
    return problem(engine, MatchPolicies.volunteerWishes(), List.of());
  }

  /**
   * Builds the problem of the engine's whole dataset: every volunteer, every vacancy open on the
   * engine's date with its capacity, and every feasible pair that no contact cap holds back
   * ({@link MatchEngine#heldBack}) with the engine's score and the
   * wish that the wishes policy gives (0 where that policy finds the pair infeasible).
   *
   * @param engine the engine, whose policy decides feasibility and scores
   * @param wishes the policy that scores how much a volunteer wants a vacancy
   * @param teams the teams to place together
   * @return the problem
   * @throws IllegalArgumentException if a team names an unknown volunteer or a volunteer twice
   */
  public static AllocationProblem problem(
      MatchEngine engine, MatchPolicy wishes, List<AllocationProblem.Team> teams) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(wishes, "wishes");
    Objects.requireNonNull(teams, "teams");
    MatchEngine wanting = engine.withPolicy(wishes);
    AllocationProblem.Builder b = AllocationProblem.builder();
    for (Volunteer v : engine.dataset().volunteers()) {
      b.volunteer(v.id());
    }
    List<Vacancy> open = new ArrayList<>();
    for (Vacancy vacancy : engine.dataset().vacancies()) {
      if (vacancy.isOpenOn(engine.date())) {
        open.add(vacancy);
        b.vacancy(vacancy.id(), vacancy.capacity());
      }
    }
    for (Vacancy vacancy : open) {
      Map<String, Double> wish = wanting.feasibleVolunteers(vacancy.id());
      for (Map.Entry<String, Double> e : engine.feasibleVolunteers(vacancy.id()).entrySet()) {
        // Placing is proposing: no pair a contact cap holds back.
        if (engine.heldBack(e.getKey(), vacancy.id()) == null) {
          b.pair(e.getKey(), vacancy.id(), e.getValue(), wish.getOrDefault(e.getKey(), 0.0));
        }
      }
    }
    for (AllocationProblem.Team team : teams) {
      b.team(team);
    }
    return b.build();
  }
}
