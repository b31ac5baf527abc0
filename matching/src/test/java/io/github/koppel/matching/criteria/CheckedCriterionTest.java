package io.github.koppel.matching.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A criterion of one's own that breaks the contract of its declarations is refused by name. */
final class CheckedCriterionTest {
  private abstract static class Silent implements Criterion {
    @Override
    public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
      return Evaluation.abstain(Evidence.of("silent", LocalizedText.of("nl", "stil")));
    }
  }

  @Test
  void fieldsReadMustNotBeNull() {
    Criterion odd = new Silent() {
      @Override
      public Set<VolunteerField> fieldsRead() {
        return null;
      }
    };
    assertEquals(
        "criterion odd: fieldsRead() returned null",
        assertThrows(NullPointerException.class, () -> Criterion.checked("odd", odd)).getMessage());
  }

  @Test
  void sensitiveCategoriesMustNotBeNull() {
    Criterion odd = new Silent() {
      @Override
      public Set<SensitiveCategory> sensitiveCategories() {
        return null;
      }
    };
    assertEquals(
        "criterion odd: sensitiveCategories() returned null",
        assertThrows(NullPointerException.class, () -> Criterion.checked("odd", odd)).getMessage());
  }
}
