package io.github.koppel.core.model;

/**
 * Where a vacancy's work happens.
 *
 * @since 0.1
 */
public enum WorkMode {
  /** At the vacancy's location. */
  ON_SITE,
  /** From anywhere. */
  REMOTE,
  /** Partly on site, partly remote. */
  HYBRID
}
