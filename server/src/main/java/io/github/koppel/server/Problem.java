package io.github.koppel.server;

import io.github.koppel.core.InvalidDataException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem document, thrown by a handler and written by the server as {@code
 * application/problem+json}: {@code type}, {@code title}, {@code status}, {@code detail} and
 * members of Koppel's own (for bad data: {@code source}, {@code path}, {@code value}, {@code
 * line}, {@code column}, {@code suggestions}, as the library's {@link InvalidDataException} says
 * them, a sensitive value withheld).
 */
final class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Where the problem types are described; each type is this plus its name. */
  static final String TYPES = "https://github.com/koppel/koppel/blob/main/docs/server.md#problem-";

  private final int status;
  private final String type;
  private final String title;
  private final transient Map<String, Object> members;

  private Problem(int status, String type, String title, String detail, Map<String, Object> members) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.members = members;
  }

  /** A problem without members of its own. */
  static Problem of(int status, String type, String title, String detail) {
    return new Problem(status, type, title, detail, Map.of());
  }

  /** A bad request parameter: names the parameter and its value. */
  static Problem badParameter(String parameter, String value, String detail) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("parameter", parameter);
    // The value as sent, cut to 200 characters; JSON escapes what needs escaping.
    members.put("value", value.length() > 200 ? value.substring(0, 200) + "…" : value);
    return new Problem(400, "bad-parameter", "A request parameter is not valid", detail, members);
  }

  /** Bad data in a request body, as the library reports it. */
  static Problem invalidData(InvalidDataException e) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("source", e.source());
    members.put("path", e.path());
    if (e.value() != null && !e.isSensitive()) {
      members.put("value", e.value());
    }
    if (e.line() > 0) {
      members.put("line", e.line());
    }
    if (e.column() > 0) {
      members.put("column", e.column());
    }
    if (!e.suggestions().isEmpty()) {
      members.put("suggestions", e.suggestions());
    }
    return new Problem(400, "invalid-data", "The data is not valid", e.getMessage(), members);
  }

  int status() {
    return status;
  }

  /** Returns the document, its members in a fixed order. */
  Map<String, Object> document(String instance) {
    Objects.requireNonNull(instance, "instance");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", TYPES + type);
    d.put("title", title);
    d.put("status", status);
    d.put("detail", getMessage());
    d.put("instance", instance);
    d.putAll(members);
    return d;
  }
}
