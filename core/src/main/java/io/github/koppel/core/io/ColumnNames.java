package io.github.koppel.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dutch and French names of the CSV columns, beside the English ones: a counter's spreadsheet
 * says {@code naam} or {@code nom}, {@code rechtsvorm} or {@code forme_juridique}. A name matches
 * whatever its case, accents, spaces, dashes and underscores ({@code Rechts-vorm} is {@code
 * rechtsvorm}); {@code docs/csv.md} lists them all.
 */
final class ColumnNames {
  private ColumnNames() {}

  private static final Map<String, String> CANONICAL = new LinkedHashMap<>();
  private static final Map<String, List<String>> NAMES = new LinkedHashMap<>();

  static {
    names("id", "id", "id");
    names("name", "naam", "nom");
    names("legal_form", "rechtsvorm", "forme_juridique");
    names("insured", "verzekerd", "assure");
    names("sectors", "sectoren", "secteurs");
    names("latitude", "breedtegraad", "latitude");
    names("longitude", "lengtegraad", "longitude");
    names("postcode", "postcode", "code_postal");
    names("municipality", "gemeente", "commune");
    names("neighbourhood", "wijk", "quartier");
    names("approximate", "bij_benadering", "approximatif");
    names("open_to_target_groups", "open_voor_doelgroepen", "ouvert_aux_groupes_cibles");
    names("coach_or_buddy", "coach_of_buddy", "coach_ou_parrain");
    names("trial_day", "proefdag", "journee_d_essai");
    names("youth_work", "jeugdwerk", "travail_de_jeunesse");
    names("organisation_id", "organisatie_id", "organisation");
    names("title_nl", "titel_nl", "titre_nl");
    names("title_en", "titel_en", "titre_en");
    names("title_fr", "titel_fr", "titre_fr");
    names("description_nl", "beschrijving_nl", "description_nl");
    names("description_en", "beschrijving_en", "description_en");
    names("description_fr", "beschrijving_fr", "description_fr");
    names("talents_required", "talenten_vereist", "talents_requis");
    names("talents_desired", "talenten_gewenst", "talents_souhaites");
    names("offers_training", "biedt_opleiding", "offre_formation");
    names("languages_required", "talen_vereist", "langues_requises");
    names("languages_desired", "talen_gewenst", "langues_souhaitees");
    names("no_dutch_required", "geen_nederlands_vereist", "neerlandais_non_requis");
    names("practise_languages", "talen_oefenen", "langues_a_pratiquer");
    names("demands", "eisen", "exigences");
    names("accommodations", "aanpassingen", "amenagements");
    names("regularity", "regelmaat", "regularite");
    names("weekly", "wekelijks", "hebdomadaire");
    names("hours_per_week", "uren_per_week", "heures_par_semaine");
    names("shifts", "shiften", "creneaux");
    names("work_mode", "werkvorm", "mode_de_travail");
    names("capacity", "plaatsen", "places");
    names("minimum_age", "minimumleeftijd", "age_minimum");
    names("minimum_age_by_calendar_year", "minimumleeftijd_per_kalenderjaar", "age_minimum_par_annee_civile");
    names("requires_background_check", "uittreksel_strafregister_vereist", "extrait_casier_requis");
    names("allowance", "vergoeding", "indemnite");
    names("social_setting", "alleen_of_in_groep", "seul_ou_en_groupe");
    names("valid_from", "geldig_vanaf", "valable_du");
    names("valid_until", "geldig_tot", "valable_jusqu_au");
    names("birth_date", "geboortedatum", "date_de_naissance");
    names("first_stage_secondary", "eerste_graad_secundair", "premier_degre_secondaire");
    names("languages", "talen", "langues");
    names("practise", "oefenen", "pratiquer");
    names("talents", "talenten", "talents");
    names("learn", "leren", "apprendre");
    names("interests", "interesses", "centres_d_interet");
    names("possibilities", "mogelijkheden", "possibilites");
    names("support_needs", "ondersteuningsnoden", "besoins_de_soutien");
    names("available_from", "beschikbaar_vanaf", "disponible_du");
    names("available_until", "beschikbaar_tot", "disponible_jusqu_au");
    names("max_distance_km", "maximale_afstand_km", "distance_maximale_km");
    names("travel_mode", "vervoer", "moyen_de_transport");
    names("remote_ok", "van_thuis_uit_ok", "a_distance_ok");
    names("prefers_remote", "liefst_van_thuis_uit", "prefere_a_distance");
    names("driving_licences", "rijbewijzen", "permis_de_conduire");
    names("status", "status_vrijwilliger", "statut");
    names("paused_until", "gepauzeerd_tot", "en_pause_jusqu_au");
    names("findable_since", "vindbaar_sinds", "trouvable_depuis");
    names("max_proposals_per_month", "max_voorstellen_per_maand", "max_propositions_par_mois");
    names("driving_licence", "rijbewijs_vereist", "permis_requis");
    names("target_groups", "doelgroepen", "groupes_cibles");
    names("benefits", "uitkeringen", "allocations");
    names("background_check_date", "datum_uittreksel_strafregister", "date_extrait_casier");
    names("consent_ability", "toestemming_mogelijkheden", "consentement_possibilites");
    names("consent_benefit_status", "toestemming_uitkering", "consentement_allocations");
    names("consent_target_group", "toestemming_doelgroep", "consentement_groupe_cible");
    names("consent_background_check", "toestemming_uittreksel", "consentement_extrait");
    names("consent_date", "datum_toestemming", "date_du_consentement");
    names("consent_ability_date", "datum_toestemming_mogelijkheden", "date_consentement_possibilites");
    names("consent_benefit_status_date", "datum_toestemming_uitkering", "date_consentement_allocations");
    names("consent_target_group_date", "datum_toestemming_doelgroep", "date_consentement_groupe_cible");
    names("consent_background_check_date", "datum_toestemming_uittreksel", "date_consentement_extrait");
    names("volunteer_id", "vrijwilliger_id", "benevole_id");
    names("vacancy_id", "vacature_id", "offre_id");
    names("date", "datum", "date");
    names("outcome", "uitkomst", "resultat");
  }

