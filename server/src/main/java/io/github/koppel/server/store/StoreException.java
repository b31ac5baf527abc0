package io.github.koppel.server.store;

/**
 * The store's database failed: it cannot be reached, migrated, read or written. The message says
 * what the store tried and the database's own words, never a password.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param message what failed
   * @param cause the database's exception
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
