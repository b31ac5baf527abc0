package io.github.koppel.server.store;

/** The kinds of record a store keeps, each in a table of its own. */
public enum Kind {
  /** {@link io.github.koppel.core.model.Organisation}. */
  ORGANISATION("organisations"),
  /** {@link io.github.koppel.core.model.Vacancy}. */
  VACANCY("vacancies"),
  /** {@link io.github.koppel.core.model.Volunteer}. */
  VOLUNTEER("volunteers"),
  /** An access key ({@link StoredKey}). */
  KEY("api_keys");

  private final String table;

  Kind(String table) {
    this.table = table;
  }

  /** Returns the table of the kind. */
  String table() {
    return table;
  }
}
