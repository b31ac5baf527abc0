package io.github.koppel.matching.internal;

import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a criterion needs of the match's context to compile itself: the engine adapts its public
 * {@code MatchContext} to this, so that the internal package does not depend on the criteria.
 */
public interface CompileContext {
  /** Returns the vocabularies. */
  Vocabularies vocabularies();

  /** Returns the legal rules. */
  LegalRules legalRules();

  /** Returns the day of the match. */
  LocalDate date();

  /**
   * Returns the organisation of a vacancy.
   *
   * @param vacancy the vacancy
   * @return its organisation
   */
  Organisation organisationOf(Vacancy vacancy);

  /**
   * Returns the id of the organisation of a vacancy of the engine, by the vacancy's id.
   *
   * @param vacancyId the vacancy's id
   * @return the organisation's id, or {@code null} for a vacancy the engine does not hold
   */
  @Nullable String organisationIdOf(String vacancyId);

  /**
   * Returns a context of these parts: the one way the engine, and its tests, adapt their match
   * context to compiling.
   *
   * @param vocabularies the vocabularies
   * @param legalRules the legal rules
   * @param date the day of the match
   * @param organisationOf the organisation of a vacancy
   * @return the context
   */
  static CompileContext of(
      Vocabularies vocabularies,
      LegalRules legalRules,
      LocalDate date,
      Function<Vacancy, Organisation> organisationOf) {
    return of(vocabularies, legalRules, date, organisationOf, id -> null);
  }

  /**
   * Returns a context of these parts that also knows the organisation of the engine's vacancies.
   *
   * @param vocabularies the vocabularies
   * @param legalRules the legal rules
   * @param date the day of the match
   * @param organisationOf the organisation of a vacancy
   * @param organisationIdOf the id of the organisation of a vacancy by its id, or null
   * @return the context
   */
  static CompileContext of(
      Vocabularies vocabularies,
      LegalRules legalRules,
      LocalDate date,
      Function<Vacancy, Organisation> organisationOf,
      Function<String, @Nullable String> organisationIdOf) {
    return new CompileContext() {
      @Override
      public Vocabularies vocabularies() {
        return vocabularies;
      }

      @Override
      public LegalRules legalRules() {
        return legalRules;
      }

      @Override
      public LocalDate date() {
        return date;
      }

      @Override
      public @Nullable String organisationIdOf(String vacancyId) {
        return organisationIdOf.apply(vacancyId);
      }

      @Override
      public Organisation organisationOf(Vacancy vacancy) {
        return organisationOf.apply(vacancy);
      }
    };
  }
}
