package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.InclusionCommitments;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organisation's inclusion commitments against the volunteer's self-declared target groups:
 * whether the organisation is open to one of the volunteer's groups (weight {@code groupWeight}),
 * a coach or buddy ({@code coachWeight}) and a trial day ({@code trialWeight}). Declaring one more
 * group never lowers the score. Abstains when the volunteer declared no target group or did not
 * consent to its use.
 */
final class InclusionCriterion implements Criterion, Compilable {
  private final double groupWeight;
  private final double coachWeight;
  private final double trialWeight;

  InclusionCriterion(Parameters p) {
    groupWeight = p.number("groupWeight", 0.6, 0, 100);
    coachWeight = p.number("coachWeight", 0.25, 0, 100);
    trialWeight = p.number("trialWeight", 0.15, 0, 100);
    if (groupWeight + coachWeight + trialWeight == 0) {
      throw p.invalid("groupWeight", "groupWeight, coachWeight and trialWeight must not all be 0");
    }
  }

  @Override
  public Set<SensitiveCategory> sensitiveCategories() {
    return Set.of(SensitiveCategory.TARGET_GROUP);
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.TARGET_GROUPS);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    // Say what is true: "none given" before "no consent" (both abstain).
    if (volunteer.targetGroups().isEmpty()) {
      return Evaluation.abstain(EvidenceBuilder.simple("inclusion.none"));
    }
    if (!volunteer.mayUse(SensitiveCategory.TARGET_GROUP, ConsentPurpose.MATCHING)) {
      return Evaluation.abstain(EvidenceBuilder.simple("inclusion.noConsent"));
    }
    Organisation organisation = context.organisationOf(vacancy);
    InclusionCommitments c = organisation.inclusion();
    ConceptScheme scheme = context.vocabularies().targetGroups();
    List<Evidence> evidence = new ArrayList<>();
    int open = 0;
    for (String group : new TreeSet<>(volunteer.targetGroups())) {
      if (welcomes(c, scheme, group)) {
        open++;
        evidence.add(
            EvidenceBuilder.of("inclusion.open")
                .concept("group", scheme, group)
                .fact("organisation", organisation.name())
                .sensitive(SensitiveCategory.TARGET_GROUP)
                .build());
      }
    }
    if (c.coachOrBuddy()) {
      evidence.add(EvidenceBuilder.simple("inclusion.coach"));
    }
    if (c.trialDay()) {
      evidence.add(EvidenceBuilder.simple("inclusion.trial"));
    }
    if (evidence.isEmpty()) {
      evidence.add(EvidenceBuilder.simple("inclusion.noCommitment"));
    }
    double share = open > 0 ? 1 : 0;
    double score =
        (groupWeight * share
                + coachWeight * (c.coachOrBuddy() ? 1 : 0)
                + trialWeight * (c.trialDay() ? 1 : 0))
            / (groupWeight + coachWeight + trialWeight);
    return Evaluation.score(Math.min(1, score), evidence);
  }

  /** Returns whether the organisation is open to a group, or to a broader group. */
  private static boolean welcomes(InclusionCommitments c, ConceptScheme scheme, String group) {
    if (c.openToTargetGroups().contains(group)) {
      return true;
    }
    if (scheme.contains(group)) {
      for (String ancestor : scheme.ancestors(group).keySet()) {
        if (c.openToTargetGroups().contains(ancestor)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public CompiledCriterion compile(
      Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    InclusionCommitments c = context.organisationOf(vacancy).inclusion();
    ConceptScheme scheme = context.vocabularies().targetGroups();
    boolean[] welcome = new boolean[scheme.size()];
    for (int g = 0; g < scheme.size(); g++) {
      welcome[g] = welcomes(c, scheme, scheme.concepts().get(g).id());
    }
    double coach = c.coachOrBuddy() ? 1 : 0;
    double trial = c.trialDay() ? 1 : 0;
    CompiledCriterion single = i -> {
      if (!index.mayUse(i, SensitiveCategory.TARGET_GROUP)) {
        return CompiledCriterion.ABSTAIN;
      }
      int from = index.groupStart(i);
      int to = index.groupEnd(i);
      if (from == to) {
        return CompiledCriterion.ABSTAIN;
      }
      double share = 0;
      for (int k = from; k < to; k++) {
        if (welcome[index.group(k)]) {
          share = 1;
        }
      }
      double score =
          (groupWeight * share + coachWeight * coach + trialWeight * trial)
              / (groupWeight + coachWeight + trialWeight);
      return Math.min(1, score);
    };
    return new CompiledCriterion() {
      @Override
      public double evaluate(int i) {
        return single.evaluate(i);
      }

      @Override
      public void evaluate(int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
          out[i - from] = single.evaluate(i);
        }
      }
    };
  }
}
