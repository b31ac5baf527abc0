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
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
import io.github.koppel.matching.internal.VolunteerIndex;
import io.github.koppel.matching.internal.VolunteerIndex.Column;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organisation's inclusion commitments against the volunteer's self-declared target groups:
 * whether the organisation is open to one of the volunteer's groups (weight {@code groupWeight}),
 * a coach or buddy ({@code coachWeight}) and a trial day ({@code trialWeight}). Declaring one more
 * group never lowers the score. Abstains when the volunteer declared no target group or did not
 * consent to its use.
 */
final class InclusionCriterion implements Criterion, Compilable, VacancyCompilable {
  /** What the kernel reads of a volunteer, for its table: {@link VolunteerIndex#tabled}. */
  private static final Set<Column> TABLE_COLUMNS = Set.of(Column.TARGET_GROUPS, Column.CONSENT);

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
    return Evaluation.score(score(open > 0, c), evidence);
  }

  /** The score for an organisation's commitments, open to a group of the volunteer's or not: the rule of both paths. */
  private double score(boolean open, InclusionCommitments c) {
    double score =
        (groupWeight * (open ? 1 : 0)
                + coachWeight * (c.coachOrBuddy() ? 1 : 0)
                + trialWeight * (c.trialDay() ? 1 : 0))
            / (groupWeight + coachWeight + trialWeight);
    return Math.min(1, score);
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
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    // Volunteers take few distinct values of what the kernel reads: a table per query.
    return index.tabled(TABLE_COLUMNS, new Kernel(vacancy, context, index));
  }

  /**
   * The compiled form: whether the organisation welcomes each target group, by index, and the two
   * scores a volunteer can have.
   */
  private final class Kernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final boolean[] welcome;
    private final double welcomed;
    private final double notWelcomed;

    Kernel(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
      this.index = index;
      InclusionCommitments c = context.organisationOf(vacancy).inclusion();
      ConceptScheme scheme = context.vocabularies().targetGroups();
      welcome = new boolean[scheme.size()];
      for (int g = 0; g < scheme.size(); g++) {
        welcome[g] = welcomes(c, scheme, scheme.concepts().get(g).id());
      }
      welcomed = score(true, c);
      notWelcomed = score(false, c);
    }

    @Override
    public double evaluate(int i) {
      if (!index.mayUse(i, SensitiveCategory.TARGET_GROUP)) {
        return ABSTAIN;
      }
      int from = index.groupStart(i);
      int to = index.groupEnd(i);
      if (from == to) {
        return ABSTAIN;
      }
      for (int k = from; k < to; k++) {
        if (welcome[index.group(k)]) {
          return welcomed;
        }
      }
      return notWelcomed;
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int i = from; i < to; i++) {
        out[i - from] = evaluate(i);
      }
    }
  }

  @Override
  public CompiledCriterion compileFor(Volunteer volunteer, CompileContext context, VacancyIndex index) {
    VacancyKernel kernel = new VacancyKernel(volunteer, context, index);
    // Without groups (or consent to use them) every vacancy abstains: a constant, added once per query.
    return kernel.groups.isEmpty() ? CompiledCriterion.constant(CompiledCriterion.ABSTAIN) : kernel;
  }

  /** Each vacancy's organisation as a position among the index's organisations, and those organisations. */
  private record Organisations(int[] of, List<Organisation> distinct) {}

  private static final Object ORGANISATIONS = "inclusion.organisations";

  /**
   * The kernel of a volunteer's own search: the volunteer's groups (none without consent), and the
   * score of each organisation, computed once per query on first use.
   */
  private final class VacancyKernel implements CompiledCriterion {
    private final Organisations organisations;
    private final List<String> groups;
    private final ConceptScheme scheme;
    /** By organisation position, the score; NaN until computed. */
    private final double[] scores;

    VacancyKernel(Volunteer volunteer, CompileContext context, VacancyIndex index) {
      this.organisations = index.column(ORGANISATIONS, ix -> {
        Map<Organisation, Integer> position = new IdentityHashMap<>();
        List<Organisation> distinct = new ArrayList<>();
        int[] of = new int[ix.size()];
        for (int j = 0; j < of.length; j++) {
          Organisation o = ix.organisation(j);
          of[j] = position.computeIfAbsent(o, x -> {
            distinct.add(x);
            return distinct.size() - 1;
          });
        }
        return new Organisations(of, List.copyOf(distinct));
      });
      this.scheme = context.vocabularies().targetGroups();
      this.groups =
          volunteer.mayUse(SensitiveCategory.TARGET_GROUP, ConsentPurpose.MATCHING)
              ? List.copyOf(new TreeSet<>(volunteer.targetGroups()))
              : List.of();
      this.scores = new double[organisations.distinct().size()];
      java.util.Arrays.fill(scores, Double.NaN);
    }

    @Override
    public double evaluate(int j) {
      if (groups.isEmpty()) {
        return ABSTAIN;
      }
      int o = organisations.of()[j];
      double score = scores[o];
      if (Double.isNaN(score)) {
        InclusionCommitments c = organisations.distinct().get(o).inclusion();
        boolean open = false;
        for (String group : groups) {
          open |= welcomes(c, scheme, group);
        }
        score = score(open, c);
        scores[o] = score;
      }
      return score;
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }
}
