package io.github.koppel.core.io;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.legal.AgeRule;
import io.github.koppel.core.legal.AllowanceCeiling;
import io.github.koppel.core.legal.BackgroundCheckRule;
import io.github.koppel.core.legal.BenefitNoticeRule;
import io.github.koppel.core.legal.InsuranceRule;
import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.legal.PensionAgeRule;
import io.github.koppel.core.model.HistoryEvent;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.ConceptScheme;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The top-level JSON documents. Only documents carry a schema version; the values inside them are
 * the domain records, mapped by their components.
 */
final class Documents {
  /** The schema version this release reads and writes. */
  static final int SCHEMA_VERSION = 1;

  private Documents() {}

  static void checkVersion(int schemaVersion) {
    checkArgument(
        schemaVersion >= 1, "schemaVersion must be a positive integer: %s", schemaVersion);
    checkArgument(
        schemaVersion <= SCHEMA_VERSION,
        "schemaVersion %s is newer than this version of Koppel reads (%s).\n"
            + "Upgrade Koppel, or write the file with schemaVersion %s.",
        schemaVersion,
        SCHEMA_VERSION,
        SCHEMA_VERSION);
  }

  record DatasetDocument(
      int schemaVersion,
      List<Organisation> organisations,
      List<Vacancy> vacancies,
      List<Volunteer> volunteers) {
    DatasetDocument {
      checkVersion(schemaVersion);
      Objects.requireNonNull(organisations, "organisations");
      Objects.requireNonNull(vacancies, "vacancies");
      Objects.requireNonNull(volunteers, "volunteers");
    }
  }

  /** The JSON form of a {@link ValidationReport}; written only. */
  record ValidationDocument(
      int schemaVersion,
      boolean ok,
      boolean truncated,
      int organisations,
      int vacancies,
      int volunteers,
      List<DataProblem> problems) {}

  record HistoryDocument(int schemaVersion, List<HistoryEvent> events) {
    HistoryDocument {
      checkVersion(schemaVersion);
      Objects.requireNonNull(events, "events");
    }
  }

  record SchemeDocument(String id, LocalizedText title, List<Concept> concepts) {
    SchemeDocument {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(concepts, "concepts");
    }

    static SchemeDocument of(ConceptScheme scheme) {
      return new SchemeDocument(scheme.id(), scheme.title(), scheme.concepts());
    }
  }

  record VocabulariesDocument(
      int schemaVersion,
      SchemeDocument talents,
      SchemeDocument sectors,
      SchemeDocument functionalDimensions,
      SchemeDocument accommodations,
      SchemeDocument targetGroups) {
    VocabulariesDocument {
      checkVersion(schemaVersion);
      Objects.requireNonNull(talents, "talents");
      Objects.requireNonNull(sectors, "sectors");
      Objects.requireNonNull(functionalDimensions, "functionalDimensions");
      Objects.requireNonNull(accommodations, "accommodations");
      Objects.requireNonNull(targetGroups, "targetGroups");
    }
  }

  record LegalRulesDocument(
      int schemaVersion,
      String jurisdiction,
      String version,
      List<AgeRule> ageRules,
      List<BackgroundCheckRule> backgroundCheckRules,
      List<BenefitNoticeRule> benefitNotices,
      List<InsuranceRule> insuranceRules,
      List<AllowanceCeiling> allowanceCeilings,
      List<PensionAgeRule> pensionAges,
      Map<String, LocalizedText> texts) {
    LegalRulesDocument {
      checkVersion(schemaVersion);
      Objects.requireNonNull(jurisdiction, "jurisdiction");
      Objects.requireNonNull(version, "version");
    }

    static LegalRulesDocument of(LegalRules rules) {
      return new LegalRulesDocument(
          SCHEMA_VERSION,
          rules.jurisdiction(),
          rules.version(),
          rules.ageRules(),
          rules.backgroundCheckRules(),
          rules.benefitNotices(),
          rules.insuranceRules(),
          rules.allowanceCeilings(),
          rules.pensionAges(),
          rules.texts());
    }

    LegalRules toRules() {
      return new LegalRules(
          jurisdiction,
          version,
          ageRules,
          backgroundCheckRules,
          benefitNotices,
          insuranceRules,
          allowanceCeilings,
          pensionAges,
          texts);
    }
  }
}
