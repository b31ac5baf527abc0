package io.github.koppel.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.Ranking;
import io.github.koppel.server.access.Principal;
import io.github.koppel.server.access.Role;
import io.github.koppel.server.store.Change;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What every handler of the server shares: who is asking and in which audience, reading a request
 * (its parameters and its body, bounded and checked) and writing an answer or a problem document.
 * Thread-safe.
 */
final class Exchange {
  private final KoppelJson json;
  private final ObjectMapper problems = new ObjectMapper();

  Exchange(KoppelJson json) {
    this.json = json;
  }

  static Principal principal(Context ctx) {
    Principal p = ctx.attribute(KoppelServer.PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("a request reached a handler without a principal");
    }
    return p;
  }

  static Problem forbidden(String detail) {
    return Problem.of(403, "forbidden", "Forbidden", detail);
  }

  /** The audience of a role: the server sets it, the client cannot raise it. */
  static Audience audience(Role role) {
    return switch (role) {
      case MUNICIPALITY, COUNSELLOR -> Audience.COUNSELLOR;
      case ORGANISATION -> Audience.ORGANISATION;
      case VOLUNTEER -> Audience.VOLUNTEER;
    };
  }

  /** A role as a sentence names it: {@code organisation}. */
  static String roleName(Role role) {
    return role.name().toLowerCase(java.util.Locale.ROOT);
  }

  void record(Context ctx, Object value, long version) {
    ctx.header("Koppel-Data-Version", Long.toString(version));
    ctx.status(200).contentType("application/json").result(json.toJsonDocument(value));
  }


  static int k(Context ctx) {
    return wholeParameter(ctx, "k", 10, KoppelServer.MAX_K);
  }

