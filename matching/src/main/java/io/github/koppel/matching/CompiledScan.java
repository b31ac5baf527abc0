package io.github.koppel.matching;

import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.ConstantCriterion;
import io.github.koppel.matching.internal.Deferrable;
import io.github.koppel.matching.internal.Scores;
import io.github.koppel.matching.internal.TabledCriterion;
import io.github.koppel.matching.policy.Aggregation;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The scan both compiled paths share, in either direction: the policy's criteria compiled for one
 * subject (a vacancy, or a volunteer) evaluate the candidates (volunteers, or vacancies) a block at
 * a time; the gates and the plain weighted sums are accumulated criterion by criterion; each
 * candidate is settled from bounds of its score or, near a decision, scored exactly with the
 * aggregation of {@link Scores}; the best k matches and the nearest misses are kept in bounded
 * heaps in the order of {@link CandidateOrder}. Costs: O(n · c) for n candidates and c criteria,
 * plus O(n log k) heap work in the worst case; memory O(k).
 */
final class CompiledScan {
  /** The margin of rounding for decisions taken on bounds of a score. */
  static final double EPS = 1e-9;

  /** The number of candidates each compiled criterion evaluates per call. */
  static final int BLOCK = 256;

  private CompiledScan() {}

  /** Returns a criterion's evaluation as a kernel answers it: a score, VETO or ABSTAIN. */
  static double answer(Evaluation e) {
    return e.isAbstention() ? CompiledCriterion.ABSTAIN : e.isVeto() ? CompiledCriterion.VETO : e.score();
  }

  /** The candidates of a scan, by local position: a segment of volunteers, or the vacancies. */
  interface Candidates {
    /** Returns the number of positions. */
    int size();

    /** Returns whether the candidate at a position takes part (not deleted, admitted). */
    boolean live(int i);

    /** Returns the candidate's global position, by which the heaps, the order and the results know it. */
    int global(int i);

    /** Returns whether the pair passes the gate "open": the vacancy is open on the day. */
    boolean open(int i);
  }

  /** What the order reads of a candidate, by global position. */
  interface Keys {
    /** Returns the candidate's id. */
    String id(int global);

    /** Returns the distance of the pair, for {@link io.github.koppel.matching.policy.TieBreak#NEAREST}. */
    double distanceKm(int global);
  }

  /** A candidate a scan found: its global position, its failed gates (0 or fewer) and score. */
  record Found(int position, int hard, double score) {}

  /**
   * What a scan found: the best matches and the nearest misses in no particular order, how many
   * passed every gate, and the counts per gate as {@link PolicyEvaluator#counts} reads them.
   */
  record Scan(int feasible, int[] blocked, List<Found> matches, List<Found> misses) {}

  /** Receives the feasible candidates of a scan. */
  @FunctionalInterface
  interface FeasibleSink {
    /**
     * Receives one feasible candidate.
     *
     * @param global the candidate's global position
     * @param score the exact score
     */
    void accept(int global, double score);
  }

  /** {@link CandidateOrder} on global positions. */
  static final class Order {
    private final CandidateOrder order;
    private final Keys keys;

    Order(CandidateOrder order, Keys keys) {
      this.order = order;
      this.keys = keys;
    }

    /** Returns a negative number if candidate a ranks before candidate b. */
    int compare(int a, int hardA, double scoreA, int b, int hardB, double scoreB) {
      int c = order.compare(hardA, scoreA, hardB, scoreB);
      if (c != 0) {
        return c;
      }
      boolean far = order.usesDistance();
      return order.tie(
          keys.id(a), far ? keys.distanceKm(a) : 0, keys.id(b), far ? keys.distanceKm(b) : 0);
    }
  }

  /**
   * The policy's criteria compiled for one subject over one set of candidates. A plan of the
   * volunteer direction is shared by the scanning threads, and its kernels are immutable; one of
   * the vacancy direction is scanned on the calling thread only.
   */
  static final class Plan {
    private final PolicyEvaluator evaluator;
    private final Candidates candidates;
    private final MatchPolicy policy;
    private final CompiledCriterion[] compiled;
    private final double[] weights;
    private final boolean[] hard;
    private final boolean[] bonus;
    /** Whether a gate is private and the ranking is an organisation's: it filters, unseen. */
    private final boolean[] privateGate;
    private final double[] minimum;
    private final Order order;
    private final boolean mean;
    /**
     * Per criterion compiled as a table, its volunteers' codes, and per code what the criterion
     * adds to a candidate's weight and weighted sum and whether it fails its gate (1 or 0); null
     * for the other criteria. The scan adds these directly, without a result per candidate.
     */
    private final char[] @Nullable [] codes;
    /**
     * Per tabled criterion, per code c, at 3c, 3c + 1 and 3c + 2: the weight, the weighted sum and
     * the failed gate (1.0 or 0.0), side by side so that a candidate reads one place of memory.
     */
    private final double[] @Nullable [] codeTable;
    /**
     * Per criterion, whether it gives every candidate the same result (a {@link ConstantCriterion},
     * or a table whose every code has the same result), so that it adds the same to every candidate: those additions start each candidate's sums ({@link
     * #constantWeight}, {@link #constantSum}) and failed gates, and the scan does not read it again.
     * The sums are bounds, widened by {@link #EPS}, so their order of addition does not matter;
     * the exact score still adds every criterion in order.
     */
    private final boolean[] constant;
    /** Per constant criterion, its result. */
    private final double[] constantResult;
    private final double constantWeight;
    private final double constantSum;
    private final int constantFailed;
    private final int constantPrivateFailed;
    /**
     * The criterion whose {@link CompiledCriterion#DEFERRED} results are settled from bounds, or
     * -1: the first {@link Deferrable} of a weighted mean whose gate a deferred score cannot fail.
     */
    private final int deferredColumn;

