package io.github.koppel.core.testdata;

import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.LanguageRequirement;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Schedule;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import io.github.koppel.core.model.WorkMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Named fixtures shared by the tests of every module (published in the core test-jar). */
public final class Testdata {
  /** A day on which the fixtures are assessed. */
  public static final LocalDate DAY = LocalDate.of(2026, 10, 1);

  /** The town hall of the demo city. */
  public static final Location CENTRE = new Location(51.0543, 3.7250, "9000", "Leiestad", "Binnenstad");

  private Testdata() {}

  /**
   * Returns a volunteer fixture: "ada" (a Dutch-speaking cook), "amal" (a newcomer practising
   * Dutch), "jozef" (a senior with walking limits) or "kid" (a 14-year-old).
   */
  public static Volunteer volunteer(String name) {
    Volunteer.Builder b =
        Volunteer.builder("vol-" + name)
            .displayName(name)
            .home(CENTRE)
            .mobility(Mobility.of(5, TravelMode.BICYCLE))
            .availability(
                Availability.weekly(
                    Set.of(WeeklySlot.of(DayOfWeek.MONDAY, DayPart.MORNING)), 4.0))
            // In the candidate bank: organisations may find every fixture.
            .participation(Participation.findable(DAY.minusDays(30)));
    return switch (name) {
      case "ada" -> b.birthDate(LocalDate.of(1990, 1, 1))
          .language(LanguageSkill.of("nl", CefrLevel.C2))
          .talent(Talent.of("cooking", ProficiencyLevel.EXPERT))
          .interests(Set.of("poverty"))
          .build();
      case "amal" -> b.birthDate(LocalDate.of(1988, 3, 14))
          .language(LanguageSkill.of("ar", CefrLevel.C2))
          .language(LanguageSkill.practising("nl", CefrLevel.A2))
          .talent(Talent.of("cooking", ProficiencyLevel.EXPERT))
          .targetGroups(Set.of("newcomer"))
          .consent(Consent.full(SensitiveCategory.TARGET_GROUP, DAY))
          .build();
      case "jozef" -> b.birthDate(LocalDate.of(1955, 7, 2))
          .language(LanguageSkill.of("nl", CefrLevel.C2))
          .talent(Talent.of("gardening"))
          .possibility("standing_walking", io.github.koppel.core.model.FunctionalLevel.LOW)
          .supportNeeds(Set.of("seated_work"))
          .consent(Consent.full(SensitiveCategory.ABILITY, DAY))
          .build();
      case "kid" -> b.birthDate(LocalDate.of(2012, 5, 5))
          .language(LanguageSkill.of("nl", CefrLevel.B2))
          .build();
      default -> throw new IllegalArgumentException("no volunteer fixture named " + name);
    };
  }

  /** Returns an insured non-profit organisation with id {@code org-<name>}. */
  public static Organisation organisation(String name) {
    return Organisation.of("org-" + name, "vzw " + name, LegalForm.NON_PROFIT_ASSOCIATION)
        .withSectors(Set.of("poverty"))
        .withLocation(CENTRE);
  }

  /**
   * Returns a vacancy fixture of organisation {@code org-kitchen}: "cook" (a social-restaurant cook
   * who needs no Dutch and offers Dutch practice) or "tutor" (a tutor who needs Dutch B2 and a
   * 596.2 extract).
   */
  public static Vacancy vacancy(String name) {
    return switch (name) {
      case "cook" -> Vacancy.builder("vac-cook", "org-kitchen", LocalizedText.of("Kok", "Cook", "Cuisinier"))
          .sectors(Set.of("poverty"))
          .talent(TalentRequirement.required("cooking"))
          .noDutchRequired(true)
          .practiseLanguages(Set.of("nl"))
          .place(WorkMode.ON_SITE, CENTRE)
          .schedule(Schedule.regular(Set.of(WeeklySlot.of(DayOfWeek.MONDAY, DayPart.MORNING)), 4.0))
          .capacity(2)
          .build();
      case "tutor" -> Vacancy.builder("vac-tutor", "org-kitchen", LocalizedText.of("Huiswerkbegeleider", "Tutor", "Tuteur"))
          .sectors(Set.of("education"))
          .talent(TalentRequirement.required("tutoring"))
          .language(LanguageRequirement.mandatory("nl", CefrLevel.B2))
          .requiresBackgroundCheck(true)
          .place(WorkMode.ON_SITE, CENTRE)
          .capacity(1)
          .build();
      default -> throw new IllegalArgumentException("no vacancy fixture named " + name);
    };
  }
}
