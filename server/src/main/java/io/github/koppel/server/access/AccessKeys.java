package io.github.koppel.server.access;

import io.github.koppel.server.store.Store;
import io.github.koppel.server.store.StoredKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server's access keys: issued with a random secret that is shown once and stored only as
 * its SHA-256 hash, revoked for good, and checked on every request against the keys known to this
 * process. A key reads {@code koppel_<id>_<secret>}: a public id of 16 characters and a secret of
 * 256 random bits, both in base64url. A secret of that strength needs no slow hash; the
 * comparison of hashes takes the same time wherever they differ.
 *
 * <p>Thread-safe. A process learns of keys issued or revoked by another through {@link #reload},
 * which the server calls when the store's log of changes names a key.
 */
public final class AccessKeys {
  private static final String PREFIX = "koppel_";
  private static final int ID_BYTES = 12;
  private static final int SECRET_BYTES = 32;
  /** The longest key accepted at all: a longer header is refused before it is parsed. */
  public static final int MAX_KEY_LENGTH = 200;

  private final Store store;
  private final SecureRandom random = new SecureRandom();
  private volatile Map<String, StoredKey> known;

  /**
   * The keys of a store.
   *
   * @param store the store
   */
  public AccessKeys(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.known = read(store);
  }

  private static Map<String, StoredKey> read(Store store) {
    Map<String, StoredKey> byId = new HashMap<>();
    for (StoredKey k : store.keys()) {
      byId.put(k.id(), k);
    }
    return Map.copyOf(byId);
  }

  /** Reads the keys from the store again, after another process issued or revoked one. */
  public void reload() {
    known = read(store);
  }

  /**
   * An issued key: the only time its secret is known.
   *
   * @param id the key's public id
   * @param key the whole key, to hand to its holder
   */
  public record Issued(String id, String key) {
    @Override
    public String toString() {
      return "Issued[id=" + id + "]";
    }
  }

  /**
   * Issues a key, durable before it returns.
   *
   * @param role the role
   * @param subject the organisation's or volunteer's id for those roles, else null
   * @param label what the key is for, 1 to 200 characters
   * @return the key, whose secret is not kept
   * @throws IllegalArgumentException if the subject does not fit the role, or the label or the
   *     subject is blank or longer than 200 characters
   */
  public Issued issue(Role role, @Nullable String subject, String label) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(label, "label");
    text("label", label);
    if (subject != null) {
      text("subject", subject);
    }
    byte[] idBytes = new byte[ID_BYTES];
    byte[] secretBytes = new byte[SECRET_BYTES];
    random.nextBytes(idBytes);
    random.nextBytes(secretBytes);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    // '_' separates the parts, so the id's own '_' becomes '-'.
    String id = b64.encodeToString(idBytes).replace('_', '-');
    String secret = b64.encodeToString(secretBytes);
    new Principal(id, role, subject);
    store.put(new StoredKey(id, role.name(), subject, label, hash(secret), false));
    reload();
    return new Issued(id, PREFIX + id + "_" + secret);
  }

  private static void text(String field, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.length() > 200) {
      throw new IllegalArgumentException(field + " must have at most 200 characters: " + value.length());
    }
  }

  /**
   * Revokes a key for good, durable before it returns.
   *
   * @param id the key's public id
   * @return whether a key that was not yet revoked is revoked now
   */
  public boolean revoke(String id) {
    Objects.requireNonNull(id, "id");
    StoredKey k = known.get(id);
    if (k == null || k.revoked()) {
      return false;
    }
    store.put(new StoredKey(k.id(), k.role(), k.subject(), k.label(), k.hash(), true));
    reload();
    return true;
  }

  /**
   * Revokes every key that acts for a subject, such as a deleted volunteer's: an id used again
   * later names someone else.
   *
   * @param role the role of the keys
   * @param subject the organisation's or volunteer's id
   * @return how many keys were revoked
   */
  public int revokeSubject(Role role, String subject) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(subject, "subject");
    reload();
    int revoked = 0;
    for (StoredKey k : known.values()) {
      if (!k.revoked() && k.role().equals(role.name()) && subject.equals(k.subject()) && revoke(k.id())) {
        revoked++;
      }
    }
    return revoked;
  }

  /** Returns the keys, revoked ones too, in order of id; never their secrets. */
  public List<StoredKey> list() {
    return known.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  /**
   * Returns who holds a key, if it is a known key that is not revoked.
   *
   * @param key the key as the request carried it, or null
   * @return the principal, or empty
   */
  public Optional<Principal> authenticate(@Nullable String key) {
    if (key == null || key.length() > MAX_KEY_LENGTH || !key.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int split = key.indexOf('_', PREFIX.length());
    if (split < 0) {
      return Optional.empty();
    }
    StoredKey k = known.get(key.substring(PREFIX.length(), split));
    String secret = key.substring(split + 1);
    // Hash even for an unknown id, so that the answer takes as long.
    byte[] given = hash(secret).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = (k == null ? "0".repeat(64) : k.hash()).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(given, expected) || k == null || k.revoked()) {
      return Optional.empty();
    }
    return Optional.of(new Principal(k.id(), Role.valueOf(k.role()), k.subject()));
  }

  private static String hash(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
