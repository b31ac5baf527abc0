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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a criterion may consult besides the pair: the vocabularies, the legal rules, the day of
 * the match, the organisations and which organisation each vacancy of the engine belongs to.
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
  private final Map<String, String> organisationOfVacancy;

  private MatchContext(
      Vocabularies vocabularies,
      LegalRules legalRules,
      LocalDate date,
      Map<String, Organisation> organisations,
      Map<String, String> organisationOfVacancy) {
    this.vocabularies = vocabularies;
    this.legalRules = legalRules;
    this.date = date;
    this.organisations = organisations;
    this.organisationOfVacancy = organisationOfVacancy;
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
    return of(vocabularies, legalRules, date, organisations, List.of());
  }

  /**
   * Creates a context that also knows the organisation of each of some vacancies, so that a
   * criterion can tell which vacancies of a volunteer's history belong to the organisation of the
   * vacancy it judges ({@link #organisationIdOf}).
   *
   * @param vocabularies the vocabularies
   * @param legalRules the legal rules
   * @param date the day of the match
   * @param organisations the organisations, each with a distinct id
   * @param vacancies the vacancies whose organisation the context tells, each with a distinct id
   * @return the context
   * @throws IllegalArgumentException if two organisations or two vacancies share an id
   * @since 0.2
   */
  public static MatchContext of(
      Vocabularies vocabularies,
      LegalRules legalRules,
      LocalDate date,
      Collection<Organisation> organisations,
      Collection<Vacancy> vacancies) {
    Objects.requireNonNull(vocabularies, "vocabularies");
    Objects.requireNonNull(legalRules, "legalRules");
    Objects.requireNonNull(date, "date");
    Map<String, Organisation> byId = new LinkedHashMap<>();
    for (Organisation o : organisations) {
      checkArgument(byId.put(o.id(), o) == null, "organisations hold id %s twice", o.id());
    }
    Map<String, String> ofVacancy = new HashMap<>(vacancies.size() * 2);
    for (Vacancy v : vacancies) {
      checkArgument(ofVacancy.put(v.id(), v.organisationId()) == null, "vacancies hold id %s twice", v.id());
    }
    return new MatchContext(vocabularies, legalRules, date, Map.copyOf(byId), Map.copyOf(ofVacancy));
  }

  /**
   * Returns a context like this one on which another set of vacancies is known.
   *
   * @param vacancies the vacancies, each with a distinct id
   * @return the context
   * @throws IllegalArgumentException if two vacancies share an id
   * @since 0.2
   */
  public MatchContext withVacancies(Collection<Vacancy> vacancies) {
    return of(vocabularies, legalRules, date, organisations.values(), vacancies);
  }

  /**
   * Returns a context like this one on another day of the match.
   *
   * @param day the day
   * @return the context
   * @since 0.2
   */
  public MatchContext onDate(LocalDate day) {
    return new MatchContext(
        vocabularies, legalRules, Objects.requireNonNull(day, "date"), organisations, organisationOfVacancy);
  }

  /**
   * Returns the id of the organisation of a vacancy this context knows.
   *
   * @param vacancyId the id of a vacancy
   * @return the organisation's id, or {@code null} for a vacancy the context does not know (one
   *     no longer in the engine, for instance)
   * @since 0.2
   */
  public @Nullable String organisationIdOf(String vacancyId) {
    return organisationOfVacancy.get(vacancyId);
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
    return "MatchContext{date=" + date + ", organisations=" + organisations.size() + ", vacancies="
        + organisationOfVacancy.size() + "}";
  }
}
