package io.github.koppel.matching;

import io.github.koppel.core.legal.LegalNotice;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.criteria.Criterion;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.matching.criteria.MatchContext;
import io.github.koppel.matching.internal.Messages;
import io.github.koppel.matching.internal.Scores;
import io.github.koppel.matching.policy.Aggregation;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A policy bound once to its criteria, weights, gates and the match's context: what an engine's
 * object path and compiled path both use, and the only place either of them evaluates a pair,
 * orders candidates or assembles a ranking. Data flows one way: the engine gathers candidates (by
 * evaluating pairs, or from a compiled scan) and hands them here; nothing here calls back into the
 * engine.
 *
 * <p>An evaluator is the full view, or an organisation's: there every criterion that uses
 * sensitive facts weighs 0 and its gate (a private gate) only filters, unseen. Immutable and
 * thread-safe.
 */
final class PolicyEvaluator {
  /** The most near misses an organisation's ranking holds, whatever the policy allows. */
  static final int ORGANISATION_NEAR_MISSES = 10;

  private final MatchPolicy policy;
  private final List<CriterionSpec> specs;
  private final List<Criterion> criteria;
  private final MatchContext context;
  private final LocalDate date;
  private final Map<String, Organisation> organisationsById;
  private final double[] weights;
  /** Per criterion, whether it uses sensitive facts (it declares a category). */
  private final boolean[] sensitive;
  /** The names of the gates whose criteria use sensitive facts: the private gates. */
  private final Set<String> privateGates;
  private final boolean organisationView;

  /**
   * Binds a policy.
   *
   * @param policy the policy
   * @param criteria its criteria, as {@link MatchPolicy#createCriteria} made them
   * @param context the match's context
   * @param organisationsById the organisations of the context, by id
   * @param organisationView whether this is what an organisation may see
   */
  PolicyEvaluator(
      MatchPolicy policy,
      List<Criterion> criteria,
      MatchContext context,
      Map<String, Organisation> organisationsById,
      boolean organisationView) {
    this.policy = policy;
    this.specs = policy.criteria();
    this.criteria = List.copyOf(criteria);
    this.context = context;
    this.date = context.date();
    this.organisationView = organisationView;
    this.organisationsById = organisationsById;
    this.sensitive = new boolean[specs.size()];
    this.weights = new double[specs.size()];
    Set<String> gates = new TreeSet<>();
    for (int i = 0; i < specs.size(); i++) {
      sensitive[i] = !this.criteria.get(i).sensitiveCategories().isEmpty();
      if (specs.get(i).isHard() && sensitive[i]) {
        gates.add(specs.get(i).name());
      }
      // An organisation's score leaves out every criterion that uses sensitive facts.
      weights[i] = organisationView && sensitive[i] ? 0 : specs.get(i).weight();
    }
    this.privateGates = Collections.unmodifiableSet(gates);
  }

  /** Returns the same binding as an organisation sees it. */
  PolicyEvaluator forOrganisation() {
    return organisationView ? this : new PolicyEvaluator(policy, criteria, context, organisationsById, true);
  }

  MatchPolicy policy() {
    return policy;
  }

  List<Criterion> criteria() {
    return criteria;
  }

  MatchContext context() {
    return context;
  }

  LocalDate date() {
    return date;
  }

  boolean organisationView() {
    return organisationView;
  }

  /** Returns the weight of criterion j in this view; do not change the array. */
  double[] weights() {
    return weights;
  }

  /** Returns whether criterion j is a gate. */
  boolean isGate(int j) {
    return specs.get(j).isHard();
  }

  /** Returns whether criterion j is a bonus of a weighted mean: it weighs even where it abstains. */
  boolean isBonus(int j) {
    return specs.get(j).isBonus() && policy.aggregation() == Aggregation.WEIGHTED_MEAN;
  }

  /** Returns the minimum score of criterion j's gate. */
  double minimum(int j) {
    return specs.get(j).minimum();
  }

  /** Returns whether the gate of criterion j filters unseen: a private gate in an organisation's view. */
  boolean filtersUnseen(int j) {
    return organisationView && specs.get(j).isHard() && sensitive[j];
  }

  MatchExplanation withNotices(Volunteer volunteer, Vacancy vacancy, MatchExplanation e) {
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

  Ranking rank(Ranking.Direction direction, String subjectId, List<Candidate> all, int k) {
    List<Candidate> feasible = new ArrayList<>();
    List<Candidate> missed = new ArrayList<>();
    Map<String, Integer> blockedBy = emptyCounts();
    for (Candidate c : all) {
      if (c.explanation().isFeasible()) {
        feasible.add(c);
      } else {
        // An organisation is never shown who failed a private gate, not even as a near miss.
        if (!organisationView || !failsPrivateGate(c.explanation())) {
          missed.add(c);
        }
        for (GateResult g : c.explanation().gates()) {
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
   * Returns the counts per gate of a compiled scan: {@code blocked[j]} for the gate of criterion j,
   * then the minimum score and the open period at the two positions after the criteria.
   */
  Map<String, Integer> counts(int[] blocked) {
    Map<String, Integer> blockedBy = emptyCounts();
    int m = specs.size();
    for (int j = 0; j < m; j++) {
      if (specs.get(j).isHard()) {
        blockedBy.put(specs.get(j).name(), blocked[j]);
      }
    }
    blockedBy.put(GateResult.MINIMUM_SCORE, blocked[m]);
    blockedBy.put(GateResult.OPEN, blocked[m + 1]);
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
    Comparator<Candidate> order = order(subjectId).candidates(this::distance);
    blockedBy.values().removeIf(count -> count == 0);
    if (organisationView) {
      blockedBy.keySet().removeAll(privateGates);
    }
    feasible.sort(order);
    missed.sort(order);
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < Math.min(k, feasible.size()); i++) {
      Candidate c = feasible.get(i);
      matches.add(new Match(i + 1, shown(withNotices(c.volunteer(), c.vacancy(), c.explanation()))));
    }
    List<NearMiss> nearMisses = new ArrayList<>();
    for (int i = 0; i < Math.min(nearMisses(), missed.size()); i++) {
      nearMisses.add(new NearMiss(shown(missed.get(i).explanation())));
    }
    return new Ranking(
        direction, subjectId, policy.name(), date, candidates, feasibleCount, matches,
        nearMisses, blockedBy, organisationView ? Set.of() : privateGates,
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
  MatchExplanation shown(MatchExplanation e) {
    return organisationView ? e.forOrganisation(sensitive, privateGates) : e;
  }

  /** Returns the order of a ranking's candidates for a subject. */
  CandidateOrder order(String subjectId) {
    return new CandidateOrder(policy, subjectId);
  }

  /** Returns where a vacancy's work takes place: its own location or else its organisation's. */
  @Nullable Location placeOf(Vacancy vacancy) {
    Location place = vacancy.location();
    if (place == null) {
      Organisation o = organisationsById.get(vacancy.organisationId());
      place = o == null ? null : o.location();
    }
    return place;
  }

  /** Returns how far a candidate pair is apart, for the tie-break. */
  double distance(Candidate c) {
    return CandidateOrder.distanceKm(c.volunteer().home(), placeOf(c.vacancy()));
  }

  /** Returns how many near misses a ranking of this view reports. */
  int nearMisses() {
    return organisationView ? Math.min(policy.nearMisses(), ORGANISATION_NEAR_MISSES) : policy.nearMisses();
  }

  /** One evaluated pair of a ranking; {@code id} is the candidate's, the ranked side's id. */
  record Candidate(Volunteer volunteer, Vacancy vacancy, String id, MatchExplanation explanation) {}
}
