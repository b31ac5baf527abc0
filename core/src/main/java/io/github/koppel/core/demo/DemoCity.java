package io.github.koppel.core.demo;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.io.KoppelJson;
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
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.MatchRecord;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Participation;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic generator of a fictional Flemish city, Leiestad, modelled on Ghent: its
 * neighbourhoods and postcodes, and invented organisations, vacancies and volunteers.
 *
 * <p>The population is shaped like the visitors of a Flemish volunteer counter rather than like the
 * average citizen: about a third are newcomers who practise Dutch (levels A1 to B1), about a third
 * live on a benefit (unemployment, social integration income or incapacity), about one in six
 * states functional limits and support needs, and seniors and young people are well represented.
 * Organisations are mostly non-profits and de facto associations; vacancies come from thirty
 * realistic templates (social restaurant cook, homework tutor, driver for a transport service,
 * festival steward, ...). The shares are approximations chosen for a believable demo, not
 * statistics.
 *
 * <p>The same seed and sizes always give the same dataset, on every platform ({@link
 * SplittableRandom}); dates are relative to the fixed {@link #REFERENCE_DATE}, not to today. The
 * {@linkplain Personas personas} are appended to the volunteers of {@link #generate(long)}.
 *
 * <p>This class is thread-safe.
 *
 * <pre>{@code
 * Dataset city = DemoCity.generate(DemoCity.DEFAULT_SEED);
 * Dataset big = DemoCity.generate(42, 100_000, 300, 400);
 * }</pre>
 *
 * @since 0.1
 */
public final class DemoCity {
  /** The seed of the bundled dataset. */
  public static final long DEFAULT_SEED = 2026L;

  /** The day the demo city is "now": consents, extracts and validity periods are relative to it. */
  public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 10, 1);

  /** The number of generated volunteers in the default city (personas come on top). */
  public static final int DEFAULT_VOLUNTEERS = 1000;

  /** The number of organisations in the default city. */
  public static final int DEFAULT_ORGANISATIONS = 300;

  /** The number of vacancies in the default city. */
  public static final int DEFAULT_VACANCIES = 400;

  /** The classpath resource of the bundled dataset. */
  static final String BUNDLED_RESOURCE = "/io/github/koppel/core/demo/demo-city.json";

  private static final String MUNICIPALITY = "Leiestad";

  private record Neighbourhood(String name, String postcode, double lat, double lon, int weight) {}

  private static final List<Neighbourhood> NEIGHBOURHOODS =
      List.of(
          new Neighbourhood("Binnenstad", "9000", 51.0543, 3.7250, 14),
          new Neighbourhood("Sluizeken", "9000", 51.0620, 3.7270, 7),
          new Neighbourhood("Rabot", "9000", 51.0640, 3.7070, 8),
          new Neighbourhood("Brugse Poort", "9000", 51.0560, 3.7000, 10),
          new Neighbourhood("Muide", "9000", 51.0730, 3.7330, 4),
          new Neighbourhood("Dampoort", "9000", 51.0590, 3.7430, 7),
          new Neighbourhood("Nieuw Gent", "9000", 51.0290, 3.7290, 6),
          new Neighbourhood("Sint-Amandsberg", "9040", 51.0600, 3.7600, 8),
          new Neighbourhood("Ledeberg", "9050", 51.0390, 3.7380, 7),
          new Neighbourhood("Gentbrugge", "9050", 51.0380, 3.7600, 6),
          new Neighbourhood("Mariakerke", "9030", 51.0730, 3.6800, 5),
          new Neighbourhood("Drongen", "9031", 51.0500, 3.6600, 4),
          new Neighbourhood("Wondelgem", "9032", 51.0880, 3.7180, 4),
          new Neighbourhood("Oostakker", "9041", 51.0920, 3.7700, 4),
          new Neighbourhood("Sint-Denijs-Westrem", "9051", 51.0250, 3.6750, 3),
          new Neighbourhood("Zwijnaarde", "9052", 51.0030, 3.7110, 3));

  private static final String[] OFFERED_TALENTS = {
    "companionship", "elderly_care", "childcare", "first_aid", "listening", "disability_support",
    "tutoring", "language_coaching", "youth_work", "mentoring", "training_adults", "reading_aloud",
    "cooking", "baking", "serving", "bar_work", "food_distribution", "dishwashing", "gardening",
    "carpentry", "bicycle_repair", "appliance_repair", "painting_decorating", "cleaning", "sewing",
    "administration", "bookkeeping", "reception", "fundraising", "board_membership", "writing",
    "social_media", "photography", "video", "graphic_design", "public_speaking", "music", "theatre",
    "drawing_painting", "crafts", "dance", "sports_coaching", "walking_guide", "nature_conservation",
    "animal_care", "interpreting", "translation", "event_organisation", "stewarding",
    "setup_teardown", "ticketing", "coordination", "digital_help", "computer_repair",
    "web_development", "data_entry", "driving", "bike_courier", "warehouse", "moving_help"
  };

  private static final String[] SECTORS = {
    "welfare", "health_care", "elderly", "poverty", "disability", "youth", "education", "culture",
    "heritage", "sport", "environment", "animals", "migration", "community", "events",
    "international"
  };

  private static final String[] DIMENSIONS = {
    "physical_effort", "standing_walking", "lifting", "fine_motor", "seeing", "hearing", "speaking",
    "reading_writing", "digital_skills", "social_contact", "pace_stress", "concentration",
    "independence"
  };

  /** Which accommodations meet the needs that come with a limit on a dimension. */
  private static final Map<String, String[]> NEEDS_BY_DIMENSION =
      Map.ofEntries(
          Map.entry("physical_effort", new String[] {"frequent_breaks", "seated_work"}),
          Map.entry("standing_walking", new String[] {"seated_work", "wheelchair_access", "accessible_toilet"}),
          Map.entry("lifting", new String[] {"lifting_aids"}),
          Map.entry("fine_motor", new String[] {"small_steps"}),
          Map.entry("seeing", new String[] {"large_print", "screen_reader"}),
          Map.entry("hearing", new String[] {"hearing_loop"}),
          Map.entry("speaking", new String[] {"steady_buddy"}),
          Map.entry("reading_writing", new String[] {"picture_instructions", "easy_language"}),
          Map.entry("digital_skills", new String[] {"job_coaching"}),
          Map.entry("social_contact", new String[] {"quiet_space", "steady_buddy"}),
          Map.entry("pace_stress", new String[] {"flexible_hours", "quiet_space"}),
          Map.entry("concentration", new String[] {"small_steps", "quiet_space"}),
          Map.entry("independence", new String[] {"job_coaching", "steady_buddy"}));

  private static final String[] HOME_LANGUAGES = {
    "ar", "ar", "ar", "prs", "ps", "ti", "uk", "uk", "ru", "so", "es", "fr", "ro", "tr", "tr", "pl",
    "bg", "en", "fa", "am"
  };

  private static final String[] FIRST_NAMES = {
    "An", "Bart", "Chloé", "Dirk", "Els", "Fien", "Gert", "Hanne", "Ilse", "Jan", "Karim", "Lien",
    "Mohamed", "Nora", "Olga", "Pieter", "Rania", "Sarah", "Tom", "Urszula", "Vera", "Wout",
    "Yasmine", "Zeynep", "Ahmad", "Bilal", "Dina", "Emma", "Fatima", "Hamid", "Ines", "Jonas",
    "Kato", "Lucas", "Mira", "Noah", "Omar", "Petra", "Rik", "Sam", "Tine", "Viktor", "Warda"
  };

  private static final String[] ORG_NAMES = {
    "De Brug", "Ter Linde", "'t Kasteeltje", "De Vonk", "Het Anker", "De Zonnebloem", "Open Huis",
    "De Kring", "Samen Sterk", "Hand in Hand", "De Toekomst", "Ons Huis", "De Tuin", "Het Nest",
    "De Schakel", "Horizon", "De Regenboog", "Kompas", "De Boog", "Vlinder", "Het Veer",
    "De Molen", "Sint-Jorisgilde", "Arena", "De Lindeboom", "Lichtpunt", "De Overzet", "Ankerplaats",
    "De Koepel", "Het Klooster"
  };

  private static final Map<String, String[]> ORG_KINDS =
      Map.ofEntries(
          Map.entry("welfare", new String[] {"Welzijnsschakel", "Sociaal huis", "Ontmoetingshuis"}),
          Map.entry("health_care", new String[] {"Zorgcentrum", "Palliatieve zorg", "Revalidatiecentrum"}),
          Map.entry("elderly", new String[] {"Woonzorgcentrum", "Dienstencentrum", "Seniorenclub"}),
          Map.entry("poverty", new String[] {"Voedselbank", "Sociaal restaurant", "Kringwinkel"}),
          Map.entry("disability", new String[] {"Dagcentrum", "Begeleid wonen", "Vrijetijdsclub"}),
          Map.entry("youth", new String[] {"Jeugdhuis", "Speelplein", "Scouts", "Chiro"}),
          Map.entry("education", new String[] {"Huiswerkklas", "Leerhuis", "Schoolsteunpunt"}),
          Map.entry("culture", new String[] {"Cultuurhuis", "Theater", "Muziekcentrum"}),
          Map.entry("heritage", new String[] {"Erfgoedkring", "Museum", "Heemkundige kring"}),
          Map.entry("sport", new String[] {"Sportclub", "Voetbalclub", "Zwemclub"}),
          Map.entry("environment", new String[] {"Natuurpunt-afdeling", "Buurttuin", "Repair Café"}),
          Map.entry("animals", new String[] {"Dierenasiel", "Kinderboerderij", "Vogelopvang"}),
          Map.entry("migration", new String[] {"Onthaalhuis", "Taalcafé", "Buddywerking"}),
          Map.entry("community", new String[] {"Buurtcentrum", "Wijkwerking", "Buurthuis"}),
          Map.entry("events", new String[] {"Festivalvereniging", "Feestcomité", "Stadsfeesten"}),
          Map.entry("international", new String[] {"Wereldwinkel", "Solidariteitsgroep", "Ontwikkelingsvereniging"}));

  /** A kind of vacancy the generator instantiates. */
  private record Template(
      String sector,
      LocalizedText title,
      LocalizedText description,
      List<String> required,
      List<String> desired,
      Map<String, FunctionalLevel> demands,
      Map<String, Map<String, FunctionalLevel>> accommodations,
      CefrLevel dutch,
      boolean noDutch,
      boolean practiseDutch,
      boolean backgroundCheck,
      Regularity regularity,
      DayPart[] parts,
      SocialSetting setting,
      WorkMode workMode,
      boolean training,
      int minimumAge,
      int weight) {}

  private DemoCity() {}

  /**
   * Returns the bundled demo dataset: {@code generate(DEFAULT_SEED)}, stored as JSON in the jar.
   *
   * @return the dataset
   */
  public static Dataset bundled() {
    try (InputStream in = DemoCity.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled resource is missing: " + BUNDLED_RESOURCE);
      }
      return KoppelJson.create().readDataset(in, BUNDLED_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Generates the default city: 1,000 volunteers plus the personas, 300 organisations and 400
   * vacancies.
   *
   * @param seed the random seed
   * @return the dataset
   */
  public static Dataset generate(long seed) {
    Dataset generated =
        generate(seed, DEFAULT_VOLUNTEERS, DEFAULT_ORGANISATIONS, DEFAULT_VACANCIES);
    List<Volunteer> volunteers = new ArrayList<>(generated.volunteers());
    for (Persona persona : Personas.all()) {
      volunteers.add(persona.volunteer());
    }
    return Dataset.of(generated.organisations(), generated.vacancies(), volunteers);
  }

  /**
   * Generates a city of the given size, without personas.
   *
   * @param seed the random seed
   * @param volunteers the number of volunteers, in [0, 10,000,000]
   * @param organisations the number of organisations, in [1, 1,000,000]
   * @param vacancies the number of vacancies, in [0, 1,000,000]
   * @return the dataset
   * @throws IllegalArgumentException if a size is out of range
   */
  public static Dataset generate(long seed, int volunteers, int organisations, int vacancies) {
    checkArgument(
        volunteers >= 0 && volunteers <= 10_000_000,
        "volunteers must be in [0, 10000000]: %s",
        volunteers);
    checkArgument(
        organisations >= 1 && organisations <= 1_000_000,
        "organisations must be in [1, 1000000]: %s",
        organisations);
    checkArgument(
        vacancies >= 0 && vacancies <= 1_000_000, "vacancies must be in [0, 1000000]: %s", vacancies);
    SplittableRandom random = new SplittableRandom(seed);
    List<Organisation> orgs = organisations(random.split(), organisations);
    List<Vacancy> vacs = vacancies(random.split(), orgs, vacancies);
    List<Volunteer> vols = volunteers(random.split(), vacs, volunteers);
    // A stream of its own, so that adding participation left every other generated value as it was.
    vols = withParticipation(random.split(), vols);
    return Dataset.of(orgs, vacs, vols);
  }

  /**
   * Returns the centre of a neighbourhood of the demo city.
   *
   * @param name a neighbourhood name such as {@code Ledeberg}
   * @return its location, with postcode, municipality and neighbourhood
   * @throws IllegalArgumentException if the city has no such neighbourhood
   */
  public static Location neighbourhoodCentre(String name) {
    for (Neighbourhood n : NEIGHBOURHOODS) {
      if (n.name().equals(name)) {
        return new Location(n.lat(), n.lon(), n.postcode(), MUNICIPALITY, n.name());
      }
    }
    throw new IllegalArgumentException("the demo city has no neighbourhood '" + name + "'");
  }

  // ---------------------------------------------------------------- organisations

  private static List<Organisation> organisations(SplittableRandom r, int count) {
    List<Organisation> result = new ArrayList<>(count);
    Set<String> names = new LinkedHashSet<>();
    int width = Math.max(3, Integer.toString(count).length());
    for (int i = 0; i < count; i++) {
      String main = SECTORS[i % SECTORS.length];
      Set<String> sectors = new LinkedHashSet<>();
      sectors.add(main);
      if (r.nextDouble() < 0.35) {
        sectors.add(pick(r, SECTORS));
      }
      String[] kinds = ORG_KINDS.get(main);
      String base = pick(r, kinds) + " " + pick(r, ORG_NAMES);
      Neighbourhood n = neighbourhood(r);
      String name = names.contains(base) ? base + " " + n.name() : base;
      int suffix = 2;
      while (!names.add(name)) {
        name = base + " " + n.name() + " " + suffix++;
      }
      double f = r.nextDouble();
      LegalForm form =
          main.equals("youth") && f < 0.6
              ? LegalForm.DE_FACTO_ASSOCIATION_WITHOUT_STAFF
              : f < 0.55
                  ? LegalForm.NON_PROFIT_ASSOCIATION
                  : f < 0.78
                      ? LegalForm.DE_FACTO_ASSOCIATION_WITHOUT_STAFF
                      : f < 0.83
                          ? LegalForm.DE_FACTO_ASSOCIATION_WITH_STAFF
                          : f < 0.96 ? LegalForm.PUBLIC_SERVICE : LegalForm.FOUNDATION;
      boolean insured =
          form == LegalForm.DE_FACTO_ASSOCIATION_WITHOUT_STAFF
              ? r.nextDouble() < 0.4
              : r.nextDouble() < 0.95;
      Set<String> openTo = new LinkedHashSet<>();
      if (r.nextDouble() < 0.35) {
        int k = 1 + r.nextInt(3);
        for (int j = 0; j < k; j++) {
          openTo.add(pick(r, TARGET_GROUPS));
        }
      }
      InclusionCommitments inclusion =
          new InclusionCommitments(openTo, r.nextDouble() < 0.3, r.nextDouble() < 0.4);
      boolean youthWork =
          main.equals("youth")
              && (form == LegalForm.DE_FACTO_ASSOCIATION_WITHOUT_STAFF
                  || form == LegalForm.NON_PROFIT_ASSOCIATION)
              && r.nextDouble() < 0.7;
      result.add(
          new Organisation(
              "org-" + pad(i + 1, width),
              name,
              form,
              insured,
              sectors,
              r.nextDouble() < 0.95 ? jitter(r, n, 0.8) : null,
              inclusion,
              youthWork));
    }
    return result;
  }

  private static final String[] TARGET_GROUPS = {
    "newcomer", "person_with_disability", "living_in_poverty", "senior", "young_person",
    "low_digital_skills", "mental_vulnerability", "long_term_jobseeker", "low_literacy"
  };

  // ---------------------------------------------------------------- vacancies

  private static List<Vacancy> vacancies(SplittableRandom r, List<Organisation> orgs, int count) {
    Map<String, List<Organisation>> bySector = new HashMap<>();
    for (Organisation o : orgs) {
      for (String sector : o.sectors()) {
        bySector.computeIfAbsent(sector, k -> new ArrayList<>()).add(o);
      }
    }
    int totalWeight = TEMPLATES.stream().mapToInt(Template::weight).sum();
    int width = Math.max(4, Integer.toString(count).length());
    List<Vacancy> result = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Template t = weighted(r, totalWeight);
      List<Organisation> candidates = bySector.getOrDefault(t.sector(), orgs);
      Organisation org = candidates.get(r.nextInt(candidates.size()));
      Vacancy.Builder b =
          Vacancy.builder("vac-" + pad(i + 1, width), org.id(), t.title())
              .description(t.description())
              .sectors(Set.of(t.sector()))
              .offersTraining(t.training() || r.nextDouble() < 0.2)
              .requiresBackgroundCheck(t.backgroundCheck());
      for (String talent : t.required()) {
        b.talent(
            new TalentRequirement(
                talent, r.nextDouble() < 0.3 ? ProficiencyLevel.EXPERIENCED : null, true));
      }
      for (String talent : t.desired()) {
        b.talent(TalentRequirement.desired(talent));
      }
      if (!t.noDutch()) {
        b.language(LanguageRequirement.mandatory("nl", t.dutch()));
      } else {
        b.noDutchRequired(true);
      }
      if (r.nextDouble() < 0.2) {
        b.language(LanguageRequirement.desired(r.nextBoolean() ? "en" : "fr", CefrLevel.B1));
      }
      if (t.practiseDutch() || (t.noDutch() && r.nextDouble() < 0.5)) {
        b.practiseLanguages(Set.of("nl"));
      }
      t.demands().forEach(b::demand);
      Set<String> offered = new LinkedHashSet<>();
      t.accommodations()
          .forEach(
              (id, lowers) -> {
                if (r.nextDouble() < 0.5 && offered.add(id)) {
                  b.accommodation(new Accommodation(id, lowers));
                }
              });
      if (r.nextDouble() < 0.25) {
        String extra = pick(r, EXTRA_ACCOMMODATIONS);
        if (offered.add(extra)) {
          b.accommodation(Accommodation.of(extra));
        }
      }
      int capacity;
      if (t.regularity() == Regularity.ONE_OFF) {
        b.schedule(Schedule.oneOff(shifts(r)));
        capacity = 5 + r.nextInt(26);
      } else {
        Set<WeeklySlot> slots = new LinkedHashSet<>();
        int k = 1 + r.nextInt(3);
        for (int j = 0; j < k; j++) {
          slots.add(WeeklySlot.of(DayOfWeek.of(1 + r.nextInt(7)), pick(r, t.parts())));
        }
        b.schedule(Schedule.regular(slots, (double) (2 + 2 * r.nextInt(4))));
        capacity = 1 + r.nextInt(4);
      }
      b.capacity(capacity);
      Location base = org.location() != null ? org.location() : jitter(r, neighbourhood(r), 0.8);
      WorkMode mode = t.workMode();
      b.place(mode, mode == WorkMode.REMOTE ? null : base);
      if (t.minimumAge() > 0) {
        b.minimumAge(t.minimumAge());
      } else if (r.nextDouble() < 0.08) {
        b.minimumAge(18);
      }
      double a = r.nextDouble();
      if (a < 0.28) {
        b.allowance(Allowance.flatRate(BigDecimal.valueOf(10 + 5 * r.nextInt(7)).setScale(2)));
      } else if (a < 0.30) {
        b.allowance(Allowance.flatRate(new BigDecimal("50.00")));
      } else if (a < 0.6) {
        b.allowance(Allowance.REAL_COSTS);
      }
      b.socialSetting(t.setting());
      LocalDate from = REFERENCE_DATE.minusDays(r.nextInt(120));
      LocalDate until = r.nextBoolean() ? null : REFERENCE_DATE.plusDays(60 + r.nextInt(340));
      b.validity(from, until);
      result.add(b.build());
    }
    return result;
  }

  private static final String[] EXTRA_ACCOMMODATIONS = {
    "flexible_hours", "steady_buddy", "job_coaching", "easy_language"
  };

  private static List<Shift> shifts(SplittableRandom r) {
    LocalDate first = LocalDate.of(2027, 4, 3).plusWeeks(r.nextInt(26));
    List<Shift> shifts = new ArrayList<>();
    int days = 1 + r.nextInt(3);
    for (int d = 0; d < days; d++) {
      int start = 8 + 2 * r.nextInt(5);
      shifts.add(Shift.of(first.plusDays(d), LocalTime.of(start, 0), LocalTime.of(start + 4, 0)));
    }
    return shifts;
  }

  private static Template weighted(SplittableRandom r, int totalWeight) {
    int x = r.nextInt(totalWeight);
    for (Template t : TEMPLATES) {
      x -= t.weight();
      if (x < 0) {
        return t;
      }
    }
    throw new AssertionError("weights add up to " + totalWeight);
  }

  // ---------------------------------------------------------------- volunteers

  private enum Profile {
    NEWCOMER,
    SENIOR,
    YOUNG,
    ADULT
  }

  private static List<Volunteer> volunteers(SplittableRandom r, List<Vacancy> vacancies, int count) {
    List<Volunteer> result = new ArrayList<>(count);
    int width = Math.max(4, Integer.toString(count).length());
    for (int i = 0; i < count; i++) {
      result.add(volunteer(r, "vol-" + pad(i + 1, width), vacancies));
    }
    return result;
  }

  private static Volunteer volunteer(SplittableRandom r, String id, List<Vacancy> vacancies) {
    double p = r.nextDouble();
    Profile profile =
        p < 0.34 ? Profile.NEWCOMER : p < 0.52 ? Profile.SENIOR : p < 0.66 ? Profile.YOUNG : Profile.ADULT;
    Volunteer.Builder b = Volunteer.builder(id).displayName(pick(r, FIRST_NAMES));
    int age =
        switch (profile) {
          case NEWCOMER -> 19 + r.nextInt(40);
          case SENIOR -> 65 + r.nextInt(21);
          case YOUNG -> 15 + r.nextInt(11);
          case ADULT -> 26 + r.nextInt(39);
        };
    if (r.nextDouble() >= 0.03) {
      b.birthDate(REFERENCE_DATE.minusYears(age).minusDays(r.nextInt(365)));
    }
    b.completedFirstStageSecondary(age >= 15 && r.nextDouble() < 0.9);
    Set<String> targetGroups = new LinkedHashSet<>();
    boolean speaksEnglish = false;
    if (profile == Profile.NEWCOMER) {
      String home = pick(r, HOME_LANGUAGES);
      speaksEnglish = home.equals("en");
      b.language(LanguageSkill.of(home, CefrLevel.C2));
      CefrLevel dutch = CefrLevel.values()[r.nextInt(3)];
      b.language(new LanguageSkill("nl", dutch, r.nextDouble() < 0.85));
      targetGroups.add("newcomer");
    } else {
      b.language(LanguageSkill.of("nl", r.nextDouble() < 0.9 ? CefrLevel.C2 : CefrLevel.C1));
      if (r.nextDouble() < 0.45) {
        b.language(LanguageSkill.of("fr", CefrLevel.values()[1 + r.nextInt(3)]));
      }
    }
    if (!speaksEnglish && r.nextDouble() < (profile == Profile.SENIOR ? 0.3 : 0.6)) {
      b.language(LanguageSkill.of("en", CefrLevel.values()[1 + r.nextInt(4)]));
    }
    Set<String> talents = new LinkedHashSet<>();
    int offered = 1 + r.nextInt(4);
    while (talents.size() < offered) {
      talents.add(pick(r, OFFERED_TALENTS));
    }
    for (String talent : talents) {
      b.talent(Talent.of(talent, ProficiencyLevel.values()[r.nextInt(3)]));
    }
    if (r.nextDouble() < 0.3) {
      String learn = pick(r, OFFERED_TALENTS);
      if (!talents.contains(learn)) {
        b.talent(Talent.toLearn(learn));
      }
    }
    Set<String> interests = new LinkedHashSet<>();
    int k = 1 + r.nextInt(3);
    for (int j = 0; j < k; j++) {
      interests.add(pick(r, SECTORS));
    }
    b.interests(interests);
    double limitChance = profile == Profile.SENIOR ? 0.3 : 0.13;
    if (r.nextDouble() < limitChance) {
      Set<String> needs = new LinkedHashSet<>();
      int dims = 1 + r.nextInt(3);
      for (int j = 0; j < dims; j++) {
        String dimension = pick(r, DIMENSIONS);
        b.possibility(dimension, FunctionalLevel.values()[r.nextInt(3)]);
        if (r.nextDouble() < 0.7) {
          needs.add(pick(r, NEEDS_BY_DIMENSION.get(dimension)));
        }
      }
      b.supportNeeds(needs);
      if (r.nextDouble() < 0.6) {
        targetGroups.add("person_with_disability");
      }
    }
    switch (profile) {
      case SENIOR -> targetGroups.add("senior");
      case YOUNG -> targetGroups.add("young_person");
      default -> { }
    }
    double benefit = r.nextDouble();
    double scale = profile == Profile.NEWCOMER ? 1.4 : profile == Profile.SENIOR ? 0.2 : 1.0;
    if (profile != Profile.YOUNG || age >= 18) {
      if (benefit < 0.18 * scale) {
        b.benefit(BenefitStatus.UNEMPLOYMENT);
        if (r.nextDouble() < 0.4) {
          targetGroups.add("long_term_jobseeker");
        }
      } else if (benefit < 0.30 * scale) {
        b.benefit(BenefitStatus.SOCIAL_INTEGRATION_INCOME);
        targetGroups.add("living_in_poverty");
      } else if (benefit < 0.37 * scale) {
        b.benefit(BenefitStatus.INCAPACITY);
      }
    }
    if ((profile == Profile.SENIOR || profile == Profile.NEWCOMER) && r.nextDouble() < 0.2) {
      targetGroups.add("low_digital_skills");
    }
    if (r.nextDouble() < 0.05) {
      targetGroups.add("low_literacy");
    }
    if (r.nextDouble() < 0.04) {
      targetGroups.add("mental_vulnerability");
    }
    b.targetGroups(targetGroups);
    if (r.nextDouble() < 0.12) {
      b.backgroundCheckDate(REFERENCE_DATE.minusDays(r.nextInt(90)));
    }
    LocalDate consentDay = REFERENCE_DATE.minusDays(r.nextInt(365));
    consent(r, b, SensitiveCategory.ABILITY, 0.85, consentDay);
    consent(r, b, SensitiveCategory.BENEFIT_STATUS, 0.6, consentDay);
    consent(r, b, SensitiveCategory.TARGET_GROUP, 0.75, consentDay);
    consent(r, b, SensitiveCategory.BACKGROUND_CHECK, 0.5, consentDay);
    b.availability(availability(r, profile));
    Neighbourhood n = neighbourhood(r);
    if (r.nextDouble() >= 0.03) {
      b.home(jitter(r, n, 0.9));
    }
    double m = r.nextDouble();
    if (m >= 0.05) {
      TravelMode mode =
          m < 0.25 ? TravelMode.WALK : m < 0.68 ? TravelMode.BICYCLE : m < 0.9 ? TravelMode.PUBLIC_TRANSPORT : TravelMode.CAR;
      double km =
          switch (mode) {
            case WALK -> 1 + r.nextInt(3);
            case BICYCLE -> 3 + r.nextInt(8);
            case PUBLIC_TRANSPORT -> 5 + r.nextInt(11);
            case CAR -> 10 + r.nextInt(21);
          };
      b.mobility(Mobility.of(km, mode));
    }
    double rp = r.nextDouble();
    double sp = r.nextDouble();
    b.preferences(
        new Preferences(
            r.nextDouble() < 0.4,
            rp < 0.6 ? null : rp < 0.9 ? Regularity.REGULAR : Regularity.ONE_OFF,
            sp < 0.6 ? null : sp < 0.9 ? SocialSetting.GROUP : SocialSetting.ALONE));
    if (!vacancies.isEmpty() && r.nextDouble() < 0.2) {
      int records = 1 + r.nextInt(3);
      Set<String> seen = new LinkedHashSet<>();
      for (int j = 0; j < records; j++) {
        Vacancy v = vacancies.get(r.nextInt(vacancies.size()));
        if (seen.add(v.id())) {
          b.history(
              new MatchRecord(
                  v.id(),
                  REFERENCE_DATE.minusDays(30 + r.nextInt(700)),
                  MatchOutcome.values()[r.nextInt(MatchOutcome.values().length)]));
        }
      }
    }
    return b.build();
  }

  /**
   * Gives the volunteers a participation: three in four consented that organisations may find
   * them; about 6 % are paused (a third of them until a day already past, a third until further
   * notice), 3 % withdrew; one in ten wants at most one to three proposals a month.
   */
  private static List<Volunteer> withParticipation(SplittableRandom r, List<Volunteer> volunteers) {
    List<Volunteer> out = new ArrayList<>(volunteers.size());
    for (Volunteer v : volunteers) {
      LocalDate since = r.nextDouble() < 0.75 ? REFERENCE_DATE.minusDays(r.nextInt(400)) : null;
      double s = r.nextDouble();
      Participation.Status status =
          s < 0.06 ? Participation.Status.PAUSED : s < 0.09 ? Participation.Status.WITHDRAWN : Participation.Status.ACTIVE;
      LocalDate until = null;
      if (status == Participation.Status.PAUSED) {
        double u = r.nextDouble();
        until = u < 1.0 / 3 ? REFERENCE_DATE.minusDays(1 + r.nextInt(60))
            : u < 2.0 / 3 ? REFERENCE_DATE.plusDays(14 + r.nextInt(120)) : null;
      }
      Integer max = r.nextDouble() < 0.1 ? 1 + r.nextInt(3) : null;
      Participation p = new Participation(status, until, since, max);
      out.add(p.equals(Participation.DEFAULT) ? v : v.toBuilder().participation(p).build());
    }
    return out;
  }

  private static void consent(
      SplittableRandom r, Volunteer.Builder b, SensitiveCategory category, double chance, LocalDate day) {
    if (r.nextDouble() < chance) {
      Set<ConsentPurpose> purposes = EnumSet.of(ConsentPurpose.MATCHING);
      if (r.nextDouble() < 0.8) {
        purposes.add(ConsentPurpose.COUNSELLOR_VIEW);
      }
      b.consent(new Consent(category, purposes, day));
    }
  }

  private static Availability availability(SplittableRandom r, Profile profile) {
    Set<WeeklySlot> slots = new LinkedHashSet<>();
    int k = 2 + r.nextInt(7);
    for (int j = 0; j < k; j++) {
      DayOfWeek day;
      DayPart part;
      switch (profile) {
        case SENIOR -> {
          day = DayOfWeek.of(1 + r.nextInt(5));
          part = r.nextDouble() < 0.6 ? DayPart.MORNING : DayPart.AFTERNOON;
        }
        case YOUNG -> {
          day = r.nextDouble() < 0.5 ? DayOfWeek.of(6 + r.nextInt(2)) : DayOfWeek.WEDNESDAY;
          part = r.nextBoolean() ? DayPart.AFTERNOON : DayPart.EVENING;
        }
        case ADULT -> {
          boolean weekend = r.nextDouble() < 0.5;
          day = weekend ? DayOfWeek.of(6 + r.nextInt(2)) : DayOfWeek.of(1 + r.nextInt(5));
          part = weekend ? DayPart.values()[r.nextInt(3)] : DayPart.EVENING;
        }
        default -> {
          day = DayOfWeek.of(1 + r.nextInt(7));
          part = DayPart.values()[r.nextInt(3)];
        }
      }
      slots.add(WeeklySlot.of(day, part));
    }
    double hours = new double[] {2, 4, 4, 6, 8, 12, 16}[r.nextInt(7)];
    List<Shift> shifts = new ArrayList<>();
    if (r.nextDouble() < 0.1) {
      LocalDate day = LocalDate.of(2027, 4, 3).plusWeeks(r.nextInt(26));
      shifts.add(Shift.of(day, LocalTime.of(8, 0), LocalTime.of(22, 0)));
      shifts.add(Shift.of(day.plusDays(1), LocalTime.of(8, 0), LocalTime.of(22, 0)));
    }
    LocalDate until = r.nextDouble() < 0.1 ? REFERENCE_DATE.plusDays(90 + r.nextInt(270)) : null;
    return new Availability(slots, hours, null, until, shifts);
  }

  // ---------------------------------------------------------------- helpers

  private static Neighbourhood neighbourhood(SplittableRandom r) {
    int total = 0;
    for (Neighbourhood n : NEIGHBOURHOODS) {
      total += n.weight();
    }
    int x = r.nextInt(total);
    for (Neighbourhood n : NEIGHBOURHOODS) {
      x -= n.weight();
      if (x < 0) {
        return n;
      }
    }
    throw new AssertionError("weights add up to " + total);
  }

  private static Location jitter(SplittableRandom r, Neighbourhood n, double km) {
    double dLat = (r.nextDouble() * 2 - 1) * km / 111.2;
    double dLon = (r.nextDouble() * 2 - 1) * km / 70.0;
    return new Location(round(n.lat() + dLat), round(n.lon() + dLon), n.postcode(), MUNICIPALITY, n.name());
  }

  private static double round(double degrees) {
    return Math.round(degrees * 100_000) / 100_000.0;
  }

  private static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static String pad(int n, int width) {
    String s = Integer.toString(n);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }

  // ---------------------------------------------------------------- templates

  private static Map<String, FunctionalLevel> demands(Object... pairs) {
    Map<String, FunctionalLevel> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (FunctionalLevel) pairs[i + 1]);
    }
    return map;
  }

  private static Map<String, Map<String, FunctionalLevel>> accommodations(Object... pairs) {
    Map<String, Map<String, FunctionalLevel>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      Map<String, FunctionalLevel> lowers = (Map<String, FunctionalLevel>) pairs[i + 1];
      map.put((String) pairs[i], lowers);
    }
    return map;
  }

  private static LocalizedText t(String nl, String en, String fr) {
    return LocalizedText.of(nl, en, fr);
  }

  private static final DayPart[] DAY = {DayPart.MORNING, DayPart.AFTERNOON};
  private static final DayPart[] ANY = {DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING};
  private static final DayPart[] LATE = {DayPart.AFTERNOON, DayPart.EVENING};
  private static final List<Template> TEMPLATES = templates();

  @SuppressWarnings("MethodLength")
  private static List<Template> templates() {
    FunctionalLevel none = FunctionalLevel.NONE;
    FunctionalLevel low = FunctionalLevel.LOW;
    FunctionalLevel mod = FunctionalLevel.MODERATE;
    FunctionalLevel high = FunctionalLevel.HIGH;
    Map<String, FunctionalLevel> nothing = Map.of();
    return List.of(
        new Template("poverty", t("Kok in het sociaal restaurant", "Cook at the social restaurant", "Cuisinier au restaurant social"),
            t("Samen met een vaste ploeg kook je een betaalbare maaltijd voor zestig buurtbewoners.", "With a steady team you cook an affordable meal for sixty neighbours.", "Avec une équipe fixe, vous cuisinez un repas abordable pour soixante habitants du quartier."),
            List.of("cooking"), List.of("baking"), demands("standing_walking", mod, "physical_effort", mod, "pace_stress", mod),
            accommodations("seated_work", demands("standing_walking", low), "frequent_breaks", demands("physical_effort", low)),
            CefrLevel.A1, true, true, false, Regularity.REGULAR, DAY, SocialSetting.GROUP, WorkMode.ON_SITE, false, 0, 6),
        new Template("poverty", t("Medewerker voedselbank", "Food bank helper", "Bénévole à la banque alimentaire"),
            t("Je sorteert voedselpakketten en deelt ze uit aan gezinnen.", "You sort food parcels and hand them out to families.", "Vous triez des colis alimentaires et les distribuez aux familles."),
            List.of("food_distribution"), List.of("warehouse"), demands("lifting", mod, "standing_walking", mod, "social_contact", mod),
            accommodations("lifting_aids", demands("lifting", low)),
            CefrLevel.A2, false, true, false, Regularity.REGULAR, DAY, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 6),
        new Template("education", t("Huiswerkbegeleider", "Homework tutor", "Accompagnateur aux devoirs"),
            t("Je helpt kinderen van het lager onderwijs bij hun huiswerk, na school.", "You help primary-school children with their homework after school.", "Vous aidez des enfants du primaire à faire leurs devoirs après l'école."),
            List.of("tutoring"), List.of("language_coaching"), demands("speaking", mod, "reading_writing", high, "social_contact", mod),
            accommodations(), CefrLevel.B2, false, false, true, Regularity.REGULAR, new DayPart[] {DayPart.AFTERNOON}, SocialSetting.GROUP, WorkMode.ON_SITE, false, 0, 6),
        new Template("migration", t("Taalcoach in het taalcafé", "Language coach at the language café", "Coach linguistique au café des langues"),
            t("Je praat in een kleine groep met nieuwkomers die Nederlands oefenen.", "You chat in a small group with newcomers who practise Dutch.", "Vous discutez en petit groupe avec des primo-arrivants qui pratiquent le néerlandais."),
            List.of("language_coaching"), List.of("listening"), demands("speaking", high, "hearing", mod, "social_contact", high),
            accommodations("hearing_loop", demands("hearing", low)), CefrLevel.C1, false, false, false, Regularity.REGULAR, ANY, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 5),
        new Template("migration", t("Deelnemer praatgroep Nederlands", "Dutch conversation group member", "Participant au groupe de conversation néerlandais"),
            t("Je helpt mee in het taalcafé en oefent zelf Nederlands in een veilige groep.", "You help out at the language café and practise Dutch yourself in a safe group.", "Vous aidez au café des langues et pratiquez vous-même le néerlandais dans un groupe bienveillant."),
            List.of(), List.of("serving", "baking"), demands("social_contact", mod),
            accommodations("steady_buddy", demands()), CefrLevel.A1, true, true, false, Regularity.REGULAR, ANY, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 4),
        new Template("welfare", t("Chauffeur minder-mobielencentrale", "Driver for the reduced-mobility transport service", "Chauffeur pour le service de transport des personnes à mobilité réduite"),
            t("Met je eigen wagen breng je ouderen naar de dokter of de markt.", "With your own car you take older people to the doctor or the market.", "Avec votre voiture, vous conduisez des personnes âgées chez le médecin ou au marché."),
            List.of("driving"), List.of("companionship"), demands("seeing", high, "concentration", high, "social_contact", mod),
            accommodations(), CefrLevel.B1, false, false, false, Regularity.REGULAR, DAY, SocialSetting.ALONE, WorkMode.ON_SITE, false, 18, 5),
        new Template("elderly", t("Bezoeker in het woonzorgcentrum", "Visitor at the care home", "Visiteur en maison de repos"),
            t("Je gaat op bezoek bij bewoners die weinig familie hebben: babbelen, wandelen, een spelletje.", "You visit residents who have little family: a chat, a walk, a game.", "Vous rendez visite à des résidents qui ont peu de famille : une conversation, une promenade, un jeu."),
            List.of("companionship"), List.of("listening", "reading_aloud"), demands("social_contact", high, "hearing", mod, "standing_walking", low),
            accommodations("seated_work", demands("standing_walking", none)), CefrLevel.B1, false, true, false, Regularity.REGULAR, DAY, SocialSetting.ALONE, WorkMode.ON_SITE, false, 0, 6),
        new Template("elderly", t("Helper in het dienstencentrum", "Helper at the community service centre", "Aide au centre de services"),
            t("Je schenkt koffie, helpt bij activiteiten en maakt een praatje met de bezoekers.", "You serve coffee, help with activities and chat with the visitors.", "Vous servez le café, aidez aux activités et bavardez avec les visiteurs."),
            List.of("serving"), List.of("companionship", "crafts"), demands("standing_walking", mod, "social_contact", mod),
            accommodations("seated_work", demands("standing_walking", low)), CefrLevel.A2, false, true, false, Regularity.REGULAR, DAY, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 4),
        new Template("youth", t("Animator speelpleinwerking", "Playground activity leader", "Animateur de plaine de jeux"),
            t("Je bedenkt en begeleidt spelletjes voor kinderen tijdens de vakanties.", "You invent and lead games for children during the holidays.", "Vous imaginez et animez des jeux pour enfants pendant les vacances."),
            List.of("youth_work"), List.of("sports_coaching", "crafts"), demands("physical_effort", high, "social_contact", high, "pace_stress", high),
            accommodations(), CefrLevel.B1, false, false, true, Regularity.REGULAR, LATE, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 5),
        new Template("youth", t("Leiding in de jeugdbeweging", "Youth movement leader", "Chef dans un mouvement de jeunesse"),
            t("Elke zaterdag sta je met een ploeg leiding klaar voor een groep kinderen.", "Every Saturday you and a team of leaders run activities for a group of children.", "Chaque samedi, avec une équipe d'animateurs, vous encadrez un groupe d'enfants."),
            List.of("youth_work"), List.of("first_aid"), demands("physical_effort", high, "social_contact", high),
            accommodations(), CefrLevel.B1, false, false, true, Regularity.REGULAR, new DayPart[] {DayPart.AFTERNOON}, SocialSetting.GROUP, WorkMode.ON_SITE, false, 0, 3),
        new Template("environment", t("Tuinier in de buurtmoestuin", "Community vegetable gardener", "Jardinier au potager de quartier"),
            t("Je zaait, wiedt en oogst samen met buren in de moestuin.", "You sow, weed and harvest together with neighbours in the vegetable garden.", "Vous semez, désherbez et récoltez avec des voisins au potager."),
            List.of("gardening"), List.of(), demands("physical_effort", mod, "lifting", mod, "standing_walking", mod),
            accommodations("seated_work", demands("standing_walking", low), "lifting_aids", demands("lifting", low)), CefrLevel.A1, true, true, false, Regularity.REGULAR, DAY, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 5),
        new Template("environment", t("Hersteller in het Repair Café", "Repairer at the Repair Café", "Réparateur au Repair Café"),
            t("Samen met de bezoekers herstel je toestellen, fietsen of kleren.", "Together with visitors you repair appliances, bikes or clothes.", "Avec les visiteurs, vous réparez des appareils, des vélos ou des vêtements."),
            List.of("appliance_repair"), List.of("bicycle_repair", "sewing"), demands("fine_motor", high, "seeing", mod),
            accommodations("seated_work", demands()), CefrLevel.A2, false, true, false, Regularity.REGULAR, new DayPart[] {DayPart.AFTERNOON}, SocialSetting.GROUP, WorkMode.ON_SITE, false, 0, 4),
        new Template("environment", t("Natuurbeheerder", "Nature conservation volunteer", "Bénévole en gestion de la nature"),
            t("Je helpt bij het maaien, snoeien en onderhouden van natuurgebieden.", "You help with mowing, pruning and maintaining nature reserves.", "Vous aidez à faucher, tailler et entretenir des réserves naturelles."),
            List.of("nature_conservation"), List.of("gardening"), demands("physical_effort", high, "lifting", mod, "standing_walking", high),
            accommodations(), CefrLevel.A1, true, true, false, Regularity.REGULAR, new DayPart[] {DayPart.MORNING}, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 3),
        new Template("animals", t("Dierenverzorger in het asiel", "Animal carer at the shelter", "Soigneur au refuge pour animaux"),
            t("Je verzorgt en wandelt met honden en katten die op een nieuwe thuis wachten.", "You care for and walk dogs and cats waiting for a new home.", "Vous soignez et promenez des chiens et des chats en attente d'un nouveau foyer."),
            List.of("animal_care"), List.of("cleaning"), demands("physical_effort", mod, "standing_walking", mod),
            accommodations(), CefrLevel.A2, false, false, false, Regularity.REGULAR, ANY, SocialSetting.ALONE, WorkMode.ON_SITE, true, 16, 4),
        new Template("culture", t("Onthaalmedewerker cultuurhuis", "Front-of-house host at the arts centre", "Agent d'accueil au centre culturel"),
            t("Je ontvangt bezoekers, scant tickets en wijst de weg.", "You welcome visitors, scan tickets and show the way.", "Vous accueillez les visiteurs, scannez les billets et orientez le public."),
            List.of("reception"), List.of("ticketing"), demands("standing_walking", mod, "social_contact", high, "speaking", mod),
            accommodations("seated_work", demands("standing_walking", low), "wheelchair_access", demands()), CefrLevel.B1, false, true, false, Regularity.REGULAR, LATE, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 5),
        new Template("culture", t("Fotograaf voor de communicatie", "Photographer for communications", "Photographe pour la communication"),
            t("Je brengt activiteiten in beeld voor de website en sociale media.", "You photograph activities for the website and social media.", "Vous photographiez les activités pour le site web et les réseaux sociaux."),
            List.of("photography"), List.of("social_media"), demands("standing_walking", mod, "fine_motor", mod),
            accommodations(), CefrLevel.A2, false, false, false, Regularity.REGULAR, ANY, SocialSetting.ALONE, WorkMode.HYBRID, false, 0, 3),
        new Template("heritage", t("Gids erfgoedwandeling", "Heritage walk guide", "Guide de promenade patrimoine"),
            t("Je neemt groepen mee langs de verhalen van de wijk.", "You take groups along the stories of the neighbourhood.", "Vous emmenez des groupes à la découverte des histoires du quartier."),
            List.of("walking_guide"), List.of("public_speaking"), demands("standing_walking", high, "speaking", high, "social_contact", high),
            accommodations(), CefrLevel.C1, false, false, false, Regularity.REGULAR, DAY, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 3),
        new Template("community", t("Vrijwilliger digitale hulp", "Digital help volunteer", "Bénévole en aide numérique"),
            t("Je helpt buurtbewoners met hun smartphone, itsme en online formulieren.", "You help neighbours with their smartphone, itsme and online forms.", "Vous aidez des habitants avec leur smartphone, itsme et les formulaires en ligne."),
            List.of("digital_help"), List.of("listening"), demands("digital_skills", high, "social_contact", mod, "speaking", mod),
            accommodations("quiet_space", demands()), CefrLevel.B1, false, true, false, Regularity.REGULAR, DAY, SocialSetting.ALONE, WorkMode.ON_SITE, true, 0, 5),
        new Template("community", t("Fietshersteller in de buurtfietsenwerkplaats", "Bike repairer at the community bike workshop", "Réparateur de vélos à l'atelier de quartier"),
            t("Je herstelt fietsen en leert buurtbewoners hun fiets zelf te onderhouden.", "You repair bikes and teach neighbours to maintain their own bike.", "Vous réparez des vélos et apprenez aux habitants à entretenir le leur."),
            List.of("bicycle_repair"), List.of(), demands("fine_motor", mod, "standing_walking", mod),
            accommodations(), CefrLevel.A1, true, true, false, Regularity.REGULAR, LATE, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 4),
        new Template("welfare", t("Administratieve hulp", "Administrative assistant", "Aide administrative"),
            t("Je houdt ledenlijsten bij, verwerkt inschrijvingen en beantwoordt mails.", "You keep member lists, process registrations and answer e-mails.", "Vous tenez les listes de membres, traitez les inscriptions et répondez aux courriels."),
            List.of("administration"), List.of("data_entry"), demands("reading_writing", high, "digital_skills", mod, "concentration", mod),
            accommodations("quiet_space", demands(), "flexible_hours", demands()), CefrLevel.B2, false, false, false, Regularity.REGULAR, DAY, SocialSetting.ALONE, WorkMode.HYBRID, false, 0, 4),
        new Template("welfare", t("Penningmeester", "Treasurer", "Trésorier"),
            t("Je beheert de rekeningen van de vereniging en maakt de jaarrekening.", "You manage the association's accounts and prepare the annual accounts.", "Vous gérez les comptes de l'association et préparez les comptes annuels."),
            List.of("bookkeeping"), List.of("board_membership"), demands("reading_writing", high, "concentration", high, "digital_skills", mod),
            accommodations("flexible_hours", demands()), CefrLevel.B2, false, false, false, Regularity.REGULAR, ANY, SocialSetting.ALONE, WorkMode.REMOTE, false, 18, 2),
        new Template("international", t("Vertaler van folders", "Leaflet translator", "Traducteur de dépliants"),
            t("Je vertaalt folders en affiches naar de talen van de buurt.", "You translate leaflets and posters into the languages of the neighbourhood.", "Vous traduisez des dépliants et affiches dans les langues du quartier."),
            List.of("translation"), List.of("writing"), demands("reading_writing", high, "digital_skills", mod),
            accommodations(), CefrLevel.B2, false, false, false, Regularity.REGULAR, ANY, SocialSetting.ALONE, WorkMode.REMOTE, false, 0, 2),
        new Template("migration", t("Tolk bij het onthaal", "Interpreter at the welcome desk", "Interprète à l'accueil"),
            t("Je helpt nieuwkomers en medewerkers elkaar te begrijpen bij hun eerste gesprek.", "You help newcomers and staff understand each other at their first meeting.", "Vous aidez primo-arrivants et collaborateurs à se comprendre lors du premier entretien."),
            List.of("interpreting"), List.of(), demands("speaking", high, "hearing", mod, "social_contact", high),
            accommodations(), CefrLevel.B1, false, false, false, Regularity.REGULAR, DAY, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 3),
        new Template("events", t("Steward op de stadsfeesten", "Steward at the city festival", "Steward aux fêtes de la ville"),
            t("Je helpt bezoekers de weg te vinden en houdt de doorgangen vrij.", "You help visitors find their way and keep the passages clear.", "Vous aidez les visiteurs à s'orienter et gardez les passages dégagés."),
            List.of("stewarding"), List.of(), demands("standing_walking", high, "social_contact", mod, "pace_stress", high),
            accommodations("frequent_breaks", demands()), CefrLevel.A2, false, true, false, Regularity.ONE_OFF, ANY, SocialSetting.GROUP, WorkMode.ON_SITE, true, 16, 5),
        new Template("events", t("Op- en afbouw festival", "Festival setup and teardown", "Montage et démontage de festival"),
            t("Je bouwt tenten, podia en afsluitingen op en weer af.", "You put up and take down tents, stages and fences.", "Vous montez et démontez tentes, scènes et barrières."),
            List.of("setup_teardown"), List.of("carpentry"), demands("physical_effort", high, "lifting", high),
            accommodations(), CefrLevel.A1, true, true, false, Regularity.ONE_OFF, new DayPart[] {DayPart.MORNING}, SocialSetting.GROUP, WorkMode.ON_SITE, true, 18, 4),
        new Template("events", t("Kassa en bar op het buurtfeest", "Cash desk and bar at the street party", "Caisse et bar à la fête de quartier"),
            t("Je verkoopt bonnetjes en tapt een pintje.", "You sell tokens and pour drinks.", "Vous vendez des tickets boissons et servez au bar."),
            List.of("bar_work"), List.of("ticketing"), demands("standing_walking", mod, "pace_stress", high),
            accommodations(), CefrLevel.A2, false, true, false, Regularity.ONE_OFF, LATE, SocialSetting.GROUP, WorkMode.ON_SITE, true, 18, 3),
        new Template("sport", t("Trainer jeugdploeg", "Youth team coach", "Entraîneur d'équipe de jeunes"),
            t("Je geeft wekelijks training aan een jeugdploeg.", "You coach a youth team every week.", "Vous entraînez une équipe de jeunes chaque semaine."),
            List.of("sports_coaching"), List.of("first_aid"), demands("physical_effort", high, "social_contact", high),
            accommodations(), CefrLevel.B1, false, false, true, Regularity.REGULAR, LATE, SocialSetting.GROUP, WorkMode.ON_SITE, false, 0, 4),
        new Template("disability", t("Begeleider vrijetijdsclub", "Leisure club companion", "Accompagnateur de club de loisirs"),
            t("Je gaat mee op uitstap met volwassenen met een verstandelijke beperking.", "You join outings of adults with an intellectual disability.", "Vous accompagnez des sorties d'adultes ayant une déficience intellectuelle."),
            List.of("disability_support"), List.of("companionship"), demands("social_contact", high, "physical_effort", mod, "pace_stress", mod),
            accommodations("job_coaching", demands("pace_stress", low)), CefrLevel.B1, false, true, false, Regularity.REGULAR, ANY, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 3),
        new Template("health_care", t("Vrijwilliger palliatieve zorg", "Palliative care volunteer", "Bénévole en soins palliatifs"),
            t("Je bent er voor patiënten en hun familie: een luisterend oor, een kop koffie.", "You are there for patients and their families: a listening ear, a cup of coffee.", "Vous êtes présent pour les patients et leur famille : une écoute, un café."),
            List.of("listening"), List.of("companionship"), demands("social_contact", high, "pace_stress", mod, "hearing", mod),
            accommodations("flexible_hours", demands()), CefrLevel.C1, false, false, false, Regularity.REGULAR, ANY, SocialSetting.ALONE, WorkMode.ON_SITE, true, 18, 2),
        new Template("culture", t("Webmaster", "Webmaster", "Webmestre"),
            t("Je houdt de website van de vereniging up-to-date.", "You keep the association's website up to date.", "Vous tenez à jour le site web de l'association."),
            List.of("web_development"), List.of("graphic_design", "writing"), demands("digital_skills", high, "concentration", mod),
            accommodations("flexible_hours", demands()), CefrLevel.B1, false, false, false, Regularity.REGULAR, ANY, SocialSetting.ALONE, WorkMode.REMOTE, false, 0, 3),
        new Template("poverty", t("Medewerker kringwinkel", "Second-hand shop assistant", "Vendeur en magasin de seconde main"),
            t("Je sorteert spullen, prijst ze en helpt klanten in de winkel.", "You sort goods, price them and help customers in the shop.", "Vous triez les articles, les étiquetez et aidez les clients."),
            List.of(), List.of("warehouse", "sewing"), demands("standing_walking", mod, "lifting", mod, "social_contact", mod),
            accommodations("seated_work", demands("standing_walking", low), "picture_instructions", demands(), "small_steps", demands()),
            CefrLevel.A1, true, true, false, Regularity.REGULAR, DAY, SocialSetting.GROUP, WorkMode.ON_SITE, true, 0, 4));
  }
}
