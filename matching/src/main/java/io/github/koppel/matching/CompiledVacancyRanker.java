package io.github.koppel.matching;

import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.CompiledScan.Partial;
import io.github.koppel.matching.CompiledScan.Plan;
import io.github.koppel.matching.criteria.Criterion;
import io.github.koppel.matching.criteria.MatchContext;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
import java.time.LocalDate;
import java.util.List;

/**
 * The compiled path of {@link MatchEngine#rankVacancies}, a volunteer's own search: a {@link
 * CompiledScan} over the {@link VacancyIndex} with the policy's criteria compiled for the volunteer
 * (the volunteer of the engine or a visitor at the counter). It returns what it found, by vacancy
 * position, with the counts per gate; the engine evaluates the found pairs with the object criteria
 * and assembles the ranking. A criterion without a vacancy kernel is evaluated as an object per
 * pair. Nothing here calls back into the engine.
 */
final class CompiledVacancyRanker {
  private final PolicyEvaluator evaluator;
  private final VacancyIndex index;

  private final CompileContext compileContext;

  CompiledVacancyRanker(PolicyEvaluator evaluator, VacancyIndex index) {
    this.evaluator = evaluator;
    this.index = index;
    this.compileContext = CompiledVolunteerRanker.compileContext(evaluator.context());
  }

  VacancyIndex index() {
    return index;
  }

  /** Scans the vacancies for a volunteer, keeping the best k and the nearest misses. */
  CompiledScan.Scan scan(Volunteer volunteer, int requested) {
    int k = Math.min(requested, index.size());
    Plan plan = plan(volunteer);
    Partial all = plan.scan(0, plan.size(), k, null);
    return CompiledScan.scan(all);
  }

  private Plan plan(Volunteer volunteer) {
    MatchContext context = evaluator.context();
    List<Criterion> criteria = evaluator.criteria();
    CompiledCriterion[] compiled = new CompiledCriterion[criteria.size()];
    for (int j = 0; j < compiled.length; j++) {
      Criterion criterion = criteria.get(j);
      CompiledCriterion c =
          criterion instanceof VacancyCompilable compilable
              ? compilable.compileFor(volunteer, compileContext, index)
              : null;
      compiled[j] = c != null ? c : objectForm(criterion, volunteer, context);
    }
    LocalDate day = evaluator.date();
    CandidateOrder order = evaluator.order(volunteer.id());
    CompiledScan.Order byPosition =
        new CompiledScan.Order(order, new CompiledScan.Keys() {
          @Override
          public String id(int global) {
            return index.vacancy(global).id();
          }

          @Override
          public double distanceKm(int global) {
            return CandidateOrder.distanceKm(volunteer.home(), index.place(global));
          }
        });
    return new Plan(evaluator, compiled, new CompiledScan.Candidates() {
      @Override
      public int size() {
        return index.size();
      }

      @Override
      public boolean live(int i) {
        return true;
      }

      @Override
      public int global(int i) {
        return i;
      }

      @Override
      public boolean open(int i) {
        return index.isOpenOn(i, day);
      }
    }, byPosition);
  }

  /** Evaluates a criterion without a vacancy kernel as an object, per pair. */
  private CompiledCriterion objectForm(Criterion criterion, Volunteer volunteer, MatchContext context) {
    return j -> CompiledScan.answer(criterion.evaluate(volunteer, index.vacancy(j), context));
  }
}
