package io.github.koppel.core.model;

/**
 * Whether volunteering is done alone or with others.
 *
 * @since 0.1
 */
public enum SocialSetting {
  /** Mostly alone, for example driving or administrative work at home. */
  ALONE,
  /** In a team or with a group of people. */
  GROUP
}