    /**
     * A plan.
     *
     * @param evaluator the bound policy
     * @param compiled one kernel per criterion of the policy, over the candidates' positions
     * @param candidates the candidates
     * @param order the order of the ranking, on global positions
     */
    Plan(PolicyEvaluator evaluator, CompiledCriterion[] compiled, Candidates candidates, Order order) {
      this.evaluator = evaluator;
      this.candidates = candidates;
      this.policy = evaluator.policy();
      this.compiled = compiled;
      this.weights = evaluator.weights();
      int m = compiled.length;
      hard = new boolean[m];
      bonus = new boolean[m];
      privateGate = new boolean[m];
      minimum = new double[m];
      for (int j = 0; j < m; j++) {
        hard[j] = evaluator.isGate(j);
        bonus[j] = evaluator.isBonus(j);
        privateGate[j] = evaluator.filtersUnseen(j);
        minimum[j] = evaluator.minimum(j);
      }
      this.order = order;
      mean = policy.aggregation() == Aggregation.WEIGHTED_MEAN;
      int column = -1;
      for (int j = 0; j < m && mean; j++) {
        if (compiled[j] instanceof Deferrable d && !(hard[j] && minimum[j] > d.lowerBound())) {
          column = j;
          break;
        }
      }
      deferredColumn = column;
      codes = new char[m][];
      codeTable = new double[m][];
      constant = new boolean[m];
      double startWeight = 0;
      double startSum = 0;
      int startFailed = 0;
      int startPrivateFailed = 0;
      constantResult = new double[m];
      for (int j = 0; j < m; j++) {
        boolean tabled = compiled[j] instanceof TabledCriterion;
        if (tabled || compiled[j] instanceof ConstantCriterion) {
          TabledCriterion t = tabled ? (TabledCriterion) compiled[j] : null;
          if (t != null) {
            codes[j] = t.codes();
          }
          int size = t != null ? t.size() : 1;
          double[] table = new double[3 * size];
          for (int c = 0; c < size; c++) {
            double v = t != null ? t.result(c) : ((ConstantCriterion) compiled[j]).result();
            boolean scored = v >= 0;
            table[3 * c] = v != v ? (bonus[j] ? weights[j] : 0) : weights[j];
            table[3 * c + 1] = scored ? weights[j] * v : 0;
            table[3 * c + 2] = hard[j] && (v == CompiledCriterion.VETO || (scored && v < minimum[j])) ? 1 : 0;
          }
          codeTable[j] = table;
          constantResult[j] = t != null ? t.result(0) : ((ConstantCriterion) compiled[j]).result();
          // Constant when every code has the same result, to the bit (so also the same additions).
          boolean same = size > 0;
          for (int c = 1; c < size && same; c++) {
            same = Double.compare(t.result(c), t.result(0)) == 0;
          }
          if (same) {
            constant[j] = true;
            startWeight += table[0];
            startSum += table[1];
            startFailed += (int) table[2];
            startPrivateFailed += privateGate[j] ? (int) table[2] : 0;
          }
        }
      }
      constantWeight = startWeight;
      constantSum = startSum;
      constantFailed = startFailed;
      constantPrivateFailed = startPrivateFailed;
    }

    int size() {
      return candidates.size();
    }

    /** Returns an empty result of this plan's kind, with heaps for k matches and the near misses. */
    Partial partial(int k) {
      return CompiledScan.partial(evaluator, k, order);
    }

