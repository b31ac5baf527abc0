package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.FunctionalLevel;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Functional demands of the vacancy, lowered by the accommodations it offers, against the
 * volunteer's possibilities on the same scale: each step short loses {@code gapPenalty}; more than
 * {@code maxGap} steps vetoes. A dimension the volunteer did not describe counts as met. Abstains
 * without the volunteer's consent to use ability facts for matching.
 */
final class AbilityCriterion implements Criterion, Compilable, VacancyCompilable {
  /** What the kernel reads of a volunteer, for its table: {@link VolunteerIndex#tabled}. */
  private static final Set<Column> TABLE_COLUMNS = Set.of(Column.POSSIBILITIES, Column.CONSENT);

  private final double gapPenalty;
  private final int maxGap;

  AbilityCriterion(Parameters p) {
    gapPenalty = p.number("gapPenalty", 0.5, 0, 1);
    maxGap = (int) p.number("maxGap", 1, 0, 4);
  }

  @Override
  public Set<SensitiveCategory> sensitiveCategories() {
    return Set.of(SensitiveCategory.ABILITY);
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.POSSIBILITIES, VolunteerField.SUPPORT_NEEDS);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    if (!volunteer.mayUse(SensitiveCategory.ABILITY, ConsentPurpose.MATCHING)) {
      // Say what is true: without consent nothing is used, and there may be nothing to use.
      return Evaluation.abstain(
          EvidenceBuilder.simple(
              volunteer.possibilities().isEmpty() && volunteer.supportNeeds().isEmpty()
                  ? "ability.none"
                  : "ability.noConsent"));
    }
    ConceptScheme scheme = context.vocabularies().functionalDimensions();
    List<Evidence> evidence = new ArrayList<>();
    List<Evidence> vetoes = new ArrayList<>();
    double sum = 0;
    int count = 0;
    for (String dimension : new TreeSet<>(vacancy.functionalDemands().keySet())) {
      FunctionalLevel original = vacancy.functionalDemands().get(dimension);
      FunctionalLevel demand = vacancy.accommodatedDemand(dimension);
      if (original == FunctionalLevel.NONE) {
        continue;
      }
      if (demand != original) {
        evidence.add(
            EvidenceBuilder.of("ability.lowered")
                .concept("dimension", scheme, dimension)
                .fact("original", original)
                .fact("demand", demand)
                .build());
      }
      FunctionalLevel possible = volunteer.possibilities().get(dimension);
      count++;
      if (possible == null || demand == FunctionalLevel.NONE) {
        sum += 1;
        if (possible == null && demand != FunctionalLevel.NONE) {
          evidence.add(
              EvidenceBuilder.of("ability.undeclared")
                  .concept("dimension", scheme, dimension)
                  .fact("demand", demand)
                  .sensitive(SensitiveCategory.ABILITY)
                  .build());
        }
        continue;
      }
      int gap = gap(demand.ordinal(), possible.ordinal());
      sum += termScore(gap);
      Evidence e =
          EvidenceBuilder.of(gap == 0 ? "ability.met" : "ability.gap")
              .concept("dimension", scheme, dimension)
              .fact("demand", demand)
              .fact("level", possible)
              .fact("gap", gap)
              .sensitive(SensitiveCategory.ABILITY)
              .build();
      if (vetoes(gap)) {
        vetoes.add(e);
      } else {
        evidence.add(e);
      }
    }
    if (!vetoes.isEmpty()) {
      vetoes.addAll(evidence);
      return Evaluation.veto(vetoes);
    }
    if (count == 0) {
      return Evaluation.score(1, EvidenceBuilder.simple("ability.noDemands"));
    }
    return Evaluation.score(sum / count, evidence);
  }

  /** The steps by which a possibility falls short of a demand (ordinals of the same scale). */
  private static int gap(int demand, int possible) {
    return Math.max(0, demand - possible);
  }

  /** The score of one demanded dimension with a gap: the rule of both paths. */
  private double termScore(int gap) {
    return Math.max(0, 1 - gapPenalty * gap);
  }

  /** Whether a gap vetoes: the rule of both paths. */
  private boolean vetoes(int gap) {
    return gap > maxGap;
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    // Volunteers take few distinct values of what the kernel reads: a table per query.
    return index.tabled(TABLE_COLUMNS, new Kernel(vacancy, context, index));
  }

  /**
   * The compiled form: the vacancy's accommodated demands by dimension index, against the index's
   * possibility codes (0 for not described, then 1 + the level's ordinal).
   */
  private final class Kernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final int[] dimension;
    private final int[] demand;

    Kernel(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
      this.index = index;
      ConceptScheme scheme = context.vocabularies().functionalDimensions();
      List<String> dims = new ArrayList<>();
      for (String d : new TreeSet<>(vacancy.functionalDemands().keySet())) {
        if (vacancy.functionalDemands().get(d) != FunctionalLevel.NONE) {
          dims.add(d);
        }
      }
      dimension = new int[dims.size()];
      demand = new int[dims.size()];
      for (int k = 0; k < dims.size(); k++) {
        dimension[k] = scheme.indexOf(dims.get(k));
        demand[k] = vacancy.accommodatedDemand(dims.get(k)).ordinal();
      }
    }

    @Override
    public double evaluate(int i) {
      if (!index.mayUse(i, SensitiveCategory.ABILITY)) {
        return ABSTAIN;
      }
      int count = dimension.length;
      if (count == 0) {
        return 1;
      }
      double sum = 0;
      boolean vetoed = false;
      for (int k = 0; k < count; k++) {
        int possible = index.possibility(i, dimension[k]);
        if (possible == 0 || demand[k] == 0) {
          sum += 1;
          continue;
        }
        int gap = gap(demand[k], possible - 1);
        sum += termScore(gap);
        vetoed |= vetoes(gap);
      }
      return vetoed ? VETO : sum / count;
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
    // Without consent every vacancy abstains: a constant, added once per query.
    return kernel.consent ? kernel : CompiledCriterion.constant(CompiledCriterion.ABSTAIN);
  }

  /** Each vacancy's demanded dimensions (sorted) with their accommodated demands, by position. */
  private static final Object DEMANDS = "ability.demands";

  /**
   * The demanded dimensions of one vacancy as indices of the scheme, and the ordinal of the demand
   * on each once accommodations lower it.
   */
  private record Demands(int[] dimensions, int[] accommodated) {}

  /** The kernel of a volunteer's own search: the volunteer's possibilities against each vacancy's demands. */
  private final class VacancyKernel implements CompiledCriterion {
    private final Demands[] demands;
    private final boolean consent;
    /** By dimension index, the ordinal of the volunteer's possibility + 1, 0 where not described. */
    private final int[] possible;

    VacancyKernel(Volunteer volunteer, CompileContext context, VacancyIndex index) {
      ConceptScheme scheme = context.vocabularies().functionalDimensions();
      this.demands = index.column(DEMANDS, ix -> {
        Demands[] d = new Demands[ix.size()];
        for (int j = 0; j < d.length; j++) {
          Vacancy vacancy = ix.vacancy(j);
          List<String> dims = new ArrayList<>();
          for (String dimension : new TreeSet<>(vacancy.functionalDemands().keySet())) {
            if (vacancy.functionalDemands().get(dimension) != FunctionalLevel.NONE) {
              dims.add(dimension);
            }
          }
          int[] dimensions = new int[dims.size()];
          int[] accommodated = new int[dims.size()];
          for (int k = 0; k < dims.size(); k++) {
            dimensions[k] = scheme.indexOf(dims.get(k));
            accommodated[k] = vacancy.accommodatedDemand(dims.get(k)).ordinal();
          }
          d[j] = new Demands(dimensions, accommodated);
        }
        return d;
      });
      this.consent = volunteer.mayUse(SensitiveCategory.ABILITY, ConsentPurpose.MATCHING);
      this.possible = new int[scheme.size()];
      for (var p : volunteer.possibilities().entrySet()) {
        int c = scheme.indexOf(p.getKey());
        if (c >= 0) {
          possible[c] = p.getValue().ordinal() + 1;
        }
      }
    }

    @Override
    public double evaluate(int j) {
      if (!consent) {
        return ABSTAIN;
      }
      Demands d = demands[j];
      int count = d.accommodated().length;
      if (count == 0) {
        return 1;
      }
      double sum = 0;
      boolean vetoed = false;
      for (int k = 0; k < count; k++) {
        int p = possible[d.dimensions()[k]];
        int demand = d.accommodated()[k];
        if (p == 0 || demand == FunctionalLevel.NONE.ordinal()) {
          sum += 1;
          continue;
        }
        int gap = gap(demand, p - 1);
        sum += termScore(gap);
        vetoed |= vetoes(gap);
      }
      return vetoed ? VETO : sum / count;
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }
}
