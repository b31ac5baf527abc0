package io.github.koppel.core.testdata;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Accommodation;
import io.github.koppel.core.model.Allowance;
import io.github.koppel.core.model.AllowanceType;
import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.InclusionCommitments;
import io.github.koppel.core.model.LanguageRequirement;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.DrivingLicence;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.MatchRecord;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Regularity;
import io.github.koppel.core.model.Schedule;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Shift;
import io.github.koppel.core.model.SocialSetting;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import io.github.koppel.core.model.WorkMode;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik arbitraries of every domain type, drawing concept ids from the bundled vocabularies. */
public final class DomainArbitraries {
  private static final Vocabularies VOCABULARIES = BundledData.flemishVocabularies();

  private DomainArbitraries() {}

  private static List<String> ids(List<Concept> concepts) {
    return concepts.stream().map(Concept::id).toList();
  }

  public static Arbitrary<String> talentIds() {
    return Arbitraries.of(ids(VOCABULARIES.talents().concepts()));
  }

  public static Arbitrary<String> sectorIds() {
    return Arbitraries.of(ids(VOCABULARIES.sectors().concepts()));
  }

  public static Arbitrary<String> dimensionIds() {
    return Arbitraries.of(ids(VOCABULARIES.functionalDimensions().concepts()));
  }

  public static Arbitrary<String> accommodationIds() {
    return Arbitraries.of(ids(VOCABULARIES.accommodations().concepts()));
  }

  public static Arbitrary<String> targetGroupIds() {
    return Arbitraries.of(ids(VOCABULARIES.targetGroups().concepts()));
  }

  public static Arbitrary<String> languages() {
    return Arbitraries.of("nl", "fr", "en", "de", "ar", "tr", "uk", "prs", "ti");
  }

