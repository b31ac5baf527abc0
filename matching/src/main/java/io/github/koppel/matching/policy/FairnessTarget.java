package io.github.koppel.matching.policy;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.matching.fairness.FairTopK;
import java.util.Objects;

/**
 * A policy's fairness target for rankings of volunteers: every prefix of a top-k holds at least
 * the share of volunteers of a target group that FA*IR's test with minimum proportion p and
 * significance α demands (see {@link io.github.koppel.matching.fairness.FairTopK}; the
 * significance is corrected for testing every prefix, by the target's {@link FairTopK.Rule}). It is applied after scoring, to the
 * feasible matches only: nobody who fails a gate is promoted.
 *
 * <p>A volunteer belongs to the group when they declared it, or a narrower concept, as a target
 * group <em>and</em> consented to its use for matching; without that consent the fact is not used
 * and the volunteer counts as outside the group.
 *
 * @param targetGroup the id of a target-group concept of the engine's vocabularies
 * @param proportion the minimum proportion p, in (0, 1)
 * @param alpha the significance α, in (0, 1)
 * @param rule which corrected table the test uses: {@link FairTopK.Rule#AT_MOST_ALPHA} (the
 *     default: the whole test's type I error is at most α) or {@link FairTopK.Rule#NEAREST_ALPHA}
 *     (as the paper's reference implementation: nearest α, possibly above it)
 * @since 0.2
 */
public record FairnessTarget(String targetGroup, double proportion, double alpha, FairTopK.Rule rule) {
  public FairnessTarget {
    Objects.requireNonNull(rule, "fairness.rule");
    Objects.requireNonNull(targetGroup, "targetGroup");
    checkArgument(!targetGroup.isBlank(), "fairness.targetGroup must not be blank");
    checkArgument(
        proportion > 0 && proportion < 1,
        "fairness.proportion must be in (0, 1): %s",
        proportion);
    checkArgument(alpha > 0 && alpha < 1, "fairness.alpha must be in (0, 1): %s", alpha);
  }

  /**
   * Returns a target with the default rule, {@link FairTopK.Rule#AT_MOST_ALPHA}.
   *
   * @param targetGroup the id of a target-group concept of the engine's vocabularies
   * @param proportion the minimum proportion p, in (0, 1)
   * @param alpha the significance α, in (0, 1)
   */
  public FairnessTarget(String targetGroup, double proportion, double alpha) {
    this(targetGroup, proportion, alpha, FairTopK.Rule.AT_MOST_ALPHA);
  }
}
