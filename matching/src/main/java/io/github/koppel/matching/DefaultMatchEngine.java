package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.legal.LegalNotice;
import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.matching.criteria.Criterion;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.matching.criteria.MatchContext;
import io.github.koppel.matching.criteria.Parameters;
import io.github.koppel.matching.fairness.FairTopK;
import io.github.koppel.matching.internal.Messages;
import io.github.koppel.matching.internal.Scores;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import io.github.koppel.matching.policy.Aggregation;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.FairnessTarget;
import io.github.koppel.matching.policy.MatchPolicy;

/**
 * The engine. Its object path evaluates every criterion on every candidate pair; with {@link
 * MatchEngine.Strategy#COMPILED}, {@link #rankVolunteers} delegates to a {@link
 * CompiledVolunteerRanker} over the segments of the {@link VolunteerStore}. Every path explains
 * the returned pairs with {@link #evaluate}.
 *
 * <p>Costs of the object path: a ranking evaluates each criterion once per candidate and sorts the
 * candidates, O(n · c + n log n) for n candidates and c criteria; the legal notices are assessed
 * only for the top k. An update costs O(v) for v vacancies, plus re-indexing a tail segment of at
 * most {@value VolunteerStore#TAIL} volunteers; {@link #dataset()} is assembled on first use after
 * an update, in O(n).
 */
final class DefaultMatchEngine implements MatchEngine {
  private final List<Organisation> organisations;
  private final Map<String, Organisation> organisationsById;
  private final List<Vacancy> vacancies;
  private final Map<String, Vacancy> vacanciesById;
  private final VolunteerStore store;
  private volatile @Nullable Dataset dataset;
  private final Vocabularies vocabularies;
  private final LegalRules legalRules;
  private final MatchPolicy policy;
  private final CriterionRegistry registry;
  private final LocalDate date;
  private final MatchContext context;
  private final List<CriterionSpec> specs;
  private final List<Criterion> criteria;
  private final Set<String> sensitiveGates;
  private final double[] weights;
  /** Per criterion, whether it uses sensitive facts (it declares a category). */
  private final boolean[] sensitive;
  /** The names of the gates whose criteria use sensitive facts: the private gates. */
  private final Set<String> privateGates;
  /**
   * Whether this engine computes what an organisation may see: the criteria that use sensitive
   * facts weigh 0, their gates only filter. See {@link #forOrganisation()}.
   */
  private final boolean organisationView;
  /** This engine's organisation view, once made; this engine itself when it is one. */
  private volatile @Nullable DefaultMatchEngine organisationEngine;
  private final MatchEngine.Strategy strategy;
  private final @Nullable CompiledVolunteerRanker compiled;
  private final int parallelism;
  private final @Nullable ExecutorService pool;
  /** FA*IR's tests by list length, for the policy's fairness target. */
  private final Map<Integer, FairTopK> fairTests = new ConcurrentHashMap<>();
  /** The target group's members by global position, once computed. */
  private volatile @Nullable BitSet protectedPositions;

  DefaultMatchEngine(
      Dataset dataset,
      Vocabularies vocabularies,
      LegalRules legalRules,
      MatchPolicy policy,
      CriterionRegistry registry,
      LocalDate date,
      MatchEngine.Strategy strategy,
      int parallelism) {
    this(
        dataset.organisations(),
        dataset.vacancies(),
        VolunteerStore.of(
            dataset.volunteers(), strategy == MatchEngine.Strategy.COMPILED, vocabularies, date),
        dataset,
        vocabularies, legalRules, policy, registry, date, strategy, parallelism,
        parallelism > 1 ? pool(parallelism) : null, false);
  }

