package io.github.koppel.core.model;

import java.util.Objects;

/**
 * A language a volunteer speaks, at a CEFR level, and whether they wish to practise it (a newcomer
 * who wants to practise Dutch, for example).
 *
 * <p>This class is immutable.
 *
 * @param language an ISO 639 code such as {@code nl}, {@code fr} or {@code ar}
 * @param level the level the volunteer has
 * @param wantsToPractise whether the volunteer wants volunteering to practise this language
 * @since 0.1
 */
public record LanguageSkill(String language, CefrLevel level, boolean wantsToPractise) {

  public LanguageSkill {
    Checks.language(language, "language");
    Objects.requireNonNull(level, "level");
  }

  /**
   * Returns a skill the volunteer does not ask to practise.
   *
   * @param language an ISO 639 code
   * @param level the level
   * @return the skill
   */
  public static LanguageSkill of(String language, CefrLevel level) {
    return new LanguageSkill(language, level, false);
  }

  /**
   * Returns a skill the volunteer wants to practise.
   *
   * @param language an ISO 639 code
   * @param level the current level
   * @return the skill
   */
  public static LanguageSkill practising(String language, CefrLevel level) {
    return new LanguageSkill(language, level, true);
  }
}
