package io.github.koppel.server.access;

/**
 * What a key may do. The role, not the client, decides the audience of what the server answers.
 */
public enum Role {
  /** The municipality: everything, including issuing and revoking keys. */
  MUNICIPALITY(false),
  /** Counter staff: every volunteer and vacancy, with what each volunteer consented to. */
  COUNSELLOR(false),
  /** An organisation: only its own vacancies and their candidates, always in its audience. */
  ORGANISATION(true),
  /** A volunteer: their own profile and rankings. */
  VOLUNTEER(true);

  private final boolean needsSubject;

  Role(boolean needsSubject) {
    this.needsSubject = needsSubject;
  }

  /** Returns whether a key of this role acts for one organisation or volunteer, its subject. */
  public boolean needsSubject() {
    return needsSubject;
  }
}
