package io.github.koppel.matching.internal;

import io.github.koppel.core.model.Volunteer;
import org.jspecify.annotations.Nullable;

/**
 * A criterion that can compile itself for one volunteer over the vacancies of a {@link
 * VacancyIndex}: the kernel of a volunteer's own search, the other direction of {@link
 * Compilable}. The kernel evaluates the vacancy at a position to exactly what the criterion's
 * object form answers for the pair. A vacancy kernel serves one query on one thread, so it may
 * fill tables of its own as it goes (a volunteer-direction kernel is shared by the threads of a
 * scan and must not).
 */
public interface VacancyCompilable {

  /**
   * Compiles this criterion for one volunteer.
   *
   * @param volunteer the volunteer of the query
   * @param context the context of the match
   * @param index the vacancies
   * @return the compiled criterion over vacancy positions, or {@code null} to evaluate the object
   *     form per pair
   */
  @Nullable CompiledCriterion compileFor(Volunteer volunteer, CompileContext context, VacancyIndex index);
}
