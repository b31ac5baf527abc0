package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.Accommodation;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
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
 * The volunteer's support needs against the accommodations the vacancy offers: the share of needs
 * met (an offered accommodation that is narrower than a need meets it; at a remote vacancy,
 * working from home meets every place-bound need, such as step-free access). Abstains when the
 * volunteer has no needs or did not consent to their use; vetoes an unmet need if {@code
 * vetoUnmet}. An unmet need counts against a match, on purpose: a place that lacks what the
 * volunteer needs fits them less, and they told the counter so that such places rank lower.
 */
final class AccommodationCriterion implements Criterion, Compilable, VacancyCompilable {
  /** What the kernel reads of a volunteer, for its table: {@link VolunteerIndex#tabled}. */
  private static final Set<Column> TABLE_COLUMNS = Set.of(Column.SUPPORT_NEEDS, Column.CONSENT);

  private final boolean vetoUnmet;

  AccommodationCriterion(Parameters p) {
    vetoUnmet = p.flag("vetoUnmet", false);
  }

  @Override
  public Set<SensitiveCategory> sensitiveCategories() {
    return Set.of(SensitiveCategory.ABILITY);
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.SUPPORT_NEEDS);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    // Say what is true: "none needed" before "no consent" (both abstain).
    if (volunteer.supportNeeds().isEmpty()) {
      return Evaluation.abstain(EvidenceBuilder.simple("accommodations.none"));
    }
    if (!volunteer.mayUse(SensitiveCategory.ABILITY, ConsentPurpose.MATCHING)) {
      return Evaluation.abstain(EvidenceBuilder.simple("accommodations.noConsent"));
    }
    ConceptScheme scheme = context.vocabularies().accommodations();
    List<Evidence> met = new ArrayList<>();
    List<Evidence> unmet = new ArrayList<>();
    for (String need : new TreeSet<>(volunteer.supportNeeds())) {
      boolean fromHome = !offers(vacancy, scheme, need) && metFromHome(vacancy, scheme, need);
      boolean offered = fromHome || offers(vacancy, scheme, need);
      Evidence e =
          EvidenceBuilder.of(
                  fromHome ? "accommodations.remote" : offered ? "accommodations.met" : "accommodations.unmet")
              .concept("accommodation", scheme, need)
              .sensitive(SensitiveCategory.ABILITY)
              .build();
      (offered ? met : unmet).add(e);
    }
    double score = share(met.size(), met.size() + unmet.size());
    if (vetoes(met.size(), met.size() + unmet.size())) {
      unmet.addAll(met);
      return Evaluation.veto(unmet);
    }
    List<Evidence> evidence = new ArrayList<>(unmet);
    evidence.addAll(met);
    return Evaluation.score(score, evidence);
  }

  /** The share of needs met: the rule of both paths. */
  private static double share(int met, int needs) {
    return (double) met / needs;
  }

  /** Whether the needs met veto: the rule of both paths. */
  private boolean vetoes(int met, int needs) {
    return vetoUnmet && met < needs;
  }

  /** Returns whether working from home meets a need: a place-bound need at a remote vacancy. */
  private static boolean metFromHome(Vacancy vacancy, ConceptScheme scheme, String need) {
    return vacancy.workMode() == WorkMode.REMOTE && placeBound(scheme, need);
  }

  /** Returns whether the vacancy offers a need, or an accommodation narrower than it. */
  private static boolean offers(Vacancy vacancy, ConceptScheme scheme, String need) {
    for (Accommodation a : vacancy.accommodations()) {
      if (meets(scheme, a.accommodationId(), need)) {
        return true;
      }
    }
    return false;
  }

  /** Whether offering an accommodation meets a need: the same or a narrower one. The rule of both paths. */
  private static boolean meets(ConceptScheme scheme, String accommodation, String need) {
    ConceptRelation relation = ConceptRelation.of(scheme, accommodation, need);
    return relation != null && !relation.kind().equals("broader");
  }

  /** Whether working from home meets a need at a remote vacancy: a place-bound need. The rule of both paths. */
  private static boolean placeBound(ConceptScheme scheme, String need) {
    return scheme.contains(need) && scheme.concept(need).placeBound();
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    // Volunteers take few distinct values of what the kernel reads: a table per query.
    return index.tabled(TABLE_COLUMNS, new Kernel(vacancy, context, index));
  }

  /** The compiled form: whether the vacancy meets each accommodation concept, by index. */
  private final class Kernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final boolean[] met;

    Kernel(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
      this.index = index;
      ConceptScheme scheme = context.vocabularies().accommodations();
      met = new boolean[scheme.size()];
      for (int c = 0; c < scheme.size(); c++) {
        String need = scheme.concepts().get(c).id();
        met[c] = offers(vacancy, scheme, need) || metFromHome(vacancy, scheme, need);
      }
    }

    @Override
    public double evaluate(int i) {
      if (!index.mayUse(i, SensitiveCategory.ABILITY)) {
        return ABSTAIN;
      }
      int from = index.needStart(i);
      int to = index.needEnd(i);
      if (from == to) {
        return ABSTAIN;
      }
      int count = 0;
      for (int k = from; k < to; k++) {
        if (met[index.need(k)]) {
          count++;
        }
      }
      return vetoes(count, to - from) ? VETO : share(count, to - from);
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
    // Without needs (or consent to use them) every vacancy abstains: a constant, added once per query.
    return kernel.meets.length > 0 ? kernel : CompiledCriterion.constant(CompiledCriterion.ABSTAIN);
  }

  /** The accommodations each vacancy offers, as indices of the accommodations scheme, by position. */
  private static final Object OFFERED = "accommodations.offered";

  /**
   * The kernel of a volunteer's own search: per need of the volunteer (none without consent),
   * which accommodations meet it ({@link #offers}) and whether working from home does ({@link
   * #metFromHome}), against the accommodations each vacancy offers.
   */
  private final class VacancyKernel implements CompiledCriterion {
    private final VacancyIndex index;
    private final int[][] offered;
    private final boolean[] remote;
    /** Per need, by accommodation index, whether offering it meets the need. */
    private final boolean[][] meets;
    /** Per need, whether working from home meets it at a remote vacancy. */
    private final boolean[] fromHome;

    VacancyKernel(Volunteer volunteer, CompileContext context, VacancyIndex index) {
      this.index = index;
      ConceptScheme scheme = context.vocabularies().accommodations();
      this.offered = index.column(OFFERED, ix -> {
        int[][] c = new int[ix.size()][];
        for (int j = 0; j < c.length; j++) {
          c[j] = ix.vacancy(j).accommodations().stream().mapToInt(x -> scheme.indexOf(x.accommodationId())).toArray();
        }
        return c;
      });
      this.remote = index.column("accommodations.remote", ix -> {
        boolean[] r = new boolean[ix.size()];
        for (int j = 0; j < r.length; j++) {
          r[j] = ix.vacancy(j).workMode() == WorkMode.REMOTE;
        }
        return r;
      });
      List<String> needs =
          volunteer.mayUse(SensitiveCategory.ABILITY, ConsentPurpose.MATCHING)
              ? List.copyOf(new TreeSet<>(volunteer.supportNeeds()))
              : List.of();
      this.meets = new boolean[needs.size()][scheme.size()];
      this.fromHome = new boolean[needs.size()];
      for (int k = 0; k < needs.size(); k++) {
        String need = needs.get(k);
        for (int c = 0; c < scheme.size(); c++) {
          meets[k][c] = meets(scheme, scheme.concepts().get(c).id(), need);
        }
        fromHome[k] = placeBound(scheme, need);
      }
    }

    @Override
    public double evaluate(int j) {
      int needs = meets.length;
      if (needs == 0) {
        return ABSTAIN;
      }
      int[] offers = offered[j];
      int met = 0;
      for (int k = 0; k < needs; k++) {
        boolean m = remote[j] && fromHome[k];
        for (int a = 0; a < offers.length && !m; a++) {
          m = meets[k][offers[a]];
        }
        if (m) {
          met++;
        }
      }
      return vetoes(met, needs) ? VETO : share(met, needs);
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }
}
