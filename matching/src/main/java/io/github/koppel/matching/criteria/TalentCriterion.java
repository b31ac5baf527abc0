package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Talents against the vacancy's required and desired talents, taxonomy-aware: a narrower talent
 * earns {@code narrowerCredit} per step, a broader one {@code broaderCredit} per step; a talent
 * the volunteer wants to learn earns {@code learnCredit} when the vacancy offers training; a level
 * below the required one loses {@code levelPenalty} per step. Each requirement takes its best
 * talent; required ones weigh {@code requiredWeight}.
 */
final class TalentCriterion implements Criterion, Compilable {
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
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.TALENTS);
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
        ConceptRelation relation = ConceptRelation.of(scheme, t.conceptId(), r.conceptId());
        if (relation == null) {
          continue;
        }
        int steps = relation.steps();
        double credit = relation.credit(narrowerCredit, broaderCredit);
        String code = "talents." + relation.kind();
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

  @Override
  public CompiledCriterion compile(
      Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    if (vacancy.talents().isEmpty()) {
      return i -> 1;
    }
    ConceptScheme scheme = context.vocabularies().talents();
    List<TalentRequirement> requirements = vacancy.talents();
    int r = requirements.size();
    double[][] table = new double[r][scheme.size() * 8];
    double[] weight = new double[r];
    boolean[] required = new boolean[r];
    for (int k = 0; k < r; k++) {
      TalentRequirement req = requirements.get(k);
      weight[k] = req.required() ? requiredWeight : 1;
      required[k] = req.required();
      Arrays.fill(table[k], -1);
      for (int c = 0; c < scheme.size(); c++) {
        ConceptRelation related =
            ConceptRelation.of(scheme, scheme.concepts().get(c).id(), req.conceptId());
        if (related == null) {
          continue;
        }
        double relation = related.credit(narrowerCredit, broaderCredit);
        for (int level = 0; level <= 3; level++) {
          for (int learn = 0; learn < 2; learn++) {
            double credit = relation;
            if (learn == 1) {
              credit *= vacancy.offersTraining() ? learnCredit : learnWithoutTrainingCredit;
            } else if (req.minimumLevel() != null && level > 0) {
              int gap = Math.max(0, req.minimumLevel().ordinal() - (level - 1));
              if (gap > 0) {
                credit *= Math.max(0, 1 - levelPenalty * gap);
              }
            }
            table[k][c * 8 + level * 2 + learn] = credit;
          }
        }
      }
    }
    CompiledCriterion single = i -> {
      double sum = 0;
      double weights = 0;
      int from = index.talentStart(i);
      int to = index.talentEnd(i);
      for (int k = 0; k < r; k++) {
        double best = 0;
        double[] credits = table[k];
        for (int t = from; t < to; t++) {
          double credit = credits[index.talentCode(t)];
          if (credit > best) {
            best = credit;
          }
        }
        if (best == 0 && required[k] && vetoMissingRequired) {
          return CompiledCriterion.VETO;
        }
        sum += weight[k] * best;
        weights += weight[k];
      }
      return weights == 0 ? 1 : Math.min(1, sum / weights);
    };
    return new CompiledCriterion() {
      @Override
      public double evaluate(int i) {
        return single.evaluate(i);
      }

      @Override
      public void evaluate(int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
          out[i - from] = single.evaluate(i);
        }
      }
    };
  }
}
