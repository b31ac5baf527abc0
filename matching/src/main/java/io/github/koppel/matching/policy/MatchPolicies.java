package io.github.koppel.matching.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Participation;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.fairness.FairTopK;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@link MatchPolicy} files, and holds the bundled default policy.
 *
 * <p>A policy file is a JSON object:
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "name": "ghent-2027",
 *   "version": "2027.1",
 *   "description": {"nl": "…", "en": "…", "fr": "…"},
 *   "aggregation": "WEIGHTED_MEAN",
 *   "minimumScore": 0.3,
 *   "tieBreak": "ID",
 *   "seed": 0,
 *   "nearMisses": 5,
 *   "proposalsPerMonth": 4,
 *   "criteria": [
 *     {"type": "language", "mode": "HARD", "weight": 3},
 *     {"type": "distance", "weight": 2, "parameters": {"shape": "linear", "scale": 8}}
 *   ]
 * }
 * }</pre>
 *
 * <p>Only {@code schemaVersion}, {@code name} and {@code criteria} are required; a criterion needs
 * only its {@code type} ({@code name} defaults to the type, {@code mode} to {@code SOFT}, {@code
 * weight} to 1, {@code minimum} to 0). Reading is strict and all-or-nothing: an unknown field, a
 * wrong type, a duplicate key, an unknown criterion type or parameter, a negative or non-finite
 * weight fails with an {@link InvalidDataException} that names the JSON path, the value and the
 * source.
 *
 * <p>This class is thread-safe.
 *
 * @since 0.2
 */
public final class MatchPolicies {
  /** The schema version of policy files this release reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  private static final String DEFAULT_RESOURCE = "policies/inclusive-default.json";
  private static final String WISHES_RESOURCE = "policies/volunteer-wishes.json";
  private static final Set<String> POLICY_FIELDS =
      Set.of("schemaVersion", "name", "version", "description", "aggregation", "minimumScore",
          "tieBreak", "seed", "nearMisses", "criteria", "fairness", "proposalsPerMonth");
  private static final Set<String> FAIRNESS_FIELDS = Set.of("targetGroup", "proportion", "alpha", "rule");
  private static final Set<String> CRITERION_FIELDS =
      Set.of("name", "type", "mode", "weight", "minimum", "parameters");
  private static final ObjectMapper MAPPER = mapper();
  private static volatile @Nullable MatchPolicy inclusiveDefault;
  private static volatile @Nullable MatchPolicy volunteerWishes;

  private MatchPolicies() {}

  private static ObjectMapper mapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(100_000)
                    .maxNumberLength(100)
                    .build())
            .build();
    ObjectMapper mapper = new ObjectMapper(factory);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.enable(SerializationFeature.INDENT_OUTPUT);
    return mapper;
  }

  /** The names of the bundled policies, as {@link #named} takes them. */
  public static final List<String> BUNDLED_NAMES = List.of("inclusive-default", "volunteer-wishes");

  /**
   * Returns a bundled policy by its name: {@code inclusive-default} ({@link #inclusiveDefault()})
   * or {@code volunteer-wishes} ({@link #volunteerWishes()}).
   *
   * @param name the name
   * @return the policy, or empty if no bundled policy has that name
   * @since 0.2
   */
  public static Optional<MatchPolicy> named(String name) {
    Objects.requireNonNull(name, "name");
    return switch (name) {
      case "inclusive-default" -> Optional.of(inclusiveDefault());
      case "volunteer-wishes" -> Optional.of(volunteerWishes());
      default -> Optional.empty();
    };
  }

  /**
   * Returns the bundled inclusive default policy ({@code inclusive-default}): legal gates, language
   * and ability as gates with a veto only for large gaps, talents, availability and distance
   * weighted most, the chance to practise Dutch, interests, support needs, preferences and
   * inclusion commitments as preferences, and a minimum score of 0.3.
   *
   * @return the policy
   */
  public static MatchPolicy inclusiveDefault() {
    MatchPolicy policy = inclusiveDefault;
    if (policy == null) {
      policy = bundled(DEFAULT_RESOURCE);
      inclusiveDefault = policy;
    }
    return policy;
  }

  /**
   * Returns the bundled policy of a volunteer's wishes ({@code volunteer-wishes}): how much a
   * volunteer wants a vacancy, from their interests, their preferences (regularity, alone or in a
   * group, remote), the distance, the chance to practise Dutch and to use or learn talents. It has
   * no gates and a minimum score of 0; allocation uses it to order volunteers' preferences.
   *
   * @return the policy
   * @since 0.2
   */
  public static MatchPolicy volunteerWishes() {
    MatchPolicy policy = volunteerWishes;
    if (policy == null) {
      policy = bundled(WISHES_RESOURCE);
      volunteerWishes = policy;
    }
    return policy;
  }

