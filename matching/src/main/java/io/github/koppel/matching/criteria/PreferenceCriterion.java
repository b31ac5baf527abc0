package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The volunteer's preferences against the vacancy: remote work, one-off or regular work, alone or
 * in a group. The score is the share of stated preferences met ({@code mismatchScore} for each one
 * not met). Abstains when no preference applies.
 */
final class PreferenceCriterion implements Criterion {
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
}
