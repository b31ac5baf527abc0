package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A criterion that enforces the {@link Criterion} contract on another one. */
final class CheckedCriterion implements Criterion, Compilable, VacancyCompilable {
  private final String name;
  private final Criterion delegate;
  private final Set<SensitiveCategory> sensitiveCategories;
  private final Set<VolunteerField> fieldsRead;

  CheckedCriterion(String name, Criterion delegate) {
    this.name = name;
    this.delegate = delegate;
    this.sensitiveCategories =
        Set.copyOf(
            Objects.requireNonNull(
                delegate.sensitiveCategories(), "criterion " + name + ": sensitiveCategories() returned null"));
    this.fieldsRead =
        Set.copyOf(Objects.requireNonNull(delegate.fieldsRead(), "criterion " + name + ": fieldsRead() returned null"));
  }

  String name() {
    return name;
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    Evaluation evaluation;
    try {
      evaluation = delegate.evaluate(volunteer, vacancy, context);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "criterion " + name + " failed on volunteer " + volunteer.id() + " and vacancy "
              + vacancy.id() + ": " + e.getMessage(),
          e);
    }
    if (evaluation == null) {
      throw new IllegalStateException(
          "criterion " + name + " returned null for volunteer " + volunteer.id() + " and vacancy "
              + vacancy.id() + "; a criterion must return an evaluation");
    }
    // What an organisation sees leaves out exactly the criteria that declare a category: one that
    // marks evidence with a category it does not declare would slip through.
    for (Evidence e : evaluation.evidence()) {
      SensitiveCategory c = e.sensitiveCategory();
      if (c != null && !sensitiveCategories.contains(c)) {
        throw new IllegalStateException(
            "criterion " + name + " marks evidence " + e.code() + " as " + c
                + " but does not declare " + c + " in sensitiveCategories()"
                + "\nDeclare every category of sensitive facts the criterion uses.");
      }
    }
    return evaluation;
  }

  @Override
  public Set<SensitiveCategory> sensitiveCategories() {
    return sensitiveCategories;
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return fieldsRead;
  }

  @Override
  public @Nullable CompiledCriterion compile(
      Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    return delegate instanceof Compilable c ? c.compile(vacancy, context, index) : null;
  }

  @Override
  public @Nullable CompiledCriterion compileFor(
      Volunteer volunteer, CompileContext context, VacancyIndex index) {
    return delegate instanceof VacancyCompilable c ? c.compileFor(volunteer, context, index) : null;
  }

  @Override
  public String toString() {
    return "Criterion{" + name + "}";
  }
}
