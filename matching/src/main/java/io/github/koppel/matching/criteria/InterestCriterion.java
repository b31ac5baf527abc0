package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.Organisation;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The volunteer's interests against the sectors of the vacancy (or, if it names none, of its
 * organisation), taxonomy-aware. Abstains when the volunteer gave no interests.
 */
final class InterestCriterion implements Criterion, Compilable, VacancyCompilable {
  /** What the kernel reads of a volunteer, for its table: {@link VolunteerIndex#tabled}. */
  private static final Set<Column> TABLE_COLUMNS = Set.of(Column.INTERESTS);

  private final double narrowerCredit;
  private final double broaderCredit;
  private final double noMatchScore;

  InterestCriterion(Parameters p) {
    narrowerCredit = p.number("narrowerCredit", 0.9, 0, 1);
    broaderCredit = p.number("broaderCredit", 0.5, 0, 1);
    noMatchScore = p.number("noMatchScore", 0, 0, 1);
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.INTERESTS);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    if (volunteer.interests().isEmpty()) {
      return Evaluation.abstain(EvidenceBuilder.simple("interests.none"));
    }
    Set<String> sectors = sectorsOf(vacancy, context.organisationOf(vacancy));
    if (sectors.isEmpty()) {
      return Evaluation.abstain(EvidenceBuilder.simple("interests.noSectors"));
    }
    ConceptScheme scheme = context.vocabularies().sectors();
    double best = 0;
    @Nullable Evidence evidence = null;
    for (String sector : new TreeSet<>(sectors)) {
      for (String interest : new TreeSet<>(volunteer.interests())) {
        ConceptRelation relation = ConceptRelation.of(scheme, sector, interest);
        if (relation == null) {
          continue;
        }
        double credit = relation.credit(narrowerCredit, broaderCredit);
        String code = relation.steps() == 0 ? "interests.match" : "interests.related";
        if (credit > best) {
          best = credit;
          evidence =
              EvidenceBuilder.of(code)
                  .concept("sector", scheme, sector)
                  .concept("interest", scheme, interest)
                  .build();
        }
      }
    }
    return evidence == null || best < noMatchScore
        ? Evaluation.score(score(best), EvidenceBuilder.simple("interests.noMatch"))
        : Evaluation.score(score(best), evidence);
  }

  /** The sectors an interest is matched against: the vacancy's, or else its organisation's. */
  private static Set<String> sectorsOf(Vacancy vacancy, Organisation organisation) {
    return vacancy.sectors().isEmpty() ? organisation.sectors() : vacancy.sectors();
  }

  /**
   * The score of the best credit among a volunteer's interests: the credit, or the score of no
   * match when nothing relates or the credit is lower. The rule of both paths.
   */
  private double score(double best) {
    return best == 0 || best < noMatchScore ? noMatchScore : best;
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    // Volunteers take few distinct values of what the kernel reads: a table per query.
    return index.tabled(TABLE_COLUMNS, new Kernel(sectorsOf(vacancy, context.organisationOf(vacancy)), context, index));
  }

  /** The compiled form: the best credit of each interest concept against the sectors, by index. */
  private final class Kernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final boolean noSectors;
    private final double[] credit;

    Kernel(Set<String> sectors, CompileContext context, VolunteerIndex index) {
      this.index = index;
      this.noSectors = sectors.isEmpty();
      ConceptScheme scheme = context.vocabularies().sectors();
      credit = new double[scheme.size()];
      for (int c = 0; c < scheme.size(); c++) {
        String interest = scheme.concepts().get(c).id();
        for (String sector : sectors) {
          ConceptRelation relation = ConceptRelation.of(scheme, sector, interest);
          if (relation != null) {
            credit[c] = Math.max(credit[c], relation.credit(narrowerCredit, broaderCredit));
          }
        }
      }
    }

    @Override
    public double evaluate(int i) {
      int from = index.interestStart(i);
      int to = index.interestEnd(i);
      if (from == to || noSectors) {
        return ABSTAIN;
      }
      double best = 0;
      for (int k = from; k < to; k++) {
        best = Math.max(best, credit[index.interest(k)]);
      }
      return score(best);
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
    // Without interests every vacancy abstains: a constant, added once per query.
    return kernel.none ? CompiledCriterion.constant(CompiledCriterion.ABSTAIN) : kernel;
  }

  /** The sectors of each vacancy (its own, or else its organisation's) as indices of the sectors scheme. */
  private static final Object SECTORS = "interests.sectors";

  /**
   * The kernel of a volunteer's own search: the best credit of the volunteer's interests for each
   * sector, computed on first use and kept for the query.
   */
  private final class VacancyKernel implements CompiledCriterion {
    private final ConceptScheme scheme;
    private final boolean none;
    private final int[][] sectors;
    /** By sector concept index, the best credit of an interest; NaN where not computed yet. */
    private final double[] credit;
    private final List<String> interests;

    VacancyKernel(Volunteer volunteer, CompileContext context, VacancyIndex index) {
      this.scheme = context.vocabularies().sectors();
      this.none = volunteer.interests().isEmpty();
      this.interests = List.copyOf(volunteer.interests());
      this.sectors = index.column(SECTORS, ix -> {
        int[][] c = new int[ix.size()][];
        for (int j = 0; j < c.length; j++) {
          c[j] = sectorsOf(ix.vacancy(j), ix.organisation(j)).stream().mapToInt(scheme::indexOf).toArray();
        }
        return c;
      });
      this.credit = new double[scheme.size()];
      java.util.Arrays.fill(credit, Double.NaN);
    }

    private double credit(int sector) {
      double c = credit[sector];
      if (Double.isNaN(c)) {
        c = 0;
        String id = scheme.concepts().get(sector).id();
        for (String interest : interests) {
          ConceptRelation relation = ConceptRelation.of(scheme, id, interest);
          if (relation != null) {
            c = Math.max(c, relation.credit(narrowerCredit, broaderCredit));
          }
        }
        credit[sector] = c;
      }
      return c;
    }

    @Override
    public double evaluate(int j) {
      int[] s = sectors[j];
      if (none || s.length == 0) {
        return ABSTAIN;
      }
      double best = 0;
      for (int sector : s) {
        best = Math.max(best, credit(sector));
      }
      return score(best);
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }
}
