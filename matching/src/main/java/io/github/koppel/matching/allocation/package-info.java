/**
 * Allocation: placing many volunteers into vacancies with capacities, optimally (most placed, then
 * the highest total score), stably (deferred acceptance from either side) or greedily, with teams
 * placed together, and saying why someone was not placed.
 *
 * <pre class="example">{@code
 * // A small generated town: 200 volunteers, 60 organisations, 80 vacancies.
 * Dataset town = DemoCity.generate(DemoCity.DEFAULT_SEED, 200, 60, 80);
 * MatchEngine engine = MatchEngine.builder(town).date(DemoCity.REFERENCE_DATE).build();
 * AllocationProblem problem = Allocations.problem(engine);      // feasible pairs, scores, wishes
 * Allocation optimal = Allocator.allocate(problem, AllocationMode.OPTIMAL);
 * Allocation stable = Allocator.allocate(problem, AllocationMode.STABLE_VOLUNTEERS_PROPOSE);
 * System.out.println(optimal.placedCount() + " placed at best, " + stable.placedCount() + " stably");
 * for (Unplaced u : stable.unplaced().subList(0, 3)) {
 *   System.out.println(u.volunteerId() + ": " + u.reason().description().in("nl"));
 * }
 * }</pre>
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.allocation;

import org.jspecify.annotations.NullMarked;
