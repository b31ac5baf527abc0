package io.github.koppel.matching.policy;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Participation;
import io.github.koppel.matching.criteria.Criterion;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.criteria.Parameters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A match policy: which criteria, hard or soft, with which weights and parameters, how their
 * scores combine, the minimum score of a match, the tie-break and how many near misses to report.
 *
 * <p>A policy is data: it is read from JSON with {@link MatchPolicies#read} and written with
 * {@link MatchPolicies#toJson}; {@link MatchPolicies#inclusiveDefault()} is the bundled default.
 * The policy creates its criteria with {@link #createCriteria}, checking their types and
 * parameters, when an engine is built or a policy file is read.
 *
 * <p>This class is immutable; the {@code with} methods return new instances and leave this one
 * unchanged.
 *
 * @param name the policy's name
 * @param version the policy's version, free text such as {@code 2026.1}
 * @param description what the policy is for, or {@code null}
 * @param aggregation how criterion scores combine
 * @param minimumScore the lowest score of a match, in [0, 1]; lower-scoring pairs become near misses
 * @param tieBreak how equal scores are ordered
 * @param seed the seed of {@link TieBreak#SHUFFLED}
 * @param nearMisses how many near misses a ranking reports, in [0, 1000]
 * @param criteria the criteria, in the order of explanations; names are unique
 * @param fairness the fairness target of rankings of volunteers, or {@code null} for none
 * @param proposalsPerMonth the contact cap: the most proposals a volunteer gets in 30 days, in [0,
 *     {@value io.github.koppel.core.model.Participation#MAX_PROPOSALS_PER_MONTH}], or {@code null}
 *     for none (a volunteer's own cap, {@code Participation.maxProposalsPerMonth}, applies
 *     either way, and a vacancy is proposed to a volunteer once)
 * @since 0.2
 */
public record MatchPolicy(
    String name,
    String version,
    @Nullable LocalizedText description,
    Aggregation aggregation,
    double minimumScore,
    TieBreak tieBreak,
    long seed,
    int nearMisses,
    List<CriterionSpec> criteria,
    @Nullable FairnessTarget fairness,
    @Nullable Integer proposalsPerMonth) {

  /** The most near misses a ranking may report. */
  public static final int MAX_NEAR_MISSES = 1000;

  /**
   * Creates this policy's criteria from a registry, in the order of {@link #criteria()}, each
   * checked so that a breach of the criterion contract names the criterion and the pair.
   *
   * @param registry the criteria types known
   * @return one criterion per {@link CriterionSpec}, immutable
   * @throws InvalidDataException if a type is unknown or a parameter is invalid, located at
   *     {@code $.criteria[i]} of source {@code policy NAME}
   */
  public List<Criterion> createCriteria(CriterionRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    String source = "policy " + name;
    List<Criterion> created = new ArrayList<>(criteria.size());
    for (int i = 0; i < criteria.size(); i++) {
      CriterionSpec spec = criteria.get(i);
      String at = "$.criteria[" + i + "]";
      if (!registry.contains(spec.type())) {
        throw new InvalidDataException(
            source, at + ".type", spec.type(), -1, -1,
            "unknown criterion type; known types: " + registry.types(), null);
      }
      Criterion criterion =
          registry.create(spec.type(), Parameters.of(spec.parameters(), source, at + ".parameters"));
      created.add(Criterion.checked(spec.name(), criterion));
    }
    return List.copyOf(created);
  }

  /**
   * A policy without a fairness target.
   *
   * @param name the policy's name
   * @param version the policy's version
   * @param description what the policy is for, or {@code null}
   * @param aggregation how criterion scores combine
   * @param minimumScore the lowest score of a match, in [0, 1]
   * @param tieBreak how equal scores are ordered
   * @param seed the seed of {@link TieBreak#SHUFFLED}
   * @param nearMisses how many near misses a ranking reports, in [0, 1000]
   * @param criteria the criteria, in the order of explanations; names are unique
   */
  public MatchPolicy(
      String name,
      String version,
      @Nullable LocalizedText description,
      Aggregation aggregation,
      double minimumScore,
      TieBreak tieBreak,
      long seed,
      int nearMisses,
      List<CriterionSpec> criteria) {
    this(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses,
        criteria, null, null);
  }

  /**
   * Creates a policy without a contact cap of its own.
   *
   * @param name the policy's name
   * @param version the policy's version
   * @param description what the policy is for, or {@code null}
   * @param aggregation how criterion scores combine
   * @param minimumScore the lowest score of a match, in [0, 1]
   * @param tieBreak how equal scores are ordered
   * @param seed the seed of {@link TieBreak#SHUFFLED}
   * @param nearMisses how many near misses a ranking reports, in [0, 1000]
   * @param criteria the criteria, in the order of explanations; names are unique
   * @param fairness the fairness target of rankings of volunteers, or {@code null} for none
   */
  public MatchPolicy(
      String name,
      String version,
      @Nullable LocalizedText description,
      Aggregation aggregation,
      double minimumScore,
      TieBreak tieBreak,
      long seed,
      int nearMisses,
      List<CriterionSpec> criteria,
      @Nullable FairnessTarget fairness) {
    this(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses,
        criteria, fairness, null);
  }

  public MatchPolicy {
    Objects.requireNonNull(name, "name");
    checkArgument(!name.isBlank(), "name must not be blank");
    checkPrintable(name, "name");
    Objects.requireNonNull(version, "version");
    checkArgument(!version.isBlank(), "version must not be blank");
    checkPrintable(version, "version");
    Objects.requireNonNull(aggregation, "aggregation");
    checkArgument(
        Double.isFinite(minimumScore) && minimumScore >= 0 && minimumScore <= 1,
        "minimumScore must be in [0, 1]: %s",
        minimumScore);
    Objects.requireNonNull(tieBreak, "tieBreak");
    checkArgument(
        nearMisses >= 0 && nearMisses <= MAX_NEAR_MISSES,
        "nearMisses must be in [0, %s]: %s",
        MAX_NEAR_MISSES,
        nearMisses);
    checkArgument(
        proposalsPerMonth == null
            || (proposalsPerMonth >= 0 && proposalsPerMonth <= Participation.MAX_PROPOSALS_PER_MONTH),
        "proposalsPerMonth must be in [0, %s]: %s", Participation.MAX_PROPOSALS_PER_MONTH, proposalsPerMonth);
    criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
    checkArgument(!criteria.isEmpty(), "criteria must hold at least one criterion");
    Set<String> names = new HashSet<>();
    boolean weighted = false;
    for (CriterionSpec c : criteria) {
      checkArgument(names.add(c.name()), "criteria hold the name %s twice\nGive one of them another name.", c.name());
      weighted |= c.weight() > 0;
    }
    checkArgument(
        weighted,
        "at least one criterion must have a weight > 0\nA policy of gates only cannot rank.");
  }

  /**
   * Fails when a one-line text holds a control, invisible or direction character: a policy name is
   * printed in every explanation, and such a character could clear a screen or fake a line.
   */
  static void checkPrintable(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      checkArgument(
          !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT,
          "%s must not contain control, invisible or direction characters: U+%s at %s",
          field,
          String.format(Locale.ROOT, "%04X", (int) c),
          i);
    }
  }

  /**
   * Returns a policy with the defaults: weighted mean, minimum score 0, tie-break by id, 5 near
   * misses.
   *
   * @param name the name
   * @param criteria the criteria
   * @return the policy
   */
  public static MatchPolicy of(String name, List<CriterionSpec> criteria) {
    return new MatchPolicy(name, "1", null, Aggregation.WEIGHTED_MEAN, 0, TieBreak.ID, 0, 5, criteria);
  }

  /**
   * Returns the criterion with a name.
   *
   * @param criterionName the name
   * @return the criterion, or {@code null}
   */
  public @Nullable CriterionSpec criterion(String criterionName) {
    for (CriterionSpec c : criteria) {
      if (c.name().equals(criterionName)) {
        return c;
      }
    }
    return null;
  }

  /**
   * Returns a copy with a criterion added, or replaced if one has its name.
   *
   * @param criterion the criterion
   * @return the copy
   */
  public MatchPolicy withCriterion(CriterionSpec criterion) {
    List<CriterionSpec> copy = new ArrayList<>(criteria);
    boolean replaced = false;
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).name().equals(criterion.name())) {
        copy.set(i, criterion);
        replaced = true;
      }
    }
    if (!replaced) {
      copy.add(criterion);
    }
    return new MatchPolicy(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses, copy,
        fairness, proposalsPerMonth);
  }

  /**
   * Returns a copy without a criterion.
   *
   * @param criterionName the name of the criterion
   * @return the copy
   * @throws IllegalArgumentException if no criterion has that name
   */
  public MatchPolicy withoutCriterion(String criterionName) {
    List<CriterionSpec> copy = new ArrayList<>(criteria);
    checkArgument(
        copy.removeIf(c -> c.name().equals(criterionName)),
        "policy %s has no criterion %s",
        name,
        criterionName);
    return new MatchPolicy(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses, copy,
        fairness, proposalsPerMonth);
  }

  /**
   * Returns a copy with another name and version.
   *
   * @param name the name
   * @param version the version
   * @return the copy
   */
  public MatchPolicy withName(String name, String version) {
    return new MatchPolicy(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses, criteria,
        fairness, proposalsPerMonth);
  }

  /**
   * Returns a copy with another aggregation.
   *
   * @param aggregation the aggregation
   * @return the copy
   */
  public MatchPolicy withAggregation(Aggregation aggregation) {
    return new MatchPolicy(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses, criteria,
        fairness, proposalsPerMonth);
  }

  /**
   * Returns a copy with another minimum score.
   *
   * @param minimumScore the minimum score
   * @return the copy
   */
  public MatchPolicy withMinimumScore(double minimumScore) {
    return new MatchPolicy(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses, criteria,
        fairness, proposalsPerMonth);
  }

  /**
   * Returns a copy with another tie-break.
   *
   * @param tieBreak the tie-break
   * @param seed the seed of {@link TieBreak#SHUFFLED}
   * @return the copy
   */
  public MatchPolicy withTieBreak(TieBreak tieBreak, long seed) {
    return new MatchPolicy(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses, criteria,
        fairness, proposalsPerMonth);
  }

  /**
   * Returns a copy reporting another number of near misses.
   *
   * @param nearMisses the number
   * @return the copy
   */
  public MatchPolicy withNearMisses(int nearMisses) {
    return new MatchPolicy(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses, criteria,
        fairness, proposalsPerMonth);
  }

  /**
   * Returns a copy with another fairness target.
   *
   * @param target the target, or {@code null} for none
   * @return the new policy
   * @since 0.2
   */
  public MatchPolicy withFairness(@Nullable FairnessTarget target) {
    return new MatchPolicy(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses, criteria,
        target, proposalsPerMonth);
  }

  /**
   * Returns a copy with another contact cap.
   *
   * @param max the most proposals a volunteer gets in 30 days, in [0, 100], or {@code null} for
   *     none
   * @return the copy
   */
  public MatchPolicy withProposalsPerMonth(@Nullable Integer max) {
    return new MatchPolicy(
        name, version, description, aggregation, minimumScore, tieBreak, seed, nearMisses, criteria,
        fairness, max);
  }

  @Override
  public String toString() {
    return "MatchPolicy{name=" + name + ", version=" + version + ", criteria=" + criteria.size() + "}";
  }
}
