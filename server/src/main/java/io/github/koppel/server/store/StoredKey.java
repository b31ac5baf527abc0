package io.github.koppel.server.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An access key as the store keeps it: never its secret, only the secret's SHA-256 hash.
 *
 * @param id the key's public id, the part of the key before its secret
 * @param role the role's name
 * @param subject the organisation or volunteer the key acts for, or null for the roles of staff
 * @param label what the key is for, as its issuer wrote it
 * @param hash the SHA-256 hash of the secret, in lowercase hexadecimal
 * @param revoked whether the key was revoked
 */
public record StoredKey(String id, String role, @Nullable String subject, String label, String hash, boolean revoked) {
  /** A stored key. */
  public StoredKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(hash, "hash");
  }

  @Override
  public String toString() {
    // The hash is not a secret, but nothing prints it.
    return "StoredKey[id=" + id + ", role=" + role + ", subject=" + subject + ", label=" + label
        + ", revoked=" + revoked + "]";
  }
}
