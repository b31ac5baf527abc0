package io.github.koppel.matching;

import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.matching.criteria.Evidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a pair passes one gate: a hard criterion, the minimum score of the policy ({@value
 * #MINIMUM_SCORE}) or the vacancy being open on the day of the match ({@value #OPEN}).
 *
 * <p>The evidence of a failed gate says why, and its remedies say what would change it. This class
 * is immutable.
 *
 * @param gate the name of the hard criterion, {@value #MINIMUM_SCORE}, {@value #OPEN}, or {@code
 *     private} for a gate hidden from the audience
 * @param passed whether the pair passes
 * @param evidence the evidence, the reason first
 * @param sensitiveCategories the sensitive facts the gate uses or reveals
 * @param redacted whether this entry stands for a hidden gate
 * @since 0.2
 */
public record GateResult(
    String gate,
    boolean passed,
    List<Evidence> evidence,
    Set<SensitiveCategory> sensitiveCategories,
    boolean redacted) {

  /** The gate of the policy's minimum score. */
  public static final String MINIMUM_SCORE = "minimumScore";

  /** The gate of a vacancy that is not open on the day of the match. */
  public static final String OPEN = "open";

  public GateResult {
    Objects.requireNonNull(gate, "gate");
    evidence = List.copyOf(evidence);
    sensitiveCategories =
        sensitiveCategories.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(sensitiveCategories));
  }

  /**
   * Returns what would change the outcome: the remedies of the evidence.
   *
   * @return the remedies, in the order of the evidence
   */
  public List<LocalizedText> remedies() {
    List<LocalizedText> remedies = new ArrayList<>();
    for (Evidence e : evidence) {
      if (e.remedy() != null) {
        remedies.add(e.remedy());
      }
    }
    return remedies;
  }

  /**
   * Returns a short diagnostic form: the gate and whether it passed, or only the gate's name for one
   * that uses sensitive facts.
   */
  @Override
  public String toString() {
    return sensitiveCategories.isEmpty() && !redacted
        ? "GateResult{" + gate + ", passed=" + passed + "}"
        : "GateResult{" + gate + ", withheld}";
  }
}
