package io.github.koppel.matching.criteria;

import static io.github.koppel.core.testdata.Testdata.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.io.BundledData;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.testdata.DomainArbitraries;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The contract of every built-in criterion, checked on random pairs. */
final class BuiltInCriteriaProperties {

  @Provide
  Arbitrary<String> types() {
    return Arbitraries.of(List.copyOf(CriterionRegistry.builtIn().types()));
  }

  @Provide
  Arbitrary<Dataset> cities() {
    return DomainArbitraries.datasets().filter(d -> !d.vacancies().isEmpty() && !d.volunteers().isEmpty());
  }

  @Property(tries = 300)
  void everyBuiltInIsDeterministicAndInRange(@ForAll("types") String type, @ForAll("cities") Dataset city) {
    Criterion criterion = Criterion.builtIn(type, Map.of());
    MatchContext context =
        MatchContext.of(BundledData.flemishVocabularies(), BundledData.belgianLegalRules(), DAY, city.organisations());
    for (Volunteer v : city.volunteers()) {
      for (Vacancy vacancy : city.vacancies()) {
        Evaluation e = criterion.evaluate(v, vacancy, context);
        assertEquals(e, criterion.evaluate(v, vacancy, context), "deterministic");
        assertTrue(e.score() >= 0 && e.score() <= 1);
        assertTrue(!e.evidence().isEmpty(), type + " explains every evaluation");
      }
    }
  }

  @Property(tries = 300)
  void withoutConsentNoSensitiveFactIsUsed(@ForAll("types") String type, @ForAll("cities") Dataset city) {
    Criterion criterion = Criterion.builtIn(type, Map.of());
    MatchContext context =
        MatchContext.of(BundledData.flemishVocabularies(), BundledData.belgianLegalRules(), DAY, city.organisations());
    for (Volunteer v : city.volunteers()) {
      Volunteer withoutConsent = v.toBuilder().consents(List.of()).build();
      for (Vacancy vacancy : city.vacancies()) {
        Evaluation e = criterion.evaluate(withoutConsent, vacancy, context);
        if (!criterion.sensitiveCategories().isEmpty() && (!type.equals("backgroundCheck") || vacancy.requiresBackgroundCheck())) {
          assertEquals(Evaluation.Outcome.ABSTAINED, e.outcome(), type);
        }
        for (Evidence evidence : e.evidence()) {
          assertTrue(!evidence.isSensitive(), type + " revealed " + evidence.code() + " without consent");
        }
      }
    }
  }

  /**
   * The compiled background check compares epoch days against one threshold; it must agree with
   * "extract + months is not before the date" on every day, also where months have fewer days.
   */
  @Property(tries = 300)
  void oldestValidExtractAgreesWithAddingMonths(
      @ForAll @IntRange(min = 0, max = 3000) int dayOffset,
      @ForAll @IntRange(min = 0, max = 72) int months) {
    LocalDate date = LocalDate.of(2020, 1, 1).plusDays(dayOffset);
    int oldest = LegalGateCriterion.oldestValidExtract(date, months);
    for (LocalDate e = date.minusMonths(months).minusDays(40);
        e.isBefore(date.minusMonths(months).plusDays(40));
        e = e.plusDays(1)) {
      boolean valid = !e.plusMonths(months).isBefore(date);
      assertEquals(valid, e.toEpochDay() >= oldest, () -> "date " + date + ", months " + months);
    }
  }
}
