package io.github.koppel.matching;

/**
 * Who reads an explanation; it decides which sensitive facts it may show.
 *
 * @since 0.2
 */
public enum Audience {
  /**
   * The organisation offering the vacancy: never sees a volunteer's ability, support needs,
   * benefit status, target groups or background check.
   */
  ORGANISATION,
  /**
   * A counsellor of the volunteer centre: sees the sensitive facts the volunteer consented to show
   * to a counsellor ({@code ConsentPurpose.COUNSELLOR_VIEW}).
   */
  COUNSELLOR,
  /** The volunteer: sees everything about themselves. */
  VOLUNTEER
}
