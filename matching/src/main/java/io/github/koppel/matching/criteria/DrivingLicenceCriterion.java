package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.DrivingLicence;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
import io.github.koppel.matching.internal.VolunteerIndex;
import io.github.koppel.matching.internal.VolunteerIndex.Column;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The driving licence a vacancy needs ({@code drivingLicence}): 1 when a category the volunteer
 * holds covers it ({@link DrivingLicence#covers}), else a veto that names the category; abstains
 * for a vacancy that needs none.
 */
final class DrivingLicenceCriterion implements Criterion, Compilable, VacancyCompilable {
  /** What the kernel reads of a volunteer, for its table: {@link VolunteerIndex#tabled}. */
  private static final Set<Column> TABLE_COLUMNS = Set.of(Column.DRIVING_LICENCES);


  DrivingLicenceCriterion(Parameters p) {
    // No parameters: a licence is held or not.
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.DRIVING_LICENCES);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    DrivingLicence required = vacancy.drivingLicence();
    if (required == null) {
      return Evaluation.abstain(EvidenceBuilder.simple("licence.notNeeded"));
    }
    if (DrivingLicence.covers(volunteer.drivingLicences(), required)) {
      return Evaluation.score(1, EvidenceBuilder.of("licence.held").fact("licence", required.name()).build());
    }
    return Evaluation.veto(EvidenceBuilder.of("licence.missing").fact("licence", required.name()).build());
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    // Volunteers take few distinct values of what the kernel reads: a table per query.
    return index.tabled(TABLE_COLUMNS, new Kernel(vacancy.drivingLicence(), index));
  }

  /** The compiled form: the index's bit of the category the vacancy needs. */
  private static final class Kernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final @Nullable DrivingLicence required;

    Kernel(@Nullable DrivingLicence required, VolunteerIndex index) {
      this.index = index;
      this.required = required;
    }

    @Override
    public double evaluate(int i) {
      DrivingLicence r = required;
      return r == null ? ABSTAIN : index.coversLicence(i, r) ? 1 : VETO;
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
    return new VacancyKernel(volunteer, index);
  }

  /** The category each vacancy needs, by position (-1: none). */
  private static final Object REQUIRED = "drivingLicence.required";

  /** The kernel of a volunteer's own search: the categories the volunteer's licences cover. */
  private static final class VacancyKernel implements CompiledCriterion {
    private final int[] required;
    private final int covered;

    VacancyKernel(Volunteer volunteer, VacancyIndex index) {
      this.required = index.column(REQUIRED, ix -> {
        int[] r = new int[ix.size()];
        for (int j = 0; j < r.length; j++) {
          DrivingLicence d = ix.vacancy(j).drivingLicence();
          r[j] = d == null ? -1 : d.ordinal();
        }
        return r;
      });
      int bits = 0;
      for (DrivingLicence held : volunteer.drivingLicences()) {
        for (DrivingLicence c : held.covered()) {
          bits |= 1 << c.ordinal();
        }
      }
      this.covered = bits;
    }

    @Override
    public double evaluate(int j) {
      int r = required[j];
      return r < 0 ? ABSTAIN : (covered & (1 << r)) != 0 ? 1 : VETO;
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }
}
