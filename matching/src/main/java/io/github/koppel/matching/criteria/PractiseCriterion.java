package io.github.koppel.matching.criteria;

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
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A wish to practise a language against the vacancy's offer of practice: 1 when the vacancy
 * offers a language the volunteer wants to practise, {@code noChanceScore} otherwise. Abstains when
 * the volunteer wants to practise no language.
 */
final class PractiseCriterion implements Criterion, Compilable, VacancyCompilable {
  /** What the kernel reads of a volunteer, for its table: {@link VolunteerIndex#tabled}. */
  private static final Set<Column> TABLE_COLUMNS = Set.of(Column.LANGUAGES);

  private final double noChanceScore;

  PractiseCriterion(Parameters p) {
    noChanceScore = p.number("noChanceScore", 0, 0, 1);
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.LANGUAGES);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    @Nullable String wanted = null;
    for (LanguageSkill skill : volunteer.languages()) {
      if (skill.wantsToPractise()) {
        if (vacancy.practiseLanguages().contains(skill.language())) {
          return Evaluation.score(
              1, EvidenceBuilder.of("practise.offered").fact("language", skill.language()).build());
        }
        if (wanted == null) {
          wanted = skill.language();
        }
      }
    }
    if (wanted == null) {
      return Evaluation.abstain(EvidenceBuilder.simple("practise.none"));
    }
    return Evaluation.score(
        noChanceScore, EvidenceBuilder.of("practise.notOffered").fact("language", wanted).build());
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    // Volunteers take few distinct values of what the kernel reads: a table per query.
    return index.tabled(TABLE_COLUMNS, new Kernel(vacancy, index));
  }

  /** The compiled form: the index's codes of the languages the vacancy offers practice in. */
  private final class Kernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final int[] languages;

    Kernel(Vacancy vacancy, VolunteerIndex index) {
      this.index = index;
      List<Integer> offered = new ArrayList<>();
      for (String language : vacancy.practiseLanguages()) {
        if (index.language(language) >= 0) {
          offered.add(index.language(language));
        }
      }
      languages = offered.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public double evaluate(int i) {
      for (int language : languages) {
        if (index.practises(i, language)) {
          return 1;
        }
      }
      return index.practisesAny(i) ? noChanceScore : ABSTAIN;
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
    VacancyKernel kernel = new VacancyKernel(volunteer, index);
    // Without a language to practise every vacancy abstains: a constant, added once per query.
    return kernel.none ? CompiledCriterion.constant(CompiledCriterion.ABSTAIN) : kernel;
  }

  /** The kernel of a volunteer's own search: per language the volunteer wants to practise, which vacancies offer it. */
  private final class VacancyKernel implements CompiledCriterion {
    private final boolean none;
    private final boolean[][] offers;

    VacancyKernel(Volunteer volunteer, VacancyIndex index) {
      List<boolean[]> columns = new ArrayList<>();
      for (LanguageSkill skill : volunteer.languages()) {
        if (skill.wantsToPractise()) {
          columns.add(offersPractice(index, skill.language()));
        }
      }
      this.none = columns.isEmpty();
      this.offers = columns.toArray(new boolean[0][]);
    }

    @Override
    public double evaluate(int j) {
      if (none) {
        return ABSTAIN;
      }
      for (boolean[] column : offers) {
        if (column[j]) {
          return 1;
        }
      }
      return noChanceScore;
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }

  /** Returns, by vacancy position, whether a vacancy offers practice in a language; a column of the index. */
  static boolean[] offersPractice(VacancyIndex index, String language) {
    return index.column("practise.offers." + language, ix -> {
      boolean[] c = new boolean[ix.size()];
      for (int j = 0; j < c.length; j++) {
        c[j] = ix.vacancy(j).practiseLanguages().contains(language);
      }
      return c;
    });
  }
}
