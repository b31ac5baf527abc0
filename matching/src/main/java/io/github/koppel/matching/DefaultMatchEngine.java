package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.matching.PolicyEvaluator.Candidate;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.criteria.MatchContext;
import io.github.koppel.matching.fairness.FairTopK;
import io.github.koppel.matching.internal.Tasks;
import io.github.koppel.matching.internal.VacancyIndex;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.FairnessTarget;
import io.github.koppel.matching.policy.MatchPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The engine. It holds the data and one {@link PolicyEvaluator}, the policy bound to its criteria;
 * data flows one way: the engine gathers candidates, by evaluating every pair with the evaluator
 * (the object path) or from a compiled scan: a {@link CompiledVolunteerRanker} over the segments
 * of the {@link VolunteerStore} for {@link #rankVolunteers} and {@link #feasibleVolunteers}, a
 * {@link CompiledVacancyRanker} over the vacancy index for {@link #rankVacancies}; the evaluator
 * explains, orders and assembles them. Should a re-scored pair's exact score differ from the
 * scan's, the query is answered on the object path; in {@link MatchEngine.CheckMode#COMPARE} every
 * compiled answer is compared with the object path's and a difference throws.
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
  /** The policy bound to its criteria: the full view, or an organisation's. */
  private final PolicyEvaluator evaluator;
  /** This engine's organisation view, once made; this engine itself when it is one. */
  private volatile @Nullable DefaultMatchEngine organisationEngine;
  private final MatchEngine.Strategy strategy;
  private final MatchEngine.CheckMode checkMode;
  private final @Nullable CompiledVolunteerRanker compiled;
  /** The index of the vacancies, made on first use and shared by engines over the same vacancies. */
  private final LazyVacancyIndex vacancyIndex;
  private volatile @Nullable CompiledVacancyRanker vacancyRanker;
  private final int parallelism;
  private final @Nullable ExecutorService pool;
  /** FA*IR's tests by list length, for the policy's fairness target. */
  private final Map<Integer, FairTopK> fairTests = new ConcurrentHashMap<>();
  /** This engine with its history criterion as a gate, for {@link #comeBack}, once made. */
  private volatile @Nullable DefaultMatchEngine historyEngine;
  /** The eligible volunteers by global position, once computed. */
  private volatile @Nullable Eligible eligiblePositions;
  /** The eligible volunteers below their monthly cap by global position, once computed. */
  private volatile @Nullable Eligible uncappedPositions;
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
      MatchEngine.CheckMode checkMode,
      int parallelism) {
    this(
        dataset.organisations(),
        dataset.vacancies(),
        VolunteerStore.of(
            dataset.volunteers(), strategy == MatchEngine.Strategy.COMPILED, vocabularies),
        dataset,
        vocabularies, legalRules, policy, registry, null, date, strategy, checkMode, parallelism,
        parallelism > 1 ? pool(parallelism) : null, null, false);
  }

  /**
   * An engine over the given data; {@code bound} is the full view's evaluator of this policy when
   * the caller has one, so that an update does not create the criteria again.
   */
  private DefaultMatchEngine(
      List<Organisation> organisations,
      List<Vacancy> vacancies,
      VolunteerStore store,
      @Nullable Dataset dataset,
      Vocabularies vocabularies,
      LegalRules legalRules,
      MatchPolicy policy,
      CriterionRegistry registry,
      @Nullable PolicyEvaluator bound,
      LocalDate date,
      MatchEngine.Strategy strategy,
      MatchEngine.CheckMode checkMode,
      int parallelism,
      @Nullable ExecutorService pool,
      @Nullable LazyVacancyIndex sharedVacancyIndex,
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
    this.strategy = strategy;
    this.checkMode = checkMode;
    this.vacancyIndex = sharedVacancyIndex != null ? sharedVacancyIndex : new LazyVacancyIndex();
    FairnessTarget fairness = policy.fairness();
    checkArgument(
        fairness == null || vocabularies.targetGroups().contains(fairness.targetGroup()),
        "fairness.targetGroup of policy %s: no target group '%s' in the vocabularies",
        policy.name(),
        fairness == null ? "" : fairness.targetGroup());
    PolicyEvaluator full =
        bound != null
            ? bound
            : new PolicyEvaluator(
                policy,
                policy.createCriteria(registry),
                MatchContext.of(vocabularies, legalRules, date, this.organisations, this.vacancies),
                organisationsById,
                false);
    this.evaluator = organisationView ? full.forOrganisation() : full;
    this.context = evaluator.context();
    this.compiled =
        strategy == MatchEngine.Strategy.COMPILED ? new CompiledVolunteerRanker(evaluator, store) : null;
  }

  private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
    Map<String, T> map = new HashMap<>(values.size() * 2);
    for (T value : values) {
      map.put(id.apply(value), value);
    }
    return map;
  }

  /** Returns the full view's evaluator, which an engine over the same organisations may reuse. */
  private PolicyEvaluator fullEvaluator() {
    return evaluator.organisationView()
        ? new PolicyEvaluator(policy, evaluator.criteria(), context, organisationsById, false)
        : evaluator;
  }

  /** Returns the full view of this engine's policy over other vacancies or volunteers. */
  private DefaultMatchEngine with(List<Vacancy> newVacancies, VolunteerStore newStore) {
    PolicyEvaluator full = fullEvaluator();
    PolicyEvaluator bound =
        newVacancies == vacancies
            ? full
            : new PolicyEvaluator(
                policy, full.criteria(), context.withVacancies(newVacancies), organisationsById, false);
    return new DefaultMatchEngine(
        organisations, newVacancies, newStore,
        newVacancies == vacancies && newStore == store ? dataset : null,
        vocabularies, legalRules, policy, registry, bound,
        date, strategy, checkMode, parallelism, pool, newVacancies == vacancies ? vacancyIndex : null, false);
  }

  /**
   * Returns the engine of what an organisation may see: the same data and policy, but every
   * criterion that uses sensitive facts weighs 0, so that the score (the organisation score), the
   * weights and the order depend on facts that are not sensitive only; the private gates still
   * filter who is proposed. Made once per engine.
   */
  DefaultMatchEngine forOrganisation() {
    if (evaluator.organisationView()) {
      return this;
    }
    DefaultMatchEngine o = organisationEngine;
    if (o == null) {
      o = new DefaultMatchEngine(
          organisations, vacancies, store, dataset, vocabularies, legalRules, policy, registry,
          evaluator, date, strategy, checkMode, parallelism, pool, vacancyIndex, true);
      organisationEngine = o;
    }
    return o;
  }

  VolunteerStore store() {
    return store;
  }

  /** Returns this engine with its volunteers in a store of other segment limits, for tests. */
  DefaultMatchEngine withSegmentLimits(int tailLimit, int maxSegments) {
    return with(
        vacancies,
        VolunteerStore.of(
            store.live(), strategy == MatchEngine.Strategy.COMPILED, vocabularies, tailLimit,
            maxSegments));
  }

  @Override
  public MatchEngine withVolunteer(Volunteer volunteer) {
    vocabularies.validate(Objects.requireNonNull(volunteer, "volunteer"));
    return with(vacancies, store.with(volunteer));
  }

  @Override
  public MatchEngine withoutVolunteer(String volunteerId) {
    return with(vacancies, store.without(Objects.requireNonNull(volunteerId, "volunteerId")));
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
    return with(copy, store);
  }

  @Override
  public MatchEngine withoutVacancy(String vacancyId) {
    Objects.requireNonNull(vacancyId, "vacancyId");
    List<Vacancy> copy = new ArrayList<>(vacancies);
    checkArgument(copy.removeIf(v -> v.id().equals(vacancyId)), "no vacancy with id %s in the engine", shownId(vacancyId));
    return with(copy, store);
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

  @Override
  public MatchEngine withPolicy(MatchPolicy newPolicy) {
    return new DefaultMatchEngine(
        organisations, vacancies, store, dataset, vocabularies, legalRules, newPolicy, registry, null,
        date, strategy, checkMode, parallelism, pool, vacancyIndex, false);
  }

  @Override
  public MatchEngine withDate(LocalDate newDate) {
    Objects.requireNonNull(newDate, "date");
    legalRules.checkInForce(newDate);
    PolicyEvaluator bound =
        new PolicyEvaluator(
            policy,
            evaluator.criteria(),
            context.onDate(newDate),
            organisationsById,
            false);
    return new DefaultMatchEngine(
        organisations, vacancies, store, dataset, vocabularies, legalRules, policy, registry, bound,
        newDate, strategy, checkMode, parallelism, pool, vacancyIndex, false);
  }

  @Override
  public Ranking rankVolunteers(String vacancyId, int k) {
    Vacancy vacancy = vacancy(vacancyId);
    checkArgument(k >= 0, "k must be >= 0: %s", k);
    return heldBack(fair(rankVolunteersOf(vacancy, k, pool, parallelism, false), vacancy, k), vacancy)
        .asReserve(vacancy.capacity() == 0);
  }

  /**
   * Names the matches of a ranking of volunteers whom a contact cap holds back; an organisation's
   * ranking holds none of them.
   */
  private Ranking heldBack(Ranking ranking, Vacancy vacancy) {
    if (evaluator.organisationView()) {
      return ranking;
    }
    List<HeldBack> held = new ArrayList<>();
    for (Match m : ranking.matches()) {
      Volunteer v = store.get(m.volunteerId());
      HeldBack h = v == null ? null : heldBack(v, vacancy);
      if (h != null) {
        held.add(h);
      }
    }
    return held.isEmpty() ? ranking : ranking.withHeldBack(held);
  }

  /** The days over which proposals count towards a volunteer's cap. */
  static final int CAP_DAYS = 30;

  /** The lower of the policy's and the volunteer's own cap on proposals in 30 days, or null. */
  private @Nullable Integer capOf(Volunteer volunteer) {
    Integer policyCap = policy.proposalsPerMonth();
    Integer own = volunteer.participation().maxProposalsPerMonth();
    return policyCap == null ? own : own == null ? policyCap : Integer.valueOf(Math.min(policyCap, own));
  }

  /** The volunteer's proposals in the 30 days before the day of the match. */
  private int proposalsInMonth(Volunteer volunteer) {
    LocalDate from = date.minusDays(CAP_DAYS);
    int n = 0;
    for (io.github.koppel.core.model.MatchRecord r : volunteer.history()) {
      if (r.outcome() == io.github.koppel.core.model.MatchOutcome.PROPOSED
          && !r.date().isBefore(from) && r.date().isBefore(date)) {
        n++;
      }
    }
    return n;
  }

  /** Whether the volunteer reached their cap of proposals in 30 days. */
  private boolean atMonthlyCap(Volunteer volunteer) {
    Integer cap = capOf(volunteer);
    return cap != null && proposalsInMonth(volunteer) >= cap;
  }

  /** The last day before the day of the match a vacancy was proposed to the volunteer, or null. */
  private @Nullable LocalDate proposedOn(Volunteer volunteer, Vacancy vacancy) {
    LocalDate last = null;
    for (io.github.koppel.core.model.MatchRecord r : volunteer.history()) {
      if (r.outcome() == io.github.koppel.core.model.MatchOutcome.PROPOSED
          && r.vacancyId().equals(vacancy.id()) && r.date().isBefore(date)) {
        last = r.date();
      }
    }
    return last;
  }

  @Override
  public @Nullable HeldBack heldBack(String volunteerId, String vacancyId) {
    return heldBack(volunteer(volunteerId), vacancy(vacancyId));
  }

  /** Why a contact cap holds a volunteer back from a vacancy, or null when none does. */
  @Nullable HeldBack heldBack(Volunteer volunteer, Vacancy vacancy) {
    LocalDate proposed = proposedOn(volunteer, vacancy);
    Integer cap = capOf(volunteer);
    int proposals = cap == null ? 0 : proposalsInMonth(volunteer);
    boolean month = cap != null && proposals >= cap;
    if (proposed == null && !month) {
      return null;
    }
    io.github.koppel.core.model.LocalizedText reason =
        month
            ? io.github.koppel.matching.internal.Messages.text(
                "heldBack.month", Map.of("proposals", Integer.toString(proposals), "cap", Integer.toString(cap)))
            : io.github.koppel.matching.internal.Messages.text(
                "heldBack.vacancy", Map.of("date", String.valueOf(proposed)));
    return new HeldBack(volunteer.id(), proposals, cap, proposed, reason);
  }

  /**
   * Ranks the volunteers for a vacancy, or only the members of the fairness target group, on the
   * compiled path if the engine has one, with up to {@code threads} threads of a pool.
   */
  private Ranking rankVolunteersOf(
      Vacancy vacancy, int k, @Nullable ExecutorService threadPool, int threads, boolean groupOnly) {
    // An organisation is shown no one a contact cap holds back; a counsellor sees them, named.
    boolean capped = evaluator.organisationView();
    @Nullable BitSet admit = admitted(vacancy, groupOnly, capped);
    Predicate<Volunteer> admitted =
        v -> eligible(v) && (!capped || heldBack(v, vacancy) == null) && (!groupOnly || isProtected(v));
    CompiledVolunteerRanker ranker = compiled;
    if (ranker == null) {
      return byObjects(vacancy, k, admitted, admit, capped, groupOnly);
    }
    CompiledScan.Scan scan = ranker.scan(vacancy, k, threadPool, threads, admit);
    List<Candidate> top = rescore(scan.matches(), vacancy);
    List<Candidate> near = top == null ? null : rescore(scan.misses(), vacancy);
    if (top == null || near == null) {
      // The compiled scores are exact by construction; should one not be, the object path answers.
      return byObjects(vacancy, k, admitted, admit, capped, groupOnly);
    }
    Ranking ranking =
        evaluator.assemble(
            Ranking.Direction.VOLUNTEERS_FOR_VACANCY, vacancy.id(),
            candidates(admit, capped, groupOnly), scan.feasible(),
            top, near, evaluator.counts(scan.blocked()), k);
    if (checkMode == MatchEngine.CheckMode.COMPARE) {
      Ranking objects = byObjects(vacancy, k, admitted, admit, capped, groupOnly);
      String query = (groupOnly ? "the target group's volunteers" : "volunteers") + " for vacancy "
          + shownId(vacancy.id()) + ", k = " + k;
      // A ranking of the target group alone counts its candidates differently; its matches decide.
      if (groupOnly) {
        check(ranking.matches(), objects.matches(), query);
      } else {
        check(ranking, objects, query);
      }
    }
    return ranking;
  }

  /**
   * Evaluates the candidates of a compiled scan with the object criteria; null if an exact score
   * differs from the scan's, which check mode reports.
   */
  private @Nullable List<Candidate> rescore(List<CompiledScan.Found> found, Vacancy vacancy) {
    return rescore(found, p -> store.at(p), p -> vacancy, false);
  }

  /**
   * Evaluates the pairs of a compiled scan, each found by position, with the object criteria;
   * null if an exact score differs from the scan's, which check mode reports.
   */
  private @Nullable List<Candidate> rescore(
      List<CompiledScan.Found> found,
      java.util.function.IntFunction<Volunteer> volunteers,
      java.util.function.IntFunction<Vacancy> vacancyAt,
      boolean rankingVacancies) {
    List<Candidate> out = new ArrayList<>(found.size());
    for (CompiledScan.Found f : found) {
      Volunteer volunteer = volunteers.apply(f.position());
      Vacancy vacancy = vacancyAt.apply(f.position());
      MatchExplanation e = evaluator.evaluate(volunteer, vacancy);
      if (e.score().soft() != f.score() || e.score().hard() != f.hard()) {
        if (checkMode == MatchEngine.CheckMode.COMPARE) {
          throw new IllegalStateException(
              "check mode: the compiled path scored volunteer " + shownId(volunteer.id()) + " for vacancy "
                  + shownId(vacancy.id()) + " " + MatchScore.of(f.hard(), f.score()) + ", the object path "
                  + e.score());
        }
        return null;
      }
      out.add(new Candidate(volunteer, vacancy, rankingVacancies ? vacancy.id() : volunteer.id(), e));
    }
    return out;
  }

  /**
   * The candidates a ranking of volunteers counts: those admitted; for an organisation, the
   * candidate bank before any contact cap, so that the count does not change when proposals made
   * elsewhere bring a volunteer to their cap.
   */
  private int candidates(@Nullable BitSet admit, boolean capped, boolean groupOnly) {
    if (capped && !groupOnly) {
      BitSet bank = eligiblePositions();
      return bank == null ? store.size() : bank.cardinality();
    }
    return admit == null ? store.size() : admit.cardinality();
  }

  /** Check mode: throws if the compiled path's answer differs from the object path's. */
  private static <T> void check(T compiledAnswer, T objectAnswer, String query) {
    if (!compiledAnswer.equals(objectAnswer)) {
      throw new IllegalStateException(
          "check mode: the compiled path's ranking of " + query + " differs from the object path's: "
              + Differences.first(objectAnswer, compiledAnswer));
    }
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
    Ranking group = rankVolunteersOf(vacancy, k, null, 1, true);
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
        evaluator.organisationView() ? report.redacted() : report, ranking.heldBack(), ranking.reserve());
  }

  /** FA*IR's adjusted test for top-k lists, computed once per k. */
  private FairTopK fairTopK(int k) {
    FairnessTarget target = Objects.requireNonNull(policy.fairness());
    return fairTests.computeIfAbsent(
        Math.min(k, FairTopK.MAX_K),
        n -> FairTopK.adjusted(n, target.proportion(), target.alpha(), target.rule()));
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

  /**
   * Whether a volunteer may be proposed by this engine: their participation lets them be proposed
   * on the day of the match (not paused, not withdrawn) and, for an organisation, they consented
   * that organisations may find them.
   */
  boolean eligible(Volunteer volunteer) {
    Participation p = volunteer.participation();
    return p.proposableOn(date) && (!evaluator.organisationView() || p.findableOn(date));
  }

  /**
   * The global positions a ranking of volunteers may hold, or null when it may hold every live
   * volunteer: the eligible ones, and only the target group's members when asked.
   */
  private @Nullable BitSet admitted(Vacancy vacancy, boolean groupOnly, boolean capped) {
    BitSet admit = capped ? uncappedPositions() : eligiblePositions();
    if (capped) {
      // One proposal per vacancy: whoever was already proposed it is held back from it.
      BitSet cleared = null;
      for (VolunteerStore.Segment segment : store.segments()) {
        int[] concerned = segment.index == null ? null : segment.index.historyByVacancy().get(vacancy.id());
        if (concerned == null) {
          continue;
        }
        for (int i : concerned) {
          if (segment.live(i) && proposedOn(segment.volunteers.get(i), vacancy) != null) {
            if (cleared == null) {
              cleared = admit != null ? (BitSet) admit.clone() : livePositions();
            }
            cleared.clear(segment.base + i);
          }
        }
      }
      if (cleared != null) {
        admit = cleared;
      }
    }
    if (!groupOnly) {
      return admit;
    }
    BitSet members = (BitSet) protectedPositions().clone();
    if (admit != null) {
      members.and(admit);
    }
    return members;
  }

  /** The global positions of every live volunteer. */
  private BitSet livePositions() {
    BitSet live = new BitSet();
    for (VolunteerStore.Segment segment : store.segments()) {
      for (int i = 0; i < segment.volunteers.size(); i++) {
        if (segment.live(i)) {
          live.set(segment.base + i);
        }
      }
    }
    return live;
  }

  /**
   * The global positions of the eligible volunteers who have not reached their cap of proposals in
   * 30 days, or null when that is every live one; once per engine.
   */
  private @Nullable BitSet uncappedPositions() {
    Eligible known = uncappedPositions;
    if (known == null) {
      known = positionsWhere(v -> eligible(v) && !atMonthlyCap(v));
      uncappedPositions = known;
    }
    return known.positions();
  }

  /** The global positions of the eligible volunteers, or null when every live one is; once per engine. */
  private @Nullable BitSet eligiblePositions() {
    Eligible known = eligiblePositions;
    if (known == null) {
      known = positionsWhere(this::eligible);
      eligiblePositions = known;
    }
    return known.positions();
  }

  /** The global positions of the live volunteers that pass a test; null positions when all do. */
  private Eligible positionsWhere(Predicate<Volunteer> test) {
    BitSet positions = new BitSet();
    boolean all = true;
    for (VolunteerStore.Segment segment : store.segments()) {
      for (int i = 0; i < segment.volunteers.size(); i++) {
        if (segment.live(i)) {
          if (test.test(segment.volunteers.get(i))) {
            positions.set(segment.base + i);
          } else {
            all = false;
          }
        }
      }
    }
    return new Eligible(all ? null : positions);
  }

  /** The eligible positions of an engine: null when every live volunteer is eligible. */
  private record Eligible(@Nullable BitSet positions) {}

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
    CompiledVolunteerRanker ranker = compiled;
    if (ranker != null) {
      ranker.collectFeasible(vacancy, eligiblePositions(), (global, score) -> out.put(store.at(global).id(), score));
      if (checkMode == MatchEngine.CheckMode.COMPARE) {
        check(out, feasibleByObjects(vacancy), "the feasible volunteers for vacancy " + shownId(vacancyId));
      }
      return Collections.unmodifiableMap(out);
    }
    return Collections.unmodifiableMap(feasibleByObjects(vacancy));
  }

  private Map<String, Double> feasibleByObjects(Vacancy vacancy) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Volunteer volunteer : store.live()) {
      if (!eligible(volunteer)) {
        continue;
      }
      MatchExplanation e = evaluator.evaluate(volunteer, vacancy);
      if (e.isFeasible()) {
        out.put(volunteer.id(), e.score().soft());
      }
    }
    return out;
  }

  /** The object path's ranking of the admitted volunteers, counting candidates as the compiled path does. */
  private Ranking byObjects(
      Vacancy vacancy, int k, Predicate<Volunteer> admitted, @Nullable BitSet admit, boolean capped, boolean groupOnly) {
    Ranking r = rankVolunteersByObjects(vacancy, k, admitted);
    return capped && !groupOnly ? r.withCandidates(candidates(admit, true, false)) : r;
  }

  /** Ranks the admitted volunteers for a vacancy with the object criteria. */
  private Ranking rankVolunteersByObjects(Vacancy vacancy, int k, Predicate<Volunteer> admit) {
    List<Volunteer> volunteers = store.live();
    List<Candidate> candidates = new ArrayList<>(volunteers.size());
    for (Volunteer volunteer : volunteers) {
      if (!admit.test(volunteer)) {
        continue;
      }
      candidates.add(new Candidate(volunteer, vacancy, volunteer.id(), evaluator.evaluate(volunteer, vacancy)));
    }
    return evaluator.rank(Ranking.Direction.VOLUNTEERS_FOR_VACANCY, vacancy.id(), candidates, k);
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
      rankings.add(Tasks.await(f, "ranking every vacancy"));
    }
    return List.copyOf(rankings);
  }

  /** Ranks the volunteers for one vacancy on the calling thread only. */
  private Ranking rankOne(Vacancy vacancy, int k) {
    return heldBack(fair(rankVolunteersOf(vacancy, k, null, 1, false), vacancy, k), vacancy)
        .asReserve(vacancy.capacity() == 0);
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
    if (strategy != MatchEngine.Strategy.COMPILED) {
      return rankVacanciesByObjects(volunteer, k);
    }
    CompiledVacancyRanker ranker = vacancyRanker();
    VacancyIndex index = ranker.index();
    CompiledScan.Scan scan = ranker.scan(volunteer, k);
    List<Candidate> top = rescore(scan.matches(), p -> volunteer, index::vacancy, true);
    List<Candidate> near = top == null ? null : rescore(scan.misses(), p -> volunteer, index::vacancy, true);
    if (top == null || near == null) {
      // The compiled scores are exact by construction; should one not be, the object path answers.
      return rankVacanciesByObjects(volunteer, k);
    }
    Ranking ranking =
        evaluator.assemble(
            Ranking.Direction.VACANCIES_FOR_VOLUNTEER, volunteer.id(), index.size(), scan.feasible(),
            top, near, evaluator.counts(scan.blocked()), k);
    if (checkMode == MatchEngine.CheckMode.COMPARE) {
      check(ranking, rankVacanciesByObjects(volunteer, k), "vacancies for volunteer " + shownId(volunteer.id()) + ", k = " + k);
    }
    return ranking;
  }

  /** Returns the compiled ranker of vacancies, made on first use over the shared index. */
  private CompiledVacancyRanker vacancyRanker() {
    CompiledVacancyRanker r = vacancyRanker;
    if (r == null) {
      r = new CompiledVacancyRanker(evaluator, vacancyIndex.get(vacancies, organisationsById));
      vacancyRanker = r;
    }
    return r;
  }

  private Ranking rankVacanciesByObjects(Volunteer volunteer, int k) {
    List<Candidate> candidates = new ArrayList<>(vacancies.size());
    for (Vacancy vacancy : vacancies) {
      candidates.add(new Candidate(volunteer, vacancy, vacancy.id(), evaluator.evaluate(volunteer, vacancy)));
    }
    return evaluator.rank(Ranking.Direction.VACANCIES_FOR_VOLUNTEER, volunteer.id(), candidates, k);
  }

  /** An organisation's fair shortlist comes in whole blocks of this many. */
  static final int SHORTLIST_BLOCK = 10;


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
    o.checkInBank(volunteer);
    Ranking r = o.rankVacanciesOf(volunteer, k);
    return policy.fairness() == null ? r : o.withheld(r, k, false);
  }

  private static void checkAlerts(double threshold, int limit) {
    checkArgument(threshold >= 0 && threshold <= 1, "threshold must be in [0, 1]: %s", threshold);
    checkArgument(limit >= 0 && limit <= MAX_ALERTS, "limit must be in [0, %s]: %s", MAX_ALERTS, limit);
  }

  /** Alerts best first, then by volunteer and vacancy id. */
  private static final Comparator<Alert> ALERT_ORDER =
      Comparator.comparingDouble(Alert::score).reversed()
          .thenComparing(Alert::volunteerId)
          .thenComparing(Alert::vacancyId);

  @Override
  public List<Alert> alertsForVacancy(String vacancyId, double threshold, int limit, Audience audience) {
    Vacancy vacancy = vacancy(vacancyId);
    checkAlerts(threshold, limit);
    Objects.requireNonNull(audience, "audience");
    checkArgument(audience != Audience.VOLUNTEER,
        "alerts for a vacancy are for a counsellor (to tell the volunteers) or the organisation");
    checkArgument(audience != Audience.ORGANISATION || policy.fairness() == null,
        "an organisation's alerts under a fairness target would show its merit order; use its shortlist,"
            + " rankVolunteers(vacancyId, k, Audience.ORGANISATION)");
    if (vacancy.capacity() == 0 || limit == 0) {
      return List.of();
    }
    DefaultMatchEngine e = audience == Audience.ORGANISATION ? forOrganisation() : this;
    List<Alert> alerts = new ArrayList<>();
    e.feasibleVolunteers(vacancyId).forEach((id, score) -> {
      if (score >= threshold && heldBack(store.get(id), vacancy) == null) {
        alerts.add(new Alert(id, vacancyId, score));
      }
    });
    alerts.sort(ALERT_ORDER);
    return List.copyOf(alerts.subList(0, Math.min(limit, alerts.size())));
  }

  /**
   * Every vacancy that is a feasible match for a volunteer, with the score, in the order of the
   * vacancies: on the compiled path one scan that keeps every feasible vacancy, without
   * explanations or notices.
   */
  private Map<String, Double> feasibleVacancies(Volunteer volunteer) {
    if (strategy != MatchEngine.Strategy.COMPILED) {
      return feasibleVacanciesByObjects(volunteer);
    }
    CompiledVacancyRanker ranker = vacancyRanker();
    VacancyIndex index = ranker.index();
    CompiledScan.Scan scan = ranker.scan(volunteer, index.size());
    List<CompiledScan.Found> found = new ArrayList<>(scan.matches());
    found.sort(Comparator.comparingInt(CompiledScan.Found::position));
    Map<String, Double> out = new LinkedHashMap<>();
    for (CompiledScan.Found f : found) {
      out.put(index.vacancy(f.position()).id(), f.score());
    }
    if (checkMode == MatchEngine.CheckMode.COMPARE) {
      check(out, feasibleVacanciesByObjects(volunteer), "the feasible vacancies for volunteer " + shownId(volunteer.id()));
    }
    return out;
  }

  private Map<String, Double> feasibleVacanciesByObjects(Volunteer volunteer) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Vacancy vacancy : vacancies) {
      MatchExplanation e = evaluator.evaluate(volunteer, vacancy);
      if (e.isFeasible()) {
        out.put(vacancy.id(), e.score().soft());
      }
    }
    return out;
  }

  @Override
  public List<Alert> alertsForVolunteer(String volunteerId, double threshold, int limit) {
    Volunteer volunteer = volunteer(volunteerId);
    checkAlerts(threshold, limit);
    if (limit == 0 || !eligible(volunteer) || atMonthlyCap(volunteer)) {
      return List.of();
    }
    List<Alert> alerts = new ArrayList<>();
    feasibleVacancies(volunteer).forEach((id, score) -> {
      Vacancy vacancy = vacanciesById.get(id);
      if (score >= threshold && vacancy.capacity() > 0 && proposedOn(volunteer, vacancy) == null) {
        alerts.add(new Alert(volunteerId, id, score));
      }
    });
    alerts.sort(ALERT_ORDER);
    return List.copyOf(alerts.subList(0, Math.min(limit, alerts.size())));
  }

  /** The type of the built-in criterion of earlier outcomes. */
  static final String HISTORY_TYPE = "history";

  @Override
  public ComeBack comeBack(String volunteerId, int k, Audience audience) {
    Objects.requireNonNull(audience, "audience");
    checkArgument(
        audience != Audience.ORGANISATION,
        "a come-back ranking is a volunteer's own search, for the volunteer or a counsellor, not for an organisation");
    Volunteer volunteer = volunteer(volunteerId);
    checkArgument(k >= 0, "k must be >= 0: %s", k);
    DefaultMatchEngine gated = historyGated();
    String gate = gated.historyCriterionName();
    Ranking ranking = gated.rankVacanciesOf(volunteer, k).redactedFor(audience);
    List<NearMiss> leftOut = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (io.github.koppel.core.model.MatchRecord r : volunteer.history()) {
      Vacancy vacancy = vacanciesById.get(r.vacancyId());
      if (vacancy == null || !seen.add(vacancy.id())) {
        continue;
      }
      MatchExplanation e = gated.evaluator.evaluate(volunteer, vacancy);
      if (e.failedGates().stream().anyMatch(g -> g.gate().equals(gate))) {
        leftOut.add(new NearMiss(gated.evaluator.withNotices(volunteer, vacancy, e).redactedFor(audience)));
      }
    }
    return new ComeBack(ranking, leftOut);
  }

  /** This engine's policy with its history criterion as a gate, or the built-in one added; made once. */
  private DefaultMatchEngine historyGated() {
    DefaultMatchEngine g = historyEngine;
    if (g == null) {
      CriterionSpec spec = null;
      for (CriterionSpec c : policy.criteria()) {
        if (c.type().equals(HISTORY_TYPE)) {
          spec = c;
          break;
        }
      }
      MatchPolicy gatedPolicy;
      if (spec == null) {
        String name = HISTORY_TYPE;
        for (int n = 2; policy.criterion(name) != null; n++) {
          name = HISTORY_TYPE + n;
        }
        gatedPolicy = policy.withCriterion(new CriterionSpec(name, HISTORY_TYPE, CriterionSpec.Mode.HARD, 3, 0, Map.of()));
      } else if (spec.isHard()) {
        gatedPolicy = policy;
      } else {
        gatedPolicy = policy.withCriterion(
            new CriterionSpec(spec.name(), spec.type(), CriterionSpec.Mode.HARD, spec.weight(), spec.minimum(), spec.parameters()));
      }
      g = gatedPolicy == policy ? this : (DefaultMatchEngine) withPolicy(gatedPolicy);
      historyEngine = g;
    }
    return g;
  }

  /** The name of the first criterion of type {@value #HISTORY_TYPE} of the policy. */
  private String historyCriterionName() {
    for (CriterionSpec c : policy.criteria()) {
      if (c.type().equals(HISTORY_TYPE)) {
        return c.name();
      }
    }
    throw new IllegalStateException("policy " + policy.name() + " has no history criterion");
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

  /**
   * Refuses an organisation a volunteer it may not find (no consent that organisations may find
   * them, or not to be proposed on the day) with the answer an unknown id gets, so that the answer
   * tells nothing of the volunteer.
   */
  private void checkInBank(Volunteer volunteer) {
    checkArgument(eligible(volunteer), "no volunteer with id %s in the dataset", shownId(volunteer.id()));
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
      return evaluator.withNotices(volunteer, vacancy, evaluator.evaluate(volunteer, vacancy)).redactedFor(audience);
    }
    DefaultMatchEngine o = forOrganisation();
    o.checkInBank(volunteer);
    // Nor someone a contact cap holds back from this vacancy: its ranking does not show them.
    checkArgument(o.heldBack(volunteer, vacancy) == null, "no volunteer with id %s in the dataset", shownId(volunteer.id()));
    PolicyEvaluator view = o.evaluator;
    MatchExplanation e = view.shown(view.withNotices(volunteer, vacancy, view.evaluate(volunteer, vacancy)));
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
              .thenComparingLong(m -> CandidateOrder.shuffle(policy.seed(), r.subjectId(), m.volunteerId()))
              .thenComparing(Match::volunteerId));
    }
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < Math.min(k, list.size()); i++) {
      matches.add(new Match(i + 1, list.get(i).explanation().withheld()));
    }
    return new Ranking(
        r.direction(), r.subjectId(), r.policy(), r.date(), r.candidates(), r.feasible(), matches,
        r.nearMisses().stream().map(n -> new NearMiss(n.explanation().withheld())).toList(),
        r.blockedBy(), r.sensitiveGates(), r.audience(), r.fairness(), List.of(), r.reserve());
  }

  @Override
  public MatchExplanation explain(String volunteerId, String vacancyId) {
    Volunteer volunteer = volunteer(volunteerId);
    Vacancy vacancy = vacancy(vacancyId);
    return evaluator.withNotices(volunteer, vacancy, evaluator.evaluate(volunteer, vacancy));
  }

  @Override
  public MatchExplanation explain(Volunteer volunteer, Vacancy vacancy) {
    checkPair(volunteer, vacancy);
    return evaluator.withNotices(volunteer, vacancy, evaluator.evaluate(volunteer, vacancy));
  }

  /** A {@link VacancyIndex} made on first use, shared by the engines over the same vacancies. */
  private static final class LazyVacancyIndex {
    private volatile @Nullable VacancyIndex index;

    VacancyIndex get(List<Vacancy> vacancies, Map<String, Organisation> organisationsById) {
      VacancyIndex i = index;
      if (i == null) {
        synchronized (this) {
          i = index;
          if (i == null) {
            i = new VacancyIndex(vacancies, organisationsById);
            index = i;
          }
        }
      }
      return i;
    }
  }

  @Override
  public String toString() {
    return "MatchEngine{policy=" + policy.name() + ", date=" + date + ", volunteers="
        + store.size() + ", vacancies=" + vacancies.size() + "}";
  }
}
