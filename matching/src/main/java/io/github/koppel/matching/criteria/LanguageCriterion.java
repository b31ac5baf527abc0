package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.LanguageRequirement;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Language levels against the vacancy's requirements, per required language: a CEFR gap lowers
 * the score by {@code gapPenalty} per level; a gap in a mandatory language vetoes. A volunteer who
 * wants to practise a language the vacancy offers practice in has {@code practiseTolerance} levels
 * of the gap forgiven.
 */
final class LanguageCriterion implements Criterion, Compilable, VacancyCompilable {
  private final double gapPenalty;
  private final int practiseTolerance;
  private final boolean vetoMandatoryGap;
  private final double mandatoryWeight;

  LanguageCriterion(Parameters p) {
    gapPenalty = p.number("gapPenalty", 0.34, 0, 1);
    practiseTolerance = (int) p.number("practiseTolerance", 2, 0, 5);
    vetoMandatoryGap = p.flag("vetoMandatoryGap", true);
    mandatoryWeight = p.number("mandatoryWeight", 2, 0, 100);
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.LANGUAGES);
  }

  /**
   * What one requirement makes of a volunteer's level: the gap in CEFR levels, the gap left after
   * the practise tolerance, the term's score and whether it vetoes. The rule of both paths: the
   * object form calls it per pair, the kernel fills its tables with it.
   *
   * @param level the volunteer's CEFR ordinal, or -1 without the language
   * @param practises whether the volunteer wants to practise the language
   * @param offered whether the vacancy offers practice in it
   */
  private Term term(LanguageRequirement r, int level, boolean practises, boolean offered) {
    int gap = Math.max(0, r.minimumLevel().ordinal() - level);
    boolean practising = gap > 0 && level >= 0 && practises && offered;
    int effective = practising ? Math.max(0, gap - practiseTolerance) : gap;
    return new Term(
        gap, effective, practising, Math.max(0, 1 - gapPenalty * effective),
        r.mandatory() && effective > 0 && vetoMandatoryGap);
  }

  private record Term(int gap, int effective, boolean practising, double score, boolean vetoes) {}

  /** The weight of a requirement in the mean. */
  private double weight(LanguageRequirement r) {
    return r.mandatory() ? mandatoryWeight : 1;
  }

  /** The score of a weighted sum of terms: their mean, 1 without requirements. */
  private static double mean(double sum, double weights) {
    return weights == 0 ? 1 : Math.min(1, sum / weights);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    List<Evidence> evidence = new ArrayList<>();
    List<Evidence> vetoes = new ArrayList<>();
    boolean dutchRequired = false;
    double sum = 0;
    double weights = 0;
    for (LanguageRequirement r : vacancy.languages()) {
      dutchRequired |= r.language().equals("nl");
      LanguageSkill skill = volunteer.language(r.language());
      Term t =
          term(
              r, skill == null ? -1 : skill.level().ordinal(), skill != null && skill.wantsToPractise(),
              vacancy.practiseLanguages().contains(r.language()));
      sum += weight(r) * t.score();
      weights += weight(r);
      String code =
          t.gap() == 0 ? "language.met" : skill == null ? "language.missing" : "language.gap";
      EvidenceBuilder b =
          EvidenceBuilder.of(code)
              .fact("language", r.language())
              .fact("required", r.minimumLevel())
              .fact("gap", t.gap())
              .fact("mandatory", r.mandatory());
      if (skill != null) {
        b.fact("level", skill.level());
      }
      Evidence e = b.build();
      if (t.vetoes()) {
        vetoes.add(e);
      } else {
        evidence.add(e);
      }
      if (t.practising()) {
        evidence.add(
            EvidenceBuilder.of("language.practise")
                .fact("language", r.language())
                .fact("forgiven", t.gap() - t.effective())
                .build());
      }
    }
    if (vacancy.noDutchRequired() && !dutchRequired) {
      evidence.add(EvidenceBuilder.simple("language.noDutch"));
    }
    if (!vetoes.isEmpty()) {
      vetoes.addAll(evidence);
      return Evaluation.veto(vetoes);
    }
    if (vacancy.languages().isEmpty() && evidence.isEmpty()) {
      evidence.add(EvidenceBuilder.simple("language.none"));
    }
    return Evaluation.score(mean(sum, weights), evidence);
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    return new Kernel(this, vacancy, index);
  }

  /**
   * The compiled form: per requirement, a table of the term's score and veto by the index's level
   * code (0 for not spoken, then 1 + the CEFR ordinal) and the wish to practise, filled by {@link
   * #term}; a candidate costs a lookup per requirement.
   */
  private static final class Kernel implements CompiledCriterion {
    private static final int CODES = 7;
    private final VolunteerIndex index;
    private final int[] language;
    private final double[] weight;
    private final double[][] table;
    private final boolean[][] veto;

    Kernel(LanguageCriterion c, Vacancy vacancy, VolunteerIndex index) {
      this.index = index;
      List<LanguageRequirement> requirements = vacancy.languages();
      int r = requirements.size();
      language = new int[r];
      weight = new double[r];
      table = new double[r][CODES * 2];
      veto = new boolean[r][CODES * 2];
      for (int k = 0; k < r; k++) {
        LanguageRequirement req = requirements.get(k);
        language[k] = index.language(req.language());
        weight[k] = c.weight(req);
        boolean offered = vacancy.practiseLanguages().contains(req.language());
        for (int code = 0; code < CODES; code++) {
          for (int p = 0; p < 2; p++) {
            Term t = c.term(req, code - 1, p == 1, offered);
            table[k][code * 2 + p] = t.score();
            veto[k][code * 2 + p] = t.vetoes();
          }
        }
      }
    }

    @Override
    public double evaluate(int i) {
      double sum = 0;
      double weights = 0;
      boolean vetoed = false;
      for (int k = 0; k < language.length; k++) {
        int cell = index.level(i, language[k]) * 2 + (index.practises(i, language[k]) ? 1 : 0);
        vetoed |= veto[k][cell];
        sum += weight[k] * table[k][cell];
        weights += weight[k];
      }
      return vetoed ? VETO : mean(sum, weights);
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
    return new VacancyKernel(volunteer, index);
  }

  /** The kernel of a volunteer's own search: the volunteer's skills against each vacancy's requirements. */
  private final class VacancyKernel implements CompiledCriterion {
    private final VacancyIndex index;
    private final Volunteer volunteer;

    VacancyKernel(Volunteer volunteer, VacancyIndex index) {
      this.index = index;
      this.volunteer = volunteer;
    }

    @Override
    public double evaluate(int j) {
      Vacancy vacancy = index.vacancy(j);
      double sum = 0;
      double weights = 0;
      boolean vetoed = false;
      for (LanguageRequirement r : vacancy.languages()) {
        LanguageSkill skill = volunteer.language(r.language());
        Term t =
            term(
                r, skill == null ? -1 : skill.level().ordinal(), skill != null && skill.wantsToPractise(),
                vacancy.practiseLanguages().contains(r.language()));
        vetoed |= t.vetoes();
        sum += weight(r) * t.score();
        weights += weight(r);
      }
      return vetoed ? VETO : mean(sum, weights);
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }
}
