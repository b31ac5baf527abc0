package io.github.koppel.core.model;

import java.util.Set;

/**
 * What an organisation commits to so that people who are often left out can volunteer.
 *
 * <p>This class is immutable.
 *
 * @param openToTargetGroups ids of target-group concepts the organisation explicitly welcomes
 * @param coachOrBuddy whether a coach or buddy accompanies new volunteers
 * @param trialDay whether a volunteer can try a day without commitment
 * @since 0.1
 */
public record InclusionCommitments(
    Set<String> openToTargetGroups, boolean coachOrBuddy, boolean trialDay) {

  /** No commitments. */
  public static final InclusionCommitments NONE = new InclusionCommitments(Set.of(), false, false);

  public InclusionCommitments {
    openToTargetGroups = Checks.ids(openToTargetGroups, "openToTargetGroups");
  }
}