  private DefaultMatchEngine(
      List<Organisation> organisations,
      List<Vacancy> vacancies,
      VolunteerStore store,
      @Nullable Dataset dataset,
      Vocabularies vocabularies,
      LegalRules legalRules,
      MatchPolicy policy,
      CriterionRegistry registry,
      LocalDate date,
      MatchEngine.Strategy strategy,
      int parallelism,
      @Nullable ExecutorService pool,
      boolean organisationView) {
    this.organisations = List.copyOf(organisations);
    this.organisationsById = byId(this.organisations, Organisation::id);
    this.vacancies = List.copyOf(vacancies);
    this.vacanciesById = byId(this.vacancies, Vacancy::id);
    this.store = store;
    this.dataset = dataset;
    this.parallelism = parallelism;
    this.pool = pool;
    this.vocabularies = vocabularies;
    this.legalRules = legalRules;
    this.policy = policy;
    this.registry = registry;
    this.date = date;
    this.context = MatchContext.of(vocabularies, legalRules, date, this.organisations);
    this.specs = policy.criteria();
    this.criteria = policy.createCriteria(registry);
    this.organisationView = organisationView;
    this.sensitive = new boolean[specs.size()];
    this.weights = new double[specs.size()];
    Set<String> sensitiveGateNames = new TreeSet<>();
    for (int i = 0; i < specs.size(); i++) {
      sensitive[i] = !criteria.get(i).sensitiveCategories().isEmpty();
      if (specs.get(i).isHard() && sensitive[i]) {
        sensitiveGateNames.add(specs.get(i).name());
      }
      // An organisation's score leaves out every criterion that uses sensitive facts.
      weights[i] = organisationView && sensitive[i] ? 0 : specs.get(i).weight();
    }
    this.sensitiveGates = Collections.unmodifiableSet(sensitiveGateNames);
    this.privateGates = sensitiveGates;
    this.strategy = strategy;
    this.compiled = strategy == MatchEngine.Strategy.COMPILED ? new CompiledVolunteerRanker(this) : null;
    FairnessTarget fairness = policy.fairness();
    checkArgument(
        fairness == null || vocabularies.targetGroups().contains(fairness.targetGroup()),
        "fairness.targetGroup of policy %s: no target group '%s' in the vocabularies",
        policy.name(),
        fairness == null ? "" : fairness.targetGroup());
  }

