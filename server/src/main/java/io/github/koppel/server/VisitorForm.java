package io.github.koppel.server;

import io.github.koppel.core.geo.Geocoder;
import io.github.koppel.core.io.FreeWords;
import io.github.koppel.core.io.PlacedWord;
import io.github.koppel.core.io.UnplacedWord;
import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.Regularity;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.SocialSetting;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.Languages;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.core.vocabulary.VocabularyKind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The counter's visitor form: the fields as sent, and the visitor they describe, or what is wrong
 * with them, field by field. The visitor is only used for the request, never stored.
 */
final class VisitorForm {
  /** How many language, talent and interest rows the form has. */
  static final int LANGUAGE_ROWS = 3;
  static final int TALENT_ROWS = 4;
  static final int LEARN_ROWS = 2;
  static final int INTEREST_ROWS = 3;

  /** The longest value of one field. */
  static final int MAX_FIELD = 200;

  /** The most matches the page shows. */
  static final List<Integer> SIZES = List.of(5, 10, 20);

  /** The visitor's id in the engine; never stored. */
  static final String VISITOR_ID = "visitor";

  /** A problem with one field, in the page's language. */
  record FieldError(String field, String message) {}

  private final Map<String, List<String>> fields;
  private final List<FieldError> errors = new ArrayList<>();
  private final List<PlacedWord> placed;
  private final List<UnplacedWord> unplaced;
  private final @Nullable Volunteer visitor;

  private VisitorForm(Map<String, List<String>> fields, PageText t, Vocabularies vocabularies, Geocoder geocoder,
      LocalDate date) {
    this.fields = fields;
    FreeWords words = FreeWords.of(vocabularies, "counter form");
    Volunteer v = read(t, vocabularies, geocoder, date, words);
    this.placed = words.placed();
    this.unplaced = words.unplaced();
    this.visitor = errors.isEmpty() ? v : null;
  }

  /** An empty form, as the page first shows it. */
  static VisitorForm empty() {
    return new VisitorForm(Map.of());
  }

  private VisitorForm(Map<String, List<String>> fields) {
    this.fields = fields;
    this.placed = List.of();
    this.unplaced = List.of();
    this.visitor = null;
  }

  /** Reads the fields of a form, as {@link #decode} gives them. */
  static VisitorForm read(Map<String, List<String>> fields, PageText t, Vocabularies vocabularies, Geocoder geocoder,
      LocalDate date) {
    return new VisitorForm(fields, t, vocabularies, geocoder, date);
  }

  /**
   * The fields of a form body, in order; a field sent twice keeps both values.
   *
   * @throws IllegalArgumentException if the body is not UTF-8 form encoding
   */
  static Map<String, List<String>> decode(byte[] body) {
    String text = Exchange.utf8(body);
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /** The value of a field as sent, stripped; empty when it was not sent. */
  String value(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0).strip();
  }

  /** Whether nothing was sent: the form as first shown. */
  boolean blank() {
    return fields.isEmpty();
  }

  /** Whether a box was ticked: sent with the value {@code on}, as the form's boxes are. */
  boolean checked(String name) {
    return value(name).equals("on");
  }

  List<FieldError> errors() {
    return errors;
  }

  @Nullable String error(String field) {
    for (FieldError e : errors) {
      if (e.field().equals(field)) {
        return e.message();
      }
    }
    return null;
  }

  List<PlacedWord> placed() {
    return placed;
  }

  List<UnplacedWord> unplaced() {
    return unplaced;
  }

  Optional<Volunteer> visitor() {
    return Optional.ofNullable(visitor);
  }

  /** How many matches to show: one of {@link #SIZES}, 10 when not chosen. */
  int size() {
    String k = value("k");
    for (int s : SIZES) {
      if (Integer.toString(s).equals(k)) {
        return s;
      }
    }
    return 10;
  }

  /** The language of the visitor's summary: a page language, the page's own when not chosen. */
  String summaryLanguage(String pageLanguage) {
    String s = value("summaryLang");
    return PageText.isLanguage(s) ? s : pageLanguage;
  }

  static String slotField(DayOfWeek day, DayPart part) {
    return "slot-" + day.name() + "-" + part.name();
  }

