package io.github.koppel.matching;

import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.matching.criteria.Criterion;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.MatchContext;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.Deferrable;
import io.github.koppel.matching.internal.Scores;
import io.github.koppel.matching.internal.Tasks;
import io.github.koppel.matching.internal.VolunteerIndex;
import io.github.koppel.matching.policy.Aggregation;
import io.github.koppel.matching.policy.MatchPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The compiled path of {@link MatchEngine#rankVolunteers}: one scan over a {@link VolunteerIndex}
 * with the policy's criteria compiled for the vacancy, keeping the best k matches and the nearest
 * misses in bounded heaps. It returns what it found, by position in the store, with the counts per
 * gate; the engine evaluates the found candidates with the object criteria and assembles the
 * ranking. Nothing here calls back into the engine.
 *
 * <p>The compiled criteria compute the same doubles as the object criteria, the aggregation is
 * shared ({@link Scores}) and so is the order ({@link CandidateOrder}), so the scan orders
 * candidates exactly as the object path does. Costs: O(n · c) for n volunteers and c criteria,
 * plus O(n log k) heap work in the worst case; memory O(k).
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

  /** A candidate a scan found: its position in the store, its failed gates (0 or fewer) and score. */
  record Found(int position, int hard, double score) {}

  /**
   * What a scan found: the best matches and the nearest misses in no particular order, how many
   * passed every gate, and the counts per gate as {@link PolicyEvaluator#counts} reads them.
   */
  record Scan(int feasible, int[] blocked, List<Found> matches, List<Found> misses) {}

  /** The margin of rounding for decisions taken on bounds of a score. */
  private static final double EPS = 1e-9;

  /** The number of candidates each compiled criterion evaluates per call. */
  private static final int BLOCK = 256;

  /** The fewest volunteers per thread of a parallel scan. */
  static final int MIN_CHUNK = 16_384;

  /**
   * Scans the volunteers for a vacancy, with up to {@code parallelism} threads of a pool (the
   * calling thread takes one chunk).
   *
   * @param admit the global positions that may be candidates, or null for all
   */
  Scan scan(
      Vacancy vacancy,
      int requested,
      @Nullable ExecutorService pool,
      int parallelism,
      @Nullable BitSet admit) {
    // The heaps are sized by k: never beyond the volunteers there are, whatever k the caller chose.
    int k = Math.min(requested, store.size());
    Order order = new Order(vacancy);
    List<Query> queries = new ArrayList<>();
    for (VolunteerStore.Segment segment : store.segments()) {
      queries.add(new Query(vacancy, segment, order, admit));
    }
    int threads = pool == null ? 1 : Math.max(1, Math.min(parallelism, store.size() / MIN_CHUNK));
    List<Supplier<Partial>> tasks = new ArrayList<>();
    for (Query query : queries) {
      int n = query.size();
      int chunks = Math.max(1, Math.min(threads, n / MIN_CHUNK));
      int size = (n + chunks - 1) / chunks;
      for (int from = 0; from < n; from += size) {
        int start = from;
        int end = Math.min(n, from + size);
        tasks.add(() -> query.scan(start, end, k, null));
      }
    }
    List<Future<Partial>> futures = new ArrayList<>();
    if (threads > 1) {
      for (Supplier<Partial> task : tasks.subList(Math.min(1, tasks.size()), tasks.size())) {
        futures.add(pool.submit(task::get));
      }
      tasks = tasks.subList(0, Math.min(1, tasks.size()));
    }
    Partial all =
        new Partial(evaluator.criteria().size(), new Heap(k, order), new Heap(evaluator.nearMisses(), order));
    for (Supplier<Partial> task : tasks) {
      all.merge(task.get());
    }
    for (Future<Partial> f : futures) {
      all.merge(Tasks.await(f, "ranking " + vacancy.id()));
    }
    return new Scan(all.feasible, all.blocked, all.matches.found(), all.misses.found());
  }

  /** Receives the feasible volunteers of a scan. */
  @FunctionalInterface
  interface FeasibleSink {
    /**
     * Receives one feasible volunteer.
     *
     * @param global the volunteer's global position
     * @param score the exact score
     */
    void accept(int global, double score);
  }

  /**
   * Passes every feasible volunteer for a vacancy to a sink, with the exact score, in the order of
   * the store, on the calling thread.
   */
  void collectFeasible(Vacancy vacancy, FeasibleSink sink) {
    Order order = new Order(vacancy);
    for (VolunteerStore.Segment segment : store.segments()) {
      Query query = new Query(vacancy, segment, order, null);
      query.scan(0, query.size(), 0, sink);
    }
  }

  /**
   * The policy's criteria compiled for one vacancy and one segment; immutable, shared by the
   * scanning threads.
   */
  private final class Query {
    private final VolunteerStore.Segment segment;
    private final VolunteerIndex index;
    private final MatchPolicy policy = evaluator.policy();
    private final CompiledCriterion[] compiled;
    private final double[] weights = evaluator.weights();
    private final boolean[] hard;
    private final boolean[] bonus;
    /** Whether a gate is private and the ranking is an organisation's: it filters, unseen. */
    private final boolean[] privateGate;
    private final double[] minimum;
    private final Order order;
    private final boolean open;
    private final boolean mean;
    /**
     * The criterion whose {@link CompiledCriterion#DEFERRED} results are settled from bounds, or
     * -1: the first {@link Deferrable} of a weighted mean whose gate a deferred score cannot fail.
     */
    private final int deferredColumn;
    /** The global positions a scan may consider, or null for all. */
    private final @Nullable BitSet admit;

    Query(
        Vacancy vacancy, VolunteerStore.Segment segment, Order order, @Nullable BitSet admit) {
      this.segment = segment;
      this.admit = admit;
      this.index = Objects.requireNonNull(segment.index, "segment index");
      MatchContext context = evaluator.context();
      List<Criterion> criteria = evaluator.criteria();
      int m = criteria.size();
      compiled = new CompiledCriterion[m];
      hard = new boolean[m];
      bonus = new boolean[m];
      privateGate = new boolean[m];
      minimum = new double[m];
      for (int j = 0; j < m; j++) {
        Criterion criterion = criteria.get(j);
        CompiledCriterion c =
            criterion instanceof Compilable compilable
                ? compilable.compile(vacancy, compileContext, index)
                : null;
        compiled[j] = c != null ? c : objectForm(criterion, vacancy, context, index);
        hard[j] = evaluator.isGate(j);
        bonus[j] = evaluator.isBonus(j);
        privateGate[j] = evaluator.filtersUnseen(j);
        minimum[j] = evaluator.minimum(j);
      }
      this.order = order;
      open = vacancy.isOpenOn(evaluator.date());
      mean = policy.aggregation() == Aggregation.WEIGHTED_MEAN;
      int column = -1;
      for (int j = 0; j < m && mean; j++) {
        if (compiled[j] instanceof Deferrable d && !(hard[j] && minimum[j] > d.lowerBound())) {
          column = j;
          break;
        }
      }
      deferredColumn = column;
    }

    int size() {
      return index.size();
    }

    /**
     * Scans the volunteers from index {@code from} (inclusive) to {@code to} (exclusive), a block
     * at a time: every criterion evaluates the block, the gates and the plain weighted sums are
     * accumulated criterion by criterion (columns, with few unpredictable branches), and then each
     * candidate is settled from bounds of its score or, near a decision, scored exactly.
     */
    Partial scan(int from, int to, int k, @Nullable FeasibleSink collect) {
      int m = compiled.length;
      Partial p = new Partial(m, new Heap(k, order), new Heap(evaluator.nearMisses(), order));
      Block block = new Block(m);
      for (int start = from; start < to; start += BLOCK) {
        int n = Math.min(to, start + BLOCK) - start;
        for (int j = 0; j < m; j++) {
          compiled[j].evaluate(start, start + n, block.results[j]);
        }
        int live = 0;
        for (int b = 0; b < n; b++) {
          block.live[b] =
              segment.live(start + b) && (admit == null || admit.get(segment.base + start + b))
                  ? 1
                  : 0;
          live += block.live[b];
          block.totalWeight[b] = 0;
          block.weightedSum[b] = 0;
          block.failed[b] = open ? 0 : 1;
          block.privateFailed[b] = 0;
        }
        if (!open) {
          p.blocked[m + 1] += live;
        }
        for (int j = 0; j < m; j++) {
          p.blocked[j] += accumulate(j, start, n, block);
        }
        for (int b = 0; b < n; b++) {
          if (block.live[b] != 0) {
            decide(start + b, b, block, p, collect);
          }
        }
      }
      return p;
    }

    /**
     * Adds criterion j's results for a block to the candidates' weights, weighted sums and failed
     * gates, in criterion order as the engine adds them; returns how many live candidates its gate
     * blocks.
     */
    private int accumulate(int j, int start, int n, Block block) {
      double[] r = block.results[j];
      if (j != deferredColumn && compiled[j] instanceof Deferrable) {
        for (int b = 0; b < n; b++) {
          if (r[b] == CompiledCriterion.DEFERRED) {
            r[b] = compiled[j].evaluate(start + b);
          }
        }
      }
      double w = weights[j];
      // A bonus takes part with its weight even when it abstains (scoring 0).
      double abstainedWeight = bonus[j] ? w : 0;
      boolean gate = hard[j];
      double min = minimum[j];
      double[] totalWeight = block.totalWeight;
      double[] weightedSum = block.weightedSum;
      int[] failed = block.failed;
      int[] privateFailed = block.privateFailed;
      boolean unseen = privateGate[j];
      int[] live = block.live;
      int blocked = 0;
      // Without branches on the data: only the deferred column answers DEFERRED, which takes part
      // with a score settled later; an abstention takes no part, a veto takes part with 0.
      for (int b = 0; b < n; b++) {
        double v = r[b];
        boolean abstained = v != v;
        boolean scored = v >= 0;
        totalWeight[b] += abstained ? abstainedWeight : w;
        weightedSum[b] += scored ? w * v : 0;
        if (gate) {
          int f = (v == CompiledCriterion.VETO) | (scored & v < min) ? 1 : 0;
          failed[b] += f;
          if (unseen) {
            privateFailed[b] += f;
          }
          blocked += f & live[b];
        }
      }
      return blocked;
    }

    /** Settles candidate i, at position b of its block, or scores it exactly. */
    private void decide(int i, int b, Block block, Partial p, @Nullable FeasibleSink collect) {
      double totalWeight = block.totalWeight[b];
      double weightedSum = block.weightedSum[b];
      int failed = block.failed[b];
      // Who fails a private gate is never an organisation's near miss.
      boolean unseen = block.privateFailed[b] > 0;
      boolean deferred = deferredColumn >= 0 && block.results[deferredColumn][b] == CompiledCriterion.DEFERRED;
      // A collecting scan needs the exact score of every candidate that passes the gates.
      if (mean && (collect == null || failed > 0)) {
        if (!deferred) {
          if (settled(-1, 0, 0, weightedSum, totalWeight, failed, unseen, p)) {
            return;
          }
        } else {
          Deferrable d = (Deferrable) compiled[deferredColumn];
          if (settled(deferredColumn, d.lowerBound(), 1, weightedSum, totalWeight, failed, unseen, p)) {
            return;
          }
          d.bounds(i, block.range);
          if (settled(deferredColumn, block.range[0], block.range[1], weightedSum, totalWeight, failed, unseen, p)) {
            return;
          }
        }
      }
      int m = compiled.length;
      double[] scores = block.scores;
      boolean[] part = block.part;
      for (int j = 0; j < m; j++) {
        double v = block.results[j][b];
        if (v == CompiledCriterion.DEFERRED) {
          v = compiled[j].evaluate(i);
        }
        boolean abstained = Double.isNaN(v);
        part[j] = Scores.takesPart(abstained, bonus[j], weights[j]);
        scores[j] = abstained || v == CompiledCriterion.VETO ? 0 : v;
      }
      double score =
          Scores.scoreInto(!mean, weights, scores, part, totalWeight, block.contributions);
      if (score < policy.minimumScore()) {
        failed++;
        p.blocked[m]++;
      }
      if (failed == 0) {
        p.feasible++;
        p.matches.offer(segment.base + i, 0, score);
        if (collect != null) {
          collect.accept(segment.base + i, score);
        }
      } else if (!unseen) {
        p.misses.offer(segment.base + i, -failed, score);
      }
    }

    /**
     * Decides a candidate of a weighted mean from bounds of its score, without the exact
     * aggregation and without the exact score of a deferred criterion, when those bounds settle
     * the minimum-score gate and keep the candidate out of both heaps; then counts it and returns
     * true. The bounds are the plain weighted mean, which differs from the engine's sum of
     * contributions only by rounding, widened by {@link #EPS}, with the deferred criterion's
     * score anywhere between the given bounds.
     */
    private boolean settled(
        int deferred,
        double deferredLow,
        double deferredHigh,
        double weightedSum,
        double totalWeight,
        int failed,
        boolean unseen,
        Partial p) {
      double low;
      double high;
      if (totalWeight <= 0) {
        low = 0;
        high = 0;
      } else {
        double share = deferred >= 0 ? weights[deferred] : 0;
        low = (weightedSum + share * deferredLow) / totalWeight - EPS;
        high = (weightedSum + share * deferredHigh) / totalWeight + EPS;
      }
      double minimumScore = policy.minimumScore();
      boolean fails;
      if (high < minimumScore) {
        fails = true;
      } else if (low >= minimumScore || minimumScore <= 0) {
        fails = false;
      } else {
        return false;
      }
      int f = failed + (fails ? 1 : 0);
      if (f == 0 ? !p.matches.rejects(0, high) : !unseen && !p.misses.rejects(-f, high)) {
        return false;
      }
      if (fails) {
        p.blocked[compiled.length]++;
      }
      if (f == 0) {
        p.feasible++;
      }
      return true;
    }
  }

  /** The working arrays of one scanning thread for one block of candidates. */
  private static final class Block {
    final double[][] results;
    final double[] totalWeight = new double[BLOCK];
    final double[] weightedSum = new double[BLOCK];
    final int[] failed = new int[BLOCK];
    final int[] privateFailed = new int[BLOCK];
    final int[] live = new int[BLOCK];
    final double[] scores;
    final boolean[] part;
    final double[] contributions;
    final double[] range = new double[2];

    Block(int criteria) {
      results = new double[criteria][BLOCK];
      scores = new double[criteria];
      part = new boolean[criteria];
      contributions = new double[criteria];
    }
  }

  /** What a scan of some volunteers found: the best of them, and counts. */
  private static final class Partial {
    final int[] blocked;
    final Heap matches;
    final Heap misses;
    int feasible;

    Partial(int criteria, Heap matches, Heap misses) {
      this.blocked = new int[criteria + 2];
      this.matches = matches;
      this.misses = misses;
    }

    void merge(Partial other) {
      for (int j = 0; j < blocked.length; j++) {
        blocked[j] += other.blocked[j];
      }
      feasible += other.feasible;
      for (int h = 0; h < other.matches.size; h++) {
        matches.offer(other.matches.index[h], other.matches.hard[h], other.matches.score[h]);
      }
      for (int h = 0; h < other.misses.size; h++) {
        misses.offer(other.misses.index[h], other.misses.hard[h], other.misses.score[h]);
      }
    }
  }

  /** Adapts the public match context to what compiling needs. */
  private static CompileContext compileContext(MatchContext context) {
    return new CompileContext() {
      @Override
      public Vocabularies vocabularies() {
        return context.vocabularies();
      }

      @Override
      public LegalRules legalRules() {
        return context.legalRules();
      }

      @Override
      public LocalDate date() {
        return context.date();
      }

      @Override
      public Organisation organisationOf(Vacancy vacancy) {
        return context.organisationOf(vacancy);
      }
    };
  }

  /** Evaluates a criterion that cannot be compiled as an object, per candidate. */
  private static CompiledCriterion objectForm(
      Criterion criterion, Vacancy vacancy, MatchContext context, VolunteerIndex index) {
    return i -> {
      Evaluation e = criterion.evaluate(index.volunteer(i), vacancy, context);
      return e.isAbstention() ? CompiledCriterion.ABSTAIN : e.isVeto() ? CompiledCriterion.VETO : e.score();
    };
  }

  /** {@link CandidateOrder} on positions of the store. */
  private final class Order {
    private final CandidateOrder order;
    private final @Nullable Location place;

    Order(Vacancy vacancy) {
      this.order = evaluator.order(vacancy.id());
      this.place = order.usesDistance() ? evaluator.placeOf(vacancy) : null;
    }

    /** Returns a negative number if candidate a ranks before candidate b. */
    int compare(int a, int hardA, double scoreA, int b, int hardB, double scoreB) {
      int c = order.compare(hardA, scoreA, hardB, scoreB);
      if (c != 0) {
        return c;
      }
      Volunteer va = store.at(a);
      Volunteer vb = store.at(b);
      boolean far = order.usesDistance();
      return order.tie(
          va.id(), far ? CandidateOrder.distanceKm(va.home(), place) : 0,
          vb.id(), far ? CandidateOrder.distanceKm(vb.home(), place) : 0);
    }
  }

  /** The best candidates seen so far, at most a capacity, the worst at the root. */
  private static final class Heap {
    private final Order order;
    private final int capacity;
    private final int[] index;
    private final int[] hard;
    private final double[] score;
    private int size;

    Heap(int capacity, Order order) {
      this.capacity = capacity;
      this.order = order;
      this.index = new int[capacity];
      this.hard = new int[capacity];
      this.score = new double[capacity];
    }

    void offer(int i, int h, double s) {
      if (capacity == 0) {
        return;
      }
      if (size < capacity) {
        index[size] = i;
        hard[size] = h;
        score[size] = s;
        up(size++);
      } else if (worse(0, i, h, s)) {
        index[0] = i;
        hard[0] = h;
        score[0] = s;
        down(0);
      }
    }

    /** Returns what the heap holds, in heap order. */
    List<Found> found() {
      List<Found> out = new ArrayList<>(size);
      for (int h = 0; h < size; h++) {
        out.add(new Found(index[h], hard[h], score[h]));
      }
      return out;
    }

    /**
     * Returns whether the heap is full and its worst entry ranks before every candidate with hard
     * level h and a score of at most s, whatever its tie-break.
     */
    boolean rejects(int h, double s) {
      if (capacity == 0) {
        return true;
      }
      if (size < capacity) {
        return false;
      }
      return hard[0] > h || (hard[0] == h && score[0] > s);
    }

    /** Whether the entry at a slot ranks after the candidate (i, h, s). */
    private boolean worse(int slot, int i, int h, double s) {
      return order.compare(index[slot], hard[slot], score[slot], i, h, s) > 0;
    }

    private boolean worse(int slot, int other) {
      return worse(slot, index[other], hard[other], score[other]);
    }

    private void up(int slot) {
      while (slot > 0) {
        int parent = (slot - 1) / 2;
        if (!worse(slot, parent)) {
          return;
        }
        swap(slot, parent);
        slot = parent;
      }
    }

    private void down(int slot) {
      while (true) {
        int left = 2 * slot + 1;
        if (left >= size) {
          return;
        }
        int worst = left;
        int right = left + 1;
        if (right < size && worse(right, left)) {
          worst = right;
        }
        if (!worse(worst, slot)) {
          return;
        }
        swap(slot, worst);
        slot = worst;
      }
    }

    private void swap(int a, int b) {
      int i = index[a];
      index[a] = index[b];
      index[b] = i;
      int h = hard[a];
      hard[a] = hard[b];
      hard[b] = h;
      double s = score[a];
      score[a] = score[b];
      score[b] = s;
    }
  }
}
