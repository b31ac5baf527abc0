package io.github.koppel.benchmarks;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LanguageRequirement;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.WorkMode;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy the peers (Lucene, DuckDB) run beside the engine, and what they need of it: the legal
 * age and one mandatory language level as gates, talents (weight 3) and a Gaussian distance decay
 * (weight 2, no mobility limit) in a weighted mean; the vacancies on which both semantics
 * coincide; and the talent credits of the engine's default parameters.
 */
final class PeerPolicy {
  static final double LANGUAGE = 2;
  static final double TALENTS = 3;
  static final double DISTANCE = 2;

  private PeerPolicy() {}

  /** Returns the policy under a name. */
  static MatchPolicy policy(String name) {
    return MatchPolicy.of(
        name,
        List.of(
            CriterionSpec.hard("age", 0),
            CriterionSpec.hard("language", LANGUAGE),
            CriterionSpec.soft("talents", TALENTS),
            CriterionSpec.soft("distance", DISTANCE).withParameter("respectMobility", false)));
  }

  /**
   * Returns up to 16 open vacancies where the peers' semantics coincide with the engine's: on site,
   * no own minimum age, at most one (mandatory) language requirement and no offer to practise.
   *
   * @throws IllegalStateException if fewer than 4 are found
   */
  /**
   * The city with every volunteer active and without caps of their own: the peers know nothing
   * of the candidate bank, so the comparison is of matching alone.
   */
  static Dataset allActive(Dataset city) {
    return io.github.koppel.core.model.Dataset.of(city.organisations(), city.vacancies(),
        city.volunteers().stream()
            .map(v -> v.participation().equals(io.github.koppel.core.model.Participation.DEFAULT)
                ? v
                : v.toBuilder().participation(io.github.koppel.core.model.Participation.DEFAULT).build())
            .toList());
  }

  static Vacancy[] comparableVacancies(Dataset city) {
    List<Vacancy> chosen = new ArrayList<>();
    for (Vacancy v : city.vacancies()) {
      if (chosen.size() < 16
          && v.workMode() == WorkMode.ON_SITE
          && v.location() != null
          && v.minimumAge() == null
          && v.practiseLanguages().isEmpty()
          && v.languages().size() <= 1
          && v.languages().stream().allMatch(LanguageRequirement::mandatory)
          && v.isOpenOn(DemoCity.REFERENCE_DATE)) {
        chosen.add(v);
      }
    }
    if (chosen.size() < 4) {
      throw new IllegalStateException("too few comparable vacancies: " + chosen.size());
    }
    return chosen.toArray(Vacancy[]::new);
  }

  /** Returns how a talent concept relates to a required one (1, 0.9 per step up, 0.5 per step down), NaN if not. */
  static double relation(ConceptScheme talents, String id, String required) {
    Integer up = talents.ancestors(id).get(required);
    Integer down = talents.ancestors(required).get(id);
    if (id.equals(required)) {
      return 1;
    }
    if (up != null) {
      return Math.pow(0.9, up);
    }
    if (down != null) {
      return Math.pow(0.5, down);
    }
    return Double.NaN;
  }

  /** Returns the credit of a talent held at a level code (0: none, 1 to 3) for a requirement. */
  static double held(TalentRequirement r, double relation, int level) {
    double plain = relation;
    if (r.minimumLevel() != null && level > 0) {
      int gap = Math.max(0, r.minimumLevel().ordinal() - (level - 1));
      if (gap > 0) {
        plain *= Math.max(0, 1 - 0.25 * gap);
      }
    }
    return plain;
  }

  /** Returns the credit of a wish to learn a talent for a requirement of a vacancy. */
  static double learn(Vacancy vacancy, double relation) {
    return relation * (vacancy.offersTraining() ? 0.6 : 0);
  }
}
