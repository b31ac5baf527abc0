package io.github.koppel.core.legal;

/**
 * A legal condition that a (volunteer, vacancy) pair can fail.
 *
 * @since 0.1
 */
public enum Gate {
  /** The volunteer is younger than the legal minimum age. */
  LEGAL_MINIMUM_AGE,
  /** The volunteer is younger than the organisation's own minimum age. */
  ORGANISATION_MINIMUM_AGE,
  /** The vacancy needs a 596.2 extract and none is on record (or none may be used). */
  BACKGROUND_CHECK_MISSING,
  /** The vacancy needs a 596.2 extract and the one on record is too old. */
  BACKGROUND_CHECK_EXPIRED
}
