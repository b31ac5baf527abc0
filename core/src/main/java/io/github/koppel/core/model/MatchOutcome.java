package io.github.koppel.core.model;

/**
 * What became of a proposal of a vacancy to a volunteer, as a volunteer centre records it.
 *
 * @since 0.1
 */
public enum MatchOutcome {
  /** The vacancy was proposed to the volunteer. */
  PROPOSED,
  /** The volunteer applied. */
  APPLIED,
  /** The volunteer declined the proposal. */
  DECLINED,
  /** The organisation rejected the volunteer. */
  REJECTED,
  /** The volunteer started. */
  STARTED,
  /** The volunteer was still active three months after starting. */
  ACTIVE_AFTER_THREE_MONTHS,
  /** The volunteer stopped within three months. */
  STOPPED_EARLY
}
