package io.github.koppel.matching.criteria;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Criterion} says about one pair: a score in [0, 1], a veto or an abstention, with
 * the evidence behind it.
 *
 * <p>A veto has score 0 and at least one piece of evidence, the first being the reason. An
 * abstention means the criterion has nothing to say about this pair (the volunteer did not consent
 * to the use of a fact, or did not give it); the engine leaves it out of the score and never lets
 * it block a pair. This class is immutable.
 *
 * @param outcome scored, vetoed or abstained
 * @param score the score in [0, 1]; 0 for a veto or an abstention
 * @param evidence the evidence, the reason first
 * @since 0.2
 */
public record Evaluation(Outcome outcome, double score, List<Evidence> evidence) {

  /** The kind of an evaluation. */
  public enum Outcome {
    /** The criterion gave a score. */
    SCORED,
    /** The criterion rules the pair out. */
    VETOED,
    /** The criterion has nothing to say about the pair. */
    ABSTAINED
  }

  public Evaluation {
    Objects.requireNonNull(outcome, "outcome");
    evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
    if (outcome == Outcome.SCORED) {
      checkArgument(
          Double.isFinite(score) && score >= 0 && score <= 1,
          "criterion score must be in [0, 1]: %s",
          score);
    } else {
      checkArgument(score == 0, "the score of a %s evaluation must be 0: %s", outcome, score);
      checkArgument(!evidence.isEmpty(), "a %s evaluation must give its reason as evidence", outcome);
    }
  }

  /**
   * Returns a score.
   *
   * @param score the score in [0, 1]
   * @param evidence the evidence
   * @return the evaluation
   * @throws IllegalArgumentException if the score is not in [0, 1]
   */
  public static Evaluation score(double score, Evidence... evidence) {
    return new Evaluation(Outcome.SCORED, score, List.of(evidence));
  }

  /**
   * Returns a score.
   *
   * @param score the score in [0, 1]
   * @param evidence the evidence
   * @return the evaluation
   * @throws IllegalArgumentException if the score is not in [0, 1]
   */
  public static Evaluation score(double score, List<Evidence> evidence) {
    return new Evaluation(Outcome.SCORED, score, evidence);
  }

  /**
   * Returns a veto.
   *
   * @param reason the reason
   * @param more further evidence
   * @return the evaluation
   */
  public static Evaluation veto(Evidence reason, Evidence... more) {
    List<Evidence> all = new ArrayList<>();
    all.add(Objects.requireNonNull(reason, "reason"));
    all.addAll(List.of(more));
    return new Evaluation(Outcome.VETOED, 0, all);
  }

  /**
   * Returns a veto.
   *
   * @param evidence the evidence, the reason first
   * @return the evaluation
   * @throws IllegalArgumentException if {@code evidence} is empty
   */
  public static Evaluation veto(List<Evidence> evidence) {
    return new Evaluation(Outcome.VETOED, 0, evidence);
  }

  /**
   * Returns an abstention.
   *
   * @param reason why the criterion abstains
   * @return the evaluation
   */
  public static Evaluation abstain(Evidence reason) {
    return new Evaluation(Outcome.ABSTAINED, 0, List.of(reason));
  }

  /**
   * Returns whether this is a veto.
   *
   * @return whether the outcome is {@link Outcome#VETOED}
   */
  public boolean isVeto() {
    return outcome == Outcome.VETOED;
  }

  /**
   * Returns whether this is an abstention.
   *
   * @return whether the outcome is {@link Outcome#ABSTAINED}
   */
  public boolean isAbstention() {
    return outcome == Outcome.ABSTAINED;
  }

  @Override
  public String toString() {
    return outcome == Outcome.SCORED ? "Evaluation{" + score + "}" : "Evaluation{" + outcome + "}";
  }
}
