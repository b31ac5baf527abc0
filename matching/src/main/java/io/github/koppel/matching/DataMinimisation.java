package io.github.koppel.matching;

import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strips a volunteer record to what a policy needs, so that a system that only matches holds no
 * more personal data than matching uses (data minimisation, GDPR article 5(1)(c)).
 *
 * <p>Each built-in criterion type reads known fields: {@code language} and {@code practise} the
 * languages; {@code talents} the talents; {@code interests} the interests; {@code ability} the
 * possibilities and {@code accommodations} the support needs (with the ABILITY consent);
 * {@code availability} the availability; {@code distance} the home and mobility; {@code
 * preferences} the preferences; {@code age} the birth date and first stage of secondary school;
 * {@code backgroundCheck} the extract date (with its consent); {@code inclusion} the target groups
 * (with their consent). The id is always kept. The display name, benefits and history are never
 * needed for matching and are dropped; without benefits, a match's legal notice about benefits is
 * the general reminder. A policy with a criterion type that is not built in may read anything, so
 * its volunteers are returned unchanged.
 *
 * <p>Matching a minimised volunteer gives the same scores, gates and ranking as matching the
 * original under the same policy.
 *
 * @since 0.2
 */
public final class DataMinimisation {
  private static final Map<String, Set<String>> FIELDS =
      Map.ofEntries(
          Map.entry("language", Set.of("languages")),
          Map.entry("practise", Set.of("languages")),
          Map.entry("talents", Set.of("talents")),
          Map.entry("interests", Set.of("interests")),
          Map.entry("ability", Set.of("possibilities", "supportNeeds")),
          Map.entry("accommodations", Set.of("supportNeeds")),
          Map.entry("availability", Set.of("availability")),
          Map.entry("distance", Set.of("home", "mobility")),
          Map.entry("preferences", Set.of("preferences")),
          Map.entry("age", Set.of("birthDate", "completedFirstStageSecondary")),
          Map.entry("backgroundCheck", Set.of("backgroundCheckDate")),
          Map.entry("inclusion", Set.of("targetGroups")),
          Map.entry("drivingLicence", Set.of("drivingLicences")));

  private static final Map<String, SensitiveCategory> CONSENT_OF =
      Map.of(
          "possibilities", SensitiveCategory.ABILITY,
          "supportNeeds", SensitiveCategory.ABILITY,
          "backgroundCheckDate", SensitiveCategory.BACKGROUND_CHECK,
          "targetGroups", SensitiveCategory.TARGET_GROUP);

  private DataMinimisation() {}

  /**
   * Returns the fields of {@link Volunteer} a policy reads, besides the id.
   *
   * @param policy the policy
   * @return the record component names, sorted; every field if a criterion type is not built in
   */
  public static Set<String> fieldsNeeded(MatchPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    Set<String> fields = new TreeSet<>();
    for (CriterionSpec c : policy.criteria()) {
      Set<String> read = FIELDS.get(c.type());
      if (read == null) {
        for (var component : Volunteer.class.getRecordComponents()) {
          fields.add(component.getName());
        }
        fields.remove("id");
        return fields;
      }
      fields.addAll(read);
    }
    if (fields.stream().anyMatch(CONSENT_OF::containsKey)) {
      fields.add("consents");
    }
    return fields;
  }

  /**
   * Strips a volunteer to the fields a policy reads.
   *
   * @param volunteer the volunteer
   * @param policy the policy
   * @return a volunteer with only those fields (and the consents for the sensitive ones among them)
   */
  public static Volunteer minimise(Volunteer volunteer, MatchPolicy policy) {
    Objects.requireNonNull(volunteer, "volunteer");
    Set<String> keep = fieldsNeeded(policy);
    if (keep.contains("displayName")) {
      return volunteer;
    }
    Set<SensitiveCategory> categories = EnumSet.noneOf(SensitiveCategory.class);
    for (String f : keep) {
      if (CONSENT_OF.containsKey(f)) {
        categories.add(CONSENT_OF.get(f));
      }
    }
    List<Consent> consents = new ArrayList<>();
    for (Consent c : volunteer.consents()) {
      if (categories.contains(c.category())) {
        consents.add(c);
      }
    }
    Volunteer.Builder b = Volunteer.builder(volunteer.id());
    if (keep.contains("birthDate")) {
      b.birthDate(volunteer.birthDate());
    }
    if (keep.contains("completedFirstStageSecondary")) {
      b.completedFirstStageSecondary(volunteer.completedFirstStageSecondary());
    }
    if (keep.contains("languages")) {
      b.languages(volunteer.languages());
    }
    if (keep.contains("talents")) {
      b.talents(volunteer.talents());
    }
    if (keep.contains("interests")) {
      b.interests(volunteer.interests());
    }
    if (keep.contains("possibilities")) {
      volunteer.possibilities().forEach(b::possibility);
    }
    if (keep.contains("supportNeeds")) {
      b.supportNeeds(volunteer.supportNeeds());
    }
    b.availability(keep.contains("availability") ? volunteer.availability() : Availability.UNSPECIFIED);
    if (keep.contains("home")) {
      b.home(volunteer.home());
    }
    if (keep.contains("mobility")) {
      b.mobility(volunteer.mobility());
    }
    b.preferences(keep.contains("preferences") ? volunteer.preferences() : Preferences.NONE);
    if (keep.contains("targetGroups")) {
      b.targetGroups(volunteer.targetGroups());
    }
    if (keep.contains("backgroundCheckDate")) {
      b.backgroundCheckDate(volunteer.backgroundCheckDate());
    }
    if (keep.contains("drivingLicences")) {
      volunteer.drivingLicences().forEach(b::drivingLicence);
    }
    b.consents(consents);
    return b.build();
  }
}
