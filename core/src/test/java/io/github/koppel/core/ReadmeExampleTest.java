package io.github.koppel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.legal.LegalAssessment;
import io.github.koppel.core.legal.NoticeKind;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's quick start, kept compiling and correct. */
final class ReadmeExampleTest {

  @Test
  void quickStart() {
    Vacancy cook = Vacancy.builder("v-1", "org-1", LocalizedText.of("Kok", "Cook", "Cuisinier"))
        .talent(TalentRequirement.required("cooking"))
        .noDutchRequired(true)
        .practiseLanguages(Set.of("nl"))
        .place(WorkMode.ON_SITE, Location.of(51.054, 3.717))
        .build();
    Volunteer amal = Volunteer.builder("vol-1")
        .birthDate(LocalDate.of(1988, 3, 14))
        .language(LanguageSkill.practising("nl", CefrLevel.A2))
        .talent(Talent.of("cooking", ProficiencyLevel.EXPERT))
        .home(Location.of(51.060, 3.730))
        .mobility(Mobility.of(10, TravelMode.BICYCLE))
        .build();
    Organisation org = Organisation.of("org-1", "Sociaal restaurant", LegalForm.NON_PROFIT_ASSOCIATION);
    Dataset city = Dataset.of(List.of(org), List.of(cook), List.of(amal));
    BundledData.flemishVocabularies().validate(city);
    LegalAssessment legal = BundledData.belgianLegalRules().assess(amal, cook, org, LocalDate.of(2026, 3, 1));
    String json = KoppelJson.create().toJson(city);

    assertTrue(legal.isPermitted());
    assertTrue(legal.has(NoticeKind.BENEFIT_GENERAL), "no consent for benefit status: general reminder");
    assertTrue(legal.has(NoticeKind.INSURANCE_MANDATORY));
    assertEquals(city, KoppelJson.create().fromJson(json, Dataset.class));
  }
}
