package io.github.koppel.core.demo;

import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Volunteer;
import java.util.Objects;

/**
 * A hand-written fictional volunteer with a story, for demos, documentation and tests.
 *
 * <p>This class is immutable.
 *
 * @param volunteer the volunteer
 * @param story who they are and what they look for, in nl, en and fr
 * @since 0.1
 */
public record Persona(Volunteer volunteer, LocalizedText story) {

  public Persona {
    Objects.requireNonNull(volunteer, "volunteer");
    Objects.requireNonNull(story, "story");
  }

  /**
   * Returns the volunteer's id.
   *
   * @return the id
   */
  public String id() {
    return volunteer.id();
  }

  /** Returns the persona's id only: the story tells sensitive facts. */
  @Override
  public String toString() {
    return "Persona{" + volunteer.id() + "}";
  }
}
