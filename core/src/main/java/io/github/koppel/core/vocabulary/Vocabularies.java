package io.github.koppel.core.vocabulary;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Accommodation;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The five concept schemes that give meaning to the ids in a {@link Dataset}: talents, sectors,
 * functional dimensions, accommodations and target groups.
 *
 * <p>Koppel ships a default Flemish set ({@code BundledData.flemishVocabularies()} in the {@code
 * io} package); a municipality may load its own with {@code KoppelJson.readVocabularies}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Vocabularies {
  private final Map<VocabularyKind, ConceptScheme> schemes;

  private Vocabularies(Map<VocabularyKind, ConceptScheme> schemes) {
    this.schemes = schemes;
  }

  /**
   * Returns the vocabularies.
   *
   * @param talents the talent scheme
   * @param sectors the sector scheme
   * @param functionalDimensions the functional-dimension scheme
   * @param accommodations the accommodation scheme
   * @param targetGroups the target-group scheme
   * @return the vocabularies
   */
  public static Vocabularies of(
      ConceptScheme talents,
      ConceptScheme sectors,
      ConceptScheme functionalDimensions,
      ConceptScheme accommodations,
      ConceptScheme targetGroups) {
    Map<VocabularyKind, ConceptScheme> map = new EnumMap<>(VocabularyKind.class);
    map.put(VocabularyKind.TALENTS, Objects.requireNonNull(talents, "talents"));
    map.put(VocabularyKind.SECTORS, Objects.requireNonNull(sectors, "sectors"));
    map.put(
        VocabularyKind.FUNCTIONAL_DIMENSIONS,
        Objects.requireNonNull(functionalDimensions, "functionalDimensions"));
    map.put(
        VocabularyKind.ACCOMMODATIONS, Objects.requireNonNull(accommodations, "accommodations"));
    map.put(VocabularyKind.TARGET_GROUPS, Objects.requireNonNull(targetGroups, "targetGroups"));
    return new Vocabularies(map);
  }

  /**
   * Returns one scheme.
   *
   * @param kind which scheme
   * @return the scheme
   */
  public ConceptScheme scheme(VocabularyKind kind) {
    return schemes.get(Objects.requireNonNull(kind, "kind"));
  }

  /**
   * Returns the talent scheme.
   *
   * @return the scheme
   */
  public ConceptScheme talents() {
    return schemes.get(VocabularyKind.TALENTS);
  }

  /**
   * Returns the sector scheme.
   *
   * @return the scheme
   */
  public ConceptScheme sectors() {
    return schemes.get(VocabularyKind.SECTORS);
  }

  /**
   * Returns the functional-dimension scheme.
   *
   * @return the scheme
   */
  public ConceptScheme functionalDimensions() {
    return schemes.get(VocabularyKind.FUNCTIONAL_DIMENSIONS);
  }

  /**
   * Returns the accommodation scheme.
   *
   * @return the scheme
   */
  public ConceptScheme accommodations() {
    return schemes.get(VocabularyKind.ACCOMMODATIONS);
  }

  /**
   * Returns the target-group scheme.
   *
   * @return the scheme
   */
  public ConceptScheme targetGroups() {
    return schemes.get(VocabularyKind.TARGET_GROUPS);
  }

  /**
   * Checks that every concept id a dataset uses exists in the right scheme, and every language is
   * one of {@link Languages}.
   *
   * @param dataset the dataset
   * @return the same dataset, for chaining
   * @throws InvalidDataException for the first unknown id, naming its JSON path (for example
   *     {@code $.volunteers[3].talents[0].conceptId}) and the id
   */
  public Dataset validate(Dataset dataset) {
    // The paths of errors are built only for a record that has one: a large city checks fast.
    for (int i = 0; i < dataset.organisations().size(); i++) {
      if (!known(dataset.organisations().get(i))) {
        check(dataset.organisations().get(i), "$.organisations[" + i + "]");
      }
    }
    for (int i = 0; i < dataset.vacancies().size(); i++) {
      if (!known(dataset.vacancies().get(i))) {
        check(dataset.vacancies().get(i), "$.vacancies[" + i + "]");
      }
    }
    for (int i = 0; i < dataset.volunteers().size(); i++) {
      if (!known(dataset.volunteers().get(i))) {
        check(dataset.volunteers().get(i), "$.volunteers[" + i + "]");
      }
    }
    return dataset;
  }

  /** Returns whether every id of an organisation is known; {@link #check} says which is not. */
  private boolean known(Organisation o) {
    return knownAll(VocabularyKind.SECTORS, o.sectors())
        && knownAll(VocabularyKind.TARGET_GROUPS, o.inclusion().openToTargetGroups());
  }

  /** Returns whether every id of a vacancy is known; {@link #check} says which is not. */
  private boolean known(Vacancy v) {
    if (!knownAll(VocabularyKind.SECTORS, v.sectors())
        || !knownAll(VocabularyKind.FUNCTIONAL_DIMENSIONS, v.functionalDemands().keySet())) {
      return false;
    }
    for (int j = 0; j < v.languages().size(); j++) {
      if (!Languages.contains(v.languages().get(j).language())) {
        return false;
      }
    }
    for (String language : v.practiseLanguages()) {
      if (!Languages.contains(language)) {
        return false;
      }
    }
    ConceptScheme talents = talents();
    for (int j = 0; j < v.talents().size(); j++) {
      if (!talents.contains(v.talents().get(j).conceptId())) {
        return false;
      }
    }
    ConceptScheme accommodations = accommodations();
    for (int j = 0; j < v.accommodations().size(); j++) {
      if (!accommodations.contains(v.accommodations().get(j).accommodationId())) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether every id of a volunteer is known; {@link #check} says which is not. */
  private boolean known(Volunteer v) {
    for (int j = 0; j < v.languages().size(); j++) {
      if (!Languages.contains(v.languages().get(j).language())) {
        return false;
      }
    }
    ConceptScheme talents = talents();
    for (int j = 0; j < v.talents().size(); j++) {
      if (!talents.contains(v.talents().get(j).conceptId())) {
        return false;
      }
    }
    return knownAll(VocabularyKind.SECTORS, v.interests())
        && knownAll(VocabularyKind.FUNCTIONAL_DIMENSIONS, v.possibilities().keySet())
        && knownAll(VocabularyKind.ACCOMMODATIONS, v.supportNeeds())
        && knownAll(VocabularyKind.TARGET_GROUPS, v.targetGroups());
  }

  private boolean knownAll(VocabularyKind kind, Collection<String> ids) {
    if (ids.isEmpty()) {
      return true;
    }
    ConceptScheme scheme = schemes.get(kind);
    for (String id : ids) {
      if (!scheme.contains(id)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that every concept id an organisation uses exists in the right scheme.
   *
   * @param organisation the organisation
   * @return the same organisation
   * @throws InvalidDataException for the first unknown id, naming its JSON path within the
   *     organisation (for example {@code $.sectors}) and the id
   */
  public Organisation validate(Organisation organisation) {
    if (!known(organisation)) {
      check(organisation, "$");
    }
    return organisation;
  }

  /**
   * Checks that every concept id a vacancy uses exists in the right scheme.
   *
   * @param vacancy the vacancy
   * @return the same vacancy
   * @throws InvalidDataException for the first unknown id, naming its JSON path within the vacancy
   *     and the id
   */
  public Vacancy validate(Vacancy vacancy) {
    if (!known(vacancy)) {
      check(vacancy, "$");
    }
    return vacancy;
  }

  /**
   * Checks that every concept id a volunteer uses exists in the right scheme.
   *
   * @param volunteer the volunteer
   * @return the same volunteer
   * @throws InvalidDataException for the first unknown id, naming its JSON path within the
   *     volunteer and the id
   */
  public Volunteer validate(Volunteer volunteer) {
    if (!known(volunteer)) {
      check(volunteer, "$");
    }
    return volunteer;
  }

  private void check(Organisation o, String at) {
    check(VocabularyKind.SECTORS, o.sectors(), at + ".sectors");
    check(
        VocabularyKind.TARGET_GROUPS,
        o.inclusion().openToTargetGroups(),
        at + ".inclusion.openToTargetGroups");
  }

  private void check(Vacancy v, String at) {
    check(VocabularyKind.SECTORS, v.sectors(), at + ".sectors");
    for (int j = 0; j < v.languages().size(); j++) {
      language(v.languages().get(j).language(), at + ".languages[" + j + "].language");
    }
    for (String language : v.practiseLanguages()) {
      language(language, at + ".practiseLanguages");
    }
    for (int j = 0; j < v.talents().size(); j++) {
      TalentRequirement t = v.talents().get(j);
      check(VocabularyKind.TALENTS, t.conceptId(), at + ".talents[" + j + "].conceptId");
    }
    check(
        VocabularyKind.FUNCTIONAL_DIMENSIONS,
        v.functionalDemands().keySet(),
        at + ".functionalDemands");
    for (int j = 0; j < v.accommodations().size(); j++) {
      Accommodation a = v.accommodations().get(j);
      check(
          VocabularyKind.ACCOMMODATIONS,
          a.accommodationId(),
          at + ".accommodations[" + j + "].accommodationId");
    }
  }

  private void check(Volunteer v, String at) {
    for (int j = 0; j < v.languages().size(); j++) {
      language(v.languages().get(j).language(), at + ".languages[" + j + "].language");
    }
    for (int j = 0; j < v.talents().size(); j++) {
      Talent t = v.talents().get(j);
      check(VocabularyKind.TALENTS, t.conceptId(), at + ".talents[" + j + "].conceptId");
    }
    check(VocabularyKind.SECTORS, v.interests(), at + ".interests");
    // Sensitive: an error names the field, never the id (see InvalidDataException).
    check(VocabularyKind.FUNCTIONAL_DIMENSIONS, v.possibilities().keySet(), at + ".possibilities", true);
    check(VocabularyKind.ACCOMMODATIONS, v.supportNeeds(), at + ".supportNeeds", true);
    check(VocabularyKind.TARGET_GROUPS, v.targetGroups(), at + ".targetGroups", true);
  }

  /** Checks a language code against ISO 639 as {@link Languages} holds it. */
  private static void language(String code, String path) {
    if (!Languages.contains(code)) {
      List<String> nearest = Languages.nearest(code, 3);
      throw new InvalidDataException(
          "<memory>", path, code, -1, -1,
          "unknown language: not an ISO 639 code that Koppel knows"
              + (nearest.isEmpty() ? "" : "; nearest: " + String.join(", ", nearest)),
          null).withSuggestions(nearest);
    }
  }

  private void check(VocabularyKind kind, Collection<String> ids, String path) {
    check(kind, ids, path, false);
  }

  private void check(VocabularyKind kind, Collection<String> ids, String path, boolean sensitive) {
    for (String id : ids) {
      ConceptScheme scheme = schemes.get(kind);
      if (sensitive && !scheme.contains(id)) {
        throw InvalidDataException.sensitive(
            "<memory>", path, -1, -1,
            "unknown " + kind.field() + " id (not in scheme " + scheme.id() + ")");
      }
      check(kind, id, path);
    }
  }

  private void check(VocabularyKind kind, String id, String path) {
    ConceptScheme scheme = schemes.get(kind);
    if (!scheme.contains(id)) {
      List<String> nearest = scheme.nearest(id, 3);
      throw new InvalidDataException(
          "<memory>",
          path,
          id,
          -1,
          -1,
          "unknown " + kind.field() + " id (not in scheme " + scheme.id() + ")"
              + (nearest.isEmpty() ? "" : "; nearest: " + String.join(", ", nearest)),
          null).withSuggestions(nearest);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Vocabularies other && schemes.equals(other.schemes);
  }

  @Override
  public int hashCode() {
    return schemes.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Vocabularies{");
    schemes.forEach((k, v) -> sb.append(k.field()).append('=').append(v.size()).append(", "));
    sb.setLength(sb.length() - 2);
    return sb.append('}').toString();
  }
}
