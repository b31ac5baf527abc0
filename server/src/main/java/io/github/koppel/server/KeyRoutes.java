package io.github.koppel.server;

import static io.github.koppel.server.Exchange.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.server.access.AccessKeys;
import io.github.koppel.server.access.Principal;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.StoredKey;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The keys over HTTP, for the municipality only: list them (never a secret or its hash), issue one (its secret shown in that answer only) and revoke one for good.
 */
final class KeyRoutes {
  private final AccessKeys keys;
  private final Engines engines;
  private final Exchange exchange;

  KeyRoutes(AccessKeys keys, Engines engines, Exchange exchange) {
    this.keys = keys;
    this.engines = engines;
    this.exchange = exchange;
  }


  /** The keys, without their secrets (which are not kept): the municipality only. */
  void listKeys(Context ctx) {
    municipalityForKeys(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    for (StoredKey k : keys.list()) {
      out.add(keyView(k.id(), k.role(), k.subject(), k.label(), k.revoked()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("keys", out);
    exchange.write(ctx, 200, body);
  }

  /** Issues a key {@code {"role": ..., "subject": ..., "label": ...}}; its secret is shown once. */
  void issueKey(Context ctx) {
    municipalityForKeys(ctx);
    JsonNode body = exchange.optionalTree(ctx);
    if (body == null) {
      throw Problem.badParameter("role", "", "the body must be {\"role\": ..., \"subject\": ..., \"label\": ...}");
    }
    fieldsOnly(body, "request body", Set.of("role", "subject", "label"));
    String roleText = body.path("role").asText("");
    Role role;
    try {
      role = Role.valueOf(roleText.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("role", roleText, "role must be municipality, counsellor, organisation or volunteer");
    }
    JsonNode subjectNode = body.path("subject");
    String subject = subjectNode.isMissingNode() || subjectNode.isNull() ? null : subjectNode.asText();
    if (role.needsSubject() && subject == null) {
      throw Problem.badParameter("subject", "", "a key of the role " + roleName(role) + " needs the subject it acts for");
    }
    if (!role.needsSubject() && subject != null) {
      throw Problem.badParameter("subject", subject, "a key of the role " + roleName(role) + " has no subject");
    }
    Dataset d = engines.current().engine().dataset();
    if (role == Role.ORGANISATION && d.organisation(subject) == null) {
      throw Problem.badParameter("subject", subject, "no organisation has the id " + InvalidDataException.printable(subject));
    }
    if (role == Role.VOLUNTEER && d.volunteer(subject) == null) {
      throw Problem.badParameter("subject", subject, "no volunteer has the id " + InvalidDataException.printable(subject));
    }
    String label = body.path("label").asText("");
    AccessKeys.Issued issued;
    try {
      issued = keys.issue(role, subject, label);
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("label", label, e.getMessage());
    }
    Map<String, Object> out = keyView(issued.id(), role.name(), subject, label, false);
    out.put("key", issued.key());
    ctx.header("Cache-Control", "no-store");
    exchange.write(ctx, 201, out);
  }

  void revokeKey(Context ctx) {
    Principal p = municipalityForKeys(ctx);
    String id = ctx.pathParam("id");
    if (id.equals(p.keyId())) {
      throw Problem.of(409, "conflict", "Conflict", "a key cannot revoke itself: revoke it with another municipality key");
    }
    // A key another server issued may not have been followed yet.
    keys.reload();
    boolean known = keys.list().stream().anyMatch(k -> k.id().equals(id));
    if (!known) {
      throw new NoSuchElementException("no key has the id " + id);
    }
    boolean revoked = keys.revoke(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("revoked", true);
    out.put("alreadyRevoked", !revoked);
    exchange.write(ctx, 200, out);
  }

  private static Principal municipalityForKeys(Context ctx) {
    Principal p = principal(ctx);
    if (p.role() != Role.MUNICIPALITY) {
      throw forbidden("only the municipality manages keys");
    }
    return p;
  }

  private static Map<String, Object> keyView(String id, String role, @Nullable String subject, String label, boolean revoked) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("role", role.toLowerCase(java.util.Locale.ROOT));
    m.put("subject", subject);
    m.put("label", label);
    m.put("revoked", revoked);
    return m;
  }

}
