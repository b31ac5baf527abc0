package io.github.koppel.matching.criteria;

import io.github.koppel.core.InvalidDataException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of a criterion, as read from a match policy: numbers, booleans and strings by
 * name. A criterion factory reads each parameter it knows with a default and a range; the registry
 * then rejects any parameter nobody read, so a typo never passes silently.
 *
 * <p>Errors are {@link InvalidDataException}s naming the parameter's path, its value and the
 * source. Instances are immutable apart from the record of which names were read, which is used
 * only while a criterion is created; do not share an instance between threads.
 *
 * @since 0.2
 */
public final class Parameters {
  private final Map<String, Object> values;
  private final String source;
  private final String path;
  private final Set<String> read = new HashSet<>();

  private Parameters(Map<String, Object> values, String source, String path) {
    this.values = values;
    this.source = source;
    this.path = path;
  }

  /**
   * Returns parameters held in memory.
   *
   * @param values the values: {@link Number}, {@link Boolean} or {@link String}
   * @return the parameters
   * @throws IllegalArgumentException if a value has another type
   */
  public static Parameters of(Map<String, ?> values) {
    return of(values, "<memory>", "$.parameters");
  }

  /**
   * Returns parameters read from a source, for messages that say where a bad value was read.
   *
   * @param values the values: {@link Number}, {@link Boolean} or {@link String}
   * @param source where they were read
   * @param path the JSON path of the parameters object
   * @return the parameters
   * @throws InvalidDataException if a value has another type
   */
  public static Parameters of(Map<String, ?> values, String source, String path) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      Object value = Objects.requireNonNull(e.getValue(), () -> "parameter " + e.getKey());
      if (!(value instanceof Number || value instanceof Boolean || value instanceof String)) {
        throw new InvalidDataException(
            source, path + "." + e.getKey(), String.valueOf(value), -1, -1,
            "a parameter must be a number, a boolean or a string", null);
      }
      copy.put(e.getKey(), value instanceof Number n ? n.doubleValue() : value);
    }
    return new Parameters(Collections.unmodifiableMap(copy), source, path);
  }

  /**
   * Returns the parameters as given.
   *
   * @return the values by name, numbers as {@link Double}
   */
  public Map<String, Object> values() {
    return values;
  }

  /**
   * Reads a number.
   *
   * @param name the name
   * @param defaultValue the value when it is absent
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return the value
   * @throws InvalidDataException if it is not a finite number in [min, max]
   */
  public double number(String name, double defaultValue, double min, double max) {
    read.add(name);
    Object value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Double d) || !Double.isFinite(d) || d < min || d > max) {
      throw error(name, value, "must be a number in [" + min + ", " + max + "]");
    }
    return d;
  }

  /**
   * Reads a boolean.
   *
   * @param name the name
   * @param defaultValue the value when it is absent
   * @return the value
   * @throws InvalidDataException if it is not a boolean
   */
  public boolean flag(String name, boolean defaultValue) {
    read.add(name);
    Object value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean b)) {
      throw error(name, value, "must be true or false");
    }
    return b;
  }

  /**
   * Reads a string from a set of choices.
   *
   * @param name the name
   * @param defaultValue the value when it is absent
   * @param choices the allowed values
   * @return the value
   * @throws InvalidDataException if it is not one of the choices
   */
  public String choice(String name, String defaultValue, Set<String> choices) {
    read.add(name);
    Object value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String s) || !choices.contains(s)) {
      throw error(name, value, "must be one of " + new TreeSet<>(choices));
    }
    return s;
  }

  /**
   * Fails if a parameter was given that no read asked for.
   *
   * @param type the criterion type, for the message
   * @throws InvalidDataException naming the first unknown parameter and the known ones
   */
  public void requireAllRead(String type) {
    for (String name : values.keySet()) {
      if (!read.contains(name)) {
        throw error(
            name,
            values.get(name),
            "is not a parameter of criterion " + type + "; known parameters: " + new TreeSet<>(read));
      }
    }
  }

  /**
   * Returns the exception for a parameter that is invalid in combination with others, naming it,
   * its value and where it was read.
   *
   * @param name the parameter
   * @param problem what is wrong
   * @return the exception, to throw
   */
  public InvalidDataException invalid(String name, String problem) {
    return new InvalidDataException(
        source, path + "." + name, String.valueOf(values.get(name)), -1, -1, problem, null);
  }

  private InvalidDataException error(String name, Object value, String problem) {
    return new InvalidDataException(
        source, path + "." + name, String.valueOf(value), -1, -1,
        "parameter " + name + " " + problem, null);
  }

  @Override
  public String toString() {
    return "Parameters" + values;
  }
}
