package io.github.koppel.core.model;

/**
 * What a volunteer allows a category of sensitive facts to be used for.
 *
 * @since 0.1
 */
public enum ConsentPurpose {
  /** Computing matches and attaching legal notices to them. */
  MATCHING,
  /** Showing the facts to a counsellor of the volunteer centre. */
  COUNSELLOR_VIEW
}
