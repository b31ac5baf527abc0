package io.github.koppel.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.AllowanceType;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Regularity;
import io.github.koppel.core.model.SocialSetting;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counter's own words (#14): Dutch and French values and column names, all documented. */
final class CsvWordsTest {
  private static final KoppelCsv CSV = KoppelCsv.create();

  @Test
  void legalFormsInDutchAndFrench() {
    List<Organisation> orgs =
        CSV.readOrganisations(
            new StringReader(
                "id;naam;rechtsvorm\n"
                    + "o1;De Brug;vzw\no2;La Passerelle;ASBL\no3;Buurtgroep;Feitelijke vereniging\n"
                    + "o4;Groupe;association de fait\no5;Fonds;Stichting\no6;Stad;openbare dienst\n"),
            "o.csv");
    assertEquals(
        List.of(LegalForm.NON_PROFIT_ASSOCIATION, LegalForm.NON_PROFIT_ASSOCIATION,
            LegalForm.DE_FACTO_ASSOCIATION_WITHOUT_STAFF, LegalForm.DE_FACTO_ASSOCIATION_WITHOUT_STAFF,
            LegalForm.FOUNDATION, LegalForm.PUBLIC_SERVICE),
        orgs.stream().map(Organisation::legalForm).toList());
    assertEquals("De Brug", orgs.get(0).name());
  }

  @Test
  void travelModesBenefitsAndPreferencesInTheCountersWords() {
    List<Volunteer> vols =
        CSV.readVolunteers(
            new StringReader(
                "id;maximale afstand km;vervoer;uitkeringen;regelmaat;alleen_of_in_groep\n"
                    + "v1;5;fiets;leefloon;regelmatig;in groep\n"
                    + "v2;5;vélo;chômage;ponctuel;seul\n"
                    + "v3;2;te voet;ziekte-uitkering;eenmalig;alleen\n"
                    + "v4;10;openbaar vervoer;werkloosheid, leefloon;;\n"
                    + "v5;20;En voiture;;;\n"),
            "v.csv");
    assertEquals(
        List.of(TravelMode.BICYCLE, TravelMode.BICYCLE, TravelMode.WALK, TravelMode.PUBLIC_TRANSPORT, TravelMode.CAR),
        vols.stream().map(v -> v.mobility().travelMode()).toList());
    assertEquals(Set.of(BenefitStatus.SOCIAL_INTEGRATION_INCOME), vols.get(0).benefits());
    assertEquals(Set.of(BenefitStatus.UNEMPLOYMENT), vols.get(1).benefits());
    assertEquals(Set.of(BenefitStatus.INCAPACITY), vols.get(2).benefits());
    assertEquals(Set.of(BenefitStatus.UNEMPLOYMENT, BenefitStatus.SOCIAL_INTEGRATION_INCOME), vols.get(3).benefits());
    assertEquals(Regularity.REGULAR, vols.get(0).preferences().regularity());
    assertEquals(SocialSetting.ALONE, vols.get(1).preferences().socialSetting());
  }

  @Test
  void frenchColumnNames() {
    List<Organisation> orgs =
        CSV.readOrganisations(new StringReader("ID;Nom;Forme juridique;Assuré\no1;La Passerelle;asbl;oui\n"), "o.csv");
    assertEquals("La Passerelle", orgs.get(0).name());
    assertTrue(orgs.get(0).liabilityInsured());
  }

  @Test
  void aColumnNamedTwiceInTwoLanguagesIsRefused() {
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class,
            () -> CSV.readOrganisations(new StringReader("id;name;naam;legal_form\no1;A;B;vzw\n"), "o.csv"));
    assertEquals("the column occurs twice", e.problem());
    assertEquals("row 0 (header), column naam", e.path());
  }

  @Test
  void anUnknownWordListsTheKnownOnes() {
    InvalidDataException e =
        assertThrows(
            InvalidDataException.class,
            () -> CSV.readOrganisations(new StringReader("id;name;legal_form\no1;A;piratenschip\n"), "o.csv"));
    assertTrue(e.problem().startsWith("expected one of de_facto_association_without_staff"), e.problem());
    assertTrue(e.problem().endsWith("or their Dutch or French words (docs/csv.md)"), e.problem());
  }

  /** Every word and column name of the tables is in docs/csv.md, so that the documentation is whole. */
  @Test
  void docsListEveryWordAndColumnName() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "csv.md"));
    for (Class<? extends Enum<?>> type :
        List.<Class<? extends Enum<?>>>of(
            LegalForm.class, TravelMode.class, BenefitStatus.class, Regularity.class,
            SocialSetting.class, WorkMode.class, ProficiencyLevel.class, FunctionalLevel.class,
            AllowanceType.class, MatchOutcome.class, DayPart.class,
            io.github.koppel.core.model.Participation.Status.class)) {
      for (Map.Entry<Enum<?>, List<String>> e : EnumWords.wordsOf(type).entrySet()) {
        for (String word : EnumWords.documented(e.getKey())) {
          assertTrue(docs.contains("`" + word + "`"), type.getSimpleName() + " " + word);
        }
      }
    }
    for (Map.Entry<String, List<String>> e : ColumnNames.all().entrySet()) {
      for (String name : e.getValue()) {
        assertTrue(docs.contains("`" + name + "`"), e.getKey() + " " + name);
      }
    }
  }
}