    /**
     * Scans the candidates from index {@code from} (inclusive) to {@code to} (exclusive), a block
     * at a time: every criterion evaluates the block, the gates and the plain weighted sums are
     * accumulated criterion by criterion (columns, with few unpredictable branches), and then each
     * candidate is settled from bounds of its score or, near a decision, scored exactly.
     */
    Partial scan(int from, int to, int k, @Nullable FeasibleSink collect) {
      int m = compiled.length;
      Partial p = partial(k);
      Block block = new Block(m);
      for (int start = from; start < to; start += BLOCK) {
        int n = Math.min(to, start + BLOCK) - start;
        for (int j = 0; j < m; j++) {
          if (codes[j] == null && !constant[j]) {
            compiled[j].evaluate(start, start + n, block.results[j]);
          }
        }
        int lives = 0;
        for (int b = 0; b < n; b++) {
          int live = candidates.live(start + b) ? 1 : 0;
          int closed = candidates.open(start + b) ? 0 : 1;
          block.live[b] = live;
          block.totalWeight[b] = constantWeight;
          block.weightedSum[b] = constantSum;
          block.failed[b] = closed + constantFailed;
          block.privateFailed[b] = constantPrivateFailed;
          p.blocked[m + 1] += closed & live;
          lives += live;
        }
        for (int j = 0; j < m; j++) {
          p.blocked[j] += constant[j] ? (int) codeTable[j][2] * lives : accumulate(j, start, n, block);
        }
        int pending = mean ? settleBlock(n, block, p, collect) : keepLive(n, block);
        int[] rest = block.pending;
        for (int q = 0; q < pending; q++) {
          int b = rest[q];
          decide(start + b, b, block, p, collect);
        }
      }
      return p;
    }

    /** Lists the block's live candidates in {@link Block#pending}; returns how many. */
    private static int keepLive(int n, Block block) {
      int pending = 0;
      for (int b = 0; b < n; b++) {
        block.pending[pending] = b;
        pending += block.live[b];
      }
      return pending;
    }

    /**
     * Settles the live candidates of a weighted mean's block that {@link #settled} settles before
     * any bounds of the deferred criterion, in one pass with few branches, against the heaps as
     * they were at the start of the block: a heap only grows stricter, so a candidate it rejected
     * then it rejects now, and offering it would change nothing. Lists the others in {@link
     * Block#pending}, in block order, for {@link #decide}; returns how many.
     */
    private int settleBlock(int n, Block block, Partial p, @Nullable FeasibleSink collect) {
      double minimumScore = policy.minimumScore();
      boolean anyMinimum = minimumScore > 0;
      // A heap's root now: a match is rejected at a score of at most matchRoot, a miss below the
      // root's level, or at its level at a score of at most missRoot.
      boolean matchesFull = p.matches.full();
      double matchRoot = p.matches.capacity == 0 ? Double.POSITIVE_INFINITY : matchesFull ? p.matches.rootScore() : Double.NEGATIVE_INFINITY;
      boolean missesFull = p.misses.capacity == 0 || p.misses.full();
      int missLevel = p.misses.capacity == 0 ? Integer.MAX_VALUE : missesFull ? p.misses.rootHard() : Integer.MIN_VALUE;
      double missRoot = p.misses.capacity == 0 ? Double.POSITIVE_INFINITY : missesFull ? p.misses.rootScore() : Double.NEGATIVE_INFINITY;
      int dc = deferredColumn;
      double[] deferredResults = dc >= 0 ? block.results[dc] : null;
      double share = dc >= 0 ? weights[dc] : 0;
      double deferredLow = dc >= 0 ? ((Deferrable) compiled[dc]).lowerBound() : 0;
      double[] totalWeight = block.totalWeight;
      double[] weightedSum = block.weightedSum;
      int[] failed = block.failed;
      int[] privateFailed = block.privateFailed;
      int[] live = block.live;
      int[] rest = block.pending;
      boolean collecting = collect != null;
      int pending = 0;
      int belowMinimum = 0;
      int feasible = 0;
      for (int b = 0; b < n; b++) {
        double tw = totalWeight[b];
        double ws = weightedSum[b];
        boolean deferred = deferredResults != null && deferredResults[b] == CompiledCriterion.DEFERRED;
        double lowShare = deferred ? share * deferredLow : 0;
        double highShare = deferred ? share : 0;
        boolean weighted = tw > 0;
        double low = weighted ? (ws + lowShare) / tw - EPS : 0;
        double high = weighted ? (ws + highShare) / tw + EPS : 0;
        boolean fails = high < minimumScore;
        boolean decided = fails | !anyMinimum | low >= minimumScore;
        int f = failed[b] + (fails ? 1 : 0);
        boolean rejected = f == 0
            ? matchRoot > high
            : privateFailed[b] > 0 || missLevel > -f || (missLevel == -f & missRoot > high);
        boolean settles = live[b] != 0 & decided & rejected & (!collecting | failed[b] > 0);
        belowMinimum += settles & fails ? 1 : 0;
        feasible += settles & f == 0 ? 1 : 0;
        rest[pending] = b;
        pending += live[b] != 0 & !settles ? 1 : 0;
      }
      p.blocked[compiled.length] += belowMinimum;
      p.feasible += feasible;
      return pending;
    }

