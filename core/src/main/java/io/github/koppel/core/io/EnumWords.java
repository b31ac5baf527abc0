package io.github.koppel.core.io;

import io.github.koppel.core.model.AllowanceType;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.Regularity;
import io.github.koppel.core.model.SocialSetting;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.WorkMode;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words a Flemish counter uses for the values of enumerations, in Dutch and French beside the
 * English names: {@code vzw} and {@code asbl} for a non-profit association, {@code fiets} and
 * {@code vélo} for the bicycle, {@code leefloon} for the social integration income. A word matches
 * whatever its case, accents, spaces, dashes and underscores; {@code docs/csv.md} lists them all.
 */
final class EnumWords {
  private EnumWords() {}

  // Before the words below, which are keyed with them as the class initialises.
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.']+");
  private static final Map<Class<?>, Map<String, Enum<?>>> WORDS = new LinkedHashMap<>();
  private static final Map<Enum<?>, List<String>> WRITTEN = new LinkedHashMap<>();

  static {
    words(LegalForm.DE_FACTO_ASSOCIATION_WITHOUT_STAFF,
        "feitelijke vereniging", "feitelijke vereniging zonder personeel", "association de fait",
        "association de fait sans personnel", "fv");
    words(LegalForm.DE_FACTO_ASSOCIATION_WITH_STAFF,
        "feitelijke vereniging met personeel", "association de fait avec personnel");
    words(LegalForm.NON_PROFIT_ASSOCIATION,
        "vzw", "v.z.w.", "vereniging zonder winstoogmerk", "asbl", "a.s.b.l.",
        "association sans but lucratif", "ivzw", "aisbl");
    words(LegalForm.FOUNDATION, "stichting", "fondation", "private stichting", "fondation privée");
    words(LegalForm.PUBLIC_SERVICE,
        "openbare dienst", "overheid", "gemeente", "ocmw", "service public", "administration publique",
        "commune", "cpas");
    words(TravelMode.WALK, "te voet", "voet", "wandelen", "à pied", "a pied", "marche", "on foot");
    words(TravelMode.BICYCLE, "fiets", "met de fiets", "vélo", "a velo", "à vélo", "bike", "cycling");
    words(TravelMode.PUBLIC_TRANSPORT,
        "openbaar vervoer", "bus", "tram", "trein", "de lijn", "transports en commun",
        "transport en commun", "transports publics");
    words(TravelMode.CAR, "auto", "wagen", "met de auto", "voiture", "en voiture");
    words(BenefitStatus.UNEMPLOYMENT,
        "werkloosheid", "werkloosheidsuitkering", "werkloos", "rva", "chômage", "chomage", "onem",
        "allocation de chômage");
    words(BenefitStatus.SOCIAL_INTEGRATION_INCOME,
        "leefloon", "ocmw", "revenu d'intégration", "revenu d'integration",
        "revenu d'intégration sociale", "ris", "cpas");
    words(BenefitStatus.INCAPACITY,
        "ziekte-uitkering", "ziekteuitkering", "invaliditeit", "invaliditeitsuitkering",
        "arbeidsongeschikt", "arbeidsongeschiktheid", "mutualiteit", "ziekenfonds", "incapacité",
        "incapacite", "invalidité", "invalidite", "indemnités de maladie", "mutuelle");
    words(Regularity.ONE_OFF, "eenmalig", "occasioneel", "ponctuel", "ponctuelle", "occasionnel", "once");
    words(Regularity.REGULAR, "regelmatig", "wekelijks", "vast", "régulier", "regulier", "régulière");
    words(SocialSetting.ALONE, "alleen", "individueel", "seul", "seule", "individuel");
    words(SocialSetting.GROUP, "groep", "in groep", "in een groep", "team", "en groupe", "groupe", "équipe");
    words(WorkMode.ON_SITE, "ter plaatse", "op locatie", "sur place", "onsite");
    words(WorkMode.REMOTE, "van thuis uit", "thuis", "op afstand", "thuiswerk", "à distance", "a distance",
        "à domicile", "télétravail", "teletravail", "online");
    words(WorkMode.HYBRID, "hybride", "gemengd", "mixte");
    words(ProficiencyLevel.BEGINNER, "beginner", "beginnend", "débutant", "debutant", "débutante");
    words(ProficiencyLevel.EXPERIENCED, "ervaren", "gevorderd", "expérimenté", "experimente", "expérimentée");
    words(ProficiencyLevel.EXPERT, "expert", "deskundig", "experte", "professioneel");
    words(FunctionalLevel.NONE, "geen", "niets", "aucun", "aucune", "rien");
    words(FunctionalLevel.LOW, "laag", "weinig", "beperkt", "faible", "peu", "bas");
    words(FunctionalLevel.MODERATE, "matig", "gemiddeld", "middel", "modéré", "modere", "moyen", "moyenne");
    words(FunctionalLevel.HIGH, "hoog", "veel", "élevé", "eleve", "élevée", "beaucoup");
    words(FunctionalLevel.VERY_HIGH, "zeer hoog", "heel hoog", "heel veel", "très élevé", "tres eleve", "très élevée");
    words(AllowanceType.NONE, "geen", "geen vergoeding", "aucune", "aucune indemnité", "sans");
    words(AllowanceType.FLAT_RATE, "forfaitair", "forfait", "forfaitaire vergoeding", "forfaitaire", "indemnité forfaitaire");
    words(AllowanceType.REAL_COSTS, "reële kosten", "reele kosten", "werkelijke kosten", "onkosten", "frais réels", "frais reels");
    words(MatchOutcome.PROPOSED, "voorgesteld", "proposé", "propose");
    words(MatchOutcome.APPLIED, "kandidaat gesteld", "gesolliciteerd", "aangemeld", "candidaté", "postulé", "postule");
    words(MatchOutcome.DECLINED, "afgezegd", "afgewezen door vrijwilliger", "niet geïnteresseerd", "décliné", "decline", "refusé par le bénévole");
    words(MatchOutcome.REJECTED, "afgewezen", "niet weerhouden", "rejeté", "rejete", "non retenu");
    words(MatchOutcome.STARTED, "gestart", "begonnen", "commencé", "commence", "démarré");
    words(MatchOutcome.ACTIVE_AFTER_THREE_MONTHS, "actief na drie maanden", "actif après trois mois", "actif apres trois mois");
    words(MatchOutcome.STOPPED_EARLY, "vroeg gestopt", "gestopt", "arrêté tôt", "arrete tot", "abandonné", "abandonne");
    words(Participation.Status.ACTIVE, "actief", "actif", "active");
    words(Participation.Status.PAUSED, "gepauzeerd", "pauze", "on hold", "en pause", "pause", "suspendu");
    words(Participation.Status.WITHDRAWN, "uitgeschreven", "afgemeld", "stopt", "retiré", "retire", "désinscrit", "desinscrit");
    words(DayPart.MORNING, "ochtend", "voormiddag", "morgen", "matin", "matinée");
    words(DayPart.AFTERNOON, "namiddag", "middag", "après-midi", "apres-midi");
    words(DayPart.EVENING, "avond", "soir", "soirée", "soiree");
  }

