package io.github.koppel.matching.internal;

import io.github.koppel.core.model.Vacancy;
import org.jspecify.annotations.Nullable;

/** A criterion that can compile itself for the volunteers of a {@link VolunteerIndex}. */
public interface Compilable {

  /**
   * Compiles this criterion for one vacancy.
   *
   * @param vacancy the vacancy of the query
   * @param context the context of the match
   * @param index the volunteers
   * @return the compiled criterion, or {@code null} to evaluate the object form per candidate
   */
  @Nullable CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index);
}
