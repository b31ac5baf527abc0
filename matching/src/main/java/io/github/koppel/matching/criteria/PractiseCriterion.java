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
    return new Kernel(vacancy, index);
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
    return new VacancyKernel(volunteer, index);
  }

  /** The kernel of a volunteer's own search: the languages the volunteer wants to practise. */
  private final class VacancyKernel implements CompiledCriterion {
    private final VacancyIndex index;
    private final List<String> wanted = new ArrayList<>();

    VacancyKernel(Volunteer volunteer, VacancyIndex index) {
      this.index = index;
      for (LanguageSkill skill : volunteer.languages()) {
        if (skill.wantsToPractise()) {
          wanted.add(skill.language());
        }
      }
    }

    @Override
    public double evaluate(int j) {
      if (wanted.isEmpty()) {
        return ABSTAIN;
      }
      Set<String> offered = index.vacancy(j).practiseLanguages();
      for (String language : wanted) {
        if (offered.contains(language)) {
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
}
