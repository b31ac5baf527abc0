package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.Regularity;
import io.github.koppel.core.model.SocialSetting;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
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
import org.jspecify.annotations.Nullable;

/**
 * The volunteer's preferences against the vacancy: remote work (where the vacancy is remote),
 * one-off or regular work, alone or in a group (where the vacancy says). The score is the share of
 * the vacancy's features that meet a stated preference; a feature the volunteer stated nothing
 * about counts as not met ({@code mismatchScore}), exactly like a preference the vacancy does not
 * meet, so that stating one more preference never lowers the score. Abstains when the volunteer
 * stated no preference that applies here.
 */
final class PreferenceCriterion implements Criterion, Compilable, VacancyCompilable {
  /** What the kernel reads of a volunteer, for its table: {@link VolunteerIndex#tabled}. */
  private static final Set<Column> TABLE_COLUMNS = Set.of(Column.PREFERENCES);

  private final double mismatchScore;

  PreferenceCriterion(Parameters p) {
    mismatchScore = p.number("mismatchScore", 0, 0, 1);
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.PREFERENCES);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    Preferences p = volunteer.preferences();
    WorkMode mode = vacancy.workMode();
    if (!speaks(mode, p.remoteOk(), p.prefersRemote(), p.regularity() != null,
        p.socialSetting() != null && vacancy.socialSetting() != null)) {
      return Evaluation.abstain(EvidenceBuilder.simple("preferences.none"));
    }
    List<Evidence> evidence = new ArrayList<>();
    double sum = 0;
    int count = 0;
    double remote = remote(mode, p.remoteOk(), p.prefersRemote());
    if (!Double.isNaN(remote)) {
      count++;
      sum += remote;
      evidence.add(EvidenceBuilder.simple(remoteKey(mode, p.remoteOk(), p.prefersRemote())));
    }
    count++;
    if (p.regularity() != null) {
      boolean met = p.regularity() == vacancy.schedule().regularity();
      sum += feature(met);
      evidence.add(
          EvidenceBuilder.of(met ? "preferences.regularity" : "preferences.otherRegularity")
              .fact("wanted", p.regularity())
              .fact("offered", vacancy.schedule().regularity())
              .build());
    } else {
      sum += feature(false);
      evidence.add(
          EvidenceBuilder.of("preferences.regularityNotGiven")
              .fact("offered", vacancy.schedule().regularity())
              .build());
    }
    if (vacancy.socialSetting() != null) {
      count++;
      if (p.socialSetting() != null) {
        boolean met = p.socialSetting() == vacancy.socialSetting();
        sum += feature(met);
        evidence.add(
            EvidenceBuilder.of(met ? "preferences.setting" : "preferences.otherSetting")
                .fact("wanted", p.socialSetting())
                .fact("offered", vacancy.socialSetting())
                .build());
      } else {
        sum += feature(false);
        evidence.add(
            EvidenceBuilder.of("preferences.settingNotGiven")
                .fact("offered", vacancy.socialSetting())
                .build());
      }
    }
    return Evaluation.score(sum / count, evidence);
  }

  /**
   * Returns whether a stated preference applies to the vacancy: remote work that is fine, partly
   * remote work that is preferred, a regularity, or a social setting where the vacancy has one.
   * The rule of both paths.
   */
  private static boolean speaks(
      WorkMode mode, boolean remoteOk, boolean prefersRemote, boolean regularity, boolean setting) {
    return (mode == WorkMode.REMOTE && remoteOk) || (mode == WorkMode.HYBRID && prefersRemote)
        || regularity || setting;
  }

  /**
   * The remote feature of a vacancy for a volunteer: remote work scores 1 when fine and the
   * mismatch score when not; partly remote work scores 1 for a volunteer who prefers remote work;
   * otherwise the feature does not count (NaN). A preference for remote work thus raises remote
   * and partly remote work and never lowers work on site: telling more never lowers a volunteer.
   * The rule of both paths.
   */
  private double remote(WorkMode mode, boolean remoteOk, boolean prefersRemote) {
    if (mode == WorkMode.REMOTE) {
      return remoteOk ? 1 : mismatchScore;
    }
    return mode == WorkMode.HYBRID && prefersRemote ? 1 : Double.NaN;
  }

  /** The score of a stated feature, met or not: the rule of both paths. */
  private double feature(boolean met) {
    return met ? 1 : mismatchScore;
  }

  private static String remoteKey(WorkMode mode, boolean remoteOk, boolean prefersRemote) {
    if (mode == WorkMode.REMOTE) {
      return prefersRemote ? "preferences.remotePreferred" : remoteOk ? "preferences.remote" : "preferences.notRemote";
    }
    return "preferences.hybridPreferred";
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    // Volunteers take few distinct values of what the kernel reads: a table per query.
    return index.tabled(TABLE_COLUMNS, new Kernel(vacancy, index));
  }

  /** The compiled form: the vacancy's work mode, regularity and setting against the index's codes. */
  private final class Kernel implements CompiledCriterion {
    private final VolunteerIndex index;
    private final WorkMode mode;
    private final int regularity;
    private final int setting;

    Kernel(Vacancy vacancy, VolunteerIndex index) {
      this.index = index;
      this.mode = vacancy.workMode();
      this.regularity = vacancy.schedule().regularity().ordinal();
      this.setting = vacancy.socialSetting() == null ? -1 : vacancy.socialSetting().ordinal();
    }

    @Override
    public double evaluate(int i) {
      boolean remoteOk = index.remoteOk(i);
      boolean prefersRemote = index.prefersRemote(i);
      int wantedRegularity = index.regularity(i);
      int wantedSetting = index.setting(i);
      if (!speaks(mode, remoteOk, prefersRemote, wantedRegularity >= 0, wantedSetting >= 0 && setting >= 0)) {
        return ABSTAIN;
      }
      double sum = 0;
      int count = 0;
      double remote = remote(mode, remoteOk, prefersRemote);
      if (!Double.isNaN(remote)) {
        count++;
        sum += remote;
      }
      count++;
      sum += feature(wantedRegularity == regularity);
      if (setting >= 0) {
        count++;
        sum += feature(wantedSetting == setting);
      }
      return sum / count;
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
    return new VacancyKernel(volunteer.preferences(), index);
  }

  /** Each vacancy's work mode, regularity and social setting (null: none), by position. */
  private record Features(WorkMode[] mode, Regularity[] regularity, @Nullable SocialSetting[] setting) {}

  private static final Object FEATURES = "preferences.features";

  /** The kernel of a volunteer's own search: the volunteer's preferences against each vacancy's features. */
  private final class VacancyKernel implements CompiledCriterion {
    private final Features features;
    private final Preferences p;

    VacancyKernel(Preferences p, VacancyIndex index) {
      this.features = index.column(FEATURES, ix -> {
        int n = ix.size();
        Features f = new Features(new WorkMode[n], new Regularity[n], new SocialSetting[n]);
        for (int j = 0; j < n; j++) {
          Vacancy v = ix.vacancy(j);
          f.mode()[j] = v.workMode();
          f.regularity()[j] = v.schedule().regularity();
          f.setting()[j] = v.socialSetting();
        }
        return f;
      });
      this.p = p;
    }

    @Override
    public double evaluate(int j) {
      WorkMode mode = features.mode()[j];
      SocialSetting offered = features.setting()[j];
      boolean setting = offered != null;
      if (!speaks(mode, p.remoteOk(), p.prefersRemote(), p.regularity() != null, p.socialSetting() != null && setting)) {
        return ABSTAIN;
      }
      double sum = 0;
      int count = 0;
      double remote = remote(mode, p.remoteOk(), p.prefersRemote());
      if (!Double.isNaN(remote)) {
        count++;
        sum += remote;
      }
      count++;
      sum += feature(p.regularity() != null && p.regularity() == features.regularity()[j]);
      if (setting) {
        count++;
        sum += feature(p.socialSetting() != null && p.socialSetting() == offered);
      }
      return sum / count;
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        out[j - from] = evaluate(j);
      }
    }
  }
}
