package io.github.koppel.core.legal;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The legal minimum age for volunteering. Flemish and federal sources agree that one may volunteer
 * from 16, and from 15 once the first two years of secondary school are done; some word the first
 * as "from the calendar year in which one turns 16". Each age is counted either from the birthday
 * or from 1 January of the year in which one reaches it, as its flag says; the bundled Belgian
 * rules count 16 by calendar year and 15 from the birthday, so a pupil of 14 is never permitted.
 * Organisations may ask a higher age of their own (see {@code Vacancy.minimumAge}).
 *
 * <p>This class is immutable.
 *
 * @param validity when the rule is in force
 * @param minimumAge the minimum age
 * @param reducedMinimumAge the minimum age after the first two years of secondary school
 * @param byCalendarYear {@code true} when {@code minimumAge} counts from 1 January of the year one
 *     reaches it, {@code false} when it counts from the birthday
 * @param reducedByCalendarYear the same for {@code reducedMinimumAge}
 * @param sources where the rule is written down: laws, official pages, with their address
 * @since 0.1
 */
public record AgeRule(
    Validity validity,
    int minimumAge,
    int reducedMinimumAge,
    boolean byCalendarYear,
    boolean reducedByCalendarYear,
    List<String> sources) {

  public AgeRule {
    Objects.requireNonNull(validity, "validity");
    checkArgument(minimumAge >= 0 && minimumAge <= 30, "minimumAge must be in [0, 30]: %s", minimumAge);
    checkArgument(
        reducedMinimumAge >= 0 && reducedMinimumAge <= minimumAge,
        "reducedMinimumAge must be in [0, minimumAge (%s)]: %s",
        minimumAge,
        reducedMinimumAge);
    sources = Sources.copy(sources, "sources of an age rule");
  }

  /**
   * A rule that counts both ages the same way, without sources.
   *
   * @param validity when the rule is in force
   * @param minimumAge the minimum age
   * @param reducedMinimumAge the minimum age after the first two years of secondary school
   * @param byCalendarYear whether both ages count from 1 January of the year one reaches them
   */
  public AgeRule(Validity validity, int minimumAge, int reducedMinimumAge, boolean byCalendarYear) {
    this(validity, minimumAge, reducedMinimumAge, byCalendarYear, byCalendarYear, List.of());
  }

  /**
   * Returns the first day on which someone may volunteer under this rule.
   *
   * @param birthDate the birth date
   * @param completedFirstStageSecondary whether the first two years of secondary school are done
   * @return the first permitted day: the earlier of the two ages when the reduced one applies
   * @since 0.2
   */
  public LocalDate permittedFrom(LocalDate birthDate, boolean completedFirstStageSecondary) {
    Objects.requireNonNull(birthDate, "birthDate");
    LocalDate general = reached(birthDate, minimumAge, byCalendarYear);
    if (!completedFirstStageSecondary) {
      return general;
    }
    LocalDate reduced = reached(birthDate, reducedMinimumAge, reducedByCalendarYear);
    return reduced.isBefore(general) ? reduced : general;
  }

  /**
   * The day one reaches an age, by calendar year or by birthday; someone born on 29 February
   * reaches it on 1 March in a year without that day, the first day on which the completed years
   * ({@code Period.between}) say so.
   */
  static LocalDate reached(LocalDate birthDate, int age, boolean byCalendarYear) {
    if (byCalendarYear) {
      return LocalDate.of(birthDate.getYear() + age, 1, 1);
    }
    LocalDate day = birthDate.plusYears(age);
    return day.getDayOfMonth() < birthDate.getDayOfMonth() ? day.plusDays(1) : day;
  }

  /** Copies a list of sources: non-blank texts. */
  static final class Sources {
    private Sources() {}

    static List<String> copy(@Nullable List<String> sources, String field) {
      if (sources == null) {
        return List.of();
      }
      for (String s : sources) {
        Objects.requireNonNull(s, field);
        checkArgument(!s.isBlank(), "%s must not hold a blank text", field);
      }
      return List.copyOf(sources);
    }
  }
}
