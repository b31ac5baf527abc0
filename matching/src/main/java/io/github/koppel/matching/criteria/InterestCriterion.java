package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The volunteer's interests against the sectors of the vacancy (or, if it names none, of its
 * organisation), taxonomy-aware. Abstains when the volunteer gave no interests.
 */
final class InterestCriterion implements Criterion, Compilable {
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
    Set<String> sectors =
        vacancy.sectors().isEmpty() ? context.organisationOf(vacancy).sectors() : vacancy.sectors();
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
    if (evidence == null || best < noMatchScore) {
      return Evaluation.score(noMatchScore, EvidenceBuilder.simple("interests.noMatch"));
    }
    return Evaluation.score(best, evidence);
  }

  @Override
  public CompiledCriterion compile(
      Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    Set<String> sectors =
        vacancy.sectors().isEmpty() ? context.organisationOf(vacancy).sectors() : vacancy.sectors();
    if (sectors.isEmpty()) {
      return i -> CompiledCriterion.ABSTAIN;
    }
    ConceptScheme scheme = context.vocabularies().sectors();
    double[] credit = new double[scheme.size()];
    for (int c = 0; c < scheme.size(); c++) {
      String interest = scheme.concepts().get(c).id();
      for (String sector : sectors) {
        ConceptRelation relation = ConceptRelation.of(scheme, sector, interest);
        if (relation != null) {
          credit[c] = Math.max(credit[c], relation.credit(narrowerCredit, broaderCredit));
        }
      }
    }
    CompiledCriterion single = i -> {
      int from = index.interestStart(i);
      int to = index.interestEnd(i);
      if (from == to) {
        return CompiledCriterion.ABSTAIN;
      }
      double best = 0;
      for (int k = from; k < to; k++) {
        best = Math.max(best, credit[index.interest(k)]);
      }
      return best == 0 || best < noMatchScore ? noMatchScore : best;
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
