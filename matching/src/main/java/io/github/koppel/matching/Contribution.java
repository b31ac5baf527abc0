package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one criterion added to the score of a pair.
 *
 * <p>{@code weight} is the criterion's share of the weights that took part (0 when it abstained
 * or has weight 0). With a weighted mean, {@code contribution = weight × score}; with a weighted
 * geometric mean, the aggregated score is shared out in proportion to {@code weight × score}. In
 * either case the contributions of an explanation, added in their listed order, give exactly its
 * score.
 *
 * <p>This class is immutable.
 *
 * @param criterion the criterion's name in the policy, or {@code private} for the merged private
 *     factors of a redacted explanation
 * @param type the criterion type
 * @param hard whether the criterion is a gate
 * @param outcome scored, vetoed or abstained
 * @param weight the normalised weight share, in [0, 1]
 * @param score the criterion's score, in [0, 1]
 * @param contribution what it adds to the pair's score, in [0, 1]
 * @param evidence the evidence
 * @param sensitiveCategories the sensitive facts the criterion uses or its evidence reveals
 * @param redacted whether this entry stands for hidden criteria
 * @since 0.2
 */
public record Contribution(
    String criterion,
    String type,
    boolean hard,
    Evaluation.Outcome outcome,
    double weight,
    double score,
    double contribution,
    List<Evidence> evidence,
    Set<SensitiveCategory> sensitiveCategories,
    boolean redacted) {

  /** The name of the entry that merges the criteria hidden from an audience. */
  public static final String PRIVATE = "private";

  public Contribution {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
    checkArgument(Double.isFinite(weight) && weight >= 0 && weight <= 1 + 1e-9, "weight must be in [0, 1]: %s", weight);
    checkArgument(Double.isFinite(score) && score >= 0 && score <= 1, "score must be in [0, 1]: %s", score);
    checkArgument(
        Double.isFinite(contribution) && contribution >= -1e-12 && contribution <= 1 + 1e-9,
        "contribution must be in [0, 1]: %s",
        contribution);
    evidence = List.copyOf(evidence);
    sensitiveCategories =
        sensitiveCategories.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(sensitiveCategories));
  }

  /**
   * Returns a short diagnostic form: the criterion, its outcome and contribution, or only the
   * criterion's name for one that uses sensitive facts (its outcome tells a consent, its score a
   * fact).
   */
  @Override
  public String toString() {
    return sensitiveCategories.isEmpty() && !redacted
        ? "Contribution{" + criterion + ", " + outcome + ", " + contribution + "}"
        : "Contribution{" + criterion + ", withheld}";
  }
}