  /** A whole-number query parameter in [0, max], or its default when absent; else a 400 naming it. */
  private static int wholeParameter(Context ctx, String name, int defaultValue, int max) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return defaultValue;
    }
    int n;
    try {
      n = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw Problem.badParameter(name, value, name + " must be a whole number in [0, " + max + "]");
    }
    if (n < 0 || n > max) {
      throw Problem.badParameter(name, value, name + " must be in [0, " + max + "]: " + n);
    }
    return n;
  }

  /** The alert threshold of a request: {@code threshold} in [0, 1], 0.5 by default. */
  static double threshold(Context ctx) {
    String value = ctx.queryParam("threshold");
    if (value == null) {
      return 0.5;
    }
    double t;
    try {
      t = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw Problem.badParameter("threshold", value, "threshold must be a number in [0, 1]");
    }
    if (!(t >= 0 && t <= 1)) {
      throw Problem.badParameter("threshold", value, "threshold must be in [0, 1]: " + value.strip());
    }
    return t;
  }

  /** How many alerts a request asks for: {@code limit} in [0, 10000], 100 by default. */
  static int limit(Context ctx) {
    return wholeParameter(ctx, "limit", 100, MatchEngine.MAX_ALERTS);
  }

  <T> T body(Context ctx, Class<T> type) {
    if (!mediaType(ctx).equals("application/json")) {
      throw unsupported(ctx.contentType(), "application/json");
    }
    String text = utf8(bytes(ctx, KoppelServer.MAX_BODY_BYTES));
    try {
      return json.fromJson(text, type);
    } catch (InvalidDataException e) {
      throw e.relocate("request body", "$");
    }
  }

  /** Decodes a JSON body, which is UTF-8 (RFC 8259): other bytes are refused, never replaced. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw Problem.of(400, "invalid-data", "Invalid data", "the request body is not UTF-8, as JSON must be");
    }
  }

  /** An optional JSON object body: null when there is none. */
  @Nullable JsonNode optionalTree(Context ctx) {
    byte[] bytes = bytes(ctx, KoppelServer.MAX_BODY_BYTES);
    if (bytes.length == 0) {
      return null;
    }
    if (!mediaType(ctx).equals("application/json")) {
      throw unsupported(ctx.contentType(), "application/json");
    }
    JsonNode node;
    try {
      node = problems.readTree(utf8(bytes));
    } catch (java.io.IOException e) {
      throw Problem.of(400, "invalid-data", "Invalid data", "the request body is not JSON: "
          + InvalidDataException.printable(firstLine(e.getMessage())));
    } catch (RuntimeException e) {
      // Jackson's own limits (nesting, sizes) end here.
      throw Problem.of(400, "invalid-data", "Invalid data", "the request body is not a JSON document Koppel reads");
    }
    if (node == null || node.isMissingNode()) {
      return null;
    }
    if (!node.isObject()) {
      throw Problem.of(400, "invalid-data", "Invalid data", "the request body must be a JSON object");
    }
    return node;
  }

  static String firstLine(@Nullable String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** Refuses a field the body should not have, naming it. */
  static void fieldsOnly(JsonNode body, String where, Set<String> known) {
    for (java.util.Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw Problem.badParameter(name, "", where + " has an unknown field " + InvalidDataException.printable(name)
            + "; it takes " + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  /** The media type of the body, lower case, without its parameters; empty when there is none. */
  static String mediaType(Context ctx) {
    String contentType = ctx.contentType();
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
  }

  static Problem unsupported(@Nullable String contentType, String expected) {
    return Problem.of(415, "unsupported-media-type", "Unsupported media type",
        "the body must be " + expected + ", not " + (contentType == null ? "none" : InvalidDataException.printable(contentType)));
  }

  static Problem tooLarge(long limit) {
    return Problem.of(413, "too-large", "Request body too large",
        "the body is larger than the limit of " + (limit >> 20) + " MiB");
  }

  /** Reads the body, at most {@code limit} bytes: beyond, a 413 ({@link #tooLarge(java.io.InputStream, long)}). */
  static byte[] bytes(Context ctx, long limit) {
    try (java.io.InputStream in = ctx.req().getInputStream()) {
      long declared = ctx.req().getContentLengthLong();
      if (declared > limit) {
        throw tooLarge(in, limit);
      }
      byte[] bytes = in.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        throw tooLarge(in, limit);
      }
      return bytes;
    } catch (java.io.IOException e) {
      throw Problem.of(400, "invalid-data", "Invalid data", "the request body could not be read: " + e.getMessage());
    }
  }

  /**
   * Reads and drops what is left of a request body, up to {@link #MAX_DRAINED_BYTES}, before an
   * error is answered: a request refused before its body was read (a 403 for a large upload)
   * would otherwise have its connection closed under a client still sending, which then sees no
   * answer at all ("header parser received no bytes", a broken pipe).
   */
  static void drain(Context ctx) {
    if (ctx.req().getContentLengthLong() == 0) {
      return;
    }
    try {
      java.io.InputStream in = ctx.req().getInputStream();
      long left = MAX_DRAINED_BYTES;
      byte[] sink = new byte[1 << 16];
      for (int n = in.read(sink); n > 0 && left > 0; n = in.read(sink)) {
        left -= n;
      }
    } catch (java.io.IOException | IllegalStateException e) {
      // Already read, closed or cut off: nothing left to drain.
    }
  }

  /** The most of a refused body read and dropped, so that a client still sending gets the 413. */
  static final long MAX_DRAINED_BYTES = 64L << 20;

  /**
   * A 413 for a body over its limit. Up to {@link #MAX_DRAINED_BYTES} of it is read and dropped
   * first: a client that sends its whole body before reading the answer (most do) then gets the
   * 413 instead of a reset connection; beyond that the connection is closed.
   */
  private static Problem tooLarge(java.io.InputStream in, long limit) throws java.io.IOException {
    long left = MAX_DRAINED_BYTES;
    byte[] sink = new byte[1 << 16];
    for (int n = in.read(sink); n > 0 && left > 0; n = in.read(sink)) {
      left -= n;
    }
    return tooLarge(limit);
  }

  /** Answers with a ranking, or a document holding one, of a version of the data. */
  void ranked(Context ctx, Object ranking, long version) {
    ctx.header("Koppel-Data-Version", Long.toString(version));
    ctx.status(200).contentType("application/json").result(json.toJsonDocument(ranking));
  }

  void changed(Context ctx, int status, Change change) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", change.kind().name().toLowerCase(java.util.Locale.ROOT));
    body.put("id", change.id());
    body.put("deleted", change.deleted());
    body.put("dataVersion", change.seq());
    ctx.header("Koppel-Data-Version", Long.toString(change.seq()));
    write(ctx, status, body);
  }

  void write(Context ctx, int status, Map<String, Object> body) {
    try {
      ctx.status(status).contentType("application/json").result(problems.writeValueAsString(body) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response", e);
    }
  }

  void problem(Context ctx, Problem p) {
    drain(ctx);
    try {
      ctx.status(p.status()).contentType("application/problem+json")
          .result(problems.writeValueAsString(p.document(ctx.path())) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem document", e);
    }
  }
}
