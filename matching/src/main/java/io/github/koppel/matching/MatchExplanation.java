package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.github.koppel.core.legal.LegalNotice;
import io.github.koppel.core.legal.NoticeKind;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.matching.internal.Messages;
import io.github.koppel.matching.policy.Aggregation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Why a pair scores what it scores: each criterion's contribution in the policy's order, each
 * gate, and the legal notices of a proposed match.
 *
 * <p>The contributions, added in their listed order, give exactly {@code score().soft()}; after
 * redaction for a counsellor the merged private entry is the remainder, so the sum holds to within
 * 1e-12. An explanation straight from the engine is unredacted ({@code audience() == null}) and may
 * hold sensitive facts: show it only to the volunteer, or call {@link #redactedFor} first. {@link
 * ExplanationText} renders it for people; programs read the records, never the text.
 *
 * <p>What an organisation sees is not a redaction but its own computation, by {@link
 * MatchEngine#explain(String, String, Audience)} with {@link Audience#ORGANISATION}: the criteria
 * that use sensitive facts and their gates are left out altogether, and the score is the
 * <em>organisation score</em>, the policy's aggregation of the other criteria alone, so that no
 * number depends on a sensitive fact or a consent (see {@code docs/privacy.md}). Under a policy
 * with a fairness target an organisation gets no numbers at all ({@link #scoresWithheld()}): they
 * would show who was moved up for the target group.
 *
 * <p>This class is immutable.
 *
 * @param volunteerId the volunteer
 * @param vacancyId the vacancy
 * @param policy the policy's name
 * @param date the day of the match
 * @param score the score
 * @param aggregation how the contributions were combined
 * @param contributions the contributions, in the policy's order
 * @param gates the gates, in the policy's order, then the minimum score and the vacancy's validity
 * @param notices the legal notices, for proposed matches
 * @param audience the audience it was redacted for, or {@code null} if unredacted
 * @param counsellorMayView the sensitive categories the volunteer lets a counsellor see
 * @param scoresWithheld whether the numbers are withheld: then the soft score and every weight,
 *     criterion score and contribution are 0 and mean nothing; only an organisation's view under a
 *     policy with a fairness target is so
 * @since 0.2
 */
public record MatchExplanation(
    String volunteerId,
    String vacancyId,
    String policy,
    LocalDate date,
    MatchScore score,
    Aggregation aggregation,
    List<Contribution> contributions,
    List<GateResult> gates,
    List<LegalNotice> notices,
    @Nullable Audience audience,
    Set<SensitiveCategory> counsellorMayView,
    boolean scoresWithheld) {

  public MatchExplanation {
    Objects.requireNonNull(volunteerId, "volunteerId");
    Objects.requireNonNull(vacancyId, "vacancyId");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(aggregation, "aggregation");
    contributions = List.copyOf(contributions);
    gates = List.copyOf(gates);
    notices = List.copyOf(notices);
    counsellorMayView =
        counsellorMayView.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(counsellorMayView));
  }

  /**
   * Returns whether the pair passes every gate.
   *
   * @return whether the score is feasible
   */
  public boolean isFeasible() {
    return score.isFeasible();
  }

  /**
   * Returns the gates the pair fails.
   *
   * @return the failed gates, in order
   */
  public List<GateResult> failedGates() {
    return gates.stream().filter(g -> !g.passed()).toList();
  }

  /**
   * Returns the contribution of a criterion.
   *
   * @param criterion the criterion's name
   * @return the contribution, or {@code null}
   */
  public @Nullable Contribution contribution(String criterion) {
    for (Contribution c : contributions) {
      if (c.criterion().equals(criterion)) {
        return c;
      }
    }
    return null;
  }

  /**
   * Returns a copy with the legal notices of a proposed match.
   *
   * @param legalNotices the notices
   * @return the copy
   */
  MatchExplanation withNotices(List<LegalNotice> legalNotices) {
    return new MatchExplanation(
        volunteerId, vacancyId, policy, date, score, aggregation, contributions, gates,
        legalNotices, audience, counsellorMayView, scoresWithheld);
  }

  /**
   * Returns a copy with every number withheld: the soft score and each weight, criterion score
   * and contribution become 0, and {@link #scoresWithheld()} true. The hard level, the gates, the
   * evidence and the notices stay.
   */
  MatchExplanation withheld() {
    List<Contribution> blank = new ArrayList<>(contributions.size());
    for (Contribution c : contributions) {
      blank.add(
          new Contribution(
              c.criterion(), c.type(), c.hard(), c.outcome(), 0, 0, 0, c.evidence(),
              c.sensitiveCategories(), c.redacted()));
    }
    return new MatchExplanation(
        volunteerId, vacancyId, policy, date, MatchScore.of(score.hard(), 0), aggregation, blank,
        gates, notices, audience, counsellorMayView, true);
  }

  /**
   * Returns this explanation as a counsellor or the volunteer may see it: for a counsellor, every
   * criterion, gate and notice whose facts the volunteer did not let a counsellor see is hidden;
   * the volunteer sees everything. Hidden criteria are merged into one {@value
   * Contribution#PRIVATE} contribution, so the score still adds up (it is "not counted" when all of
   * them abstained); hidden gates are merged into one {@value Contribution#PRIVATE} gate that fails
   * if any of them fails, without the reason.
   *
   * <p>An organisation's view is computed, not redacted: an explanation already computed for an
   * organisation is returned as it is; an unredacted one cannot become one (the organisation
   * score leaves the sensitive criteria out of the weights, which a redaction cannot undo).
   *
   * @param reader the audience
   * @return the redacted explanation
   * @throws IllegalArgumentException if {@code reader} is {@link Audience#ORGANISATION} and this
   *     explanation was not computed for an organisation
   * @throws IllegalStateException if this explanation was already redacted for another audience
   */
  public MatchExplanation redactedFor(Audience reader) {
    Objects.requireNonNull(reader, "reader");
    if (audience != null) {
      checkState(audience == reader, "explanation already redacted for %s, not %s", audience, reader);
      return this;
    }
    checkArgument(
        reader != Audience.ORGANISATION,
        "an organisation's explanation is computed for it, not redacted: use"
            + " MatchEngine.explain(volunteerId, vacancyId, Audience.ORGANISATION)");
    List<Contribution> visible = new ArrayList<>();
    double visibleSum = 0;
    double hiddenWeight = 0;
    boolean hidden = false;
    Set<SensitiveCategory> hiddenCategories = EnumSet.noneOf(SensitiveCategory.class);
    for (Contribution c : contributions) {
      if (hides(reader, c.sensitiveCategories())) {
        hidden = true;
        hiddenWeight += c.weight();
        hiddenCategories.addAll(c.sensitiveCategories());
      } else {
        visible.add(c);
        visibleSum += c.contribution();
      }
    }
    if (hidden) {
      double rest = Math.max(0, score.soft() - visibleSum);
      visible.add(
          new Contribution(
              Contribution.PRIVATE,
              Contribution.PRIVATE,
              false,
              // Hidden criteria that all abstained count for nothing: say "not counted", not +0.00.
              hiddenWeight == 0 ? Evaluation.Outcome.ABSTAINED : Evaluation.Outcome.SCORED,
              Math.min(1, hiddenWeight),
              0,
              rest,
              List.of(Evidence.of("engine.private", Messages.text("engine.private"))),
              hiddenCategories,
              true));
    }
    List<GateResult> shownGates = new ArrayList<>();
    boolean hiddenGate = false;
    boolean hiddenPassed = true;
    Set<SensitiveCategory> hiddenGateCategories = EnumSet.noneOf(SensitiveCategory.class);
    for (GateResult g : gates) {
      if (hides(reader, g.sensitiveCategories())) {
        hiddenGate = true;
        hiddenPassed &= g.passed();
        hiddenGateCategories.addAll(g.sensitiveCategories());
      } else {
        shownGates.add(g);
      }
    }
    if (hiddenGate) {
      String code = hiddenPassed ? "engine.privateGatePassed" : "engine.privateGate";
      shownGates.add(
          new GateResult(
              Contribution.PRIVATE,
              hiddenPassed,
              List.of(Evidence.of(code, Messages.text(code))),
              hiddenGateCategories,
              true));
    }
    List<LegalNotice> shownNotices = new ArrayList<>();
    for (LegalNotice n : notices) {
      SensitiveCategory c = n.sensitiveCategory();
      if (c == null || !hides(reader, Set.of(c))) {
        shownNotices.add(n);
      }
    }
    return new MatchExplanation(
        volunteerId, vacancyId, policy, date, score, aggregation, visible, shownGates,
        shownNotices, reader, counsellorMayView, scoresWithheld);
  }

  /**
   * Returns what an organisation may see of this explanation, computed by an engine's
   * organisation view (whose sensitive criteria weigh 0): the contributions and gates of criteria
   * that use sensitive facts are dropped (their contributions are 0, so the sum still holds), the
   * hard level counts the visible gates only, notices that reveal a sensitive fact or a consent
   * are dropped, and nothing of the consents is kept.
   */
  MatchExplanation forOrganisation(boolean[] sensitiveCriteria, Set<String> privateGates) {
    checkState(audience == null, "explanation already redacted for %s", audience);
    List<Contribution> shown = new ArrayList<>();
    for (int i = 0; i < contributions.size(); i++) {
      if (!sensitiveCriteria[i]) {
        shown.add(contributions.get(i));
      }
    }
    List<GateResult> shownGates = new ArrayList<>();
    int failed = 0;
    for (GateResult g : gates) {
      if (!privateGates.contains(g.gate())) {
        shownGates.add(g);
        failed += g.passed() ? 0 : 1;
      }
    }
    List<LegalNotice> shownNotices = new ArrayList<>();
    for (LegalNotice n : notices) {
      // The general benefit reminder holds no fact, but it is given exactly to the volunteers who
      // did not consent to the use of their benefit status: an organisation would learn that.
      if (n.sensitiveCategory() == null && n.kind() != NoticeKind.BENEFIT_GENERAL) {
        shownNotices.add(n);
      }
    }
    return new MatchExplanation(
        volunteerId, vacancyId, policy, date, MatchScore.of(-failed, score.soft()), aggregation,
        shown, shownGates, shownNotices, Audience.ORGANISATION, Set.of(), false);
  }

  private boolean hides(Audience reader, Set<SensitiveCategory> categories) {
    return switch (reader) {
      case VOLUNTEER -> false;
      case COUNSELLOR -> !counsellorMayView.containsAll(categories);
      case ORGANISATION -> true;
    };
  }

  @Override
  public String toString() {
    return "MatchExplanation{volunteer=" + volunteerId + ", vacancy=" + vacancyId + ", score=" + score + "}";
  }
}
