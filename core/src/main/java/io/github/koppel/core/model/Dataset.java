package io.github.koppel.core.model;

import io.github.koppel.core.InvalidDataException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A consistent set of organisations, vacancies and volunteers: ids are unique per kind and every
 * vacancy belongs to an organisation of the set. Whether the concept ids exist in a vocabulary is
 * checked by {@code Vocabularies.validate(Dataset)}.
 *
 * <p>This class is immutable and thread-safe. Lists keep their given order; look-ups by id take
 * constant time.
 *
 * @since 0.1
 */
public final class Dataset {
  private static final String SOURCE = "<memory>";

  private final List<Organisation> organisations;
  private final List<Vacancy> vacancies;
  private final List<Volunteer> volunteers;
  private final Map<String, Organisation> organisationsById;
  private final Map<String, Vacancy> vacanciesById;
  private final Map<String, Volunteer> volunteersById;

  private Dataset(
      List<Organisation> organisations, List<Vacancy> vacancies, List<Volunteer> volunteers) {
    this.organisations = Checks.list(organisations, "organisations");
    this.vacancies = Checks.list(vacancies, "vacancies");
    this.volunteers = Checks.list(volunteers, "volunteers");
    this.organisationsById = index(this.organisations, Organisation::id, "organisations");
    this.vacanciesById = index(this.vacancies, Vacancy::id, "vacancies");
    this.volunteersById = index(this.volunteers, Volunteer::id, "volunteers");
    for (int i = 0; i < this.vacancies.size(); i++) {
      Vacancy vacancy = this.vacancies.get(i);
      if (!organisationsById.containsKey(vacancy.organisationId())) {
        throw new InvalidDataException(
            SOURCE,
            "$.vacancies[" + i + "].organisationId",
            vacancy.organisationId(),
            -1,
            -1,
            "vacancy " + vacancy.id() + " refers to an organisation that is not in the dataset",
            null);
      }
    }
  }

  /**
   * Returns a dataset.
   *
   * @param organisations the organisations
   * @param vacancies the vacancies, each of an organisation in {@code organisations}
   * @param volunteers the volunteers
   * @return the dataset
   * @throws InvalidDataException if an id repeats within a kind or a vacancy refers to an unknown
   *     organisation
   */
  public static Dataset of(
      List<Organisation> organisations, List<Vacancy> vacancies, List<Volunteer> volunteers) {
    return new Dataset(organisations, vacancies, volunteers);
  }

  /**
   * Returns the empty dataset.
   *
   * @return a dataset without organisations, vacancies or volunteers
   */
  public static Dataset empty() {
    return new Dataset(List.of(), List.of(), List.of());
  }

  private static <T> Map<String, T> index(List<T> values, Function<T, String> id, String field) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      T value = values.get(i);
      String key = id.apply(value);
      if (byId.putIfAbsent(key, value) != null) {
        throw new InvalidDataException(
            SOURCE,
            "$." + field + "[" + i + "].id",
            key,
            -1,
            -1,
            "duplicate id in " + field,
            null);
      }
    }
    return Map.copyOf(byId);
  }

  /**
   * Returns the organisations.
   *
   * @return the organisations, in their given order
   */
  public List<Organisation> organisations() {
    return organisations;
  }

  /**
   * Returns the vacancies.
   *
   * @return the vacancies, in their given order
   */
  public List<Vacancy> vacancies() {
    return vacancies;
  }

  /**
   * Returns the volunteers.
   *
   * @return the volunteers, in their given order
   */
  public List<Volunteer> volunteers() {
    return volunteers;
  }

  /**
   * Returns the organisation with an id.
   *
   * @param id an organisation id
   * @return the organisation, or {@code null} when absent
   */
  public @Nullable Organisation organisation(String id) {
    return organisationsById.get(Objects.requireNonNull(id, "id"));
  }

  /**
   * Returns the vacancy with an id.
   *
   * @param id a vacancy id
   * @return the vacancy, or {@code null} when absent
   */
  public @Nullable Vacancy vacancy(String id) {
    return vacanciesById.get(Objects.requireNonNull(id, "id"));
  }

  /**
   * Returns the volunteer with an id.
   *
   * @param id a volunteer id
   * @return the volunteer, or {@code null} when absent
   */
  public @Nullable Volunteer volunteer(String id) {
    return volunteersById.get(Objects.requireNonNull(id, "id"));
  }

  /**
   * Returns the organisation offering a vacancy.
   *
   * @param vacancy a vacancy of this dataset
   * @return its organisation
   * @throws IllegalArgumentException if the vacancy's organisation is not in this dataset
   */
  public Organisation organisationOf(Vacancy vacancy) {
    Organisation organisation = organisationsById.get(vacancy.organisationId());
    if (organisation == null) {
      throw new IllegalArgumentException(
          "vacancy " + vacancy.id() + " belongs to organisation " + vacancy.organisationId()
              + ", which is not in this dataset");
    }
    return organisation;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Dataset other
        && organisations.equals(other.organisations)
        && vacancies.equals(other.vacancies)
        && volunteers.equals(other.volunteers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(organisations, vacancies, volunteers);
  }

  @Override
  public String toString() {
    return "Dataset{organisations="
        + organisations.size()
        + ", vacancies="
        + vacancies.size()
        + ", volunteers="
        + volunteers.size()
        + "}";
  }
}
