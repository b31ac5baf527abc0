package io.github.koppel.matching;

import io.github.koppel.matching.policy.FairnessTarget;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a ranking of volunteers met its policy's {@link FairnessTarget}. The counts tell how many
 * volunteers of the target group the top matches held by merit and after re-ranking, and {@code
 * promoted} who was placed above a higher-scoring volunteer outside the group, which is why the
 * order is as it is. They are about people's target groups: a ranking for an organisation has none
 * of them, and a counsellor sees a promoted volunteer only with their consent to let a counsellor
 * see their target group.
 *
 * <p>This class is immutable.
 *
 * @param target the policy's target
 * @param adjustedAlpha the significance each prefix was tested at
 * @param required the fewest volunteers of the group the whole list needed
 * @param protectedByMerit the group's volunteers in the top matches by score alone, or {@code
 *     null} when redacted
 * @param protectedAfter the group's volunteers in the re-ranked top matches, or {@code null} when
 *     redacted
 * @param fairByMerit whether the top matches by score alone already passed the test, or {@code
 *     null} when redacted
 * @param promoted the ids of the volunteers placed above a higher-scoring volunteer outside the
 *     group, in rank order; empty when redacted
 * @since 0.2
 */
public record FairnessReport(
    FairnessTarget target,
    double adjustedAlpha,
    int required,
    @Nullable Integer protectedByMerit,
    @Nullable Integer protectedAfter,
    @Nullable Boolean fairByMerit,
    List<String> promoted) {
  public FairnessReport {
    Objects.requireNonNull(target, "target");
    promoted = List.copyOf(promoted);
  }

  /** Returns this report without the counts of people and without the promoted, for an organisation. */
  FairnessReport redacted() {
    return new FairnessReport(target, adjustedAlpha, required, null, null, null, List.of());
  }

  /** Returns this report with only the promoted volunteers among the given ones. */
  FairnessReport onlyPromoted(Set<String> shown) {
    return new FairnessReport(
        target, adjustedAlpha, required, protectedByMerit, protectedAfter, fairByMerit,
        promoted.stream().filter(shown::contains).toList());
  }
}
