package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Accommodation;
import io.github.koppel.core.model.Allowance;
import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.InclusionCommitments;
import io.github.koppel.core.model.LanguageRequirement;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.MatchRecord;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.Schedule;
import io.github.koppel.core.model.Shift;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import io.github.koppel.core.testdata.DomainArbitraries;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Every type written as JSON reads back equal. */
final class JsonRoundTripProperties {
  private final KoppelJson json = KoppelJson.create();

  private <T> void assertRoundTrip(T value, Class<T> type) {
    String text = json.toJson(value);
    assertEquals(value, json.fromJson(text, type), text);
    assertEquals(text, json.toJson(json.fromJson(text, type)), "writing is deterministic");
  }

  @Property(tries = 200)
  void volunteersRoundTrip(@ForAll("volunteers") Volunteer v) {
    Statistics.label("support needs").collect(!v.supportNeeds().isEmpty()).coverage(c -> c.check(true).percentage(p -> p > 20));
    assertRoundTrip(v, Volunteer.class);
  }

  @Property(tries = 200)
  void vacanciesRoundTrip(@ForAll("vacancies") Vacancy v) {
    Statistics.label("full").collect(v.capacity() == 0).coverage(c -> c.check(true).count(n -> n > 0));
    assertRoundTrip(v, Vacancy.class);
  }

  @Property(tries = 100)
  void organisationsRoundTrip(@ForAll("organisations") Organisation o) {
    assertRoundTrip(o, Organisation.class);
  }

  @Property(tries = 50)
  void datasetsRoundTrip(@ForAll("datasets") Dataset d) {
    assertRoundTrip(d, Dataset.class);
  }

  @Property(tries = 50)
  void partsRoundTrip(
      @ForAll("languageSkills") LanguageSkill skill,
      @ForAll("languageRequirements") LanguageRequirement requirement,
      @ForAll("talents") Talent talent,
      @ForAll("talentRequirements") TalentRequirement talentRequirement,
      @ForAll("weeklySlots") WeeklySlot slot,
      @ForAll("shifts") Shift shift,
      @ForAll("locations") Location location,
      @ForAll("availabilities") Availability availability) {
    assertRoundTrip(skill, LanguageSkill.class);
    assertRoundTrip(requirement, LanguageRequirement.class);
    assertRoundTrip(talent, Talent.class);
    assertRoundTrip(talentRequirement, TalentRequirement.class);
    assertRoundTrip(slot, WeeklySlot.class);
    assertRoundTrip(shift, Shift.class);
    assertRoundTrip(location, Location.class);
    assertRoundTrip(availability, Availability.class);
  }

  @Property(tries = 50)
  void morePartsRoundTrip(
      @ForAll("schedules") Schedule schedule,
      @ForAll("mobilities") Mobility mobility,
      @ForAll("preferences") Preferences preferences,
      @ForAll("consents") Consent consent,
      @ForAll("matchRecords") MatchRecord record,
      @ForAll("inclusionCommitments") InclusionCommitments inclusion,
      @ForAll("allowances") Allowance allowance,
      @ForAll("localizedTexts") LocalizedText text) {
    assertRoundTrip(schedule, Schedule.class);
    assertRoundTrip(mobility, Mobility.class);
    assertRoundTrip(preferences, Preferences.class);
    assertRoundTrip(consent, Consent.class);
    assertRoundTrip(record, MatchRecord.class);
    assertRoundTrip(inclusion, InclusionCommitments.class);
    assertRoundTrip(allowance, Allowance.class);
    assertRoundTrip(text, LocalizedText.class);
    assertRoundTrip(new Accommodation("quiet_space", Map.of()), Accommodation.class);
  }

  @Property(tries = 1)
  void bundledDataRoundTrips() {
    Vocabularies vocabularies = BundledData.flemishVocabularies();
    assertRoundTrip(vocabularies, Vocabularies.class);
    assertRoundTrip(vocabularies.talents(), ConceptScheme.class);
    assertRoundTrip(BundledData.belgianLegalRules(), LegalRules.class);
  }

  @Provide Arbitrary<Volunteer> volunteers() { return DomainArbitraries.volunteers(); }
  @Provide Arbitrary<Vacancy> vacancies() { return DomainArbitraries.vacancies(); }
  @Provide Arbitrary<Organisation> organisations() { return DomainArbitraries.organisations(); }
  @Provide Arbitrary<Dataset> datasets() { return DomainArbitraries.datasets(); }
  @Provide Arbitrary<LanguageSkill> languageSkills() { return DomainArbitraries.languageSkills(); }
  @Provide Arbitrary<LanguageRequirement> languageRequirements() { return DomainArbitraries.languageRequirements(); }
  @Provide Arbitrary<Talent> talents() { return DomainArbitraries.talents(); }
  @Provide Arbitrary<TalentRequirement> talentRequirements() { return DomainArbitraries.talentRequirements(); }
  @Provide Arbitrary<WeeklySlot> weeklySlots() { return DomainArbitraries.weeklySlots(); }
  @Provide Arbitrary<Shift> shifts() { return DomainArbitraries.shifts(); }
  @Provide Arbitrary<Location> locations() { return DomainArbitraries.locations(); }
  @Provide Arbitrary<Availability> availabilities() { return DomainArbitraries.availabilities(); }
  @Provide Arbitrary<Schedule> schedules() { return DomainArbitraries.schedules(); }
  @Provide Arbitrary<Mobility> mobilities() { return DomainArbitraries.mobilities(); }
  @Provide Arbitrary<Preferences> preferences() { return DomainArbitraries.preferences(); }
  @Provide Arbitrary<Consent> consents() { return DomainArbitraries.consents(); }
  @Provide Arbitrary<MatchRecord> matchRecords() { return DomainArbitraries.matchRecords(); }
  @Provide Arbitrary<InclusionCommitments> inclusionCommitments() { return DomainArbitraries.inclusionCommitments(); }
  @Provide Arbitrary<Allowance> allowances() { return DomainArbitraries.allowances(); }
  @Provide Arbitrary<LocalizedText> localizedTexts() { return DomainArbitraries.localizedTexts(); }
}
