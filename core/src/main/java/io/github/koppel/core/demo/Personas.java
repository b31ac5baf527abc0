package io.github.koppel.core.demo;

import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Regularity;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Shift;
import io.github.koppel.core.model.SocialSetting;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Eleven hand-written fictional volunteers of the demo city, each with a story: the people an
 * inclusive match must serve. They are part of the bundled demo dataset.
 *
 * <p>This class is thread-safe; the personas are immutable.
 *
 * @since 0.1
 */
public final class Personas {
  private static final LocalDate CONSENT_DAY = LocalDate.of(2026, 9, 15);
  private static final List<Persona> ALL = create();

  private Personas() {}

  /**
   * Returns every persona, in a fixed order.
   *
   * @return the personas
   */
  public static List<Persona> all() {
    return ALL;
  }

  /**
   * Returns a persona by id.
   *
   * @param id a persona id such as {@code persona-amal}
   * @return the persona, or {@code null} when there is none with that id
   */
  public static @Nullable Persona get(String id) {
    for (Persona persona : ALL) {
      if (persona.id().equals(id)) {
        return persona;
      }
    }
    return null;
  }

  private static Set<WeeklySlot> slots(DayOfWeek[] days, DayPart... parts) {
    Set<WeeklySlot> slots = new LinkedHashSet<>();
    for (DayOfWeek day : days) {
      for (DayPart part : parts) {
        slots.add(WeeklySlot.of(day, part));
      }
    }
    return slots;
  }

  private static DayOfWeek[] days(DayOfWeek... days) {
    return days;
  }

  private static Location at(String neighbourhood) {
    return DemoCity.neighbourhoodCentre(neighbourhood);
  }

  private static Consent consent(SensitiveCategory category, ConsentPurpose... purposes) {
    Set<ConsentPurpose> set = EnumSet.noneOf(ConsentPurpose.class);
    set.addAll(List.of(purposes));
    return new Consent(category, set, CONSENT_DAY);
  }

  /** Every persona consented, on the day of their other consents, that organisations may find them. */
  private static List<Persona> inTheBank(List<Persona> personas) {
    return personas.stream()
        .map(p -> new Persona(
            p.volunteer().toBuilder().participation(Participation.findable(CONSENT_DAY)).build(), p.story()))
        .toList();
  }