    /**
     * Adds criterion j's results for a block to the candidates' weights, weighted sums and failed
     * gates, in criterion order as the engine adds them; returns how many live candidates its gate
     * blocks.
     */
    private int accumulate(int j, int start, int n, Block block) {
      if (codes[j] != null) {
        return accumulateCodes(j, start, n, block);
      }
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
      if (w == 0) {
        // A gate of weight 0 adds 0 to every sum, which leaves them as they are: only its gate.
        if (gate) {
          for (int b = 0; b < n; b++) {
            double v = r[b];
            int f = (v == CompiledCriterion.VETO) | (v >= 0 & v < min) ? 1 : 0;
            failed[b] += f;
            if (unseen) {
              privateFailed[b] += f;
            }
            blocked += f & live[b];
          }
        }
        return blocked;
      }
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

    /**
     * {@link #accumulate} for a criterion compiled as a table: what each code adds was computed
     * once per query with the same operations, so the sums are the same to the bit.
     */
    private int accumulateCodes(int j, int start, int n, Block block) {
      char[] code = codes[j];
      double[] table = codeTable[j];
      double[] totalWeight = block.totalWeight;
      double[] weightedSum = block.weightedSum;
      int[] failed = block.failed;
      int[] live = block.live;
      int blocked = 0;
      if (hard[j]) {
        int[] privateFailed = block.privateFailed;
        boolean unseen = privateGate[j];
        for (int b = 0; b < n; b++) {
          int c = 3 * code[start + b];
          totalWeight[b] += table[c];
          weightedSum[b] += table[c + 1];
          int f = (int) table[c + 2];
          failed[b] += f;
          if (unseen) {
            privateFailed[b] += f;
          }
          blocked += f & live[b];
        }
      } else {
        for (int b = 0; b < n; b++) {
          int c = 3 * code[start + b];
          totalWeight[b] += table[c];
          weightedSum[b] += table[c + 1];
        }
      }
      return blocked;
    }

    /** Returns criterion j's result for candidate i at position b of its block. */
    private double result(int j, int i, int b, Block block) {
      if (constant[j]) {
        return constantResult[j];
      }
      char[] code = codes[j];
      return code != null ? ((TabledCriterion) compiled[j]).result(code[i]) : block.results[j][b];
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
        double v = result(j, i, b, block);
        if (v == CompiledCriterion.DEFERRED) {
          v = compiled[j].evaluate(i);
        }
        boolean abstained = Double.isNaN(v);
        part[j] = Scores.takesPart(abstained, bonus[j], weights[j]);
        scores[j] = abstained || v == CompiledCriterion.VETO ? 0 : v;
      }
      // The block's weight is a bound (constant tables start it); the exact score adds the
      // weights in criterion order, as the engine does.
      double exactWeight = 0;
      for (int j = 0; j < m; j++) {
        if (part[j]) {
          exactWeight += weights[j];
        }
      }
      double score =
          Scores.scoreInto(!mean, weights, scores, part, exactWeight, block.contributions);
      if (score < policy.minimumScore()) {
        failed++;
        p.blocked[m]++;
      }
      if (failed == 0) {
        p.feasible++;
        p.matches.offer(candidates.global(i), 0, score);
        if (collect != null) {
          collect.accept(candidates.global(i), score);
        }
      } else if (!unseen) {
        p.misses.offer(candidates.global(i), -failed, score);
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
  static final class Block {
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
    /** The block's positions left to {@link Plan#decide} after a first pass settled the others. */
    final int[] pending = new int[BLOCK];

    Block(int criteria) {
      results = new double[criteria][BLOCK];
      scores = new double[criteria];
      part = new boolean[criteria];
      contributions = new double[criteria];
    }
  }

  /** What a scan of some volunteers found: the best of them, and counts. */
  static final class Partial {
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

  /** Returns an empty result of a query, with heaps for k matches and the evaluator's near misses. */
  static Partial partial(PolicyEvaluator evaluator, int k, Order order) {
    return new Partial(evaluator.criteria().size(), new Heap(k, order), new Heap(evaluator.nearMisses(), order));
  }

  /** Returns what all the partial results of one query found. */
  static Scan scan(Partial all) {
    return new Scan(all.feasible, all.blocked, all.matches.found(), all.misses.found());
  }

  /** The best candidates seen so far, at most a capacity, the worst at the root. */
  static final class Heap {
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

    /** Returns whether the heap holds its capacity. */
    boolean full() {
      return size == capacity;
    }

    /** Returns the hard level of the worst entry; the heap must not be empty. */
    int rootHard() {
      return hard[0];
    }

    /** Returns the score of the worst entry; the heap must not be empty. */
    double rootScore() {
      return score[0];
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
