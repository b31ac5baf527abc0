package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkState;

import io.github.koppel.core.legal.LegalNotice;
import io.github.koppel.core.legal.NoticeKind;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.matching.criteria.Evaluation;
import io.github.koppel.matching.criteria.Evidence;
import io.github.koppel.matching.internal.Messages;
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
 * redaction the merged private entry is the remainder, so the sum holds to within 1e-12. An
 * explanation straight from the engine is unredacted ({@code audience() == null}) and may hold
 * sensitive facts: show it only to the volunteer, or call {@link #redactedFor} first. {@link
 * ExplanationText} renders it for people; programs read the records, never the text.
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
    Set<SensitiveCategory> counsellorMayView) {

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
        legalNotices, audience, counsellorMayView);
  }

  /**
   * Returns this explanation as an audience may see it. For an organisation, every criterion,
   * gate and notice that uses or reveals a sensitive fact is hidden; for a counsellor, those whose
   * facts the volunteer did not let a counsellor see; the volunteer sees everything. Hidden
   * criteria are merged into one {@value Contribution#PRIVATE} contribution, so the score still
   * adds up; hidden gates are merged into one {@value Contribution#PRIVATE} gate that fails if any of them fails, without the reason.
   * For an organisation the merged entries name no category, and the consents for the counsellor
   * view are left out.
   *
   * @param reader the audience
   * @return the redacted explanation
   * @throws IllegalStateException if this explanation was already redacted for another audience
   */
  public MatchExplanation redactedFor(Audience reader) {
    Objects.requireNonNull(reader, "reader");
    if (audience != null) {
      checkState(audience == reader, "explanation already redacted for %s, not %s", audience, reader);
      return this;
    }
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
              reader == Audience.ORGANISATION ? Set.of() : hiddenCategories,
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
              reader == Audience.ORGANISATION ? Set.of() : hiddenGateCategories,
              true));
    }
    List<LegalNotice> shownNotices = new ArrayList<>();
    for (LegalNotice n : notices) {
      SensitiveCategory c = n.sensitiveCategory();
      // The general benefit reminder holds no fact, but it is given exactly to the volunteers who
      // did not consent to the use of their benefit status: an organisation would learn that.
      if (reader == Audience.ORGANISATION && n.kind() == NoticeKind.BENEFIT_GENERAL) {
        continue;
      }
      if (c == null || !hides(reader, Set.of(c))) {
        shownNotices.add(n);
      }
    }
    // An organisation learns nothing of the volunteer's consents: which categories a counsellor
    // may see, or which ones the hidden entries hold, would hint at the facts themselves.
    return new MatchExplanation(
        volunteerId, vacancyId, policy, date, score, aggregation, visible, shownGates,
        shownNotices, reader, reader == Audience.ORGANISATION ? Set.of() : counsellorMayView);
  }

  private boolean hides(Audience reader, Set<SensitiveCategory> categories) {
    return switch (reader) {
      case VOLUNTEER -> false;
      case COUNSELLOR -> !counsellorMayView.containsAll(categories);
      case ORGANISATION -> !categories.isEmpty();
    };
  }

  @Override
  public String toString() {
    return "MatchExplanation{volunteer=" + volunteerId + ", vacancy=" + vacancyId + ", score=" + score + "}";
  }
}