  private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
    Map<String, T> map = new HashMap<>(values.size() * 2);
    for (T value : values) {
      map.put(id.apply(value), value);
    }
    return map;
  }

  private DefaultMatchEngine with(List<Vacancy> newVacancies, VolunteerStore newStore, MatchPolicy newPolicy) {
    return new DefaultMatchEngine(
        organisations, newVacancies, newStore,
        newVacancies == vacancies && newStore == store ? dataset : null,
        vocabularies, legalRules, newPolicy, registry, date, strategy, parallelism, pool, false);
  }

  /**
   * Returns the engine of what an organisation may see: the same data and policy, but every
   * criterion that uses sensitive facts weighs 0, so that the score (the organisation score), the
   * weights and the order depend on facts that are not sensitive only; the private gates still
   * filter who is proposed. Made once per engine.
   */
  DefaultMatchEngine forOrganisation() {
    if (organisationView) {
      return this;
    }
    DefaultMatchEngine o = organisationEngine;
    if (o == null) {
      o = new DefaultMatchEngine(
          organisations, vacancies, store, dataset, vocabularies, legalRules, policy, registry, date,
          strategy, parallelism, pool, true);
      organisationEngine = o;
    }
    return o;
  }

  /** Returns whether the gate of criterion j uses sensitive facts. */
  boolean isPrivateGate(int j) {
    return specs.get(j).isHard() && sensitive[j];
  }

  boolean organisationView() {
    return organisationView;
  }

  VolunteerStore store() {
    return store;
  }

  /** Returns this engine with its volunteers in a store of other segment limits, for tests. */
  DefaultMatchEngine withSegmentLimits(int tailLimit, int maxSegments) {
    return with(
        vacancies,
        VolunteerStore.of(
            store.live(), strategy == MatchEngine.Strategy.COMPILED, vocabularies, date, tailLimit,
            maxSegments),
        policy);
  }

  @Override
  public MatchEngine withVolunteer(Volunteer volunteer) {
    vocabularies.validate(Objects.requireNonNull(volunteer, "volunteer"));
    return with(vacancies, store.with(volunteer), policy);
  }

  @Override
  public MatchEngine withoutVolunteer(String volunteerId) {
    return with(vacancies, store.without(Objects.requireNonNull(volunteerId, "volunteerId")), policy);
  }

  @Override
  public MatchEngine withVacancy(Vacancy vacancy) {
    vocabularies.validate(Objects.requireNonNull(vacancy, "vacancy"));
    if (!organisationsById.containsKey(vacancy.organisationId())) {
      throw new InvalidDataException(
          "<memory>",
          "$.organisationId",
          vacancy.organisationId(),
          -1,
          -1,
          "vacancy " + vacancy.id() + " refers to an organisation that is not in the engine",
          null);
    }
    List<Vacancy> copy = new ArrayList<>(vacancies);
    copy.removeIf(v -> v.id().equals(vacancy.id()));
    copy.add(vacancy);
    return with(copy, store, policy);
  }

  @Override
  public MatchEngine withoutVacancy(String vacancyId) {
    Objects.requireNonNull(vacancyId, "vacancyId");
    List<Vacancy> copy = new ArrayList<>(vacancies);
    checkArgument(copy.removeIf(v -> v.id().equals(vacancyId)), "no vacancy with id %s in the engine", shownId(vacancyId));
    return with(copy, store, policy);
  }

  MatchContext context() {
    return context;
  }

  List<Criterion> criteria() {
    return criteria;
  }

  double[] weights() {
    return weights;
  }

  @Override
  public MatchPolicy policy() {
    return policy;
  }

  @Override
  public LocalDate date() {
    return date;
  }

  @Override
  public Dataset dataset() {
    Dataset d = dataset;
    if (d == null) {
      d = Dataset.of(organisations, vacancies, store.live());
      dataset = d;
    }
    return d;
  }

  @Nullable Organisation organisation(String id) {
    return organisationsById.get(id);
  }

  @Override
  public MatchEngine withPolicy(MatchPolicy newPolicy) {
    return new DefaultMatchEngine(
        organisations, vacancies, store, dataset, vocabularies, legalRules, newPolicy, registry, date,
        strategy, parallelism, pool, false);
  }

  @Override
  public Ranking rankVolunteers(String vacancyId, int k) {
    Vacancy vacancy = vacancy(vacancyId);
    checkArgument(k >= 0, "k must be >= 0: %s", k);
    Ranking ranking =
        compiled != null
            ? compiled.rank(vacancy, k, pool, parallelism, null)
            : rankVolunteersByObjects(vacancy, k);
    return fair(ranking, vacancy, k);
  }

  /**
   * Applies the policy's fairness target to a ranking of volunteers: the pool is the top k by
   * merit plus the top k of the target group (enough, since FA*IR takes at most k of either), and
   * FA*IR re-ranks it.
   */
  private Ranking fair(Ranking ranking, Vacancy vacancy, int k) {
    FairnessTarget target = policy.fairness();
    if (target == null || k == 0) {
      return ranking;
    }
    BitSet members = protectedPositions();
    Ranking group =
        compiled != null
            ? compiled.rank(vacancy, k, null, 1, members)
            : rankVolunteersByObjects(vacancy, k, this::isProtected);
    List<Match> pool = new ArrayList<>(ranking.matches());
    Set<String> seen = new HashSet<>();
    pool.forEach(m -> seen.add(m.volunteerId()));
    for (Match m : group.matches()) {
      if (seen.add(m.volunteerId())) {
        pool.add(m);
      }
    }
    Set<String> inGroup = new HashSet<>();
    group.matches().forEach(m -> inGroup.add(m.volunteerId()));
    for (Match m : ranking.matches()) {
      Volunteer v = store.get(m.volunteerId());
      if (v != null && isProtected(v)) {
        inGroup.add(m.volunteerId());
      }
    }
    FairTopK test = fairTopK(k);
    List<Match> reranked = test.rerank(pool, m -> inGroup.contains(m.volunteerId()));
    List<Match> matches = new ArrayList<>(reranked.size());
    for (int i = 0; i < reranked.size(); i++) {
      matches.add(new Match(i + 1, reranked.get(i).explanation()));
    }
    int byMerit = (int) ranking.matches().stream().filter(m -> inGroup.contains(m.volunteerId())).count();
    int after = (int) matches.stream().filter(m -> inGroup.contains(m.volunteerId())).count();
    List<String> promoted = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      Match m = matches.get(i);
      if (inGroup.contains(m.volunteerId())) {
        for (int j = i + 1; j < matches.size(); j++) {
          Match below = matches.get(j);
          if (!inGroup.contains(below.volunteerId()) && below.score() > m.score()) {
            promoted.add(m.volunteerId());
            break;
          }
        }
      }
    }
    FairnessReport report =
        new FairnessReport(
            target,
            test.adjustedAlpha(),
            matches.isEmpty() ? 0 : test.minimumProtected(matches.size()),
            byMerit,
            after,
            test.test(ranking.matches(), m -> inGroup.contains(m.volunteerId())).fair(),
            promoted);
    return new Ranking(
        ranking.direction(), ranking.subjectId(), ranking.policy(), ranking.date(),
        ranking.candidates(), ranking.feasible(), matches, ranking.nearMisses(),
        ranking.blockedBy(), ranking.sensitiveGates(), ranking.audience(),
        organisationView ? report.redacted() : report);
  }

  /** FA*IR's adjusted test for top-k lists, computed once per k. */
  private FairTopK fairTopK(int k) {
    FairnessTarget target = Objects.requireNonNull(policy.fairness());
    return fairTests.computeIfAbsent(
        Math.min(k, FairTopK.MAX_K),
        n -> FairTopK.adjusted(n, target.proportion(), target.alpha()));
  }

  /**
   * Whether a volunteer counts as a member of the fairness target group: they declared it, or a
   * narrower group, and consented to its use for matching.
   */
  boolean isProtected(Volunteer volunteer) {
    FairnessTarget target = policy.fairness();
    if (target == null
        || !volunteer.mayUse(SensitiveCategory.TARGET_GROUP, ConsentPurpose.MATCHING)) {
      return false;
    }
    ConceptScheme groups = vocabularies.targetGroups();
    for (String g : volunteer.targetGroups()) {
      if (groups.contains(g) && groups.stepsUp(g, target.targetGroup()) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The global positions of the target group's members, computed once per engine. */
  private BitSet protectedPositions() {
    BitSet members = protectedPositions;
    if (members == null) {
      members = new BitSet();
      for (VolunteerStore.Segment segment : store.segments()) {
        for (int i = 0; i < segment.volunteers.size(); i++) {
          if (segment.live(i) && isProtected(segment.volunteers.get(i))) {
            members.set(segment.base + i);
          }
        }
      }
      protectedPositions = members;
    }
    return members;
  }

  @Override
  public Map<String, Double> feasibleVolunteers(String vacancyId) {
    Vacancy vacancy = vacancy(vacancyId);
    Map<String, Double> out = new LinkedHashMap<>();
    if (compiled != null) {
      compiled.collectFeasible(vacancy, (global, score) -> out.put(store.at(global).id(), score));
    } else {
      for (Volunteer volunteer : store.live()) {
        MatchExplanation e = evaluate(volunteer, vacancy);
        if (e.isFeasible()) {
          out.put(volunteer.id(), e.score().soft());
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Ranks the volunteers for a vacancy by evaluating every pair with the object criteria. */
  Ranking rankVolunteersByObjects(Vacancy vacancy, int k) {
    return rankVolunteersByObjects(vacancy, k, v -> true);
  }

  /** Ranks the admitted volunteers for a vacancy with the object criteria. */
  private Ranking rankVolunteersByObjects(Vacancy vacancy, int k, Predicate<Volunteer> admit) {
    List<Volunteer> volunteers = store.live();
    List<Candidate> candidates = new ArrayList<>(volunteers.size());
    for (Volunteer volunteer : volunteers) {
      if (!admit.test(volunteer)) {
        continue;
      }
      candidates.add(new Candidate(volunteer, vacancy, volunteer.id(), evaluate(volunteer, vacancy)));
    }
    return rank(Ranking.Direction.VOLUNTEERS_FOR_VACANCY, vacancy.id(), candidates, k);
  }

  @Override
  public List<Ranking> rankVolunteersForEveryVacancy(int k) {
    checkArgument(k >= 0, "k must be >= 0: %s", k);
    if (pool == null) {
      List<Ranking> rankings = new ArrayList<>(vacancies.size());
      for (Vacancy v : vacancies) {
        rankings.add(rankOne(v, k));
      }
      return List.copyOf(rankings);
    }
    List<Future<Ranking>> futures = new ArrayList<>(vacancies.size());
    for (Vacancy v : vacancies) {
      futures.add(pool.submit(() -> rankOne(v, k)));
    }
    List<Ranking> rankings = new ArrayList<>(vacancies.size());
    for (Future<Ranking> f : futures) {
      rankings.add(await(f, "ranking every vacancy"));
    }
    return List.copyOf(rankings);
  }

  /** Ranks the volunteers for one vacancy on the calling thread only. */
  private Ranking rankOne(Vacancy vacancy, int k) {
    return fair(
        compiled != null ? compiled.rank(vacancy, k) : rankVolunteersByObjects(vacancy, k),
        vacancy,
        k);
  }

  /**
   * Waits for a task of the pool and returns its result; a runtime exception of the task is thrown
   * as it is.
   */
  static <T> T await(Future<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ExecutorService pool(int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, "koppel-match-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  @Override
  public Ranking rankVacancies(String volunteerId, int k) {
    Volunteer volunteer = volunteer(volunteerId);
    return rankVacanciesOf(volunteer, k);
  }

  @Override
  public Ranking rankVacancies(Volunteer volunteer, int k) {
    vocabularies.validate(Objects.requireNonNull(volunteer, "volunteer"));
    return rankVacanciesOf(volunteer, k);
  }

  private Ranking rankVacanciesOf(Volunteer volunteer, int k) {
    checkArgument(k >= 0, "k must be >= 0: %s", k);
    List<Candidate> candidates = new ArrayList<>(vacancies.size());
    for (Vacancy vacancy : vacancies) {
      candidates.add(new Candidate(volunteer, vacancy, vacancy.id(), evaluate(volunteer, vacancy)));
    }
    return rank(Ranking.Direction.VACANCIES_FOR_VOLUNTEER, volunteer.id(), candidates, k);
  }

  /** An organisation's fair shortlist comes in whole blocks of this many. */
  static final int SHORTLIST_BLOCK = 10;

  /**
   * The most near misses an organisation's ranking holds, whatever the policy allows: a complete
   * list would tell, by who is missing from it, who failed a private gate.
   */
  static final int ORGANISATION_NEAR_MISSES = 10;

  /** Returns how many near misses a ranking of this engine reports. */
  int nearMisses() {
    return organisationView ? Math.min(policy.nearMisses(), ORGANISATION_NEAR_MISSES) : policy.nearMisses();
  }

  @Override
  public Ranking rankVolunteers(String vacancyId, int k, Audience audience) {
    Objects.requireNonNull(audience, "audience");
    if (audience != Audience.ORGANISATION) {
      return rankVolunteers(vacancyId, k).redactedFor(audience);
    }
    DefaultMatchEngine o = forOrganisation();
    if (policy.fairness() == null) {
      return o.rankVolunteers(vacancyId, k);
    }
    checkArgument(k >= 0, "k must be >= 0: %s", k);
    // The shortlist of a whole block, so that asking for every length does not tell the fair order.
    int block =
        k > Integer.MAX_VALUE - SHORTLIST_BLOCK
            ? k
            : (k + SHORTLIST_BLOCK - 1) / SHORTLIST_BLOCK * SHORTLIST_BLOCK;
    return o.withheld(o.rankVolunteers(vacancyId, block), k, true);
  }

  @Override
  public Ranking rankVacancies(String volunteerId, int k, Audience audience) {
    Volunteer volunteer = volunteer(volunteerId);
    return rankVacanciesFor(volunteer, k, audience);
  }

  @Override
  public Ranking rankVacancies(Volunteer volunteer, int k, Audience audience) {
    vocabularies.validate(Objects.requireNonNull(volunteer, "volunteer"));
    return rankVacanciesFor(volunteer, k, audience);
  }

  private Ranking rankVacanciesFor(Volunteer volunteer, int k, Audience audience) {
    Objects.requireNonNull(audience, "audience");
    if (audience != Audience.ORGANISATION) {
      return rankVacanciesOf(volunteer, k).redactedFor(audience);
    }
    DefaultMatchEngine o = forOrganisation();
    Ranking r = o.rankVacanciesOf(volunteer, k);
    return policy.fairness() == null ? r : o.withheld(r, k, false);
  }

  @Override
  public MatchExplanation explain(String volunteerId, String vacancyId, Audience audience) {
    Volunteer volunteer = volunteer(volunteerId);
    Vacancy vacancy = vacancy(vacancyId);
    return explainFor(volunteer, vacancy, audience);
  }

  @Override
  public MatchExplanation explain(Volunteer volunteer, Vacancy vacancy, Audience audience) {
    checkPair(volunteer, vacancy);
    return explainFor(volunteer, vacancy, audience);
  }

  /** Returns a volunteer of the engine. */
  private Volunteer volunteer(String volunteerId) {
    Volunteer volunteer = store.get(Objects.requireNonNull(volunteerId, "volunteerId"));
    checkArgument(volunteer != null, "no volunteer with id %s in the dataset", shownId(volunteerId));
    return volunteer;
  }

  /** Returns a vacancy of the engine. */
  private Vacancy vacancy(String vacancyId) {
    Vacancy vacancy = vacanciesById.get(Objects.requireNonNull(vacancyId, "vacancyId"));
    checkArgument(vacancy != null, "no vacancy with id %s in the dataset", shownId(vacancyId));
    return vacancy;
  }

  /** An id as a message shows it: quoted, at most 80 characters, anything unprintable escaped. */
  static String shownId(String id) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < id.length(); i++) {
      if (out.length() > 80) {
        return out.append("...' (").append(id.length()).append(" characters)").toString();
      }
      char c = id.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  /** Checks a pair given as objects: known ids, and an organisation of the engine. */
  private void checkPair(Volunteer volunteer, Vacancy vacancy) {
    vocabularies.validate(Objects.requireNonNull(volunteer, "volunteer"));
    vocabularies.validate(Objects.requireNonNull(vacancy, "vacancy"));
    context.organisationOf(vacancy);
  }

  private MatchExplanation explainFor(Volunteer volunteer, Vacancy vacancy, Audience audience) {
    Objects.requireNonNull(audience, "audience");
    if (audience != Audience.ORGANISATION) {
      return withNotices(volunteer, vacancy, evaluate(volunteer, vacancy)).redactedFor(audience);
    }
    DefaultMatchEngine o = forOrganisation();
    MatchExplanation e = o.shown(o.withNotices(volunteer, vacancy, o.evaluate(volunteer, vacancy)));
    return policy.fairness() == null ? e : e.withheld();
  }

  /**
   * Returns an organisation's ranking without numbers, at most k matches, renumbered: in the given
   * order, or (a fair shortlist) block by block of {@value #SHORTLIST_BLOCK} of the fair order, each
   * block in an order fixed by the policy's seed that says nothing about rank, so that asking for
   * more never drops someone and the order within a block tells nothing.
   */
  private Ranking withheld(Ranking r, int k, boolean neutralOrder) {
    List<Match> list = new ArrayList<>(r.matches());
    if (neutralOrder) {
      list.sort(
          Comparator.comparingInt((Match m) -> (m.rank() - 1) / SHORTLIST_BLOCK)
              .thenComparingLong(m -> shuffle(policy.seed(), r.subjectId(), m.volunteerId()))
              .thenComparing(Match::volunteerId));
    }
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < Math.min(k, list.size()); i++) {
      matches.add(new Match(i + 1, list.get(i).explanation().withheld()));
    }
    return new Ranking(
        r.direction(), r.subjectId(), r.policy(), r.date(), r.candidates(), r.feasible(), matches,
        r.nearMisses().stream().map(n -> new NearMiss(n.explanation().withheld())).toList(),
        r.blockedBy(), r.sensitiveGates(), r.audience(), r.fairness());
  }

  @Override
  public MatchExplanation explain(String volunteerId, String vacancyId) {
    Volunteer volunteer = volunteer(volunteerId);
    Vacancy vacancy = vacancy(vacancyId);
    return withNotices(volunteer, vacancy, evaluate(volunteer, vacancy));
  }

  @Override
  public MatchExplanation explain(Volunteer volunteer, Vacancy vacancy) {
    checkPair(volunteer, vacancy);
    return withNotices(volunteer, vacancy, evaluate(volunteer, vacancy));
  }

  private MatchExplanation withNotices(Volunteer volunteer, Vacancy vacancy, MatchExplanation e) {
    List<LegalNotice> notices = context.assess(volunteer, vacancy).notices();
    return e.withNotices(notices);
  }

  /** Evaluates one pair under the policy, without legal notices. */
  MatchExplanation evaluate(Volunteer volunteer, Vacancy vacancy) {
    int n = specs.size();
    Evaluation[] evaluations = new Evaluation[n];
    double totalWeight = 0;
    for (int i = 0; i < n; i++) {
      evaluations[i] = criteria.get(i).evaluate(volunteer, vacancy, context);
      if (takesPart(i, evaluations[i])) {
        totalWeight += weights[i];
      }
    }
    double[] contributions = new double[n];
    double score = scoreInto(evaluations, totalWeight, contributions);

    List<Contribution> parts = new ArrayList<>(n);
    List<GateResult> gates = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < n; i++) {
      CriterionSpec spec = specs.get(i);
      Evaluation e = evaluations[i];
      Set<SensitiveCategory> categories = categories(criteria.get(i), e.evidence());
      double share = takesPart(i, e) ? weights[i] / totalWeight : 0;
      parts.add(
          new Contribution(
              spec.name(), spec.type(), spec.isHard(), e.outcome(), Math.min(1, share), e.score(),
              contributions[i], e.evidence(), categories, false));
      if (spec.isHard()) {
        boolean passed =
            e.outcome() == Evaluation.Outcome.ABSTAINED
                || (e.outcome() == Evaluation.Outcome.SCORED && e.score() >= spec.minimum());
        List<Evidence> evidence = e.evidence();
        if (!passed && e.outcome() == Evaluation.Outcome.SCORED) {
          List<Evidence> withReason = new ArrayList<>();
          Map<String, String> facts =
              Map.of(
                  "criterion", spec.name(),
                  "score", Messages.decimal(e.score()),
                  "minimum", Messages.decimal(spec.minimum()));
          String label = "criterion." + spec.type();
          withReason.add(
              new Evidence(
                  "engine.belowMinimum",
                  facts,
                  Messages.text(
                      "engine.belowMinimum",
                      facts,
                      Messages.has(label) ? Map.of("criterion", Messages.text(label)) : Map.of()),
                  null,
                  null));
          withReason.addAll(evidence);
          evidence = withReason;
        }
        if (!passed) {
          failed++;
        }
        gates.add(new GateResult(spec.name(), passed, evidence, categories, false));
      }
    }
    boolean aboveMinimum = score >= policy.minimumScore();
    if (!aboveMinimum) {
      failed++;
    }
    gates.add(
        new GateResult(
            GateResult.MINIMUM_SCORE,
            aboveMinimum,
            List.of(
                evidence(
                    aboveMinimum ? "engine.aboveMinimumScore" : "engine.minimumScore",
                    Map.of(
                        "score", Messages.decimal(score),
                        "minimum", Messages.decimal(policy.minimumScore())))),
            Set.of(),
            false));
    boolean open = vacancy.isOpenOn(date);
    if (!open) {
      failed++;
    }
    Map<String, String> period = new LinkedHashMap<>();
    period.put("from", vacancy.validFrom() == null ? "-" : vacancy.validFrom().toString());
    period.put("until", vacancy.validUntil() == null ? "-" : vacancy.validUntil().toString());
    period.put("date", date.toString());
    gates.add(
        new GateResult(
            GateResult.OPEN, open, List.of(evidence(open ? "engine.open" : "engine.closed", period)),
            Set.of(), false));
    return new MatchExplanation(
        volunteer.id(), vacancy.id(), policy.name(), date, MatchScore.of(-failed, score),
        policy.aggregation(), parts, gates, List.of(), null, counsellorView(volunteer), false);
  }

  private boolean takesPart(int i, Evaluation e) {
    return Scores.takesPart(
        e.outcome() == Evaluation.Outcome.ABSTAINED,
        specs.get(i).isBonus() && policy.aggregation() == Aggregation.WEIGHTED_MEAN,
        weights[i]);
  }

  /** Scores a pair from its evaluations, with the aggregation the compiled path shares. */
  private double scoreInto(Evaluation[] evaluations, double totalWeight, double[] contributions) {
    int n = evaluations.length;
    double[] scores = new double[n];
    boolean[] part = new boolean[n];
    for (int i = 0; i < n; i++) {
      part[i] = takesPart(i, evaluations[i]);
      scores[i] = evaluations[i].score();
    }
    return Scores.scoreInto(
        policy.aggregation() == Aggregation.WEIGHTED_GEOMETRIC, weights, scores, part, totalWeight,
        contributions);
  }

  private static Set<SensitiveCategory> categories(Criterion criterion, List<Evidence> evidence) {
    Set<SensitiveCategory> categories = EnumSet.noneOf(SensitiveCategory.class);
    categories.addAll(criterion.sensitiveCategories());
    for (Evidence e : evidence) {
      if (e.sensitiveCategory() != null) {
        categories.add(e.sensitiveCategory());
      }
    }
    return categories;
  }

  private static Set<SensitiveCategory> counsellorView(Volunteer volunteer) {
    Set<SensitiveCategory> view = EnumSet.noneOf(SensitiveCategory.class);
    for (SensitiveCategory c : SensitiveCategory.values()) {
      if (volunteer.mayUse(c, ConsentPurpose.COUNSELLOR_VIEW)) {
        view.add(c);
      }
    }
    return view;
  }

  private static Evidence evidence(String code, Map<String, String> facts) {
    return new Evidence(code, facts, Messages.text(code, facts), Messages.optional(code + ".remedy", facts, Map.of()), null);
  }

  private Ranking rank(Ranking.Direction direction, String subjectId, List<Candidate> all, int k) {
    List<Candidate> feasible = new ArrayList<>();
    List<Candidate> missed = new ArrayList<>();
    Map<String, Integer> blockedBy = emptyCounts();
    for (Candidate c : all) {
      if (c.explanation.isFeasible()) {
        feasible.add(c);
      } else {
        // An organisation is never shown who failed a private gate, not even as a near miss.
        if (!organisationView || !failsPrivateGate(c.explanation)) {
          missed.add(c);
        }
        for (GateResult g : c.explanation.gates()) {
          if (!g.passed()) {
            blockedBy.merge(g.gate(), 1, Integer::sum);
          }
        }
      }
    }
    return assemble(direction, subjectId, all.size(), feasible.size(), feasible, missed, blockedBy, k);
  }

  /** Returns a count of 0 for every gate, in the policy's gate order. */
  Map<String, Integer> emptyCounts() {
    Map<String, Integer> blockedBy = new LinkedHashMap<>();
    for (CriterionSpec spec : specs) {
      if (spec.isHard()) {
        blockedBy.put(spec.name(), 0);
      }
    }
    blockedBy.put(GateResult.MINIMUM_SCORE, 0);
    blockedBy.put(GateResult.OPEN, 0);
    return blockedBy;
  }

  /**
   * Sorts the candidates, takes the top k with their legal notices and the nearest misses. The
   * lists may hold only the best candidates, as long as they hold every one that can be returned.
   */
  Ranking assemble(
      Ranking.Direction direction,
      String subjectId,
      int candidates,
      int feasibleCount,
      List<Candidate> feasible,
      List<Candidate> missed,
      Map<String, Integer> blockedBy,
      int k) {
    Comparator<Candidate> order = order(subjectId);
    blockedBy.values().removeIf(count -> count == 0);
    if (organisationView) {
      blockedBy.keySet().removeAll(privateGates);
    }
    feasible.sort(order);
    missed.sort(order);
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < Math.min(k, feasible.size()); i++) {
      Candidate c = feasible.get(i);
      matches.add(new Match(i + 1, shown(withNotices(c.volunteer, c.vacancy, c.explanation))));
    }
    List<NearMiss> nearMisses = new ArrayList<>();
    for (int i = 0; i < Math.min(nearMisses(), missed.size()); i++) {
      nearMisses.add(new NearMiss(shown(missed.get(i).explanation)));
    }
    return new Ranking(
        direction, subjectId, policy.name(), date, candidates, feasibleCount, matches,
        nearMisses, blockedBy, organisationView ? Set.of() : sensitiveGates,
        organisationView ? Audience.ORGANISATION : null, null);
  }

  /** Returns whether a pair fails a gate whose criterion uses sensitive facts. */
  boolean failsPrivateGate(MatchExplanation e) {
    for (GateResult g : e.gates()) {
      if (!g.passed() && privateGates.contains(g.gate())) {
        return true;
      }
    }
    return false;
  }

  /** Returns an explanation as this engine shows it: as it is, or an organisation's view. */
  private MatchExplanation shown(MatchExplanation e) {
    return organisationView ? e.forOrganisation(sensitive, privateGates) : e;
  }

  Comparator<Candidate> order(String subjectId) {
    Comparator<Candidate> byScore =
        Comparator.comparing((Candidate c) -> c.explanation.score()).reversed();
    Comparator<Candidate> tie =
        switch (policy.tieBreak()) {
          case ID -> (a, b) -> 0;
          case NEAREST -> Comparator.comparingDouble(this::distance);
          case SHUFFLED -> Comparator.comparingLong(c -> shuffle(policy.seed(), subjectId, c.id));
        };
    return byScore.thenComparing(tie).thenComparing(c -> c.id);
  }

  double distance(Candidate c) {
    Location home = c.volunteer.home();
    Location place = c.vacancy.location();
    if (place == null) {
      Organisation o = organisationsById.get(c.vacancy.organisationId());
      place = o == null ? null : o.location();
    }
    return home == null || place == null ? Double.POSITIVE_INFINITY : home.distanceKm(place);
  }

  static long shuffle(long seed, String subject, String candidate) {
    return mix(mix(seed ^ subject.hashCode()) ^ candidate.hashCode());
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "MatchEngine{policy=" + policy.name() + ", date=" + date + ", volunteers="
        + store.size() + ", vacancies=" + vacancies.size() + "}";
  }

  /** One evaluated pair of a ranking. */
  record Candidate(Volunteer volunteer, Vacancy vacancy, String id, MatchExplanation explanation) {}
}
