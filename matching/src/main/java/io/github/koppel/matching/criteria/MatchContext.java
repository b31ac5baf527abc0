package io.github.koppel.matching.criteria;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.legal.LegalAssessment;
import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a criterion may consult besides the pair: the vocabularies, the legal rules, the day of
 * the match and the organisations.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.2
 */
public final class MatchContext {
  private final Vocabularies vocabularies;
  private final LegalRules legalRules;
  private final LocalDate date;
  private final Map<String, Organisation> organisations;

  private MatchContext(
      Vocabularies vocabularies,
      LegalRules legalRules,
      LocalDate date,
      Map<String, Organisation> organisations) {
    this.vocabularies = vocabularies;
    this.legalRules = legalRules;
    this.date = date;
    this.organisations = organisations;
  }

  /**
   * Creates a context.
   *
   * @param vocabularies the vocabularies
   * @param legalRules the legal rules
   * @param date the day of the match
   * @param organisations the organisations, each with a distinct id
   * @return the context
   * @throws IllegalArgumentException if two organisations share an id
   */
  public static MatchContext of(
      Vocabularies vocabularies,
      LegalRules legalRules,
      LocalDate date,
      Collection<Organisation> organisations) {
    Objects.requireNonNull(vocabularies, "vocabularies");
    Objects.requireNonNull(legalRules, "legalRules");
    Objects.requireNonNull(date, "date");
    Map<String, Organisation> byId = new LinkedHashMap<>();
    for (Organisation o : organisations) {
      checkArgument(byId.put(o.id(), o) == null, "organisations hold id %s twice", o.id());
    }
    return new MatchContext(vocabularies, legalRules, date, Map.copyOf(byId));
  }

  /**
   * Returns the vocabularies.
   *
   * @return the vocabularies
   */
  public Vocabularies vocabularies() {
    return vocabularies;
  }

  /**
   * Returns the legal rules.
   *
   * @return the legal rules
   */
  public LegalRules legalRules() {
    return legalRules;
  }

  /**
   * Returns the day of the match, on which ages, extracts and validity are judged.
   *
   * @return the day
   */
  public LocalDate date() {
    return date;
  }

  /**
   * Returns the organisation of a vacancy.
   *
   * @param vacancy the vacancy
   * @return its organisation
   * @throws IllegalArgumentException if the context does not know it
   */
  public Organisation organisationOf(Vacancy vacancy) {
    Organisation organisation = organisations.get(vacancy.organisationId());
    checkArgument(
        organisation != null,
        "vacancy %s refers to organisation %s, which the match context does not know",
        vacancy.id(),
        vacancy.organisationId());
    return organisation;
  }

  /**
   * Assesses the pair against the legal rules on the day of the match.
   *
   * @param volunteer the volunteer
   * @param vacancy the vacancy
   * @return the assessment
   */
  public LegalAssessment assess(Volunteer volunteer, Vacancy vacancy) {
    return legalRules.assess(volunteer, vacancy, organisationOf(vacancy), date);
  }

  @Override
  public String toString() {
    return "MatchContext{date=" + date + ", organisations=" + organisations.size() + "}";
  }
}
