package io.github.koppel.matching;

import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.matching.CompiledScan.FeasibleSink;
import io.github.koppel.matching.CompiledScan.Partial;
import io.github.koppel.matching.CompiledScan.Plan;
import io.github.koppel.matching.criteria.Criterion;
import io.github.koppel.matching.criteria.MatchContext;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.Tasks;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The compiled path of {@link MatchEngine#rankVolunteers}: a {@link CompiledScan} over each segment
 * of the {@link VolunteerIndex}es of the store, with the policy's criteria compiled for the
 * vacancy, on up to {@code parallelism} threads. It returns what it found, by global position in
 * the store, with the counts per gate; the engine evaluates the found candidates with the object
 * criteria and assembles the ranking. Nothing here calls back into the engine.
 */
final class CompiledVolunteerRanker {
  private final PolicyEvaluator evaluator;
  private final VolunteerStore store;
  /** The evaluator's context as compiling needs it; one per ranker. */
  private final CompileContext compileContext;

  CompiledVolunteerRanker(PolicyEvaluator evaluator, VolunteerStore store) {
    this.evaluator = evaluator;
    this.store = store;
    this.compileContext = compileContext(evaluator.context());
  }

  /** Adapts a match context to what compiling needs. */
  static CompileContext compileContext(MatchContext context) {
    return CompileContext.of(
        context.vocabularies(), context.legalRules(), context.date(), context::organisationOf,
        context::organisationIdOf);
  }

  /** The fewest volunteers per thread of a parallel scan. */
  static final int MIN_CHUNK = 16_384;

  /**
   * Scans the volunteers for a vacancy, with up to {@code parallelism} threads of a pool (the
   * calling thread takes one chunk).
   *
   * @param admit the global positions that may be candidates, or null for all
   */
  CompiledScan.Scan scan(
      Vacancy vacancy,
      int requested,
      @Nullable ExecutorService pool,
      int parallelism,
      @Nullable BitSet admit) {
    // The heaps are sized by k: never beyond the volunteers there are, whatever k the caller chose.
    int k = Math.min(requested, store.size());
    CompiledScan.Order order = order(vacancy);
    List<Plan> plans = new ArrayList<>();
    for (VolunteerStore.Segment segment : store.segments()) {
      plans.add(plan(vacancy, segment, order, admit));
    }
    int threads = pool == null ? 1 : Math.max(1, Math.min(parallelism, store.size() / MIN_CHUNK));
    List<Supplier<Partial>> tasks = new ArrayList<>();
    for (Plan plan : plans) {
      int n = plan.size();
      int chunks = Math.max(1, Math.min(threads, n / MIN_CHUNK));
      int size = (n + chunks - 1) / chunks;
      for (int from = 0; from < n; from += size) {
        int start = from;
        int end = Math.min(n, from + size);
        tasks.add(() -> plan.scan(start, end, k, null));
      }
    }
    List<Future<Partial>> futures = new ArrayList<>();
    if (threads > 1) {
      for (Supplier<Partial> task : tasks.subList(Math.min(1, tasks.size()), tasks.size())) {
        futures.add(pool.submit(task::get));
      }
      tasks = tasks.subList(0, Math.min(1, tasks.size()));
    }
    Partial all = CompiledScan.partial(evaluator, k, order);
    for (Supplier<Partial> task : tasks) {
      all.merge(task.get());
    }
    for (Future<Partial> f : futures) {
      all.merge(Tasks.await(f, "ranking " + vacancy.id()));
    }
    return CompiledScan.scan(all);
  }

  /**
   * Passes every feasible volunteer for a vacancy to a sink, with the exact score, in the order of
   * the store, on the calling thread.
   */
  void collectFeasible(Vacancy vacancy, @Nullable BitSet admit, FeasibleSink sink) {
    CompiledScan.Order order = order(vacancy);
    for (VolunteerStore.Segment segment : store.segments()) {
      Plan plan = plan(vacancy, segment, order, admit);
      plan.scan(0, plan.size(), 0, sink);
    }
  }

  /** The order of a ranking of volunteers for a vacancy, on global positions of the store. */
  private CompiledScan.Order order(Vacancy vacancy) {
    CandidateOrder order = evaluator.order(vacancy.id());
    @Nullable Location place = order.usesDistance() ? evaluator.placeOf(vacancy) : null;
    return new CompiledScan.Order(order, new CompiledScan.Keys() {
      @Override
      public String id(int global) {
        return store.at(global).id();
      }

      @Override
      public double distanceKm(int global) {
        return CandidateOrder.distanceKm(store.at(global).home(), place);
      }
    });
  }

  /** The policy's criteria compiled for a vacancy over one segment. */
  private Plan plan(
      Vacancy vacancy, VolunteerStore.Segment segment, CompiledScan.Order order, @Nullable BitSet admit) {
    VolunteerIndex index = Objects.requireNonNull(segment.index, "segment index");
    MatchContext context = evaluator.context();
    List<Criterion> criteria = evaluator.criteria();
    CompiledCriterion[] compiled = new CompiledCriterion[criteria.size()];
    for (int j = 0; j < compiled.length; j++) {
      Criterion criterion = criteria.get(j);
      CompiledCriterion c =
          criterion instanceof Compilable compilable ? compilable.compile(vacancy, compileContext, index) : null;
      compiled[j] = c != null ? c : objectForm(criterion, vacancy, context, index);
    }
    boolean open = vacancy.isOpenOn(evaluator.date());
    return new Plan(evaluator, compiled, new CompiledScan.Candidates() {
      @Override
      public int size() {
        return index.size();
      }

      @Override
      public boolean live(int i) {
        return segment.live(i) && (admit == null || admit.get(segment.base + i));
      }

      @Override
      public int global(int i) {
        return segment.base + i;
      }

      @Override
      public boolean open(int i) {
        return open;
      }
    }, order);
  }


  /** Evaluates a criterion that cannot be compiled as an object, per candidate. */
  private static CompiledCriterion objectForm(
      Criterion criterion, Vacancy vacancy, MatchContext context, VolunteerIndex index) {
    return i -> CompiledScan.answer(criterion.evaluate(index.volunteer(i), vacancy, context));
  }
}
