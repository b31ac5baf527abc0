package io.github.koppel.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A language proficiency level of the Common European Framework of Reference for Languages, from
 * {@link #A1} (breakthrough) to {@link #C2} (mastery). The natural order of the constants is the
 * order of proficiency.
 *
 * @since 0.1
 */
public enum CefrLevel {
  /** Breakthrough: understands and uses familiar everyday expressions. */
  A1,
  /** Waystage: communicates in simple and routine tasks. */
  A2,
  /** Threshold: deals with most situations likely to arise in daily life. */
  B1,
  /** Vantage: interacts with a degree of fluency and spontaneity. */
  B2,
  /** Effective operational proficiency. */
  C1,
  /** Mastery. */
  C2;

  /**
   * Returns whether this level is at least the given one.
   *
   * @param other the level to compare with
   * @return {@code true} when this level is the same as or higher than {@code other}
   */
  public boolean isAtLeast(CefrLevel other) {
    return compareTo(other) >= 0;
  }

  /**
   * Returns how many levels this one lies below the given one.
   *
   * @param required the level to reach
   * @return 0 when this level reaches {@code required}, otherwise the number of steps missing
   */
  public int gapTo(CefrLevel required) {
    return Math.max(0, required.ordinal() - ordinal());
  }

  /**
   * Parses a level, ignoring case and surrounding white space.
   *
   * @param text a level such as {@code "B1"} or {@code "b1"}
   * @return the level
   * @throws IllegalArgumentException if {@code text} is not one of A1, A2, B1, B2, C1 or C2
   */
  public static CefrLevel parse(String text) {
    Objects.requireNonNull(text, "text");
    String normalised = text.strip().toUpperCase(Locale.ROOT);
    for (CefrLevel level : values()) {
      if (level.name().equals(normalised)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "CEFR level must be one of A1, A2, B1, B2, C1, C2: '" + text + "'");
  }
}