  private void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  private @Nullable Volunteer read(PageText t, Vocabularies vocabularies, Geocoder geocoder, LocalDate date,
      FreeWords words) {
    for (Map.Entry<String, List<String>> f : fields.entrySet()) {
      for (String value : f.getValue()) {
        if (value.length() > MAX_FIELD) {
          error(f.getKey(), t.t("error.tooLong", MAX_FIELD));
        }
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    Volunteer.Builder b = Volunteer.builder(VISITOR_ID);
    // Languages
    Set<String> languages = new LinkedHashSet<>();
    for (int i = 1; i <= LANGUAGE_ROWS; i++) {
      String code = value("language" + i);
      String level = value("level" + i);
      if (code.isEmpty()) {
        if (!level.isEmpty() || checked("practise" + i)) {
          error("language" + i, t.t("error.languageMissing"));
        }
        continue;
      }
      if (!Languages.contains(code)) {
        error("language" + i, t.t("error.languageUnknown", code));
        continue;
      }
      if (!languages.add(code)) {
        error("language" + i, t.t("error.languageTwice"));
        continue;
      }
      CefrLevel cefr = constant(CefrLevel.class, level);
      if (cefr == null) {
        error("level" + i, t.t("error.levelMissing"));
        continue;
      }
      b.language(new LanguageSkill(code, cefr, checked("practise" + i)));
    }
    // Talents and interests, as free words
    Set<String> talents = placed(words, VocabularyKind.TALENTS, "talent", TALENT_ROWS);
    for (String id : talents) {
      b.talent(Talent.of(id));
    }
    // What the visitor would like to learn; a talent they already offer stays offered.
    Set<String> learn = placed(words, VocabularyKind.TALENTS, "learn", LEARN_ROWS);
    learn.removeAll(talents);
    for (String id : learn) {
      b.talent(Talent.toLearn(id));
    }
    Set<String> interests = placed(words, VocabularyKind.SECTORS, "interest", INTEREST_ROWS);
    b.interests(interests);
    // Wishes
    String regularity = value("regularity");
    Regularity r = regularity.isEmpty() ? null : constant(Regularity.class, regularity);
    if (!regularity.isEmpty() && r == null) {
      error("regularity", t.t("error.choice"));
    }
    String setting = value("setting");
    SocialSetting s = setting.isEmpty() ? null : constant(SocialSetting.class, setting);
    if (!setting.isEmpty() && s == null) {
      error("setting", t.t("error.choice"));
    }
    String remote = value("remote").isEmpty() ? "ok" : value("remote");
    if (!Set.of("onsite", "ok", "prefers").contains(remote)) {
      error("remote-ok", t.t("error.choice"));
      remote = "ok";
    }
    b.preferences(new Preferences(!remote.equals("onsite"), r, s, remote.equals("prefers")));
    // Availability
    Set<WeeklySlot> slots = new LinkedHashSet<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      for (DayPart part : DayPart.values()) {
        if (checked(slotField(day, part))) {
          slots.add(new WeeklySlot(day, part));
        }
      }
    }
    Double hours = null;
    String hoursText = value("hours");
    if (!hoursText.isEmpty()) {
      hours = number(hoursText);
      if (hours == null || hours < 0 || hours > 168) {
        error("hours", t.t("error.hours"));
        hours = null;
      }
    }
    b.availability(Availability.weekly(slots, hours));
    // Where
    String postcode = value("postcode").toUpperCase(Locale.ROOT);
    String municipality = value("municipality");
    if (!postcode.isEmpty() && !postcode.matches("[1-9][0-9]{3}")) {
      error("postcode", t.t("error.postcodeForm", postcode));
    } else if (!postcode.isEmpty() || !municipality.isEmpty()) {
      Optional<Location> home = Optional.empty();
      boolean disagree = false;
      try {
        home = geocoder.locate(postcode.isEmpty() ? null : postcode, municipality.isEmpty() ? null : municipality);
      } catch (IllegalArgumentException e) {
        // The postcode and the municipality do not agree, or the postcode is of a form no table holds.
        disagree = !postcode.isEmpty() && !municipality.isEmpty();
      }
      if (home.isPresent()) {
        b.home(home.get());
      } else if (disagree) {
        error("municipality", t.t("error.disagree", postcode, municipality));
      } else if (municipality.isEmpty()) {
        error("postcode", t.t("error.postcode", postcode));
      } else {
        error("municipality", t.t("error.municipality", municipality));
      }
    }
    String distance = value("distance");
    if (!distance.isEmpty()) {
      Double km = number(distance);
      TravelMode mode = constant(TravelMode.class, value("travel"));
      if (km == null || km <= 0 || km > 500) {
        error("distance", t.t("error.distance"));
      } else if (mode == null) {
        error("travel", t.t("error.travel"));
      } else {
        b.mobility(Mobility.of(km, mode));
      }
    }
    String birth = value("birthDate");
    if (!birth.isEmpty()) {
      try {
        LocalDate d = LocalDate.parse(birth);
        if (!d.isBefore(date) || d.isBefore(LocalDate.of(1900, 1, 1))) {
          error("birthDate", t.t("error.birthDate"));
        } else {
          b.birthDate(d);
        }
      } catch (DateTimeParseException e) {
        error("birthDate", t.t("error.birthDate"));
      }
    }
    // Sensitive facts: only with the visitor's consent, recorded today.
    boolean ability = checked("consentAbility");
    boolean anyAbility = false;
    for (Concept dimension : vocabularies.functionalDimensions().concepts()) {
      String level = value("possibility-" + dimension.id());
      if (level.isEmpty()) {
        continue;
      }
      anyAbility = true;
      FunctionalLevel l = constant(FunctionalLevel.class, level);
      if (l == null) {
        error("possibility-" + dimension.id(), t.t("error.choice"));
      } else if (ability) {
        b.possibility(dimension.id(), l);
      }
    }
    Set<String> support = new LinkedHashSet<>();
    for (Concept accommodation : vocabularies.accommodations().concepts()) {
      if (checked("support-" + accommodation.id())) {
        support.add(accommodation.id());
      }
    }
    anyAbility |= !support.isEmpty();
    if (ability) {
      b.supportNeeds(support);
      b.consent(Consent.full(SensitiveCategory.ABILITY, date));
    } else if (anyAbility) {
      error("consentAbility", t.t("error.consent"));
    }
    boolean benefit = checked("consentBenefit");
    boolean anyBenefit = false;
    for (BenefitStatus status : BenefitStatus.values()) {
      if (checked("benefit-" + status.name())) {
        anyBenefit = true;
        if (benefit) {
          b.benefit(status);
        }
      }
    }
    if (benefit) {
      b.consent(Consent.full(SensitiveCategory.BENEFIT_STATUS, date));
    } else if (anyBenefit) {
      error("consentBenefit", t.t("error.consent"));
    }
    boolean group = checked("consentGroups");
    Set<String> groups = new LinkedHashSet<>();
    for (Concept g : vocabularies.targetGroups().concepts()) {
      if (checked("group-" + g.id())) {
        groups.add(g.id());
      }
    }
    if (group) {
      b.targetGroups(groups);
      b.consent(Consent.full(SensitiveCategory.TARGET_GROUP, date));
    } else if (!groups.isEmpty()) {
      error("consentGroups", t.t("error.consent"));
    }
    if (!errors.isEmpty()) {
      return null;
    }
    try {
      return vocabularies.validate(b.build());
    } catch (IllegalArgumentException e) {
      error("language1", t.t("error.visitor"));
      return null;
    }
  }

  /** The concepts the free words of the fields {@code name1}, {@code name2}, ... are placed on. */
  private Set<String> placed(FreeWords words, VocabularyKind kind, String name, int rows) {
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 1; i <= rows; i++) {
      String text = value(name + i);
      if (!text.isEmpty()) {
        ids.addAll(words.place(kind, text, name + " " + i));
      }
    }
    return ids;
  }

  /** A number as a counter writes it: {@code 2,5} or {@code 2.5}; null when it is not one. */
  private static @Nullable Double number(String text) {
    if (!text.matches("[0-9]{1,4}([.,][0-9]{1,2})?")) {
      return null;
    }
    return Double.valueOf(text.replace(',', '.'));
  }

  private static <E extends Enum<E>> @Nullable E constant(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
