package io.github.koppel.matching.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.Organisation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vacancy index refuses a vacancy whose organisation it is not given, naming both. */
final class VacancyIndexTest {
  @Test
  void anUnknownOrganisationIsRefused() {
    Dataset city = DemoCity.bundled();
    String organisation = city.vacancies().get(0).organisationId();
    Map<String, Organisation> none = Map.of();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new VacancyIndex(city.vacancies(), none));
    assertEquals(
        "vacancy " + city.vacancies().get(0).id() + " refers to organisation " + organisation
            + ", which the index does not know",
        e.getMessage());
  }
}
