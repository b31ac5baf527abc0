package io.github.koppel.core.model;

import java.util.Objects;

/**
 * A language a vacancy asks for, with the minimum CEFR level and whether it is mandatory.
 *
 * <p>This class is immutable.
 *
 * @param language an ISO 639 code
 * @param minimumLevel the lowest level that suffices
 * @param mandatory {@code true} when the vacancy cannot be done without it, {@code false} when it
 *     is only desired
 * @since 0.1
 */
public record LanguageRequirement(String language, CefrLevel minimumLevel, boolean mandatory) {

  public LanguageRequirement {
    Checks.language(language, "language");
    Objects.requireNonNull(minimumLevel, "minimumLevel");
  }

  /**
   * Returns a mandatory requirement.
   *
   * @param language an ISO 639 code
   * @param minimumLevel the lowest level that suffices
   * @return the requirement
   */
  public static LanguageRequirement mandatory(String language, CefrLevel minimumLevel) {
    return new LanguageRequirement(language, minimumLevel, true);
  }

  /**
   * Returns a desired, non-mandatory requirement.
   *
   * @param language an ISO 639 code
   * @param minimumLevel the level that is desired
   * @return the requirement
   */
  public static LanguageRequirement desired(String language, CefrLevel minimumLevel) {
    return new LanguageRequirement(language, minimumLevel, false);
  }
}
