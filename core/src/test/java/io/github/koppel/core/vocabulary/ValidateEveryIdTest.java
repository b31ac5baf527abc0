package io.github.koppel.core.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Accommodation;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.InclusionCommitments;
import io.github.koppel.core.model.LanguageRequirement;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of id a dataset holds is checked: an unknown one in any field of any record is
 * refused with its path, whether the record is the first or the last of a large dataset (the
 * check takes a fast path for records without an error and builds paths only for the one that
 * has one).
 */
final class ValidateEveryIdTest {
  private static final Vocabularies VOCABULARIES = BundledData.flemishVocabularies();
  private static final Dataset CITY = DemoCity.bundled();

  static Stream<Arguments> volunteers() {
    return Stream.of(
        Arguments.of("languages[0].language", (UnaryOperator<Volunteer.Builder>) b -> b.languages(List.of(LanguageSkill.of("qqq", CefrLevel.A1)))),
        Arguments.of("talents[0].conceptId", (UnaryOperator<Volunteer.Builder>) b -> b.talents(List.of(Talent.of("no-such-talent")))),
        Arguments.of("interests", (UnaryOperator<Volunteer.Builder>) b -> b.interests(Set.of("no-such-sector"))),
        Arguments.of("possibilities", (UnaryOperator<Volunteer.Builder>) b -> b.possibility("no-such-dimension", FunctionalLevel.LOW)),
        Arguments.of("supportNeeds", (UnaryOperator<Volunteer.Builder>) b -> b.supportNeeds(Set.of("no-such-need"))),
        Arguments.of("targetGroups", (UnaryOperator<Volunteer.Builder>) b -> b.targetGroups(Set.of("no-such-group"))));
  }

  @ParameterizedTest(name = "volunteer {0}")
  @MethodSource("volunteers")
  void anUnknownIdOfAVolunteerIsRefused(String field, UnaryOperator<Volunteer.Builder> change) {
    List<Volunteer> volunteers = new ArrayList<>(CITY.volunteers());
    int last = volunteers.size() - 1;
    volunteers.set(last, change.apply(volunteers.get(last).toBuilder()).build());
    Dataset city = Dataset.of(CITY.organisations(), CITY.vacancies(), volunteers);
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> VOCABULARIES.validate(city));
    assertEquals("$.volunteers[" + last + "]." + field, e.path());
    assertThrows(InvalidDataException.class, () -> VOCABULARIES.validate(volunteers.get(last)));
  }

  static Stream<Arguments> vacancies() {
    return Stream.of(
        Arguments.of("sectors", (UnaryOperator<Vacancy.Builder>) b -> b.sectors(Set.of("no-such-sector"))),
        Arguments.of("languages[0].language", (UnaryOperator<Vacancy.Builder>) b -> b.language(new LanguageRequirement("qqq", CefrLevel.A1, true))),
        Arguments.of("practiseLanguages", (UnaryOperator<Vacancy.Builder>) b -> b.practiseLanguages(Set.of("qqq"))),
        Arguments.of("talents[0].conceptId", (UnaryOperator<Vacancy.Builder>) b -> b.talents(List.of(TalentRequirement.required("no-such-talent")))),
        Arguments.of("functionalDemands", (UnaryOperator<Vacancy.Builder>) b -> b.demand("no-such-dimension", FunctionalLevel.LOW)),
        Arguments.of("accommodations[0].accommodationId", (UnaryOperator<Vacancy.Builder>) b -> b.accommodation(Accommodation.of("no-such-accommodation"))));
  }

  @ParameterizedTest(name = "vacancy {0}")
  @MethodSource("vacancies")
  void anUnknownIdOfAVacancyIsRefused(String field, UnaryOperator<Vacancy.Builder> change) {
    // The last vacancy, replaced by one that holds no id but the changed one.
    List<Vacancy> vacancies = new ArrayList<>(CITY.vacancies());
    int at = vacancies.size() - 1;
    Vacancy last = vacancies.get(at);
    Vacancy.Builder plain =
        Vacancy.builder(last.id(), last.organisationId(), LocalizedText.of("nl", "Test")).place(WorkMode.REMOTE, null);
    vacancies.set(at, change.apply(plain).build());
    Dataset city = Dataset.of(CITY.organisations(), vacancies, CITY.volunteers());
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> VOCABULARIES.validate(city));
    assertEquals("$.vacancies[" + at + "]." + field, e.path());
  }

  @ParameterizedTest(name = "organisation {0}")
  @MethodSource("organisationChanges")
  void anUnknownIdOfAnOrganisationIsRefused(String field, UnaryOperator<Organisation> change) {
    List<Organisation> organisations = new ArrayList<>(CITY.organisations());
    organisations.set(0, change.apply(organisations.get(0)));
    Dataset city = Dataset.of(organisations, CITY.vacancies(), CITY.volunteers());
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> VOCABULARIES.validate(city));
    assertEquals("$.organisations[0]." + field, e.path());
  }

  static Stream<Arguments> organisationChanges() {
    return Stream.of(
        Arguments.of("sectors", (UnaryOperator<Organisation>) o -> o.withSectors(Set.of("no-such-sector"))),
        Arguments.of("inclusion.openToTargetGroups",
            (UnaryOperator<Organisation>) o -> o.withInclusion(new InclusionCommitments(Set.of("no-such-group"), false, false))));
  }

  @org.junit.jupiter.api.Test
  void aKnownDatasetIsReturnedAsItIs() {
    assertSame(CITY, VOCABULARIES.validate(CITY));
    assertTrue(CITY.volunteers().size() > 1000);
  }
}
