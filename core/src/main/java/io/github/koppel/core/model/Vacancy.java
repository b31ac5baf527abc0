package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A vacancy of a volunteer organisation: what the work is, what it asks (talents, languages,
 * functional demands), what it offers (training, language practice, accommodations, allowance),
 * when and where it happens, and how many places it has.
 *
 * <p>This class is immutable. Build one with {@link #builder(String, String, LocalizedText)}.
 * Talent and language requirements keep their given order; accommodations iterate by id.
 *
 * @param id a unique id
 * @param organisationId the id of the organisation offering the vacancy
 * @param title the title, per language
 * @param description the description, per language, or {@code null}
 * @param sectors ids of sector concepts
 * @param talents talent requirements, at most one per concept; the required ones come first, each
 *     group in the given order
 * @param offersTraining whether the vacancy teaches its talents on the job ("want to learn" counts)
 * @param languages language requirements, at most one per language; the mandatory ones come
 *     first, each group in the given order
 * @param noDutchRequired whether the vacancy is explicitly open to people who speak no Dutch yet
 * @param practiseLanguages languages the vacancy offers a chance to practise (typically {@code nl})
 * @param functionalDemands per functional dimension id, what the work asks
 * @param accommodations accommodations the vacancy offers, at most one per id
 * @param schedule when the work happens
 * @param workMode on site, remote or hybrid
 * @param location where the work happens; required unless the work is remote
 * @param capacity the number of places, in [0, 100000]; 0 means currently full
 * @param minimumAge the organisation's own minimum age, or {@code null} for the legal minimum only
 * @param minimumAgeByCalendarYear whether {@code minimumAge} counts from 1 January of the year one
 *     reaches it (as the legal age of 16 does) instead of from the birthday (completed years, the
 *     default)
 * @param requiresBackgroundCheck whether the work involves structural contact with minors and so
 *     needs a 596.2 extract from the criminal record
 * @param allowance the expense allowance
 * @param socialSetting whether the work is done alone or in a group, or {@code null} when either
 * @param validFrom the first day the vacancy is open, or {@code null}
 * @param validUntil the last day the vacancy is open, or {@code null}
 * @param drivingLicence the category of driving licence the work needs (driving a van or a
 *     minibus), or {@code null} when it needs none (since 0.2)
 * @since 0.1
 */
public record Vacancy(
    String id,
    String organisationId,
    LocalizedText title,
    @Nullable LocalizedText description,
    Set<String> sectors,
    List<TalentRequirement> talents,
    boolean offersTraining,
    List<LanguageRequirement> languages,
    boolean noDutchRequired,
    Set<String> practiseLanguages,
    Map<String, FunctionalLevel> functionalDemands,
    List<Accommodation> accommodations,
    Schedule schedule,
    WorkMode workMode,
    @Nullable Location location,
    int capacity,
    @Nullable Integer minimumAge,
    boolean minimumAgeByCalendarYear,
    boolean requiresBackgroundCheck,
    Allowance allowance,
    @Nullable SocialSetting socialSetting,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validUntil,
    @Nullable DrivingLicence drivingLicence) {

  /** The largest capacity accepted. */
  public static final int MAX_CAPACITY = 100_000;

  public Vacancy {
    Checks.id(id, "id");
    Checks.id(organisationId, "organisationId");
    Objects.requireNonNull(title, "title");
    sectors = Checks.ids(sectors, "sectors");
    // Required before desired, as the CSV columns hold them, so that every form keeps one order.
    talents =
        Checks.sortedList(
            talents, Comparator.comparing((TalentRequirement t) -> !t.required()), "talents");
    Checks.unique(talents, TalentRequirement::conceptId, "talents");
    languages =
        Checks.sortedList(
            languages, Comparator.comparing((LanguageRequirement l) -> !l.mandatory()), "languages");
    Checks.unique(languages, LanguageRequirement::language, "languages");
    for (String language : Checks.list(practiseLanguages, "practiseLanguages")) {
      Checks.language(language, "practiseLanguages element");
    }
    practiseLanguages = Collections.unmodifiableSortedSet(new TreeSet<>(practiseLanguages));
    if (noDutchRequired) {
      for (LanguageRequirement requirement : languages) {
        checkArgument(
            !(requirement.mandatory() && requirement.language().equals("nl")),
            "noDutchRequired contradicts the mandatory Dutch requirement (%s) of vacancy %s",
            requirement.minimumLevel(),
            id);
      }
    }
    functionalDemands = Checks.idMap(functionalDemands, "functionalDemands");
    accommodations =
        Checks.sortedList(
            accommodations, Comparator.comparing(Accommodation::accommodationId), "accommodations");
    Checks.unique(accommodations, Accommodation::accommodationId, "accommodations");
    for (Accommodation accommodation : accommodations) {
      for (Map.Entry<String, FunctionalLevel> lowered : accommodation.lowersDemands().entrySet()) {
        FunctionalLevel demand = functionalDemands.get(lowered.getKey());
        checkArgument(
            demand != null,
            "accommodation %s lowers the demand on '%s', which the vacancy does not make",
            accommodation.accommodationId(),
            lowered.getKey());
        checkArgument(
            lowered.getValue().compareTo(demand) <= 0,
            "accommodation %s must lower the demand on '%s' (%s), not raise it to %s",
            accommodation.accommodationId(),
            lowered.getKey(),
            demand,
            lowered.getValue());
      }
    }
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(workMode, "workMode");
    checkArgument(
        workMode == WorkMode.REMOTE || location != null,
        "location is required for %s work (vacancy %s)",
        workMode,
        id);
    checkArgument(
        capacity >= 0 && capacity <= MAX_CAPACITY,
        "capacity must be in [0, %s]: %s",
        MAX_CAPACITY,
        capacity);
    if (minimumAge != null) {
      checkArgument(
          minimumAge >= 0 && minimumAge <= 99, "minimumAge must be in [0, 99]: %s", minimumAge);
    }
    Objects.requireNonNull(allowance, "allowance");
    if (validFrom != null && validUntil != null) {
      checkArgument(
          !validUntil.isBefore(validFrom),
          "validUntil (%s) must not be before validFrom (%s)",
          validUntil,
          validFrom);
    }
  }

  /**
   * Creates a vacancy that needs no driving licence, as 0.1 did.
   *
   * @param id a unique id
   * @param organisationId the organisation's id
   * @param title the title
   * @param description the description, or {@code null}
   * @param sectors ids of sector concepts
   * @param talents talent requirements
   * @param offersTraining whether the vacancy teaches its talents
   * @param languages language requirements
   * @param noDutchRequired whether the vacancy is open to people who speak no Dutch yet
   * @param practiseLanguages languages the vacancy offers a chance to practise
   * @param functionalDemands per functional dimension id, what the work asks
   * @param accommodations accommodations offered
   * @param schedule when the work happens
   * @param workMode on site, remote or hybrid
   * @param location where the work happens, or {@code null} for remote work
   * @param capacity the number of places
   * @param minimumAge the organisation's own minimum age, or {@code null}
   * @param minimumAgeByCalendarYear whether the minimum age counts by calendar year
   * @param requiresBackgroundCheck whether a 596.2 extract is needed
   * @param allowance the expense allowance
   * @param socialSetting alone or in a group, or {@code null}
   * @param validFrom the first open day, or {@code null}
   * @param validUntil the last open day, or {@code null}
   */
  public Vacancy(
      String id,
      String organisationId,
      LocalizedText title,
      @Nullable LocalizedText description,
      Set<String> sectors,
      List<TalentRequirement> talents,
      boolean offersTraining,
      List<LanguageRequirement> languages,
      boolean noDutchRequired,
      Set<String> practiseLanguages,
      Map<String, FunctionalLevel> functionalDemands,
      List<Accommodation> accommodations,
      Schedule schedule,
      WorkMode workMode,
      @Nullable Location location,
      int capacity,
      @Nullable Integer minimumAge,
      boolean minimumAgeByCalendarYear,
      boolean requiresBackgroundCheck,
      Allowance allowance,
      @Nullable SocialSetting socialSetting,
      @Nullable LocalDate validFrom,
      @Nullable LocalDate validUntil) {
    this(id, organisationId, title, description, sectors, talents, offersTraining, languages,
        noDutchRequired, practiseLanguages, functionalDemands, accommodations, schedule, workMode,
        location, capacity, minimumAge, minimumAgeByCalendarYear, requiresBackgroundCheck,
        allowance, socialSetting, validFrom, validUntil, null);
  }

  /**
   * Returns a builder for a vacancy.
   *
   * @param id a unique id
   * @param organisationId the organisation's id
   * @param title the title
   * @return a new builder
   */
  public static Builder builder(String id, String organisationId, LocalizedText title) {
    return new Builder(id, organisationId, title);
  }

  /**
   * Returns a builder initialised with this vacancy's values, for making a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, organisationId, title);
    b.description = description;
    b.sectors = sectors;
    b.talents = new ArrayList<>(talents);
    b.offersTraining = offersTraining;
    b.languages = new ArrayList<>(languages);
    b.noDutchRequired = noDutchRequired;
    b.practiseLanguages = practiseLanguages;
    b.functionalDemands = new LinkedHashMap<>(functionalDemands);
    b.accommodations = new ArrayList<>(accommodations);
    b.schedule = schedule;
    b.workMode = workMode;
    b.location = location;
    b.capacity = capacity;
    b.minimumAge = minimumAge;
    b.minimumAgeByCalendarYear = minimumAgeByCalendarYear;
    b.requiresBackgroundCheck = requiresBackgroundCheck;
    b.allowance = allowance;
    b.socialSetting = socialSetting;
    b.validFrom = validFrom;
    b.validUntil = validUntil;
    b.drivingLicence = drivingLicence;
    return b;
  }

  /**
   * Returns whether the vacancy is open on the given day, judged by its validity period.
   *
   * @param date a day
   * @return {@code true} when {@code date} lies within [{@code validFrom}, {@code validUntil}]
   */
  public boolean isOpenOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom))
        && (validUntil == null || !date.isAfter(validUntil));
  }

  /**
   * Returns the demand on a functional dimension once every offered accommodation that lowers it is
   * used.
   *
   * @param dimensionId a functional dimension id
   * @return the lowest remaining demand, or {@link FunctionalLevel#NONE} when the vacancy makes no
   *     demand on that dimension
   */
  public FunctionalLevel accommodatedDemand(String dimensionId) {
    FunctionalLevel demand = functionalDemands.getOrDefault(dimensionId, FunctionalLevel.NONE);
    for (Accommodation accommodation : accommodations) {
      FunctionalLevel lowered = accommodation.lowersDemands().get(dimensionId);
      if (lowered != null && lowered.compareTo(demand) < 0) {
        demand = lowered;
      }
    }
    return demand;
  }

  @Override
  public String toString() {
    return "Vacancy{id=" + id + ", org=" + organisationId + ", title=" + title.in("nl") + "}";
  }

  /**
   * A builder of {@link Vacancy}. Every setter checks its argument at once; {@link #build()}
   * checks the whole. This class is not thread-safe.
   *
   * @since 0.1
   */
  public static final class Builder {
    private String id;
    private final String organisationId;
    private final LocalizedText title;
    private @Nullable LocalizedText description;
    private Set<String> sectors = Set.of();
    private List<TalentRequirement> talents = new ArrayList<>();
    private boolean offersTraining;
    private List<LanguageRequirement> languages = new ArrayList<>();
    private boolean noDutchRequired;
    private Set<String> practiseLanguages = Set.of();
    private Map<String, FunctionalLevel> functionalDemands = new LinkedHashMap<>();
    private List<Accommodation> accommodations = new ArrayList<>();
    private Schedule schedule = Schedule.regular(Set.of(), null);
    private WorkMode workMode = WorkMode.ON_SITE;
    private @Nullable Location location;
    private int capacity = 1;
    private @Nullable Integer minimumAge;
    private boolean minimumAgeByCalendarYear;
    private boolean requiresBackgroundCheck;
    private Allowance allowance = Allowance.NONE;
    private @Nullable SocialSetting socialSetting;
    private @Nullable LocalDate validFrom;
    private @Nullable LocalDate validUntil;
    private @Nullable DrivingLicence drivingLicence;
    private boolean built;

    Builder(String id, String organisationId, LocalizedText title) {
      this.id = Checks.id(id, "id");
      this.organisationId = Checks.id(organisationId, "organisationId");
      this.title = Objects.requireNonNull(title, "title");
    }

    /**
     * Sets another id, for example to derive a variant of an existing record with {@code
     * toBuilder()}.
     *
     * @param id the id
     * @return this builder
     * @since 0.2
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets the description.
     *
     * @param description the description, or {@code null}
     * @return this builder
     */
    public Builder description(@Nullable LocalizedText description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the sectors.
     *
     * @param sectors sector concept ids
     * @return this builder
     */
    public Builder sectors(Set<String> sectors) {
      this.sectors = Checks.ids(sectors, "sectors");
      return this;
    }

    /**
     * Adds a talent requirement.
     *
     * @param talent the requirement
     * @return this builder
     */
    public Builder talent(TalentRequirement talent) {
      talents.add(Objects.requireNonNull(talent, "talent"));
      return this;
    }

    /**
     * Replaces all talent requirements.
     *
     * @param talents the requirements
     * @return this builder
     * @since 0.2
     */
    public Builder talents(List<TalentRequirement> talents) {
      this.talents = new ArrayList<>(Objects.requireNonNull(talents, "talents"));
      return this;
    }

    /**
     * Sets whether the vacancy teaches its talents on the job.
     *
     * @param offersTraining whether training is offered
     * @return this builder
     */
    public Builder offersTraining(boolean offersTraining) {
      this.offersTraining = offersTraining;
      return this;
    }

    /**
     * Adds a language requirement.
     *
     * @param language the requirement
     * @return this builder
     */
    public Builder language(LanguageRequirement language) {
      languages.add(Objects.requireNonNull(language, "language"));
      return this;
    }

    /**
     * Sets whether the vacancy is explicitly open to people who speak no Dutch yet.
     *
     * @param noDutchRequired the flag
     * @return this builder
     */
    public Builder noDutchRequired(boolean noDutchRequired) {
      this.noDutchRequired = noDutchRequired;
      return this;
    }

    /**
     * Sets the languages the vacancy offers a chance to practise.
     *
     * @param practiseLanguages ISO 639 codes
     * @return this builder
     */
    public Builder practiseLanguages(Set<String> practiseLanguages) {
      for (String language : Checks.list(practiseLanguages, "practiseLanguages")) {
        Checks.language(language, "practiseLanguages element");
      }
      this.practiseLanguages = Set.copyOf(practiseLanguages);
      return this;
    }

    /**
     * Sets the demand on one functional dimension.
     *
     * @param dimensionId a functional dimension id
     * @param level the demand
     * @return this builder
     */
    public Builder demand(String dimensionId, FunctionalLevel level) {
      functionalDemands.put(
          Checks.id(dimensionId, "dimensionId"), Objects.requireNonNull(level, "level"));
      return this;
    }

    /**
     * Adds an offered accommodation.
     *
     * @param accommodation the accommodation
     * @return this builder
     */
    public Builder accommodation(Accommodation accommodation) {
      accommodations.add(Objects.requireNonNull(accommodation, "accommodation"));
      return this;
    }

    /**
     * Sets the schedule.
     *
     * @param schedule the schedule
     * @return this builder
     */
    public Builder schedule(Schedule schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /**
     * Sets where the work happens.
     *
     * @param workMode on site, remote or hybrid
     * @param location the location, or {@code null} for remote work
     * @return this builder
     */
    public Builder place(WorkMode workMode, @Nullable Location location) {
      this.workMode = Objects.requireNonNull(workMode, "workMode");
      this.location = location;
      return this;
    }

    /**
     * Sets the number of places.
     *
     * @param capacity the places, in [0, 100000]
     * @return this builder
     * @throws IllegalArgumentException if {@code capacity} is out of range
     */
    public Builder capacity(int capacity) {
      checkArgument(
          capacity >= 0 && capacity <= MAX_CAPACITY,
          "capacity must be in [0, %s]: %s",
          MAX_CAPACITY,
          capacity);
      this.capacity = capacity;
      return this;
    }

    /**
     * Sets the organisation's own minimum age, counted from the birthday unless {@link
     * #minimumAgeByCalendarYear} says otherwise.
     *
     * @param minimumAge years, in [0, 99], or {@code null}
     * @return this builder
     * @throws IllegalArgumentException if {@code minimumAge} is out of range
     */
    public Builder minimumAge(@Nullable Integer minimumAge) {
      checkArgument(
          minimumAge == null || (minimumAge >= 0 && minimumAge <= 99),
          "minimumAge must be in [0, 99]: %s",
          minimumAge);
      this.minimumAge = minimumAge;
      return this;
    }

    /**
     * Sets whether the organisation's own minimum age counts from 1 January of the year one reaches
     * it, as the legal age of 16 does, instead of from the birthday (the default).
     *
     * @param byCalendarYear whether it counts by calendar year
     * @return this builder
     * @since 0.2
     */
    public Builder minimumAgeByCalendarYear(boolean byCalendarYear) {
      this.minimumAgeByCalendarYear = byCalendarYear;
      return this;
    }

    /**
     * Sets whether the work needs a 596.2 extract.
     *
     * @param requiresBackgroundCheck the flag
     * @return this builder
     */
    public Builder requiresBackgroundCheck(boolean requiresBackgroundCheck) {
      this.requiresBackgroundCheck = requiresBackgroundCheck;
      return this;
    }

    /**
     * Sets the expense allowance.
     *
     * @param allowance the allowance
     * @return this builder
     */
    public Builder allowance(Allowance allowance) {
      this.allowance = Objects.requireNonNull(allowance, "allowance");
      return this;
    }

    /**
     * Sets whether the work is done alone or in a group.
     *
     * @param socialSetting the setting, or {@code null} when either
     * @return this builder
     */
    public Builder socialSetting(@Nullable SocialSetting socialSetting) {
      this.socialSetting = socialSetting;
      return this;
    }

    /**
     * Sets the validity period.
     *
     * @param validFrom the first open day, or {@code null}
     * @param validUntil the last open day, or {@code null}
     * @return this builder
     */
    public Builder validity(@Nullable LocalDate validFrom, @Nullable LocalDate validUntil) {
      this.validFrom = validFrom;
      this.validUntil = validUntil;
      return this;
    }

    /**
     * Sets the category of driving licence the work needs.
     *
     * @param licence the category, or {@code null} for none
     * @return this builder
     * @since 0.2
     */
    public Builder drivingLicence(@Nullable DrivingLicence licence) {
      this.drivingLicence = licence;
      return this;
    }

    /**
     * Builds the vacancy. A builder builds once.
     *
     * @return the vacancy
     * @throws IllegalStateException if the builder already built
     * @throws IllegalArgumentException if the values do not make a valid vacancy
     */
    public Vacancy build() {
      checkState(!built, "this builder already built vacancy %s", id);
      built = true;
      return new Vacancy(
          id,
          organisationId,
          title,
          description,
          sectors,
          talents,
          offersTraining,
          languages,
          noDutchRequired,
          practiseLanguages,
          functionalDemands,
          accommodations,
          schedule,
          workMode,
          location,
          capacity,
          minimumAge,
          minimumAgeByCalendarYear,
          requiresBackgroundCheck,
          allowance,
          socialSetting,
          validFrom,
          validUntil,
          drivingLicence);
    }
  }
}