  private static List<Persona> create() {
    DayOfWeek[] weekdays =
        days(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    DayOfWeek[] weekend = days(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    ConsentPurpose matching = ConsentPurpose.MATCHING;
    ConsentPurpose counsellor = ConsentPurpose.COUNSELLOR_VIEW;
    return inTheBank(List.of(
        new Persona(
            Volunteer.builder("persona-amal")
                .displayName("Amal")
                .birthDate(LocalDate.of(1988, 3, 14))
                .language(LanguageSkill.of("ar", CefrLevel.C2))
                .language(LanguageSkill.practising("nl", CefrLevel.A2))
                .language(LanguageSkill.of("en", CefrLevel.A2))
                .talent(Talent.of("cooking", ProficiencyLevel.EXPERT))
                .talent(Talent.of("baking", ProficiencyLevel.EXPERIENCED))
                .talent(Talent.toLearn("reception"))
                .interests(Set.of("poverty", "community", "migration"))
                .availability(Availability.weekly(slots(weekdays, DayPart.MORNING, DayPart.AFTERNOON), 12.0))
                .home(at("Sluizeken"))
                .mobility(Mobility.of(5, TravelMode.BICYCLE))
                .preferences(new Preferences(false, Regularity.REGULAR, SocialSetting.GROUP))
                .targetGroups(Set.of("newcomer", "living_in_poverty"))
                .benefit(BenefitStatus.SOCIAL_INTEGRATION_INCOME)
                .consent(consent(SensitiveCategory.BENEFIT_STATUS, matching, counsellor))
                .consent(consent(SensitiveCategory.TARGET_GROUP, matching, counsellor))
                .build(),
            LocalizedText.of(
                "Amal kwam drie jaar geleden uit Aleppo en kookte er twintig jaar voor haar familie en buren. Ze leeft van een leefloon, volgt Nederlands op niveau A2 en wil vooral met mensen praten om de taal te oefenen.",
                "Amal came from Aleppo three years ago and cooked for her family and neighbours for twenty years. She lives on social integration income, studies Dutch at level A2 and above all wants to talk with people to practise.",
                "Amal est arrivée d'Alep il y a trois ans et a cuisiné vingt ans pour sa famille et ses voisins. Elle vit du revenu d'intégration, apprend le néerlandais au niveau A2 et veut surtout parler avec des gens pour pratiquer.")),
        new Persona(
            Volunteer.builder("persona-jozef")
                .displayName("Jozef")
                .birthDate(LocalDate.of(1955, 7, 2))
                .language(LanguageSkill.of("nl", CefrLevel.C2))
                .language(LanguageSkill.of("fr", CefrLevel.B1))
                .talent(Talent.of("gardening", ProficiencyLevel.EXPERT))
                .talent(Talent.of("companionship", ProficiencyLevel.EXPERIENCED))
                .talent(Talent.of("carpentry", ProficiencyLevel.EXPERIENCED))
                .interests(Set.of("elderly", "environment", "community"))
                .possibility("standing_walking", FunctionalLevel.LOW)
                .possibility("lifting", FunctionalLevel.LOW)
                .supportNeeds(Set.of("seated_work"))
                .availability(Availability.weekly(slots(weekdays, DayPart.MORNING), 6.0))
                .home(at("Ledeberg"))
                .mobility(Mobility.of(2, TravelMode.WALK))
                .preferences(new Preferences(false, Regularity.REGULAR, null))
                .targetGroups(Set.of("senior"))
                .consent(consent(SensitiveCategory.ABILITY, matching, counsellor))
                .consent(consent(SensitiveCategory.TARGET_GROUP, matching))
                .build(),
            LocalizedText.of(
                "Jozef (71) was schrijnwerker en verloor vorig jaar zijn vrouw. Hij stapt moeilijk en kan niet meer tillen, maar zijn moestuin is de mooiste van Ledeberg. Hij wil 's morgens iets doen, dicht bij huis.",
                "Jozef (71) was a carpenter and lost his wife last year. Walking is hard and he can no longer lift, but his vegetable garden is the finest in Ledeberg. He wants something to do in the mornings, close to home.",
                "Jozef (71 ans) était menuisier et a perdu sa femme l'an dernier. Il marche difficilement et ne peut plus porter de charges, mais son potager est le plus beau de Ledeberg. Il cherche une occupation le matin, près de chez lui.")),
        new Persona(
            Volunteer.builder("persona-lotte")
                .displayName("Lotte")
                .birthDate(LocalDate.of(2010, 2, 20))
                .completedFirstStageSecondary(true)
                .language(LanguageSkill.of("nl", CefrLevel.C2))
                .language(LanguageSkill.of("en", CefrLevel.B2))
                .talent(Talent.of("youth_work", ProficiencyLevel.BEGINNER))
                .talent(Talent.of("sports_coaching", ProficiencyLevel.BEGINNER))
                .talent(Talent.of("dance", ProficiencyLevel.EXPERIENCED))
                .interests(Set.of("youth", "sport"))
                .availability(
                    Availability.weekly(
                        union(slots(days(DayOfWeek.WEDNESDAY), DayPart.AFTERNOON), slots(weekend, DayPart.MORNING, DayPart.AFTERNOON)),
                        5.0))
                .home(at("Sint-Amandsberg"))
                .mobility(Mobility.of(6, TravelMode.BICYCLE))
                .preferences(new Preferences(false, null, SocialSetting.GROUP))
                .targetGroups(Set.of("young_person"))
                .consent(consent(SensitiveCategory.TARGET_GROUP, matching))
                .consent(consent(SensitiveCategory.BACKGROUND_CHECK, matching))
                .build(),
            LocalizedText.of(
                "Lotte is 16, zit in het vierde jaar en danst al tien jaar. Ze wil graag leiding geven aan kinderen op woensdag of in het weekend, maar heeft nog geen uittreksel uit het strafregister.",
                "Lotte is 16, in her fourth year of secondary school, and has danced for ten years. She would like to lead children's activities on Wednesdays or at weekends, but has no criminal-record extract yet.",
                "Lotte a 16 ans, est en quatrième secondaire et danse depuis dix ans. Elle aimerait animer des enfants le mercredi ou le week-end, mais n'a pas encore d'extrait de casier judiciaire.")),
        new Persona(
            Volunteer.builder("persona-mehmet")
                .displayName("Mehmet")
                .birthDate(LocalDate.of(1981, 11, 5))
                .language(LanguageSkill.of("tr", CefrLevel.C2))
                .language(LanguageSkill.of("nl", CefrLevel.B2))
                .talent(Talent.of("driving", ProficiencyLevel.EXPERT))
                .talent(Talent.of("warehouse", ProficiencyLevel.EXPERIENCED))
                .talent(Talent.of("moving_help", ProficiencyLevel.EXPERIENCED))
                .talent(Talent.toLearn("digital_help"))
                .interests(Set.of("poverty", "welfare"))
                .availability(Availability.weekly(slots(weekdays, DayPart.MORNING, DayPart.AFTERNOON), 16.0))
                .home(at("Brugse Poort"))
                .mobility(Mobility.of(20, TravelMode.CAR))
                .preferences(new Preferences(false, Regularity.REGULAR, null))
                .targetGroups(Set.of("long_term_jobseeker"))
                .benefit(BenefitStatus.UNEMPLOYMENT)
                .consent(consent(SensitiveCategory.BENEFIT_STATUS, matching, counsellor))
                .consent(consent(SensitiveCategory.TARGET_GROUP, matching, counsellor))
                .build(),
            LocalizedText.of(
                "Mehmet was vijftien jaar vrachtwagenchauffeur tot zijn bedrijf failliet ging. Hij is werkzoekend, wil zich nuttig maken en intussen leren werken met een computer.",
                "Mehmet drove lorries for fifteen years until his company went bankrupt. He is looking for work, wants to be useful and meanwhile learn to work with a computer.",
                "Mehmet a été chauffeur poids lourd pendant quinze ans jusqu'à la faillite de son entreprise. Demandeur d'emploi, il veut se rendre utile et apprendre à utiliser un ordinateur.")),
        new Persona(
            Volunteer.builder("persona-sofie")
                .displayName("Sofie")
                .birthDate(LocalDate.of(1997, 5, 30))
                .language(LanguageSkill.of("nl", CefrLevel.C2))
                .language(LanguageSkill.of("en", CefrLevel.C1))
                .language(LanguageSkill.of("fr", CefrLevel.B1))
                .talent(Talent.of("graphic_design", ProficiencyLevel.EXPERT))
                .talent(Talent.of("social_media", ProficiencyLevel.EXPERIENCED))
                .talent(Talent.of("writing", ProficiencyLevel.EXPERIENCED))
                .interests(Set.of("culture", "disability", "environment"))
                .possibility("standing_walking", FunctionalLevel.NONE)
                .possibility("physical_effort", FunctionalLevel.LOW)
                .possibility("lifting", FunctionalLevel.LOW)
                .supportNeeds(Set.of("wheelchair_access", "accessible_toilet"))
                .availability(Availability.weekly(slots(days(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), DayPart.AFTERNOON, DayPart.EVENING), 6.0))
                .home(at("Binnenstad"))
                .mobility(Mobility.of(4, TravelMode.PUBLIC_TRANSPORT))
                .preferences(new Preferences(true, Regularity.REGULAR, null))
                .targetGroups(Set.of("person_with_disability"))
                .consent(consent(SensitiveCategory.ABILITY, matching, counsellor))
                .consent(consent(SensitiveCategory.TARGET_GROUP, matching, counsellor))
                .build(),
            LocalizedText.of(
                "Sofie is grafisch vormgever en rijdt met een elektrische rolstoel. Ze wil haar talent inzetten voor een goed doel, thuis of op een plek die echt toegankelijk is.",
                "Sofie is a graphic designer who uses a powered wheelchair. She wants to put her talent to work for a good cause, from home or at a place that is truly accessible.",
                "Sofie est graphiste et se déplace en fauteuil roulant électrique. Elle veut mettre son talent au service d'une bonne cause, depuis chez elle ou dans un lieu vraiment accessible.")),
        new Persona(
            Volunteer.builder("persona-oksana")
                .displayName("Oksana")
                .birthDate(LocalDate.of(1974, 9, 12))
                .language(LanguageSkill.of("uk", CefrLevel.C2))
                .language(LanguageSkill.of("ru", CefrLevel.C2))
                .language(LanguageSkill.of("en", CefrLevel.B2))
                .language(LanguageSkill.practising("nl", CefrLevel.A1))
                .talent(Talent.of("tutoring", ProficiencyLevel.EXPERT))
                .talent(Talent.of("reading_aloud", ProficiencyLevel.EXPERIENCED))
                .talent(Talent.of("interpreting", ProficiencyLevel.EXPERIENCED))
                .interests(Set.of("education", "youth", "migration"))
                .availability(Availability.weekly(slots(weekdays, DayPart.AFTERNOON), 8.0))
                .home(at("Dampoort"))
                .mobility(Mobility.of(8, TravelMode.PUBLIC_TRANSPORT))
                .preferences(new Preferences(true, Regularity.REGULAR, null))
                .targetGroups(Set.of("newcomer"))
                .backgroundCheckDate(LocalDate.of(2026, 10, 20))
                .consent(consent(SensitiveCategory.TARGET_GROUP, matching, counsellor))
                .consent(consent(SensitiveCategory.BACKGROUND_CHECK, matching, counsellor))
                .build(),
            LocalizedText.of(
                "Oksana was lerares wiskunde in Charkiv. Ze spreekt nog maar een beetje Nederlands en wil het snel leren, bijvoorbeeld door kinderen te helpen met hun huiswerk.",
                "Oksana taught mathematics in Kharkiv. She speaks only a little Dutch and wants to learn it fast, for example by helping children with their homework.",
                "Oksana enseignait les mathématiques à Kharkiv. Elle parle encore peu le néerlandais et veut l'apprendre vite, par exemple en aidant des enfants à faire leurs devoirs.")),
        new Persona(
            Volunteer.builder("persona-marc")
                .displayName("Marc")
                .birthDate(LocalDate.of(1968, 1, 23))
                .language(LanguageSkill.of("nl", CefrLevel.C2))
                .language(LanguageSkill.of("en", CefrLevel.B2))
                .talent(Talent.of("bookkeeping", ProficiencyLevel.EXPERT))
                .talent(Talent.of("administration", ProficiencyLevel.EXPERT))
                .talent(Talent.of("data_entry", ProficiencyLevel.EXPERIENCED))
                .interests(Set.of("heritage", "animals"))
                .possibility("pace_stress", FunctionalLevel.LOW)
                .possibility("concentration", FunctionalLevel.MODERATE)
                .possibility("social_contact", FunctionalLevel.MODERATE)
                .supportNeeds(Set.of("quiet_space", "flexible_hours"))
                .availability(Availability.weekly(slots(days(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), DayPart.MORNING), 4.0))
                .home(at("Gentbrugge"))
                .mobility(Mobility.of(10, TravelMode.BICYCLE))
                .preferences(new Preferences(true, Regularity.REGULAR, SocialSetting.ALONE))
                .targetGroups(Set.of("mental_vulnerability"))
                .benefit(BenefitStatus.INCAPACITY)
                .consent(consent(SensitiveCategory.ABILITY, matching))
                .consent(consent(SensitiveCategory.BENEFIT_STATUS, matching, counsellor))
                .build(),
            LocalizedText.of(
                "Marc was boekhouder tot een burn-out hem stillegde. Hij herstelt, wil een paar uur per week iets zinvols doen in een rustige omgeving, zonder deadlines.",
                "Marc was an accountant until a burn-out stopped him. He is recovering and wants to do something meaningful a few hours a week, in a calm place, without deadlines.",
                "Marc était comptable jusqu'à ce qu'un burn-out l'arrête. Il se rétablit et veut faire quelque chose d'utile quelques heures par semaine, dans un endroit calme, sans échéances.")),
        new Persona(
            Volunteer.builder("persona-fatou")
                .displayName("Fatou")
                .birthDate(LocalDate.of(1993, 12, 1))
                .language(LanguageSkill.of("wo", CefrLevel.C2))
                .language(LanguageSkill.of("fr", CefrLevel.C2))
                .language(LanguageSkill.practising("nl", CefrLevel.A2))
                .talent(Talent.of("cooking", ProficiencyLevel.EXPERIENCED))
                .talent(Talent.of("sewing", ProficiencyLevel.EXPERT))
                .talent(Talent.of("childcare", ProficiencyLevel.EXPERIENCED))
                .interests(Set.of("community", "poverty"))
                .possibility("reading_writing", FunctionalLevel.LOW)
                .supportNeeds(Set.of("picture_instructions", "easy_language"))
                .availability(Availability.weekly(slots(days(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY), DayPart.MORNING), 6.0))
                .home(at("Rabot"))
                .mobility(Mobility.of(3, TravelMode.WALK))
                .preferences(new Preferences(false, null, SocialSetting.GROUP))
                .targetGroups(Set.of("newcomer", "low_literacy"))
                .consent(consent(SensitiveCategory.ABILITY, matching, counsellor))
                .consent(consent(SensitiveCategory.TARGET_GROUP, matching, counsellor))
                .build(),
            LocalizedText.of(
                "Fatou komt uit Senegal, naait prachtige kleren en leest moeilijk. Ze wil buiten komen, mensen leren kennen en haar Nederlands oefenen terwijl haar kinderen op school zijn.",
                "Fatou comes from Senegal, sews beautiful clothes and finds reading hard. She wants to get out, meet people and practise her Dutch while her children are at school.",
                "Fatou vient du Sénégal, coud de superbes vêtements et lit difficilement. Elle veut sortir, rencontrer des gens et pratiquer son néerlandais pendant que ses enfants sont à l'école.")),
        new Persona(
            Volunteer.builder("persona-thomas")
                .displayName("Thomas")
                .birthDate(LocalDate.of(1985, 4, 8))
                .language(LanguageSkill.of("nl", CefrLevel.C2))
                .language(LanguageSkill.of("en", CefrLevel.C1))
                .language(LanguageSkill.of("fr", CefrLevel.B2))
                .talent(Talent.of("photography", ProficiencyLevel.EXPERT))
                .talent(Talent.of("stewarding", ProficiencyLevel.EXPERIENCED))
                .talent(Talent.of("setup_teardown", ProficiencyLevel.EXPERIENCED))
                .interests(Set.of("events", "culture", "sport"))
                .availability(
                    new Availability(
                        slots(weekend, DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING),
                        4.0,
                        null,
                        null,
                        List.of(
                            Shift.of(LocalDate.of(2027, 7, 17), LocalTime.of(8, 0), LocalTime.of(23, 0)),
                            Shift.of(LocalDate.of(2027, 7, 18), LocalTime.of(8, 0), LocalTime.of(23, 0)))))
                .home(at("Muide"))
                .mobility(Mobility.of(25, TravelMode.CAR))
                .preferences(new Preferences(false, Regularity.ONE_OFF, SocialSetting.GROUP))
                .build(),
            LocalizedText.of(
                "Thomas werkt voltijds als ingenieur. Hij wil zich af en toe een weekend inzetten voor een festival of sportevenement, liefst met zijn fototoestel.",
                "Thomas works full time as an engineer. Now and then he wants to give a weekend to a festival or a sports event, preferably with his camera.",
                "Thomas travaille à temps plein comme ingénieur. De temps en temps, il veut donner un week-end à un festival ou un événement sportif, de préférence avec son appareil photo.")),
        new Persona(
            Volunteer.builder("persona-nadia")
                .displayName("Nadia")
                .birthDate(LocalDate.of(2007, 6, 17))
                .language(LanguageSkill.of("nl", CefrLevel.C2))
                .language(LanguageSkill.of("en", CefrLevel.C1))
                .language(LanguageSkill.of("ar", CefrLevel.B1))
                .talent(Talent.of("data_entry", ProficiencyLevel.EXPERT))
                .talent(Talent.of("web_development", ProficiencyLevel.EXPERIENCED))
                .talent(Talent.toLearn("photography"))
                .interests(Set.of("animals", "environment"))
                .possibility("social_contact", FunctionalLevel.LOW)
                .possibility("pace_stress", FunctionalLevel.LOW)
                .possibility("concentration", FunctionalLevel.VERY_HIGH)
                .supportNeeds(Set.of("quiet_space", "small_steps"))
                .availability(Availability.weekly(slots(weekend, DayPart.AFTERNOON), 4.0))
                .home(at("Sint-Amandsberg"))
                .mobility(Mobility.of(7, TravelMode.BICYCLE))
                .preferences(new Preferences(true, Regularity.REGULAR, SocialSetting.ALONE))
                .targetGroups(Set.of("young_person"))
                .consent(consent(SensitiveCategory.ABILITY, matching, counsellor))
                .consent(consent(SensitiveCategory.TARGET_GROUP, matching))
                .build(),
            LocalizedText.of(
                "Nadia (19) studeert informatica. Drukte en onverwachte gesprekken putten haar uit; nauwkeurig, rustig werk geeft haar energie. Ze houdt van dieren.",
                "Nadia (19) studies computer science. Crowds and unexpected conversations drain her; precise, calm work gives her energy. She loves animals.",
                "Nadia (19 ans) étudie l'informatique. La foule et les conversations imprévues l'épuisent ; un travail précis et calme lui donne de l'énergie. Elle aime les animaux.")),
        new Persona(
            Volunteer.builder("persona-hilde")
                .displayName("Hilde")
                .birthDate(LocalDate.of(1960, 10, 10))
                .language(LanguageSkill.of("nl", CefrLevel.C2))
                .talent(Talent.of("reading_aloud", ProficiencyLevel.EXPERT))
                .talent(Talent.of("companionship", ProficiencyLevel.EXPERT))
                .talent(Talent.of("baking", ProficiencyLevel.EXPERIENCED))
                .interests(Set.of("elderly", "culture"))
                .possibility("digital_skills", FunctionalLevel.NONE)
                .availability(Availability.weekly(slots(days(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), DayPart.AFTERNOON), 4.0))
                .home(at("Ledeberg"))
                .mobility(Mobility.of(3, TravelMode.WALK))
                .preferences(new Preferences(false, Regularity.REGULAR, null))
                .targetGroups(Set.of("senior", "low_digital_skills"))
                .build(),
            LocalizedText.of(
                "Hilde (66) was kleuterjuf. Ze heeft geen smartphone en gaf aan het loket geen toestemming om gevoelige gegevens te gebruiken; ze wil voorlezen of gezelschap bieden.",
                "Hilde (66) was a nursery teacher. She has no smartphone and gave no consent at the counter to use sensitive facts; she wants to read aloud or keep people company.",
                "Hilde (66 ans) était institutrice maternelle. Elle n'a pas de smartphone et n'a pas consenti au guichet à l'usage de données sensibles ; elle veut faire la lecture ou tenir compagnie."))));
  }

  private static Set<WeeklySlot> union(Set<WeeklySlot> a, Set<WeeklySlot> b) {
    Set<WeeklySlot> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
