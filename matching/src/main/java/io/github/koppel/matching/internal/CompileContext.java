package io.github.koppel.matching.internal;

import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.time.LocalDate;
import java.util.function.Function;

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
      public Organisation organisationOf(Vacancy vacancy) {
        return organisationOf.apply(vacancy);
      }
    };
  }
}
