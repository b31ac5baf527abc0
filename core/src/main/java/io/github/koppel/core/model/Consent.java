package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A volunteer's recorded consent to use one category of sensitive facts for some purposes.
 *
 * <p>This class is immutable.
 *
 * @param category the category of facts
 * @param purposes what the facts may be used for; at least one
 * @param recordedOn the day the consent was recorded; not after today and not before 1900
 * @since 0.1
 */
public record Consent(SensitiveCategory category, Set<ConsentPurpose> purposes, LocalDate recordedOn) {

  public Consent {
    Objects.requireNonNull(category, "category");
    purposes = Checks.enums(purposes, ConsentPurpose.class, "purposes");
    checkArgument(
        !purposes.isEmpty(), "purposes must hold at least one purpose for %s", category);
    Checks.pastDate(Objects.requireNonNull(recordedOn, "recordedOn"), "recordedOn");
  }

  /**
   * Returns a consent for matching and for the counsellor's view.
   *
   * @param category the category of facts
   * @param recordedOn the day it was recorded
   * @return the consent
   */
  public static Consent full(SensitiveCategory category, LocalDate recordedOn) {
    return new Consent(category, Set.of(ConsentPurpose.values()), recordedOn);
  }
}
