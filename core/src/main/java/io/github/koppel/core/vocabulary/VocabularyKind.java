package io.github.koppel.core.vocabulary;

/**
 * The five concept schemes a municipality configures.
 *
 * @since 0.1
 */
public enum VocabularyKind {
  /** Talents and skills volunteers offer and vacancies ask for. */
  TALENTS("talents"),
  /** Sectors and causes: the interests of volunteers and the fields of organisations. */
  SECTORS("sectors"),
  /** Functional dimensions on which possibilities and demands are expressed. */
  FUNCTIONAL_DIMENSIONS("functionalDimensions"),
  /** Accommodations vacancies offer and volunteers may need. */
  ACCOMMODATIONS("accommodations"),
  /** Target groups organisations welcome and volunteers may declare. */
  TARGET_GROUPS("targetGroups");

  private final String field;

  VocabularyKind(String field) {
    this.field = field;
  }

  /**
   * Returns the name of this scheme's field in the vocabulary JSON document.
   *
   * @return the field name, such as {@code functionalDimensions}
   */
  public String field() {
    return field;
  }
}