  private static void names(String column, String dutch, String french) {
    NAMES.put(column, List.of(dutch, french));
    for (String name : List.of(column, dutch, french)) {
      String earlier = CANONICAL.putIfAbsent(EnumWords.key(name), column);
      if (earlier != null && !earlier.equals(column)) {
        throw new IllegalStateException("the column name '" + name + "' means both " + earlier + " and " + column);
      }
    }
  }

  /**
   * Returns the English name of a column as written in a header, or the name in lower case when
   * it is no known name.
   *
   * @param written the name in the header
   * @return the column's English name
   */
  static String canonical(String written) {
    String c = CANONICAL.get(EnumWords.key(written));
    if (c != null) {
      return c;
    }
    String lower = written.strip().toLowerCase(Locale.ROOT);
    Matcher m = LOCALIZED.matcher(lower);
    if (m.matches()) {
      return (m.group(1).startsWith("t") ? "title_" : "description_") + m.group(2);
    }
    return lower;
  }

  /** A title or description in any language: {@code title_de}, {@code titel_ar}, {@code description_tr}. */
  private static final Pattern LOCALIZED =
      Pattern.compile("(title|titel|titre|description|beschrijving)[ _-]([a-z]{2,3})");

  private static final Pattern CANONICAL_LOCALIZED = Pattern.compile("(title|description)_[a-z]{2,3}");

  /** Returns whether a column is a title or description in some language. */
  static boolean isLocalized(String column) {
    return CANONICAL_LOCALIZED.matcher(column).matches();
  }

  /** Returns the Dutch and French names of every column, for the documentation and its test. */
  static Map<String, List<String>> all() {
    return Collections.unmodifiableMap(NAMES);
  }
}
