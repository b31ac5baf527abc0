package io.github.koppel.server.store;

import java.util.Objects;

/**
 * A write that the store's current content refuses, checked in the writing transaction with the
 * version's row lock held, so that no other process's write slips in between: a vacancy of an
 * organisation the store does not hold, an organisation that vacancies still name, or a vacancy
 * another organisation owns. Nothing of the write is applied.
 */
public final class ConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the store refuses a write. */
  public enum Reason {
    /** A record names one the store does not hold. */
    MISSING_REFERENCE,
    /** Records still name the one to delete. */
    STILL_REFERENCED,
    /** The record belongs to another owner than the writer. */
    NOT_OWNER
  }

  private final Reason reason;

  /**
   * An exception.
   *
   * @param reason why
   * @param message what was refused, by id
   */
  public ConflictException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the write was refused. */
  public Reason reason() {
    return reason;
  }
}