  public static Arbitrary<String> texts() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars(" éèçëï'-&ü").ofMinLength(1).ofMaxLength(30)
        .filter(s -> !s.isBlank());
  }

  public static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(0, 365 * 40).map(d -> LocalDate.of(1990, 1, 1).plusDays(d));
  }

  public static Arbitrary<LocalDate> pastDates() {
    return Arbitraries.integers().between(0, 365 * 90).map(d -> LocalDate.of(1925, 1, 1).plusDays(d));
  }

  public static Arbitrary<LocalizedText> localizedTexts() {
    return Arbitraries.maps(Arbitraries.of("nl", "en", "fr", "de"), texts()).ofMinSize(1).ofMaxSize(4)
        .map(LocalizedText::new);
  }

  public static Arbitrary<LanguageSkill> languageSkills() {
    return Combinators.combine(languages(), Arbitraries.of(CefrLevel.class), Arbitraries.of(true, false))
        .as(LanguageSkill::new);
  }

  public static Arbitrary<LanguageRequirement> languageRequirements() {
    return Combinators.combine(languages(), Arbitraries.of(CefrLevel.class), Arbitraries.of(true, false))
        .as(LanguageRequirement::new);
  }

  public static Arbitrary<Talent> talents() {
    return Combinators.combine(talentIds(), Arbitraries.of(ProficiencyLevel.class).injectNull(0.3), Arbitraries.of(true, false))
        .as(Talent::new);
  }

  public static Arbitrary<TalentRequirement> talentRequirements() {
    return Combinators.combine(talentIds(), Arbitraries.of(ProficiencyLevel.class).injectNull(0.5), Arbitraries.of(true, false))
        .as(TalentRequirement::new);
  }

  public static Arbitrary<WeeklySlot> weeklySlots() {
    return Combinators.combine(Arbitraries.of(DayOfWeek.class), Arbitraries.of(DayPart.class)).as(WeeklySlot::new);
  }

  public static Arbitrary<Shift> shifts() {
    return Combinators.combine(dates(), Arbitraries.integers().between(0, 22), Arbitraries.integers().between(1, 8))
        .as((d, h, len) -> Shift.of(d, LocalTime.of(h, 0), LocalTime.of(Math.min(23, h + len), 30)));
  }

  public static Arbitrary<Location> locations() {
    return Combinators.combine(
            Arbitraries.doubles().between(-90, 90),
            Arbitraries.doubles().between(-180, 180),
            Arbitraries.of("9000", "9050", "2800", "3500").injectNull(0.3),
            Arbitraries.of("Gent", "Mechelen", "Hasselt").injectNull(0.3),
            texts().injectNull(0.5),
            Arbitraries.of(false, false, true))
        .as(Location::new);
  }

  public static Arbitrary<Availability> availabilities() {
    return Combinators.combine(
            weeklySlots().set().ofMaxSize(6),
            Arbitraries.doubles().between(0, 40).injectNull(0.3),
            dates().injectNull(0.7),
            shifts().list().ofMaxSize(3))
        .as((slots, hours, from, shifts) -> new Availability(slots, hours, from, from == null ? null : from.plusDays(30), shifts));
  }

  public static Arbitrary<Schedule> schedules() {
    Arbitrary<Schedule> regular =
        Combinators.combine(weeklySlots().set().ofMaxSize(5), Arbitraries.doubles().between(0, 20).injectNull(0.3))
            .as(Schedule::regular);
    Arbitrary<Schedule> oneOff = shifts().list().ofMinSize(1).ofMaxSize(3).map(Schedule::oneOff);
    return Arbitraries.oneOf(regular, oneOff);
  }

  public static Arbitrary<Mobility> mobilities() {
    return Combinators.combine(Arbitraries.doubles().between(0, 100), Arbitraries.of(TravelMode.class)).as(Mobility::new);
  }

  public static Arbitrary<Preferences> preferences() {
    return Combinators.combine(
            Arbitraries.of(true, false),
            Arbitraries.of(Regularity.class).injectNull(0.5),
            Arbitraries.of(SocialSetting.class).injectNull(0.5),
            Arbitraries.of(false, false, true))
        .as((remoteOk, regularity, setting, prefers) ->
            new Preferences(remoteOk || prefers, regularity, setting, prefers));
  }

  public static Arbitrary<Consent> consents() {
    return Combinators.combine(
            Arbitraries.of(SensitiveCategory.class),
            Arbitraries.of(ConsentPurpose.class).set().ofMinSize(1),
            pastDates())
        .as(Consent::new);
  }

  /** Participations: mostly the default, else any status with a pause's end, a consent day and a cap. */
  public static Arbitrary<Participation> participations() {
    Arbitrary<Participation> any =
        Combinators.combine(
                Arbitraries.of(Participation.Status.class),
                dates().injectNull(0.4),
                pastDates().injectNull(0.3),
                Arbitraries.integers().between(0, Participation.MAX_PROPOSALS_PER_MONTH).injectNull(0.6))
            .as((status, until, since, max) ->
                new Participation(status, status == Participation.Status.PAUSED ? until : null, since, max));
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Participation.DEFAULT)), Tuple.of(3, any));
  }

  public static Arbitrary<MatchRecord> matchRecords() {
    return Combinators.combine(Arbitraries.of("vac-1", "vac-2", "vac-3"), dates(), Arbitraries.of(MatchOutcome.class))
        .as(MatchRecord::new);
  }

  public static Arbitrary<InclusionCommitments> inclusionCommitments() {
    return Combinators.combine(targetGroupIds().set().ofMaxSize(3), Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as(InclusionCommitments::new);
  }

  public static Arbitrary<Allowance> allowances() {
    return Arbitraries.oneOf(
        Arbitraries.of(Allowance.NONE, Allowance.REAL_COSTS, new Allowance(AllowanceType.FLAT_RATE, null)),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(60)).ofScale(2).map(Allowance::flatRate));
  }

  public static Arbitrary<Organisation> organisations() {
    return Combinators.combine(
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12).map(s -> "org-" + s),
            texts(),
            Arbitraries.of(LegalForm.class),
            Arbitraries.of(true, false),
            sectorIds().set().ofMaxSize(3),
            locations().injectNull(0.2),
            inclusionCommitments(),
            Arbitraries.of(true, false))
        .as(Organisation::new);
  }

  public static Arbitrary<Volunteer> volunteers() {
    return Builders.withBuilder(VolunteerDraft::new)
        .use(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)).inSetter((d, s) -> d.id = "vol-" + s)
        .use(texts().injectNull(0.3)).inSetter((d, s) -> d.name = s)
        .use(pastDates().injectNull(0.2)).inSetter((d, s) -> d.birth = s)
        .use(languageSkills().list().ofMaxSize(4).uniqueElements(LanguageSkill::language)).inSetter((d, s) -> d.languages = s)
        .use(talents().list().ofMaxSize(5).uniqueElements(Talent::conceptId)).inSetter((d, s) -> d.talents = s)
        .use(sectorIds().set().ofMaxSize(3)).inSetter((d, s) -> d.interests = s)
        .use(Arbitraries.maps(dimensionIds(), Arbitraries.of(FunctionalLevel.class)).ofMaxSize(4)).inSetter((d, s) -> d.possibilities = s)
        .use(accommodationIds().set().ofMaxSize(3)).inSetter((d, s) -> d.needs = s)
        .use(availabilities()).inSetter((d, s) -> d.availability = s)
        .use(locations().injectNull(0.2)).inSetter((d, s) -> d.home = s)
        .use(mobilities().injectNull(0.2)).inSetter((d, s) -> d.mobility = s)
        .use(preferences()).inSetter((d, s) -> d.preferences = s)
        .use(targetGroupIds().set().ofMaxSize(3)).inSetter((d, s) -> d.targetGroups = s)
        .use(Arbitraries.of(BenefitStatus.class).set()).inSetter((d, s) -> d.benefits = s)
        .use(pastDates().injectNull(0.6)).inSetter((d, s) -> d.check = s)
        .use(consents().list().ofMaxSize(4).uniqueElements(Consent::category)).inSetter((d, s) -> d.consents = s)
        .use(matchRecords().list().ofMaxSize(3)).inSetter((d, s) -> d.history = s)
        .use(Arbitraries.of(true, false)).inSetter((d, s) -> d.firstStage = s)
        .use(Arbitraries.of(DrivingLicence.class).set().ofMaxSize(2)).inSetter((d, s) -> d.licences = s)
        .use(participations()).inSetter((d, s) -> d.participation = s)
        .build(VolunteerDraft::build);
  }

  private static final class VolunteerDraft {
    String id = "vol-x";
    String name;
    LocalDate birth;
    boolean firstStage;
    List<LanguageSkill> languages = List.of();
    List<Talent> talents = List.of();
    Set<String> interests = Set.of();
    Map<String, FunctionalLevel> possibilities = Map.of();
    Set<String> needs = Set.of();
    Availability availability = Availability.UNSPECIFIED;
    Location home;
    Mobility mobility;
    Preferences preferences = Preferences.NONE;
    Set<String> targetGroups = Set.of();
    Set<BenefitStatus> benefits = Set.of();
    LocalDate check;
    List<Consent> consents = List.of();
    List<MatchRecord> history = List.of();
    Set<DrivingLicence> licences = Set.of();
    Participation participation = Participation.DEFAULT;

    Volunteer build() {
      return new Volunteer(id, name, birth, firstStage, languages, talents, interests, possibilities, needs,
          availability, home, mobility, preferences, targetGroups, benefits, check, consents, history, licences,
          participation);
    }
  }

  public static Arbitrary<Vacancy> vacancies() {
    return vacancies(Arbitraries.of("org-a", "org-b"));
  }

  public static Arbitrary<Vacancy> vacancies(Arbitrary<String> organisationIds) {
    Arbitrary<Map<String, FunctionalLevel>> demands =
        Arbitraries.maps(dimensionIds(), Arbitraries.of(FunctionalLevel.class)).ofMaxSize(4);
    return Builders.withBuilder(VacancyDraft::new)
        .use(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)).inSetter((d, s) -> d.id = "vac-" + s)
        .use(organisationIds).inSetter((d, s) -> d.org = s)
        .use(localizedTexts()).inSetter((d, s) -> d.title = s)
        .use(localizedTexts().injectNull(0.5)).inSetter((d, s) -> d.description = s)
        .use(sectorIds().set().ofMaxSize(2)).inSetter((d, s) -> d.sectors = s)
        .use(talentRequirements().list().ofMaxSize(4).uniqueElements(TalentRequirement::conceptId)).inSetter((d, s) -> d.talents = s)
        .use(languageRequirements().list().ofMaxSize(3).uniqueElements(LanguageRequirement::language)).inSetter((d, s) -> d.languages = s)
        .use(Arbitraries.of(true, false)).inSetter((d, s) -> d.noDutch = s)
        .use(languages().set().ofMaxSize(2)).inSetter((d, s) -> d.practise = s)
        .use(demands).inSetter((d, s) -> d.demands = s)
        .use(accommodationIds().set().ofMaxSize(3)).inSetter((d, s) -> d.accommodationIds = s)
        .use(schedules()).inSetter((d, s) -> d.schedule = s)
        .use(Arbitraries.of(WorkMode.class)).inSetter((d, s) -> d.mode = s)
        .use(locations()).inSetter((d, s) -> d.location = s)
        .use(Arbitraries.integers().between(0, 50)).inSetter((d, s) -> d.capacity = s)
        .use(Arbitraries.integers().between(16, 30).injectNull(0.7)).inSetter((d, s) -> d.minimumAge = s)
        .use(Arbitraries.of(true, false)).inSetter((d, s) -> d.check = s)
        .use(allowances()).inSetter((d, s) -> d.allowance = s)
        .use(Arbitraries.of(SocialSetting.class).injectNull(0.5)).inSetter((d, s) -> d.setting = s)
        .use(dates().injectNull(0.5)).inSetter((d, s) -> d.from = s)
        .use(Arbitraries.of(true, false)).inSetter((d, s) -> d.training = s)
        .use(Arbitraries.of(DrivingLicence.class).injectNull(0.7)).inSetter((d, s) -> d.licence = s)
        .build(VacancyDraft::build);
  }

  private static final class VacancyDraft {
    String id = "vac-x";
    String org = "org-a";
    LocalizedText title;
    LocalizedText description;
    Set<String> sectors = Set.of();
    List<TalentRequirement> talents = List.of();
    boolean training;
    List<LanguageRequirement> languages = List.of();
    boolean noDutch;
    Set<String> practise = Set.of();
    Map<String, FunctionalLevel> demands = Map.of();
    Set<String> accommodationIds = Set.of();
    Schedule schedule;
    WorkMode mode;
    Location location;
    int capacity;
    Integer minimumAge;
    boolean check;
    Allowance allowance;
    SocialSetting setting;
    LocalDate from;
    DrivingLicence licence;

    Vacancy build() {
      List<LanguageRequirement> langs = new ArrayList<>(languages);
      if (noDutch) {
        langs.removeIf(l -> l.language().equals("nl") && l.mandatory());
      }
      List<Accommodation> accommodations = new ArrayList<>();
      int i = 0;
      for (String id : accommodationIds) {
        Map<String, FunctionalLevel> lowers = new LinkedHashMap<>();
        // Every other accommodation lowers the first demand by one step where it can.
        if (i++ % 2 == 0 && !demands.isEmpty()) {
          Map.Entry<String, FunctionalLevel> first = demands.entrySet().iterator().next();
          FunctionalLevel level = first.getValue();
          lowers.put(first.getKey(), FunctionalLevel.values()[Math.max(0, level.ordinal() - 1)]);
        }
        accommodations.add(new Accommodation(id, lowers));
      }
      return new Vacancy(id, org, title, description, sectors, talents, training, langs, noDutch,
          new LinkedHashSet<>(practise), demands, accommodations, schedule, mode,
          mode == WorkMode.REMOTE && capacity % 2 == 0 ? null : location, capacity, minimumAge,
          minimumAge != null && minimumAge % 2 == 0, check,
          allowance, setting, from, from == null ? null : from.plusDays(capacity * 10L), licence);
    }
  }

  /** Returns consistent datasets: every vacancy belongs to one of the dataset's organisations. */
  public static Arbitrary<Dataset> datasets() {
    return organisations().list().ofMinSize(1).ofMaxSize(4).uniqueElements(Organisation::id)
        .flatMap(orgs -> {
          Arbitrary<String> orgIds = Arbitraries.of(orgs.stream().map(Organisation::id).toList());
          return Combinators.combine(
                  vacancies(orgIds).list().ofMaxSize(5).uniqueElements(Vacancy::id),
                  volunteers().list().ofMaxSize(5).uniqueElements(Volunteer::id))
              .as((vacs, vols) -> Dataset.of(orgs, vacs, vols));
        });
  }
}
