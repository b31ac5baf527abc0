package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The volunteer's preferences against the vacancy: remote work, one-off or regular work, alone or
 * in a group. The score is the share of stated preferences met ({@code mismatchScore} for each one
 * not met). Abstains when no preference applies.
 */
final class PreferenceCriterion implements Criterion, Compilable {
  private final double mismatchScore;

  PreferenceCriterion(Parameters p) {
    mismatchScore = p.number("mismatchScore", 0, 0, 1);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    Preferences p = volunteer.preferences();
    List<Evidence> evidence = new ArrayList<>();
    double sum = 0;
    int count = 0;
    if (vacancy.workMode() == WorkMode.REMOTE) {
      count++;
      sum += p.remoteOk() ? 1 : mismatchScore;
      evidence.add(EvidenceBuilder.simple(p.remoteOk() ? "preferences.remote" : "preferences.notRemote"));
    }
    if (p.regularity() != null) {
      boolean met = p.regularity() == vacancy.schedule().regularity();
      count++;
      sum += met ? 1 : mismatchScore;
      evidence.add(
          EvidenceBuilder.of(met ? "preferences.regularity" : "preferences.otherRegularity")
              .fact("wanted", p.regularity())
              .fact("offered", vacancy.schedule().regularity())
              .build());
    }
    if (p.socialSetting() != null && vacancy.socialSetting() != null) {
      boolean met = p.socialSetting() == vacancy.socialSetting();
      count++;
      sum += met ? 1 : mismatchScore;
      evidence.add(
          EvidenceBuilder.of(met ? "preferences.setting" : "preferences.otherSetting")
              .fact("wanted", p.socialSetting())
              .fact("offered", vacancy.socialSetting())
              .build());
    }
    if (count == 0) {
      return Evaluation.abstain(EvidenceBuilder.simple("preferences.none"));
    }
    return Evaluation.score(sum / count, evidence);
  }

  @Override
  public CompiledCriterion compile(
      Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    boolean remote = vacancy.workMode() == WorkMode.REMOTE;
    int regularity = vacancy.schedule().regularity().ordinal();
    int setting = vacancy.socialSetting() == null ? -1 : vacancy.socialSetting().ordinal();
    CompiledCriterion single = i -> {
      double sum = 0;
      int count = 0;
      if (remote) {
        count++;
        sum += index.remoteOk(i) ? 1 : mismatchScore;
      }
      if (index.regularity(i) >= 0) {
        count++;
        sum += index.regularity(i) == regularity ? 1 : mismatchScore;
      }
      if (index.setting(i) >= 0 && setting >= 0) {
        count++;
        sum += index.setting(i) == setting ? 1 : mismatchScore;
      }
      return count == 0 ? CompiledCriterion.ABSTAIN : sum / count;
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
