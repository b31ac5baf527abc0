package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
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
final class TalentCriterion implements Criterion, Compilable, VacancyCompilable {
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
        int level = t.level() == null ? -1 : t.level().ordinal();
        double credit = credit(relation, r, level, t.wantsToLearn(), vacancy.offersTraining());
        String code = "talents." + relation.kind();
        if (t.wantsToLearn()) {
          wish = t;
          code = "talents.learn";
        } else if (levelGap(r, level) > 0) {
          code = "talents.level";
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
      sum += weight(r) * best;
      weights += weight(r);
      if (bestEvidence == null) {
        String code =
            wish != null ? "talents.learnWithoutTraining" : r.required() ? "talents.missing" : "talents.missingDesired";
        bestEvidence = EvidenceBuilder.of(code).concept("talent", scheme, r.conceptId()).build();
        if (vetoes(r)) {
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
    return Evaluation.score(mean(sum, weights), evidence);
  }

  /**
   * The credit of a volunteer's talent for a requirement, given how the two concepts relate: the
   * relation's credit, times the credit of learning (with or without training) for a wish to
   * learn, or lowered by the level penalty per level short of the required one. The rule of both
   * paths: the object form calls it per talent, the kernel fills its table with it.
   *
   * @param level the ordinal of the volunteer's level, or -1 if not given
   */
  private double credit(
      ConceptRelation relation, TalentRequirement r, int level, boolean learn, boolean offersTraining) {
    double credit = relation.credit(narrowerCredit, broaderCredit);
    if (learn) {
      return credit * (offersTraining ? learnCredit : learnWithoutTrainingCredit);
    }
    int gap = levelGap(r, level);
    return gap > 0 ? credit * Math.max(0, 1 - levelPenalty * gap) : credit;
  }

  /** The levels by which a level (an ordinal, -1 if not given) falls short of a requirement's. */
  private static int levelGap(TalentRequirement r, int level) {
    return r.minimumLevel() == null || level < 0 ? 0 : Math.max(0, r.minimumLevel().ordinal() - level);
  }

  /** The weight of a requirement in the mean. */
  private double weight(TalentRequirement r) {
    return r.required() ? requiredWeight : 1;
  }

  /** Whether a requirement that no talent meets vetoes. */
  private boolean vetoes(TalentRequirement r) {
    return r.required() && vetoMissingRequired;
  }

  /** The score of a weighted sum of credits: their mean, 1 without requirements. */
  private static double mean(double sum, double weights) {
    return weights == 0 ? 1 : Math.min(1, sum / weights);
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    return new Kernel(vacancy, context, index);
  }

  /**
   * The compiled form: per requirement, a table of the credit of every talent code of the index
   * ({@code concept * 8 + level code * 2 + learn}), filled by {@link #credit}; a candidate costs a
   * lookup per requirement and talent.
   */
  private final class Kernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final double[][] table;
    private final double[] weight;
    private final boolean[] vetoes;
    /** By talent code, whether any requirement credits it above 0: a volunteer without one scores {@link #none}. */
    private final boolean[] credited;
    /** The result of a volunteer none of whose talents any requirement credits. */
    private final double none;

    Kernel(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
      this.index = index;
      ConceptScheme scheme = context.vocabularies().talents();
      List<TalentRequirement> requirements = vacancy.talents();
      int r = requirements.size();
      table = new double[r][scheme.size() * 8];
      weight = new double[r];
      vetoes = new boolean[r];
      for (int k = 0; k < r; k++) {
        TalentRequirement req = requirements.get(k);
        weight[k] = weight(req);
        vetoes[k] = vetoes(req);
        Arrays.fill(table[k], -1);
        for (int c = 0; c < scheme.size(); c++) {
          ConceptRelation related = ConceptRelation.of(scheme, scheme.concepts().get(c).id(), req.conceptId());
          if (related == null) {
            continue;
          }
          for (int level = 0; level <= 3; level++) {
            for (int learn = 0; learn < 2; learn++) {
              table[k][c * 8 + level * 2 + learn] =
                  credit(related, req, level - 1, learn == 1, vacancy.offersTraining());
            }
          }
        }
      }
      credited = new boolean[scheme.size() * 8];
      double weights = 0;
      boolean veto = false;
      for (int k = 0; k < r; k++) {
        for (int code = 0; code < credited.length; code++) {
          credited[code] |= table[k][code] > 0;
        }
        veto |= vetoes[k];
        weights += weight[k];
      }
      // What evaluate computes when every best credit stays 0, with the same operations.
      none = veto ? VETO : mean(0, weights);
    }

    @Override
    public double evaluate(int i) {
      double sum = 0;
      double weights = 0;
      int from = index.talentStart(i);
      int to = index.talentEnd(i);
      boolean any = false;
      for (int t = from; t < to; t++) {
        any |= credited[index.talentCode(t)];
      }
      if (!any) {
        return none;
      }
      for (int k = 0; k < table.length; k++) {
        double best = 0;
        double[] credits = table[k];
        for (int t = from; t < to; t++) {
          double credit = credits[index.talentCode(t)];
          if (credit > best) {
            best = credit;
          }
        }
        if (best == 0 && vetoes[k]) {
          return VETO;
        }
        sum += weight[k] * best;
        weights += weight[k];
      }
      return mean(sum, weights);
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int i = from; i < to; i++) {
        out[i - from] = evaluate(i);
      }
    }
  }

