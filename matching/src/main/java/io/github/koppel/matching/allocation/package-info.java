/**
 * Allocation: placing many volunteers into vacancies with capacities, optimally (most placed, then
 * the highest total score), stably (deferred acceptance from either side) or greedily, with teams
 * placed together, and saying why someone was not placed.
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.matching.allocation;

import org.jspecify.annotations.NullMarked;
