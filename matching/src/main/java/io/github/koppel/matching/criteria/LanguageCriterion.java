package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.LanguageRequirement;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
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
final class LanguageCriterion implements Criterion, Compilable {
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
      int level = skill == null ? -1 : skill.level().ordinal();
      int gap = Math.max(0, r.minimumLevel().ordinal() - level);
      boolean practising =
          gap > 0
              && skill != null
              && skill.wantsToPractise()
              && vacancy.practiseLanguages().contains(r.language());
      int effective = practising ? Math.max(0, gap - practiseTolerance) : gap;
      double weight = r.mandatory() ? mandatoryWeight : 1;
      sum += weight * Math.max(0, 1 - gapPenalty * effective);
      weights += weight;
      String code =
          gap == 0 ? "language.met" : skill == null ? "language.missing" : "language.gap";
      EvidenceBuilder b =
          EvidenceBuilder.of(code)
              .fact("language", r.language())
              .fact("required", r.minimumLevel())
              .fact("gap", gap)
              .fact("mandatory", r.mandatory());
      if (skill != null) {
        b.fact("level", skill.level());
      }
      Evidence e = b.build();
      if (r.mandatory() && effective > 0 && vetoMandatoryGap) {
        vetoes.add(e);
      } else {
        evidence.add(e);
      }
      if (practising) {
        evidence.add(
            EvidenceBuilder.of("language.practise")
                .fact("language", r.language())
                .fact("forgiven", gap - effective)
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
    return Evaluation.score(weights == 0 ? 1 : Math.min(1, sum / weights), evidence);
  }

  @Override
  public CompiledCriterion compile(
      Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    List<LanguageRequirement> requirements = vacancy.languages();
    int r = requirements.size();
    int[] language = new int[r];
    double[] weight = new double[r];
    double[][] table = new double[r][16];
    boolean[][] veto = new boolean[r][16];
    for (int k = 0; k < r; k++) {
      LanguageRequirement req = requirements.get(k);
      language[k] = index.language(req.language());
      weight[k] = req.mandatory() ? mandatoryWeight : 1;
      boolean offered = vacancy.practiseLanguages().contains(req.language());
      for (int code = 0; code <= 6; code++) {
        for (int p = 0; p < 2; p++) {
          int gap = Math.max(0, req.minimumLevel().ordinal() - (code - 1));
          boolean practising = gap > 0 && code > 0 && p == 1 && offered;
          int effective = practising ? Math.max(0, gap - practiseTolerance) : gap;
          table[k][code * 2 + p] = Math.max(0, 1 - gapPenalty * effective);
          veto[k][code * 2 + p] = req.mandatory() && effective > 0 && vetoMandatoryGap;
        }
      }
    }
    CompiledCriterion single = i -> {
      double sum = 0;
      double weights = 0;
      boolean vetoed = false;
      for (int k = 0; k < r; k++) {
        int cell = index.level(i, language[k]) * 2 + (index.practises(i, language[k]) ? 1 : 0);
        vetoed |= veto[k][cell];
        sum += weight[k] * table[k][cell];
        weights += weight[k];
      }
      return vetoed ? CompiledCriterion.VETO : weights == 0 ? 1 : Math.min(1, sum / weights);
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