  private static MatchPolicy bundled(String resource) {
    try (InputStream in = MatchPolicies.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return read(in, resource, CriterionRegistry.builtIn());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }


  /**
   * Reads a policy file with the built-in criteria.
   *
   * @param file the file
   * @return the policy
   * @throws InvalidDataException if the file is not a valid policy
   * @throws UncheckedIOException if the file cannot be read
   */
  public static MatchPolicy read(Path file) {
    return read(file, CriterionRegistry.builtIn());
  }

  /**
   * Reads a policy file whose criteria may be of the registry's types.
   *
   * @param file the file
   * @param registry the criterion types
   * @return the policy
   * @throws InvalidDataException if the file is not a valid policy
   * @throws UncheckedIOException if the file cannot be read
   */
  public static MatchPolicy read(Path file, CriterionRegistry registry) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), registry);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no such policy file: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a policy from a stream, which is not closed.
   *
   * @param in the stream of UTF-8 JSON
   * @param source where it comes from, for messages
   * @param registry the criterion types
   * @return the policy
   * @throws InvalidDataException if it is not a valid policy
   */
  public static MatchPolicy read(InputStream in, String source, CriterionRegistry registry) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(registry, "registry");
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InvalidDataException(
          source, "$", null, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(),
          "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (NumberFormatException e) {
      // Jackson's BigDecimal parser throws this, unwrapped, for an exponent beyond an int.
      throw new InvalidDataException(
          source, "$", null, -1, -1, "malformed JSON: a number is out of range: " + e.getMessage(), e);
    } catch (CharConversionException e) {
      throw new InvalidDataException(
          source, "$", null, -1, -1, "malformed JSON: the bytes are not valid Unicode text: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy " + source, e);
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidDataException(source, "$", null, -1, -1, "the policy is empty", null);
    }
    MatchPolicy policy = new Reader(source).policy(root);
    try {
      policy.createCriteria(registry);
    } catch (InvalidDataException e) {
      throw e.relocate(source, "$");
    }
    return policy;
  }

  /**
   * Reads a policy from JSON text with the built-in criteria.
   *
   * @param json the JSON text
   * @return the policy
   * @throws InvalidDataException if it is not a valid policy
   */
  public static MatchPolicy fromJson(String json) {
    Objects.requireNonNull(json, "json");
    return read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "<memory>",
        CriterionRegistry.builtIn());
  }

  /**
   * Writes a policy as JSON, in the format {@link #read} reads.
   *
   * @param policy the policy
   * @return the JSON text, indented
   */
  public static String toJson(MatchPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("name", policy.name());
    root.put("version", policy.version());
    if (policy.description() != null) {
      ObjectNode description = root.putObject("description");
      policy.description().texts().forEach(description::put);
    }
    root.put("aggregation", policy.aggregation().name());
    root.put("minimumScore", policy.minimumScore());
    root.put("tieBreak", policy.tieBreak().name());
    root.put("seed", policy.seed());
    root.put("nearMisses", policy.nearMisses());
    if (policy.proposalsPerMonth() != null) {
      root.put("proposalsPerMonth", policy.proposalsPerMonth());
    }
    FairnessTarget fairness = policy.fairness();
    if (fairness != null) {
      ObjectNode node = root.putObject("fairness");
      node.put("targetGroup", fairness.targetGroup());
      node.put("proportion", fairness.proportion());
      node.put("alpha", fairness.alpha());
      if (fairness.rule() != FairTopK.Rule.AT_MOST_ALPHA) {
        node.put("rule", fairness.rule().name());
      }
    }
    ArrayNode criteria = root.putArray("criteria");
    for (CriterionSpec c : policy.criteria()) {
      ObjectNode node = criteria.addObject();
      node.put("name", c.name());
      node.put("type", c.type());
      node.put("mode", c.mode().name());
      node.put("weight", c.weight());
      node.put("minimum", c.minimum());
      ObjectNode parameters = node.putObject("parameters");
      c.parameters()
          .forEach(
              (key, value) -> {
                if (value instanceof Double d) {
                  parameters.put(key, d);
                } else if (value instanceof Boolean b) {
                  parameters.put(key, b);
                } else {
                  parameters.put(key, (String) value);
                }
              });
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write policy " + policy.name(), e);
    }
  }

  /** Walks a policy tree, failing with the path of the first bad value. */
  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    MatchPolicy policy(JsonNode root) {
      object(root, "$", POLICY_FIELDS);
      JsonNode version = required(root, "$", "schemaVersion");
      if (!version.isIntegralNumber() || version.asInt() != SCHEMA_VERSION) {
        throw error("$.schemaVersion", version, "schemaVersion must be " + SCHEMA_VERSION);
      }
      String name = printable(text(required(root, "$", "name"), "$.name"), "$.name");
      String policyVersion =
          root.has("version") ? printable(text(root.get("version"), "$.version"), "$.version") : "1";
      LocalizedText description =
          root.has("description") ? localized(root.get("description"), "$.description") : null;
      Aggregation aggregation =
          root.has("aggregation")
              ? constant(root.get("aggregation"), "$.aggregation", Aggregation.class)
              : Aggregation.WEIGHTED_MEAN;
      double minimumScore =
          root.has("minimumScore") ? number(root.get("minimumScore"), "$.minimumScore", 0, 1) : 0;
      TieBreak tieBreak =
          root.has("tieBreak")
              ? constant(root.get("tieBreak"), "$.tieBreak", TieBreak.class)
              : TieBreak.ID;
      long seed = root.has("seed") ? integer(root.get("seed"), "$.seed", Long.MIN_VALUE, Long.MAX_VALUE) : 0;
      int nearMisses =
          root.has("nearMisses")
              ? (int) integer(root.get("nearMisses"), "$.nearMisses", 0, MatchPolicy.MAX_NEAR_MISSES)
              : 5;
      JsonNode criteriaNode = required(root, "$", "criteria");
      if (!criteriaNode.isArray() || criteriaNode.isEmpty()) {
        throw error("$.criteria", criteriaNode, "criteria must be a non-empty array of criteria");
      }
      List<CriterionSpec> criteria = new ArrayList<>();
      Set<String> names = new TreeSet<>();
      boolean weighted = false;
      for (int i = 0; i < criteriaNode.size(); i++) {
        String at = "$.criteria[" + i + "]";
        CriterionSpec spec = criterion(criteriaNode.get(i), at);
        if (!names.add(spec.name())) {
          throw error(at + ".name", new TextNode(spec.name()),
              "criterion name occurs twice; give one of them a distinct \"name\"");
        }
        weighted |= spec.weight() > 0;
        criteria.add(spec);
      }
      if (!weighted) {
        throw error("$.criteria", criteriaNode, "at least one criterion must have a weight > 0");
      }
      FairnessTarget fairness = root.has("fairness") ? fairness(root.get("fairness")) : null;
      Integer proposalsPerMonth =
          root.has("proposalsPerMonth")
              ? (int) integer(root.get("proposalsPerMonth"), "$.proposalsPerMonth", 0, Participation.MAX_PROPOSALS_PER_MONTH)
              : null;
      return new MatchPolicy(
          name, policyVersion, description, aggregation, minimumScore, tieBreak, seed, nearMisses,
          criteria, fairness, proposalsPerMonth);
    }

    private FairnessTarget fairness(JsonNode node) {
      String at = "$.fairness";
      object(node, at, FAIRNESS_FIELDS);
      String group = text(required(node, at, "targetGroup"), at + ".targetGroup");
      double proportion = number(required(node, at, "proportion"), at + ".proportion", 0, 1);
      double alpha = number(required(node, at, "alpha"), at + ".alpha", 0, 1);
      if (proportion <= 0 || proportion >= 1) {
        throw error(at + ".proportion", node.get("proportion"), "must be a number in (0, 1)");
      }
      if (alpha <= 0 || alpha >= 1) {
        throw error(at + ".alpha", node.get("alpha"), "must be a number in (0, 1)");
      }
      FairTopK.Rule rule =
          node.has("rule")
              ? constant(node.get("rule"), at + ".rule", FairTopK.Rule.class)
              : FairTopK.Rule.AT_MOST_ALPHA;
      return new FairnessTarget(group, proportion, alpha, rule);
    }

    private CriterionSpec criterion(JsonNode node, String at) {
      object(node, at, CRITERION_FIELDS);
      String type = text(required(node, at, "type"), at + ".type");
      String name = node.has("name") ? text(node.get("name"), at + ".name") : type;
      if (!CriterionSpec.NAME.matcher(name).matches()) {
        throw error(
            at + (node.has("name") ? ".name" : ".type"),
            node.has("name") ? node.get("name") : node.get("type"),
            "a criterion name must start with a lower-case letter and hold letters, digits, _ or -");
      }
      CriterionSpec.Mode mode =
          node.has("mode")
              ? constant(node.get("mode"), at + ".mode", CriterionSpec.Mode.class)
              : CriterionSpec.Mode.SOFT;
      double weight = node.has("weight") ? number(node.get("weight"), at + ".weight", 0, 1e6) : 1;
      double minimum = node.has("minimum") ? number(node.get("minimum"), at + ".minimum", 0, 1) : 0;
      Map<String, Object> parameters = new LinkedHashMap<>();
      if (node.has("parameters")) {
        JsonNode p = node.get("parameters");
        if (!p.isObject()) {
          throw error(at + ".parameters", p, "parameters must be an object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = p.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> f = fields.next();
          JsonNode v = f.getValue();
          String path = at + ".parameters." + f.getKey();
          if (v.isNumber()) {
            double d = v.asDouble();
            if (!Double.isFinite(d)) {
              throw error(path, v, "a parameter must be a finite number");
            }
            parameters.put(f.getKey(), d);
          } else if (v.isBoolean()) {
            parameters.put(f.getKey(), v.asBoolean());
          } else if (v.isTextual()) {
            parameters.put(f.getKey(), v.asText());
          } else {
            throw error(path, v, "a parameter must be a number, a boolean or a string");
          }
        }
      }
      return new CriterionSpec(name, type, mode, weight, minimum, parameters);
    }

    private void object(JsonNode node, String at, Set<String> fields) {
      if (!node.isObject()) {
        throw error(at, node, "expected an object");
      }
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String field = names.next();
        if (!fields.contains(field)) {
          throw error(
              at + "." + field, node.get(field),
              "unknown field \"" + field + "\"; known fields: " + new TreeSet<>(fields));
        }
      }
    }

    private JsonNode required(JsonNode node, String at, String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        throw new InvalidDataException(source, at + "." + field, null, -1, -1, "missing required field \"" + field + "\"", null);
      }
      return value;
    }

    private String text(JsonNode node, String at) {
      if (!node.isTextual() || node.asText().isBlank()) {
        throw error(at, node, "expected a non-blank string");
      }
      return node.asText();
    }

    private double number(JsonNode node, String at, double min, double max) {
      if (!node.isNumber()) {
        throw error(at, node, "expected a number in [" + min + ", " + max + "]");
      }
      double d = node.asDouble();
      if (!Double.isFinite(d) || d < min || d > max) {
        throw error(at, node, "must be a number in [" + min + ", " + max + "]");
      }
      return d;
    }

    private long integer(JsonNode node, String at, long min, long max) {
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        throw error(at, node, "expected a whole number");
      }
      long l = node.asLong();
      if (l < min || l > max) {
        throw error(at, node, "must be a whole number in [" + min + ", " + max + "]");
      }
      return l;
    }

    private <E extends Enum<E>> E constant(JsonNode node, String at, Class<E> type) {
      if (node.isTextual()) {
        for (E e : type.getEnumConstants()) {
          if (e.name().equals(node.asText())) {
            return e;
          }
        }
      }
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        names.add(e.name());
      }
      throw error(at, node, "must be one of " + names);
    }

    private LocalizedText localized(JsonNode node, String at) {
      if (!node.isObject() || node.isEmpty()) {
        throw error(at, node, "expected an object of texts by language, such as {\"nl\": \"…\"}");
      }
      Map<String, String> texts = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        texts.put(f.getKey(), text(f.getValue(), at + "." + f.getKey()));
      }
      try {
        return new LocalizedText(texts);
      } catch (IllegalArgumentException e) {
        throw new InvalidDataException(source, at, node.toString(), -1, -1, e.getMessage(), e);
      }
    }

    private String printable(String value, String at) {
      try {
        MatchPolicy.checkPrintable(value, at.substring(2));
        return value;
      } catch (IllegalArgumentException e) {
        throw error(at, new TextNode(value), e.getMessage());
      }
    }

    private InvalidDataException error(String at, JsonNode value, String problem) {
      String text = value.isTextual() ? value.asText() : value.toString();
      if (text.length() > 80) {
        text = text.substring(0, 77) + "...";
      }
      return new InvalidDataException(source, at, text, -1, -1, problem, null);
    }
  }
}