  private static void words(Enum<?> constant, String... words) {
    Map<String, Enum<?>> map = WORDS.computeIfAbsent(constant.getDeclaringClass(), c -> new LinkedHashMap<>());
    map.put(key(constant.name()), constant);
    WRITTEN.put(constant, List.of(words));
    for (String w : words) {
      Enum<?> earlier = map.putIfAbsent(key(w), constant);
      if (earlier != null && earlier != constant) {
        throw new IllegalStateException("the word '" + w + "' means both " + earlier + " and " + constant);
      }
    }
  }

  /** A word as it is compared: lower case, without accents, spaces, dashes or underscores. */
  static String key(String word) {
    String plain = MARKS.matcher(Normalizer.normalize(word.strip(), Normalizer.Form.NFD)).replaceAll("");
    return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  /**
   * Returns the constant a word means, or {@code null}.
   *
   * @param type the enumeration
   * @param word the word, in English, Dutch or French
   * @return the constant, or {@code null} when the word means none
   */
  static <E extends Enum<E>> @Nullable E of(Class<E> type, String word) {
    Map<String, Enum<?>> map = WORDS.get(type);
    String k = key(word);
    if (map != null && map.containsKey(k)) {
      return type.cast(map.get(k));
    }
    for (E constant : type.getEnumConstants()) {
      if (key(constant.name()).equals(k)) {
        return constant;
      }
    }
    return null;
  }

  /** Returns the words of an enumeration by constant, as written, for the documentation and its test. */
  static Map<Enum<?>, List<String>> wordsOf(Class<? extends Enum<?>> type) {
    Map<Enum<?>, List<String>> out = new LinkedHashMap<>();
    for (Enum<?> constant : type.getEnumConstants()) {
      out.put(constant, WRITTEN.getOrDefault(constant, List.of()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns the words of one constant as written. */
  static List<String> documented(Enum<?> constant) {
    return WRITTEN.getOrDefault(constant, List.of());
  }
}
