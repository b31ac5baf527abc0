package io.github.koppel.matching.internal;

import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The vacancies of an engine by position, for the compiled path of a volunteer's own search: the
 * vacancies with their organisations, where the work takes place, the periods as epoch days, and
 * the columns the criteria's vacancy kernels build for themselves on first use ({@link #column}).
 * Nothing in it depends on the day of the match. Immutable and thread-safe.
 */
public final class VacancyIndex {
  private final List<Vacancy> vacancies;
  private final Organisation[] organisations;
  private final double[] latitude;
  private final double[] longitude;
  private final long[] validFrom;
  private final long[] validUntil;
  private final Map<Object, Object> columns = new ConcurrentHashMap<>();

  /**
   * Indexes vacancies.
   *
   * @param vacancies the vacancies
   * @param organisationsById their organisations, by id; every vacancy's organisation is in it
   * @throws IllegalArgumentException if a vacancy's organisation is unknown
   */
  public VacancyIndex(List<Vacancy> vacancies, Map<String, Organisation> organisationsById) {
    this.vacancies = List.copyOf(vacancies);
    int n = this.vacancies.size();
    organisations = new Organisation[n];
    latitude = new double[n];
    longitude = new double[n];
    validFrom = new long[n];
    validUntil = new long[n];
    for (int j = 0; j < n; j++) {
      Vacancy v = this.vacancies.get(j);
      Organisation o = organisationsById.get(v.organisationId());
      if (o == null) {
        throw new IllegalArgumentException(
            "vacancy " + v.id() + " refers to organisation " + v.organisationId() + ", which the index does not know");
      }
      organisations[j] = o;
      Location place = v.location() != null ? v.location() : o.location();
      latitude[j] = place == null ? Double.NaN : place.latitude();
      longitude[j] = place == null ? Double.NaN : place.longitude();
      validFrom[j] = v.validFrom() == null ? Long.MIN_VALUE : v.validFrom().toEpochDay();
      validUntil[j] = v.validUntil() == null ? Long.MAX_VALUE : v.validUntil().toEpochDay();
    }
  }

  /** Returns the number of vacancies. */
  public int size() {
    return vacancies.size();
  }

  /** Returns the vacancy at a position. */
  public Vacancy vacancy(int j) {
    return vacancies.get(j);
  }

  /** Returns the vacancies, by position. */
  public List<Vacancy> vacancies() {
    return vacancies;
  }

  /** Returns the organisation of the vacancy at a position. */
  public Organisation organisation(int j) {
    return organisations[j];
  }

  /** Returns whether the vacancy has a place of work (its own or its organisation's). */
  public boolean hasPlace(int j) {
    return !Double.isNaN(latitude[j]);
  }

  /** Returns the latitude of the place of work; NaN without one. */
  public double latitude(int j) {
    return latitude[j];
  }

  /** Returns the longitude of the place of work; NaN without one. */
  public double longitude(int j) {
    return longitude[j];
  }

  /** Returns the first day of the vacancy's period as an epoch day, {@link Long#MIN_VALUE} if open-ended. */
  public long validFromDay(int j) {
    return validFrom[j];
  }

  /** Returns the last day of the vacancy's period as an epoch day, {@link Long#MAX_VALUE} if open-ended. */
  public long validUntilDay(int j) {
    return validUntil[j];
  }

  /** Returns whether the vacancy is open on a day, as {@code Vacancy.isOpenOn} says. */
  public boolean isOpenOn(int j, LocalDate day) {
    long d = day.toEpochDay();
    return validFrom[j] <= d && d <= validUntil[j];
  }

  /**
   * Returns a column of this index, built on first use from the vacancies and kept: the way a
   * criterion's vacancy kernel keeps what it reads of every vacancy without walking objects on
   * every query. A key is compared by identity of meaning ({@code equals}); a criterion keeps its
   * keys as constants.
   *
   * @param key the column's key
   * @param build builds the column from this index, in position order
   * @param <T> the column's type
   * @return the column
   */
  @SuppressWarnings("unchecked")
  public <T> T column(Object key, Function<VacancyIndex, T> build) {
    Objects.requireNonNull(key, "key");
    return (T) columns.computeIfAbsent(key, k -> Objects.requireNonNull(build.apply(this), "column"));
  }

  /** Returns the place of work as a location, or {@code null}; for the kernels that need one. */
  public @Nullable Location place(int j) {
    Vacancy v = vacancies.get(j);
    return v.location() != null ? v.location() : organisations[j].location();
  }
}
