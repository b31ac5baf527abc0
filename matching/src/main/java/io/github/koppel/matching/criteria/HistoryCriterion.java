package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.MatchRecord;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.Messages;
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What came of earlier proposals ({@code history}): the volunteer's recorded outcomes with this
 * vacancy and with the other vacancies of its organisation, before the day of the match.
 *
 * <ul>
 *   <li>The last outcome with this vacancy decides first. Rejected by the organisation, or stopped
 *       within three months: a veto ({@code excludeRejected}, {@code excludeStoppedEarly}, both
 *       true), else the score {@code rejectedScore} or {@code stoppedEarlyScore} (0). Started, or
 *       still active after three months: a veto, since the volunteer already works there ({@code
 *       excludePlaced}, true), else an abstention. Declined by the volunteer: the score {@code
 *       declinedScore} (0.25), which lowers the vacancy. With {@code vacancyDays} above 0 an
 *       outcome older than that many days no longer counts (0: it always counts).
 *   <li>A rejection or an early stop at another vacancy of the same organisation within {@code
 *       organisationDays} (180) days gives the score {@code organisationScore} (0.5): the
 *       organisation's similar vacancies come lower for that period. A vacancy no longer in the
 *       engine counts for itself only: its organisation is unknown.
 *   <li>Otherwise, and for a proposal or application still open, the criterion abstains.
 * </ul>
 *
 * <p>Only events before the day of the match count, so that replaying a history never uses what
 * happened on or after the day being replayed. The criterion reads the volunteer's outcomes with
 * the organisation of the vacancy only, which that organisation took part in: what the volunteer
 * did elsewhere never reaches an organisation through it.
 */
final class HistoryCriterion implements Criterion, Compilable, VacancyCompilable {
  private final boolean excludeRejected;
  private final boolean excludeStoppedEarly;
  private final boolean excludePlaced;
  private final double rejectedScore;
  private final double stoppedEarlyScore;
  private final double declinedScore;
  private final double organisationScore;
  private final int vacancyDays;
  private final int organisationDays;

  HistoryCriterion(Parameters p) {
    excludeRejected = p.flag("excludeRejected", true);
    excludeStoppedEarly = p.flag("excludeStoppedEarly", true);
    excludePlaced = p.flag("excludePlaced", true);
    rejectedScore = p.number("rejectedScore", 0, 0, 1);
    stoppedEarlyScore = p.number("stoppedEarlyScore", 0, 0, 1);
    declinedScore = p.number("declinedScore", 0.25, 0, 1);
    organisationScore = p.number("organisationScore", 0.5, 0, 1);
    vacancyDays = days(p, "vacancyDays", 0);
    organisationDays = days(p, "organisationDays", 180);
  }