  @Override
  public CompiledCriterion compileFor(Volunteer volunteer, CompileContext context, VacancyIndex index) {
    return new VacancyKernel(volunteer, context, index);
  }

  /**
   * Each vacancy's requirements, in the vacancy's order, as {@code key * 2 + required}, where the
   * key {@code concept * 10 + (minimum level + 1) * 2} (level -1 when none) indexes {@link
   * VacancyKernel#best} with the vacancy's training added; -1 for a concept outside the talents
   * scheme, whose credit is computed from the requirement itself.
   */
  private static final Object REQUIREMENTS = "talents.requirements";

  /** Whether each vacancy trains, by position. */
  private static final Object TRAINS = "talents.trains";

  /**
   * The kernel of a volunteer's own search: the best credit of the volunteer's talents for a
   * concept, at a minimum level, with or without training, computed by {@link #credit} on first
   * use and kept for the query. The vacancies' requirements are read from primitive columns; a
   * requirement object only where a credit is first computed.
   */
  private final class VacancyKernel implements CompiledCriterion {
    private final VacancyIndex index;
    private final ConceptScheme scheme;
    private final List<Talent> talents;
    private final int[][] requirements;
    private final boolean[] trains;
    /** By concept * 10 + (minimum level + 1) * 2 + training: the best credit, NaN until computed. */
    private final double[] best;

    VacancyKernel(Volunteer volunteer, CompileContext context, VacancyIndex index) {
      this.index = index;
      this.scheme = context.vocabularies().talents();
      this.talents = volunteer.talents();
      this.requirements = index.column(REQUIREMENTS, ix -> {
        int[][] c = new int[ix.size()][];
        for (int j = 0; j < c.length; j++) {
          List<TalentRequirement> rs = ix.vacancy(j).talents();
          c[j] = new int[rs.size()];
          for (int k = 0; k < rs.size(); k++) {
            TalentRequirement r = rs.get(k);
            int concept = scheme.indexOf(r.conceptId());
            int level = r.minimumLevel() == null ? -1 : r.minimumLevel().ordinal();
            c[j][k] = concept < 0 ? -1 : (concept * 10 + (level + 1) * 2) * 2 + (r.required() ? 1 : 0);
          }
        }
        return c;
      });
      this.trains = index.column(TRAINS, ix -> {
        boolean[] t = new boolean[ix.size()];
        for (int j = 0; j < t.length; j++) {
          t[j] = ix.vacancy(j).offersTraining();
        }
        return t;
      });
      this.best = new double[Math.max(1, scheme.size()) * 10];
      Arrays.fill(best, Double.NaN);
    }

    private double bestCredit(TalentRequirement r, boolean training) {
      double b = 0;
      for (Talent talent : talents) {
        ConceptRelation relation = ConceptRelation.of(scheme, talent.conceptId(), r.conceptId());
        if (relation == null) {
          continue;
        }
        int level = talent.level() == null ? -1 : talent.level().ordinal();
        double credit = credit(relation, r, level, talent.wantsToLearn(), training);
        if (credit > b) {
          b = credit;
        }
      }
      return b;
    }

    @Override
    public double evaluate(int j) {
      int[] c = requirements[j];
      if (c.length == 0) {
        return mean(0, 0);
      }
      boolean training = trains[j];
      double sum = 0;
      double weights = 0;
      for (int k = 0; k < c.length; k++) {
        int code = c[k];
        boolean required;
        double b;
        if (code < 0) {
          TalentRequirement r = index.vacancy(j).talents().get(k);
          required = r.required();
          b = bestCredit(r, training);
        } else {
          required = (code & 1) != 0;
          int key = (code >> 1) + (training ? 1 : 0);
          b = best[key];
          if (Double.isNaN(b)) {
            b = bestCredit(index.vacancy(j).talents().get(k), training);
            best[key] = b;
          }
        }
        // weight(r) and vetoes(r), from the column.
        double weight = required ? requiredWeight : 1;
        if (b == 0 && required && vetoMissingRequired) {
          return VETO;
        }
        sum += weight * b;
        weights += weight;
      }
      return mean(sum, weights);
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }
}
