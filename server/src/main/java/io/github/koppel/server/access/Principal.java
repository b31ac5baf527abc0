package io.github.koppel.server.access;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who a request comes from: the role of its key and, for an organisation or a volunteer, which.
 *
 * @param keyId the id of the key the request was signed with
 * @param role the role
 * @param subject the organisation's or volunteer's id, null for staff
 */
public record Principal(String keyId, Role role, @Nullable String subject) {
  /**
   * A principal.
   *
   * @throws IllegalArgumentException if the role needs a subject and has none, or the reverse
   */
  public Principal {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(role, "role");
    if (role.needsSubject() != (subject != null)) {
      throw new IllegalArgumentException(role.needsSubject()
          ? "a key of role " + role + " needs a subject"
          : "a key of role " + role + " has no subject: " + subject);
    }
  }
}
