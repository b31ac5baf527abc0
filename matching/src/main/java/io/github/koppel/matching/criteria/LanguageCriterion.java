package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.CefrLevel;
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
import io.github.koppel.matching.internal.VolunteerIndex.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Language levels against the vacancy's requirements, per required language: a CEFR gap lowers
 * the score by {@code gapPenalty} per level; a gap in a mandatory language vetoes. A volunteer who
 * wants to practise a language the vacancy offers practice in has {@code practiseTolerance} levels
 * of the gap forgiven.
 */
final class LanguageCriterion implements Criterion, Compilable, VacancyCompilable {
  /** What the kernel reads of a volunteer, for its table: {@link VolunteerIndex#tabled}. */
  private static final Set<Column> TABLE_COLUMNS = Set.of(Column.LANGUAGES);

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

  /** The weight of a requirement in the mean, mandatory or not. */
  private double weight(boolean mandatory) {
    return mandatory ? mandatoryWeight : 1;
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
      sum += weight(r.mandatory()) * t.score();
      weights += weight(r.mandatory());
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
    // Volunteers take few distinct values of what the kernel reads: a table per query.
    return index.tabled(TABLE_COLUMNS, new Kernel(this, vacancy, index));
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
        weight[k] = c.weight(req.mandatory());
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

  /**
   * Each vacancy's requirements as codes, by position: {@code language << 5 | minimumLevel << 2 |
   * mandatory << 1 | offered}, with the languages in order of first use.
   */
  private record Requirements(List<String> languages, int[][] codes) {}

  private static final Object REQUIREMENTS = "language.requirements";

  private static Requirements requirements(VacancyIndex index) {
    return index.column(REQUIREMENTS, ix -> {
      Map<String, Integer> languages = new LinkedHashMap<>();
      int[][] codes = new int[ix.size()][];
      for (int j = 0; j < codes.length; j++) {
        Vacancy vacancy = ix.vacancy(j);
        List<LanguageRequirement> rs = vacancy.languages();
        codes[j] = new int[rs.size()];
        for (int k = 0; k < rs.size(); k++) {
          LanguageRequirement r = rs.get(k);
          int language = languages.computeIfAbsent(r.language(), l -> languages.size());
          codes[j][k] = language << 5 | r.minimumLevel().ordinal() << 2 | (r.mandatory() ? 2 : 0)
              | (vacancy.practiseLanguages().contains(r.language()) ? 1 : 0);
        }
      }
      return new Requirements(List.copyOf(languages.keySet()), codes);
    });
  }

  /**
   * The kernel of a volunteer's own search: per language a vacancy requires, a table of the term
   * by minimum level, mandatory and offered practice, filled by {@link #term} for the volunteer's
   * skill on first use.
   */
  private final class VacancyKernel implements CompiledCriterion {
    private final Requirements requirements;
    private final Volunteer volunteer;
    private final @Nullable Term[][] terms;
    /** The weight of a requirement, by the low bits of its code. */
    private final double[] weightOf = new double[32];

    VacancyKernel(Volunteer volunteer, VacancyIndex index) {
      this.requirements = requirements(index);
      this.volunteer = volunteer;
      this.terms = new Term[requirements.languages().size()][];
      for (int key = 0; key < 32; key++) {
        weightOf[key] = weight((key & 2) != 0);
      }
    }

    private Term term(int code) {
      int language = code >>> 5;
      Term[] table = terms[language];
      if (table == null) {
        String l = requirements.languages().get(language);
        LanguageSkill skill = volunteer.language(l);
        table = new Term[32];
        for (int key = 0; key < 32; key++) {
          CefrLevel minimum = CefrLevel.values()[Math.min(key >>> 2, CefrLevel.values().length - 1)];
          LanguageRequirement r = new LanguageRequirement(l, minimum, (key & 2) != 0);
          table[key] =
              LanguageCriterion.this.term(
                  r, skill == null ? -1 : skill.level().ordinal(), skill != null && skill.wantsToPractise(), (key & 1) != 0);
        }
        terms[language] = table;
      }
      return table[code & 31];
    }

    @Override
    public double evaluate(int j) {
      double sum = 0;
      double weights = 0;
      boolean vetoed = false;
      for (int code : requirements.codes()[j]) {
        Term t = term(code);
        double weight = weightOf[code & 31];
        vetoed |= t.vetoes();
        sum += weight * t.score();
        weights += weight;
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
