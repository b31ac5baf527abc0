package io.github.koppel.matching;

import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.criteria.Criterion;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.criteria.VolunteerField;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicy;
import io.github.koppel.matching.policy.TieBreak;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strips a volunteer record to what a policy needs, so that a system that only matches holds no
 * more personal data than matching uses (data minimisation, GDPR article 5(1)(c)).
 *
 * <p>Each criterion declares the fields it reads ({@link Criterion#fieldsRead()}); the built-in
 * ones read: {@code language} and {@code practise} the languages; {@code talents} the talents;
 * {@code interests} the interests; {@code ability} the possibilities and support needs and {@code
 * accommodations} the support needs (with the ABILITY consent); {@code availability} the
 * availability; {@code distance} the home and mobility; {@code preferences} the preferences;
 * {@code age} the birth date and first stage of secondary school; {@code backgroundCheck} the
 * extract date (with its consent); {@code inclusion} the target groups (with their consent);
 * {@code drivingLicence} the licences; {@code history} the history. A policy's fairness target
 * reads the target groups, and its tie-break by distance the home. The id, the participation
 * (which the engine reads to know who may be proposed, and found by organisations) and the
 * proposals of the history (which the contact caps count) are always kept, and so are the
 * consents of the sensitive fields kept. The display name and benefits are not read by any
 * built-in criterion and are dropped; without benefits, a match's legal notice about benefits is the general reminder. A
 * criterion of your own that does not declare its fields reads every field, so its policy's
 * volunteers are returned unchanged.
 *
 * <p>Matching a minimised volunteer gives the same scores, gates and ranking as matching the
 * original under the same policy.
 *
 * @since 0.2
 */
public final class DataMinimisation {
  private DataMinimisation() {}

  /**
   * Returns the fields of {@link Volunteer} a policy of built-in criteria reads, besides the id.
   *
   * @param policy the policy
   * @return the record component names, sorted; every field if a criterion type is not built in
   * @throws io.github.koppel.core.InvalidDataException if a criterion's parameters are invalid
   */
  public static Set<String> fieldsNeeded(MatchPolicy policy) {
    return fieldsNeeded(policy, CriterionRegistry.builtIn());
  }

  /**
   * Returns the fields of {@link Volunteer} a policy reads, besides the id, as its criteria declare
   * them.
   *
   * @param policy the policy
   * @param registry the criterion types the policy's criteria are created from
   * @return the record component names, sorted; every field if a type is not in the registry
   * @throws io.github.koppel.core.InvalidDataException if a criterion's parameters are invalid
   * @since 0.2
   */
  public static Set<String> fieldsNeeded(MatchPolicy policy, CriterionRegistry registry) {
    Set<String> fields = new TreeSet<>();
    for (VolunteerField f : read(policy, registry)) {
      fields.add(f.component());
      if (f.category() != null) {
        fields.add("consents");
      }
    }
    return fields;
  }

  private static Set<VolunteerField> read(MatchPolicy policy, CriterionRegistry registry) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(registry, "registry");
    for (CriterionSpec c : policy.criteria()) {
      if (!registry.contains(c.type())) {
        return EnumSet.allOf(VolunteerField.class);
      }
    }
    Set<VolunteerField> read = EnumSet.noneOf(VolunteerField.class);
    for (Criterion criterion : policy.createCriteria(registry)) {
      read.addAll(criterion.fieldsRead());
    }
    // Besides its criteria, a policy reads the target groups for its fairness target and the home
    // for the tie-break by distance.
    if (policy.fairness() != null) {
      read.add(VolunteerField.TARGET_GROUPS);
    }
    if (policy.tieBreak() == TieBreak.NEAREST) {
      read.add(VolunteerField.HOME);
    }
    return read;
  }

  /**
   * Strips a volunteer to the fields a policy of built-in criteria reads.
   *
   * @param volunteer the volunteer
   * @param policy the policy
   * @return a volunteer with only those fields (and the consents for the sensitive ones among them)
   */
  public static Volunteer minimise(Volunteer volunteer, MatchPolicy policy) {
    return minimise(volunteer, policy, CriterionRegistry.builtIn());
  }

  /**
   * Strips a volunteer to the fields a policy reads, as its criteria declare them.
   *
   * @param volunteer the volunteer
   * @param policy the policy
   * @param registry the criterion types the policy's criteria are created from
   * @return a volunteer with only those fields (and the consents for the sensitive ones among
   *     them); the volunteer itself if the policy reads every field
   * @since 0.2
   */
  public static Volunteer minimise(Volunteer volunteer, MatchPolicy policy, CriterionRegistry registry) {
    Objects.requireNonNull(volunteer, "volunteer");
    Set<VolunteerField> keep = read(policy, registry);
    if (keep.containsAll(EnumSet.allOf(VolunteerField.class))) {
      return volunteer;
    }
    Set<SensitiveCategory> categories = EnumSet.noneOf(SensitiveCategory.class);
    for (VolunteerField f : keep) {
      if (f.category() != null) {
        categories.add(f.category());
      }
    }
    List<Consent> consents = new ArrayList<>();
    for (Consent c : volunteer.consents()) {
      if (categories.contains(c.category())) {
        consents.add(c);
      }
    }
    Volunteer.Builder b = Volunteer.builder(volunteer.id());
    for (VolunteerField f : keep) {
      switch (f) {
        case DISPLAY_NAME -> b.displayName(volunteer.displayName());
        case BIRTH_DATE -> b.birthDate(volunteer.birthDate());
        case COMPLETED_FIRST_STAGE_SECONDARY ->
            b.completedFirstStageSecondary(volunteer.completedFirstStageSecondary());
        case LANGUAGES -> b.languages(volunteer.languages());
        case TALENTS -> b.talents(volunteer.talents());
        case INTERESTS -> b.interests(volunteer.interests());
        case POSSIBILITIES -> volunteer.possibilities().forEach(b::possibility);
        case SUPPORT_NEEDS -> b.supportNeeds(volunteer.supportNeeds());
        case AVAILABILITY -> b.availability(volunteer.availability());
        case HOME -> b.home(volunteer.home());
        case MOBILITY -> b.mobility(volunteer.mobility());
        case PREFERENCES -> b.preferences(volunteer.preferences());
        case TARGET_GROUPS -> b.targetGroups(volunteer.targetGroups());
        case BENEFITS -> volunteer.benefits().forEach(b::benefit);
        case BACKGROUND_CHECK_DATE -> b.backgroundCheckDate(volunteer.backgroundCheckDate());
        case HISTORY -> b.history(volunteer.history());
        case DRIVING_LICENCES -> volunteer.drivingLicences().forEach(b::drivingLicence);
      }
    }
    b.consents(consents);
    // The engine itself reads the participation (who may be proposed, and found by organisations)
    // and the proposals of the history (the contact caps).
    b.participation(volunteer.participation());
    if (!keep.contains(VolunteerField.HISTORY)) {
      b.history(volunteer.history().stream()
          .filter(r -> r.outcome() == io.github.koppel.core.model.MatchOutcome.PROPOSED).toList());
    }
    return b.build();
  }
}
