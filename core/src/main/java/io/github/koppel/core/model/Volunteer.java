package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkState;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A candidate volunteer: what they speak, can do, like and need, when and where they are available,
 * and the sensitive facts they chose to share together with their consent to use them.
 *
 * <p>Ability ({@code possibilities}, {@code supportNeeds}), {@code benefits}, {@code targetGroups}
 * and {@code backgroundCheckDate} are sensitive: use them only where {@link #mayUse} allows, and
 * never show them to an organisation.
 *
 * <p>This class is immutable. Build one with {@link #builder(String)}. Languages and talents keep
 * their given order; consents iterate by category and history by date, vacancy and outcome (the
 * order of {@link History}).
 *
 * @param id a unique id
 * @param displayName the name a counsellor uses, or {@code null}
 * @param birthDate the birth date, not in the future, or {@code null} when unknown
 * @param completedFirstStageSecondary whether the volunteer finished the first two years of
 *     secondary school (which lowers the legal minimum age by one year)
 * @param languages the languages spoken, at most one entry per language
 * @param talents talents offered or to learn, at most one entry per concept; the offered ones come
 *     first, each group in the given order
 * @param interests ids of sector concepts the volunteer cares about
 * @param possibilities per functional dimension id, what the volunteer can do (sensitive)
 * @param supportNeeds ids of accommodation concepts the volunteer needs (sensitive)
 * @param availability when the volunteer is available
 * @param home where the volunteer lives, or {@code null}
 * @param mobility how far and how the volunteer travels, or {@code null} when not stated
 * @param preferences what the volunteer prefers
 * @param targetGroups ids of self-declared target-group concepts (sensitive)
 * @param benefits social benefits received (sensitive)
 * @param backgroundCheckDate the issue date of the volunteer's latest 596.2 extract, or {@code
 *     null} (sensitive)
 * @param consents recorded consents, at most one per category
 * @param history earlier matches and their outcome
 * @param drivingLicences the categories of driving licence the volunteer holds (since 0.2)
 * @param participation the volunteer's status, candidate-bank consent and own cap on proposals
 *     (since 0.2); {@link Participation#DEFAULT} when not given
 * @since 0.1
 */
public record Volunteer(
    String id,
    @Nullable String displayName,
    @Nullable LocalDate birthDate,
    boolean completedFirstStageSecondary,
    List<LanguageSkill> languages,
    List<Talent> talents,
    Set<String> interests,
    Map<String, FunctionalLevel> possibilities,
    Set<String> supportNeeds,
    Availability availability,
    @Nullable Location home,
    @Nullable Mobility mobility,
    Preferences preferences,
    Set<String> targetGroups,
    Set<BenefitStatus> benefits,
    @Nullable LocalDate backgroundCheckDate,
    List<Consent> consents,
    List<MatchRecord> history,
    Set<DrivingLicence> drivingLicences,
    Participation participation) {

  public Volunteer {
    Checks.id(id, "id");
    if (displayName != null) {
      displayName = Checks.text(displayName, "displayName");
    }
    if (birthDate != null) {
      Checks.pastDate(birthDate, "birthDate");
    }
    languages = Checks.list(languages, "languages");
    Checks.unique(languages, LanguageSkill::language, "languages");
    // Offered before wished for, as the CSV columns hold them, so that every form keeps one order.
    talents = Checks.sortedList(talents, Comparator.comparing(Talent::wantsToLearn), "talents");
    Checks.unique(talents, Talent::conceptId, "talents");
    interests = Checks.ids(interests, "interests");
    possibilities = Checks.idMap(possibilities, "possibilities");
    supportNeeds = Checks.ids(supportNeeds, "supportNeeds");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(preferences, "preferences");
    targetGroups = Checks.ids(targetGroups, "targetGroups");
    benefits = Checks.enums(benefits, BenefitStatus.class, "benefits");
    if (backgroundCheckDate != null) {
      Checks.pastDate(backgroundCheckDate, "backgroundCheckDate");
    }
    consents =
        Checks.sortedList(consents, Comparator.comparing(Consent::category), "consents");
    Checks.unique(consents, c -> c.category().name(), "consents");
    history =
        Checks.sortedList(
            history,
            Comparator.comparing(MatchRecord::date)
                .thenComparing(MatchRecord::vacancyId)
                .thenComparing(MatchRecord::outcome),
            "history");
    drivingLicences = Checks.enums(drivingLicences, DrivingLicence.class, "drivingLicences");
    participation = participation == null ? Participation.DEFAULT : participation;
  }

  /**
   * Creates an active volunteer without the candidate-bank consent, as the first 0.2 snapshots
   * did.
   *
   * @param id a unique id
   * @param displayName the name a counsellor uses, or {@code null}
   * @param birthDate the birth date, or {@code null}
   * @param completedFirstStageSecondary whether the first stage of secondary school is completed
   * @param languages the languages spoken
   * @param talents talents offered or to learn
   * @param interests ids of sector concepts
   * @param possibilities per functional dimension id, what the volunteer can do
   * @param supportNeeds ids of accommodation concepts needed
   * @param availability when the volunteer is available
   * @param home where the volunteer lives, or {@code null}
   * @param mobility how far and how the volunteer travels, or {@code null}
   * @param preferences what the volunteer prefers
   * @param targetGroups ids of target-group concepts
   * @param benefits social benefits received
   * @param backgroundCheckDate the issue date of the latest 596.2 extract, or {@code null}
   * @param consents recorded consents
   * @param history earlier matches
   * @param drivingLicences the categories of driving licence held
   */
  public Volunteer(
      String id,
      @Nullable String displayName,
      @Nullable LocalDate birthDate,
      boolean completedFirstStageSecondary,
      List<LanguageSkill> languages,
      List<Talent> talents,
      Set<String> interests,
      Map<String, FunctionalLevel> possibilities,
      Set<String> supportNeeds,
      Availability availability,
      @Nullable Location home,
      @Nullable Mobility mobility,
      Preferences preferences,
      Set<String> targetGroups,
      Set<BenefitStatus> benefits,
      @Nullable LocalDate backgroundCheckDate,
      List<Consent> consents,
      List<MatchRecord> history,
      Set<DrivingLicence> drivingLicences) {
    this(id, displayName, birthDate, completedFirstStageSecondary, languages, talents, interests,
        possibilities, supportNeeds, availability, home, mobility, preferences, targetGroups,
        benefits, backgroundCheckDate, consents, history, drivingLicences, Participation.DEFAULT);
  }

  /**
   * Creates a volunteer without driving licences, as 0.1 did.
   *
   * @param id a unique id
   * @param displayName the name a counsellor uses, or {@code null}
   * @param birthDate the birth date, or {@code null}
   * @param completedFirstStageSecondary whether the first stage of secondary school is completed
   * @param languages the languages spoken
   * @param talents talents offered or to learn
   * @param interests ids of sector concepts
   * @param possibilities per functional dimension id, what the volunteer can do
   * @param supportNeeds ids of accommodation concepts needed
   * @param availability when the volunteer is available
   * @param home where the volunteer lives, or {@code null}
   * @param mobility how far and how the volunteer travels, or {@code null}
   * @param preferences what the volunteer prefers
   * @param targetGroups ids of target-group concepts
   * @param benefits social benefits received
   * @param backgroundCheckDate the issue date of the latest 596.2 extract, or {@code null}
   * @param consents recorded consents
   * @param history earlier matches
   */
  public Volunteer(
      String id,
      @Nullable String displayName,
      @Nullable LocalDate birthDate,
      boolean completedFirstStageSecondary,
      List<LanguageSkill> languages,
      List<Talent> talents,
      Set<String> interests,
      Map<String, FunctionalLevel> possibilities,
      Set<String> supportNeeds,
      Availability availability,
      @Nullable Location home,
      @Nullable Mobility mobility,
      Preferences preferences,
      Set<String> targetGroups,
      Set<BenefitStatus> benefits,
      @Nullable LocalDate backgroundCheckDate,
      List<Consent> consents,
      List<MatchRecord> history) {
    this(id, displayName, birthDate, completedFirstStageSecondary, languages, talents, interests,
        possibilities, supportNeeds, availability, home, mobility, preferences, targetGroups,
        benefits, backgroundCheckDate, consents, history, Set.of(), Participation.DEFAULT);
  }

  /**
   * Returns a builder for a volunteer.
   *
   * @param id a unique id
   * @return a new builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Returns a builder initialised with this volunteer's values, for making a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.displayName = displayName;
    b.birthDate = birthDate;
    b.completedFirstStageSecondary = completedFirstStageSecondary;
    b.languages = new ArrayList<>(languages);
    b.talents = new ArrayList<>(talents);
    b.interests = interests;
    b.possibilities = new LinkedHashMap<>(possibilities);
    b.supportNeeds = supportNeeds;
    b.availability = availability;
    b.home = home;
    b.mobility = mobility;
    b.preferences = preferences;
    b.targetGroups = targetGroups;
    b.benefits = benefits.isEmpty() ? EnumSet.noneOf(BenefitStatus.class) : EnumSet.copyOf(benefits);
    b.backgroundCheckDate = backgroundCheckDate;
    b.consents = new ArrayList<>(consents);
    b.history = new ArrayList<>(history);
    b.drivingLicences = drivingLicences.isEmpty() ? EnumSet.noneOf(DrivingLicence.class) : EnumSet.copyOf(drivingLicences);
    b.participation = participation;
    return b;
  }

  /**
   * Returns whether the volunteer consented to use a category of sensitive facts for a purpose.
   *
   * @param category the category
   * @param purpose the purpose
   * @return {@code true} when a recorded consent covers both
   */
  public boolean mayUse(SensitiveCategory category, ConsentPurpose purpose) {
    for (Consent consent : consents) {
      if (consent.category() == category) {
        return consent.purposes().contains(purpose);
      }
    }
    return false;
  }

  /**
   * Returns the volunteer's age in completed years on a day.
   *
   * @param date the day
   * @return the age, or empty when the birth date is unknown
   */
  public OptionalInt ageOn(LocalDate date) {
    return birthDate == null
        ? OptionalInt.empty()
        : OptionalInt.of(Math.max(0, Period.between(birthDate, date).getYears()));
  }

  /**
   * Returns the volunteer's skill in a language.
   *
   * @param language an ISO 639 code
   * @return the skill, or {@code null} when the volunteer does not list that language
   */
  public @Nullable LanguageSkill language(String language) {
    for (LanguageSkill skill : languages) {
      if (skill.language().equals(language)) {
        return skill;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    // Deliberately short: a volunteer's sensitive facts must never end up in a log line.
    return "Volunteer{id=" + id + "}";
  }

  /**
   * A builder of {@link Volunteer}. Every setter checks its argument at once; {@link #build()}
   * checks the whole. This class is not thread-safe.
   *
   * @since 0.1
   */
  public static final class Builder {
    private String id;
    private @Nullable String displayName;
    private @Nullable LocalDate birthDate;
    private boolean completedFirstStageSecondary;
    private List<LanguageSkill> languages = new ArrayList<>();
    private List<Talent> talents = new ArrayList<>();
    private Set<String> interests = Set.of();
    private Map<String, FunctionalLevel> possibilities = new LinkedHashMap<>();
    private Set<String> supportNeeds = Set.of();
    private Availability availability = Availability.UNSPECIFIED;
    private @Nullable Location home;
    private @Nullable Mobility mobility;
    private Preferences preferences = Preferences.NONE;
    private Set<String> targetGroups = Set.of();
    private Set<BenefitStatus> benefits = EnumSet.noneOf(BenefitStatus.class);
    private @Nullable LocalDate backgroundCheckDate;
    private List<Consent> consents = new ArrayList<>();
    private List<MatchRecord> history = new ArrayList<>();
    private Set<DrivingLicence> drivingLicences = EnumSet.noneOf(DrivingLicence.class);
    private Participation participation = Participation.DEFAULT;
    private boolean built;

    Builder(String id) {
      this.id = Checks.id(id, "id");
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
     * Sets the display name.
     *
     * @param displayName the name, or {@code null}
     * @return this builder
     */
    public Builder displayName(@Nullable String displayName) {
      this.displayName = displayName == null ? null : Checks.text(displayName, "displayName");
      return this;
    }

    /**
     * Sets the birth date.
     *
     * @param birthDate the date, or {@code null}
     * @return this builder
     */
    public Builder birthDate(@Nullable LocalDate birthDate) {
      this.birthDate = birthDate;
      return this;
    }

    /**
     * Sets whether the first two years of secondary school are done.
     *
     * @param completed the flag
     * @return this builder
     */
    public Builder completedFirstStageSecondary(boolean completed) {
      this.completedFirstStageSecondary = completed;
      return this;
    }

    /**
     * Replaces all languages.
     *
     * @param languages the languages, at most one skill per language
     * @return this builder
     * @since 0.2
     */
    public Builder languages(List<LanguageSkill> languages) {
      this.languages = new ArrayList<>(Objects.requireNonNull(languages, "languages"));
      return this;
    }

    /**
     * Replaces all talents.
     *
     * @param talents the talents, at most one per concept
     * @return this builder
     * @since 0.2
     */
    public Builder talents(List<Talent> talents) {
      this.talents = new ArrayList<>(Objects.requireNonNull(talents, "talents"));
      return this;
    }

    /**
     * Adds a language skill.
     *
     * @param language the skill
     * @return this builder
     */
    public Builder language(LanguageSkill language) {
      languages.add(Objects.requireNonNull(language, "language"));
      return this;
    }

    /**
     * Adds a talent.
     *
     * @param talent the talent
     * @return this builder
     */
    public Builder talent(Talent talent) {
      talents.add(Objects.requireNonNull(talent, "talent"));
      return this;
    }

    /**
     * Sets the interests.
     *
     * @param interests sector concept ids
     * @return this builder
     */
    public Builder interests(Set<String> interests) {
      this.interests = Checks.ids(interests, "interests");
      return this;
    }

    /**
     * Sets the possibility on one functional dimension.
     *
     * @param dimensionId a functional dimension id
     * @param level what the volunteer can do
     * @return this builder
     */
    public Builder possibility(String dimensionId, FunctionalLevel level) {
      possibilities.put(
          Checks.id(dimensionId, "possibilities key"), Objects.requireNonNull(level, "level"));
      return this;
    }

    /**
     * Sets the support needs.
     *
     * @param supportNeeds accommodation concept ids
     * @return this builder
     */
    public Builder supportNeeds(Set<String> supportNeeds) {
      this.supportNeeds = Checks.ids(supportNeeds, "supportNeeds");
      return this;
    }

    /**
     * Sets the availability.
     *
     * @param availability the availability
     * @return this builder
     */
    public Builder availability(Availability availability) {
      this.availability = Objects.requireNonNull(availability, "availability");
      return this;
    }

    /**
     * Sets where the volunteer lives.
     *
     * @param home the location, or {@code null}
     * @return this builder
     */
    public Builder home(@Nullable Location home) {
      this.home = home;
      return this;
    }

    /**
     * Sets the mobility.
     *
     * @param mobility the mobility, or {@code null}
     * @return this builder
     */
    public Builder mobility(@Nullable Mobility mobility) {
      this.mobility = mobility;
      return this;
    }

    /**
     * Sets the preferences.
     *
     * @param preferences the preferences
     * @return this builder
     */
    public Builder preferences(Preferences preferences) {
      this.preferences = Objects.requireNonNull(preferences, "preferences");
      return this;
    }

    /**
     * Sets the self-declared target groups.
     *
     * @param targetGroups target-group concept ids
     * @return this builder
     */
    public Builder targetGroups(Set<String> targetGroups) {
      this.targetGroups = Checks.ids(targetGroups, "targetGroups");
      return this;
    }

    /**
     * Adds a social benefit.
     *
     * @param benefit the benefit
     * @return this builder
     */
    public Builder benefit(BenefitStatus benefit) {
      benefits.add(Objects.requireNonNull(benefit, "benefit"));
      return this;
    }

    /**
     * Sets the issue date of the latest 596.2 extract.
     *
     * @param backgroundCheckDate the date, or {@code null}
     * @return this builder
     */
    public Builder backgroundCheckDate(@Nullable LocalDate backgroundCheckDate) {
      this.backgroundCheckDate = backgroundCheckDate;
      return this;
    }

    /**
     * Adds a consent.
     *
     * @param consent the consent
     * @return this builder
     */
    public Builder consent(Consent consent) {
      consents.add(Objects.requireNonNull(consent, "consent"));
      return this;
    }

    /**
     * Replaces all consents, for example with none when a volunteer withdraws them.
     *
     * @param consents the consents
     * @return this builder
     * @since 0.2
     */
    public Builder consents(List<Consent> consents) {
      this.consents = new ArrayList<>(Objects.requireNonNull(consents, "consents"));
      return this;
    }

    /**
     * Adds an earlier match.
     *
     * @param record the match and its outcome
     * @return this builder
     */
    public Builder history(MatchRecord record) {
      history.add(Objects.requireNonNull(record, "record"));
      return this;
    }

    /**
     * Replaces the earlier matches.
     *
     * @param records the matches and their outcomes, in any order
     * @return this builder
     * @since 0.2
     */
    public Builder history(List<MatchRecord> records) {
      this.history = new ArrayList<>(Objects.requireNonNull(records, "records"));
      return this;
    }

    /**
     * Adds a category of driving licence the volunteer holds.
     *
     * @param licence the category
     * @return this builder
     * @since 0.2
     */
    public Builder drivingLicence(DrivingLicence licence) {
      drivingLicences.add(Objects.requireNonNull(licence, "licence"));
      return this;
    }

    /**
     * Sets the volunteer's status, candidate-bank consent and own cap on proposals.
     *
     * @param participation the participation
     * @return this builder
     * @since 0.2
     */
    public Builder participation(Participation participation) {
      this.participation = Objects.requireNonNull(participation, "participation");
      return this;
    }

    /**
     * Builds the volunteer. A builder builds once.
     *
     * @return the volunteer
     * @throws IllegalStateException if the builder already built
     * @throws IllegalArgumentException if the values do not make a valid volunteer
     */
    public Volunteer build() {
      checkState(!built, "this builder already built volunteer %s", id);
      built = true;
      return new Volunteer(
          id,
          displayName,
          birthDate,
          completedFirstStageSecondary,
          languages,
          talents,
          interests,
          possibilities,
          supportNeeds,
          availability,
          home,
          mobility,
          preferences,
          targetGroups,
          benefits,
          backgroundCheckDate,
          consents,
          history,
          drivingLicences,
          participation);
    }
  }
}
