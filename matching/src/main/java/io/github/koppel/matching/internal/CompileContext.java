package io.github.koppel.matching.internal;

import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.time.LocalDate;

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
}
