package io.github.koppel.cli;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * JSON Schemas (draft 2020-12) of the documents the command line writes, generated from the
 * result records as {@code KoppelJson} writes them: a record is an object of its components
 * (absent when empty, so only numbers and flags are required, and nothing else is allowed), a
 * list an array, a map an object, an enumeration its names, a date {@code yyyy-MM-dd}, a
 * localized text an object from language code to text. {@code JsonSchemasTest} keeps the
 * generated files under {@code docs/schemas} current and validates every {@code --json} output
 * against them.
 */
final class JsonSchemas {
  private final Map<String, Object> defs = new TreeMap<>();

  private JsonSchemas() {}

  /**
   * The schema of a document: {@code schemaVersion} 1 first, then the fields of the record.
   *
   * @param id the name of the schema's file, such as {@code ranking.schema.json}
   * @param title what the document is
   * @param type the record
   * @return the schema as JSON text, indented by two, with a final line break
   */
  static String document(String id, String title, Class<?> type) {
    JsonSchemas s = new JsonSchemas();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://github.com/koppel/koppel/blob/main/docs/schemas/" + id);
    root.put("title", title);
    Map<String, Object> body = s.object(type);
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) body.get("properties");
    Map<String, Object> withVersion = new LinkedHashMap<>();
    withVersion.put("schemaVersion", Map.of("const", 1));
    properties.remove("schemaVersion");
    withVersion.putAll(properties);
    root.put("type", "object");
    root.put("properties", withVersion);
    @SuppressWarnings("unchecked")
    List<String> required = ((List<String>) body.getOrDefault("required", List.of())).stream()
        .filter(r -> !r.equals("schemaVersion")).toList();
    root.put("required", concat("schemaVersion", required));
    root.put("additionalProperties", false);
    if (!s.defs.isEmpty()) {
      root.put("$defs", s.defs);
    }
    return write(root, "") + "\n";
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  private Map<String, Object> object(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException("not a record: " + type.getName());
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new java.util.ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      properties.put(c.getName(), schema(c.getGenericType()));
      if (c.getType().isPrimitive()) {
        required.add(c.getName());
      }
    }
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", "object");
    object.put("properties", properties);
    if (!required.isEmpty()) {
      object.put("required", required);
    }
    object.put("additionalProperties", false);
    return object;
  }

  private Object schema(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return Map.of("type", "array", "items", schema(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return Map.of("type", "object", "additionalProperties", schema(args[1]));
      }
      throw new IllegalArgumentException("no schema for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class || c == char.class || c == Character.class) {
      return Map.of("type", "string");
    }
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      return Map.of("type", "integer");
    }
    if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class) {
      return Map.of("type", "number");
    }
    if (c == boolean.class || c == Boolean.class) {
      return Map.of("type", "boolean");
    }
    if (c == LocalDate.class) {
      return Map.of("type", "string", "format", "date", "pattern", "^\\d{4}-\\d{2}-\\d{2}$");
    }
    if (c == LocalTime.class) {
      return Map.of("type", "string", "pattern", "^\\d{2}:\\d{2}$");
    }
    if (c.getName().equals("io.github.koppel.core.model.LocalizedText")) {
      return Map.of("type", "object", "additionalProperties", Map.of("type", "string"));
    }
    if (c.isEnum()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("type", "string");
      e.put("enum", java.util.Arrays.stream(c.getEnumConstants()).map(k -> ((Enum<?>) k).name()).toList());
      return e;
    }
    if (c.isRecord()) {
      String name = defName(c);
      if (!defs.containsKey(name)) {
        defs.put(name, Map.of());
        defs.put(name, object(c));
      }
      return Map.of("$ref", "#/$defs/" + name);
    }
    throw new IllegalArgumentException("no schema for " + c.getName());
  }

  /** A record's name in {@code $defs}: its simple name, with the enclosing type's for a nested one. */
  private static String defName(Class<?> c) {
    return c.getEnclosingClass() == null ? c.getSimpleName() : defName(c.getEnclosingClass()) + "." + c.getSimpleName();
  }

  /** Writes a value of maps, lists, strings, numbers and booleans as indented JSON, keys in order. */
  private static String write(Object value, String indent) {
    if (value instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return "{ }";
      }
      String inner = indent + "  ";
      Map<?, ?> ordered = m instanceof LinkedHashMap || m instanceof TreeMap ? m : new TreeMap<>(m);
      return ordered.entrySet().stream()
          .map(e -> inner + quote(e.getKey().toString()) + " : " + write(e.getValue(), inner))
          .collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
    }
    if (value instanceof List<?> l) {
      if (l.isEmpty()) {
        return "[ ]";
      }
      String inner = indent + "  ";
      return l.stream().map(v -> inner + write(v, inner)).collect(Collectors.joining(",\n", "[\n", "\n" + indent + "]"));
    }
    if (value instanceof String s) {
      return quote(s);
    }
    return Objects.toString(value);
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(ch);
      }
    }
    return out.append('"').toString();
  }
}
