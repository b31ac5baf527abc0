package io.github.koppel.server.store;

import java.util.Objects;

/**
 * A committed change of a store, in commit order: a record written or deleted.
 *
 * @param seq the change's position in the store's log, from 1; the data version after it
 * @param kind the kind of record
 * @param id the record's id
 * @param deleted whether the record was deleted (else it was created or replaced)
 */
public record Change(long seq, Kind kind, String id, boolean deleted) {
  /** A change. */
  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1: " + seq);
    }
  }
}
