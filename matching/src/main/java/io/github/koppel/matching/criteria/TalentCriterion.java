package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Talents against the vacancy's required and desired talents, taxonomy-aware: a narrower talent
 * earns {@code narrowerCredit} per step, a broader one {@code broaderCredit} per step; a talent
 * the volunteer wants to learn earns {@code learnCredit} when the vacancy offers training; a level
 * below the required one loses {@code levelPenalty} per step. Each requirement takes its best
 * talent; required ones weigh {@code requiredWeight}.
 */
final class TalentCriterion implements Criterion {
  private final double narrowerCredit;
  private final double broaderCredit;
  private final double learnCredit;
  private final double learnWithoutTrainingCredit;
  private final double levelPenalty;
  private final double requiredWeight;
  private final boolean vetoMissingRequired;

  TalentCriterion(Parameters p) {
    narrowerCredit = p.number("narrowerCredit", 0.9, 0, 1);
    broaderCredit = p.number("broaderCredit", 0.5, 0, 1);
    learnCredit = p.number("learnCredit", 0.6, 0, 1);
    learnWithoutTrainingCredit = p.number("learnWithoutTrainingCredit", 0, 0, 1);
    levelPenalty = p.number("levelPenalty", 0.25, 0, 1);
    requiredWeight = p.number("requiredWeight", 2, 0, 100);
    vetoMissingRequired = p.flag("vetoMissingRequired", false);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    if (vacancy.talents().isEmpty()) {
      return Evaluation.score(1, EvidenceBuilder.simple("talents.none"));
    }
    ConceptScheme scheme = context.vocabularies().talents();
    List<Evidence> evidence = new ArrayList<>();
    List<Evidence> vetoes = new ArrayList<>();
    double sum = 0;
    double weights = 0;
    for (TalentRequirement r : vacancy.talents()) {
      double best = 0;
      @Nullable Evidence bestEvidence = null;
      @Nullable Talent wish = null;
      for (Talent t : volunteer.talents()) {
        String relation = "exact";
        int steps = 0;
        double credit;
        if (t.conceptId().equals(r.conceptId())) {
          credit = 1;
        } else if (scheme.contains(t.conceptId()) && scheme.contains(r.conceptId())) {
          Integer up = scheme.ancestors(t.conceptId()).get(r.conceptId());
          Integer down = scheme.ancestors(r.conceptId()).get(t.conceptId());
          if (up != null) {
            relation = "narrower";
            steps = up;
            credit = Math.pow(narrowerCredit, up);
          } else if (down != null) {
            relation = "broader";
            steps = down;
            credit = Math.pow(broaderCredit, down);
          } else {
            continue;
          }
        } else {
          continue;
        }
        String code = "talents." + relation;
        if (t.wantsToLearn()) {
          wish = t;
          credit *= vacancy.offersTraining() ? learnCredit : learnWithoutTrainingCredit;
          code = "talents.learn";
        } else if (r.minimumLevel() != null && t.level() != null) {
          int gap = Math.max(0, r.minimumLevel().ordinal() - t.level().ordinal());
          if (gap > 0) {
            credit *= Math.max(0, 1 - levelPenalty * gap);
            code = "talents.level";
          }
        }
        if (credit > best) {
          best = credit;
          EvidenceBuilder b =
              EvidenceBuilder.of(code)
                  .concept("talent", scheme, r.conceptId())
                  .concept("has", scheme, t.conceptId())
                  .fact("steps", steps)
                  .number("credit", credit);
          if (t.level() != null) {
            b.fact("level", t.level());
          }
          if (r.minimumLevel() != null) {
            b.fact("required", r.minimumLevel());
          }
          bestEvidence = b.build();
        }
      }
      double weight = r.required() ? requiredWeight : 1;
      sum += weight * best;
      weights += weight;
      if (bestEvidence == null) {
        String code =
            wish != null ? "talents.learnWithoutTraining" : r.required() ? "talents.missing" : "talents.missingDesired";
        bestEvidence = EvidenceBuilder.of(code).concept("talent", scheme, r.conceptId()).build();
        if (r.required() && vetoMissingRequired) {
          vetoes.add(bestEvidence);
          continue;
        }
      }
      evidence.add(bestEvidence);
    }
    if (!vetoes.isEmpty()) {
      vetoes.addAll(evidence);
      return Evaluation.veto(vetoes);
    }
    return Evaluation.score(weights == 0 ? 1 : Math.min(1, sum / weights), evidence);
  }
}