  /** A whole number of days in [0, 36,500]. */
  private static int days(Parameters p, String name, int defaultValue) {
    double days = p.number(name, defaultValue, 0, 36_500);
    if (days != Math.rint(days)) {
      throw p.invalid(name, "parameter " + name + " must be a whole number of days in [0, 36500]");
    }
    return (int) days;
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.HISTORY);
  }

  /** What the history says of a pair: the outcome that decides, and its result. */
  private record Finding(double result, @Nullable MatchRecord decisive, boolean sameVacancy) {}

  /**
   * Judges a pair from the volunteer's history: the one computation of the object form and of
   * both kernels, so that they agree to the bit.
   */
  private Finding judge(
      List<MatchRecord> history,
      String vacancyId,
      String organisationId,
      LocalDate day,
      Function<String, @Nullable String> organisationIdOf) {
    MatchRecord onVacancy = null;
    MatchRecord atOrganisation = null;
    for (MatchRecord r : history) {
      if (!r.date().isBefore(day)) {
        break;
      }
      long age = ChronoUnit.DAYS.between(r.date(), day);
      if (r.vacancyId().equals(vacancyId)) {
        if (isResult(r.outcome()) && (vacancyDays == 0 || age <= vacancyDays)) {
          onVacancy = r;
        }
      } else if ((r.outcome() == MatchOutcome.REJECTED || r.outcome() == MatchOutcome.STOPPED_EARLY)
          && age <= organisationDays
          && organisationId.equals(organisationIdOf.apply(r.vacancyId()))) {
        atOrganisation = r;
      }
    }
    double vacancyResult = CompiledCriterion.ABSTAIN;
    if (onVacancy != null) {
      vacancyResult = switch (onVacancy.outcome()) {
        case REJECTED -> excludeRejected ? CompiledCriterion.VETO : rejectedScore;
        case STOPPED_EARLY -> excludeStoppedEarly ? CompiledCriterion.VETO : stoppedEarlyScore;
        case STARTED, ACTIVE_AFTER_THREE_MONTHS -> excludePlaced ? CompiledCriterion.VETO : CompiledCriterion.ABSTAIN;
        case DECLINED -> declinedScore;
        case PROPOSED, APPLIED -> CompiledCriterion.ABSTAIN;
      };
    }
    if (vacancyResult == CompiledCriterion.VETO) {
      return new Finding(vacancyResult, onVacancy, true);
    }
    if (atOrganisation != null
        && (Double.isNaN(vacancyResult) || organisationScore < vacancyResult)) {
      return new Finding(organisationScore, atOrganisation, false);
    }
    return new Finding(vacancyResult, onVacancy, true);
  }

  private static boolean isResult(MatchOutcome outcome) {
    return outcome != MatchOutcome.PROPOSED && outcome != MatchOutcome.APPLIED;
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    Finding f =
        judge(volunteer.history(), vacancy.id(), vacancy.organisationId(), context.date(), context::organisationIdOf);
    MatchRecord r = f.decisive();
    if (r == null) {
      return Evaluation.abstain(EvidenceBuilder.simple("history.none"));
    }
    if (!f.sameVacancy()) {
      Evidence e =
          EvidenceBuilder.of("history.organisation")
              .fact("vacancy", r.vacancyId())
              .fact("date", r.date())
              .fact("until", r.date().plusDays(organisationDays))
              .fact("outcome", r.outcome().name())
              .label("outcome", Messages.text("history.outcome." + r.outcome().name()))
              .withoutRemedy()
              .build();
      return Evaluation.score(f.result(), e);
    }
    String code =
        switch (r.outcome()) {
          case REJECTED -> "history.rejected";
          case STOPPED_EARLY -> "history.stoppedEarly";
          case STARTED, ACTIVE_AFTER_THREE_MONTHS -> "history.placed";
          default -> "history.declined";
        };
    Evidence e = EvidenceBuilder.of(code).fact("date", r.date()).withoutRemedy().build();
    if (Double.isNaN(f.result())) {
      return Evaluation.abstain(e);
    }
    return f.result() == CompiledCriterion.VETO ? Evaluation.veto(e) : Evaluation.score(f.result(), e);
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    // Few volunteers have a history with a vacancy's organisation: judge those, abstain for the rest.
    Map<String, int[]> byVacancy = index.historyByVacancy();
    if (byVacancy.isEmpty()) {
      return CompiledCriterion.constant(CompiledCriterion.ABSTAIN);
    }
    Set<Integer> concerned = new HashSet<>();
    for (Map.Entry<String, int[]> e : byVacancy.entrySet()) {
      if (e.getKey().equals(vacancy.id())
          || vacancy.organisationId().equals(context.organisationIdOf(e.getKey()))) {
        for (int i : e.getValue()) {
          concerned.add(i);
        }
      }
    }
    Map<Integer, Double> results = new HashMap<>(concerned.size() * 2);
    for (int i : concerned) {
      double result =
          judge(index.volunteer(i).history(), vacancy.id(), vacancy.organisationId(), context.date(),
              context::organisationIdOf).result();
      if (!Double.isNaN(result)) {
        results.put(i, result);
      }
    }
    if (results.isEmpty()) {
      return CompiledCriterion.constant(CompiledCriterion.ABSTAIN);
    }
    return i -> results.getOrDefault(i, CompiledCriterion.ABSTAIN);
  }

  @Override
  public CompiledCriterion compileFor(Volunteer volunteer, CompileContext context, VacancyIndex index) {
    List<MatchRecord> history = volunteer.history();
    if (history.isEmpty()) {
      return CompiledCriterion.constant(CompiledCriterion.ABSTAIN);
    }
    // Only the vacancies of the history and those of their organisations can be concerned.
    Set<String> vacancies = new HashSet<>();
    Set<String> organisations = new HashSet<>();
    for (MatchRecord r : history) {
      vacancies.add(r.vacancyId());
      String organisation = context.organisationIdOf(r.vacancyId());
      if (organisation != null) {
        organisations.add(organisation);
      }
    }
    LocalDate day = context.date();
    return j -> {
      Vacancy v = index.vacancy(j);
      if (!vacancies.contains(v.id()) && !organisations.contains(v.organisationId())) {
        return CompiledCriterion.ABSTAIN;
      }
      return judge(history, v.id(), v.organisationId(), day, context::organisationIdOf).result();
    };
  }
}
