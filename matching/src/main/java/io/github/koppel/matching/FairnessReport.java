package io.github.koppel.matching;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a ranking of volunteers met its policy's {@link FairnessTarget}. The counts tell how many
 * volunteers of the target group the top matches held by merit and after re-ranking; they are
 * about people's target groups, so a ranking redacted for an organisation leaves them out.
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
 * @since 0.2
 */
public record FairnessReport(
    FairnessTarget target,
    double adjustedAlpha,
    int required,
    @Nullable Integer protectedByMerit,
    @Nullable Integer protectedAfter,
    @Nullable Boolean fairByMerit) {
  public FairnessReport {
    Objects.requireNonNull(target, "target");
  }

  /** Returns this report without the counts of people, for an organisation. */
  FairnessReport redacted() {
    return new FairnessReport(target, adjustedAlpha, required, null, null, null);
  }
}
