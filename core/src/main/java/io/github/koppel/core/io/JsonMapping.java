package io.github.koppel.core.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.geo.Gazetteer;
import io.github.koppel.core.geo.Geocoder;
import io.github.koppel.core.model.Allowance;
import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.InclusionCommitments;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.Preferences;
import java.io.CharConversionException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The one place where Koppel's types meet Jackson: the strict mapper and its error messages. */
final class JsonMapping {
  static final int MAX_NESTING_DEPTH = 64;
  static final int MAX_STRING_LENGTH = 1_000_000;
  static final int MAX_NUMBER_LENGTH = 64;

  private JsonMapping() {}

  /** Returns a new strict mapper for Koppel's records. */
  static ObjectMapper newMapper(JsonFactory factory) {
    factory.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build());
    ObjectMapper mapper =
        JsonMapper.builder(factory)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(MapperFeature.AUTO_DETECT_SETTERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .annotationIntrospector(new RequiredNumbers())
            .addModule(timeModule())
            .addModule(defaultsModule())
            .build();
    for (Class<?> type : List.of(List.class, Set.class, Map.class)) {
      mapper.configOverride(type).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
    }
    // A volunteer's participation is written only when it says more than the default.
    mapper.configOverride(Participation.class)
        .setInclude(
            JsonInclude.Value.construct(
                JsonInclude.Include.CUSTOM, JsonInclude.Include.ALWAYS, DefaultParticipation.class, null));
    // An explicit null for a number is an error; an absent or null flag is false, and an absent
    // number fails as a missing required field (see RequiredNumbers).
    for (Class<?> type : List.of(int.class, long.class, double.class)) {
      mapper.configOverride(type).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
    }
    return mapper;
  }

  /**
   * Makes every numeric primitive of a record (a capacity, a coordinate) a required field, so that
   * a forgotten number fails instead of silently becoming 0. Booleans default to {@code false}.
   */
  private static final class RequiredNumbers extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public @Nullable Boolean hasRequiredMarker(AnnotatedMember m) {
      if (m instanceof AnnotatedParameter p) {
        Class<?> raw = p.getRawType();
        if (raw.isPrimitive() && raw != boolean.class) {
          return Boolean.TRUE;
        }
      }
      return super.hasRequiredMarker(m);
    }
  }

  /** The value filter that leaves out a participation equal to the default. */
  static final class DefaultParticipation {
    @Override
    public boolean equals(@Nullable Object value) {
      return value == null || Participation.DEFAULT.equals(value);
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** Optional parts of a record that have a neutral value: an absent or null one takes it. */
  private static final Map<Class<?>, Object> DEFAULTS =
      Map.of(
          Availability.class, Availability.UNSPECIFIED,
          Preferences.class, Preferences.NONE,
          InclusionCommitments.class, InclusionCommitments.NONE,
          Allowance.class, Allowance.NONE);

  private static SimpleModule defaultsModule() {
    SimpleModule module = new SimpleModule("koppel-defaults");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          private static final long serialVersionUID = 1L;

          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config, BeanDescription desc, JsonDeserializer<?> deserializer) {
            if (desc.getBeanClass() == Location.class) {
              return new LocationDeserializer(deserializer);
            }
            Object neutral = DEFAULTS.get(desc.getBeanClass());
            return neutral == null ? deserializer : new DefaultingDeserializer(deserializer, neutral);
          }
        });
    return module;
  }

  /** The reader attribute that holds the {@link Geocoder} for locations without coordinates. */
  static final String GEOCODER = "koppel.geocoder";

  private static final List<String> LOCATION_FIELDS =
      List.of("latitude", "longitude", "postcode", "municipality", "neighbourhood", "approximate");

  /**
   * A location with coordinates is read as the record it is; one with a postcode or a municipality
   * alone is located by the reader's geocoder, approximately.
   */
  private static final class LocationDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    LocationDeserializer(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new LocationDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartObjectToken()) {
        return super.deserialize(p, ctxt);
      }
      JsonNode node = ctxt.readTree(p);
      if (node.has("latitude") || node.has("longitude")) {
        try (JsonParser sub = node.traverse(p.getCodec())) {
          sub.nextToken();
          return _delegatee.deserialize(sub, ctxt);
        }
      }
      for (var names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!LOCATION_FIELDS.contains(name)) {
          throw UnrecognizedPropertyException.from(p, Location.class, name, List.copyOf(LOCATION_FIELDS));
        }
      }
      String postcode = text(node, "postcode", p, ctxt);
      String municipality = text(node, "municipality", p, ctxt);
      String neighbourhood = text(node, "neighbourhood", p, ctxt);
      if (postcode == null && municipality == null) {
        return ctxt.reportInputMismatch(
            Location.class,
            "a location needs latitude and longitude, or a postcode or a municipality");
      }
      Object attribute = ctxt.getAttribute(GEOCODER);
      Geocoder geocoder = attribute instanceof Geocoder g ? g : Gazetteer.belgium();
      try {
        return Places.locate(geocoder, postcode, municipality, neighbourhood);
      } catch (Places.Unlocated e) {
        if (e.malformed()) {
          // As a location with coordinates reports it: at the field.
          throw ValueInstantiationException.from(p, e.getMessage(), ctxt.constructType(Location.class), e);
        }
        return ctxt.reportInputMismatch(Location.class, "%s", e.getMessage());
      }
    }

    private static @Nullable String text(JsonNode node, String field, JsonParser p, DeserializationContext ctxt)
        throws IOException {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        MismatchedInputException e =
            MismatchedInputException.from(p, String.class, "wrong type, expected a text: " + field + " must be a JSON string");
        e.prependPath(Location.class, field);
        throw e;
      }
      return value.textValue();
    }
  }

  private static final class DefaultingDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;
    private final Object neutral;

    DefaultingDeserializer(JsonDeserializer<?> delegate, Object neutral) {
      super(delegate);
      this.neutral = neutral;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new DefaultingDeserializer(newDelegatee, neutral);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      return neutral;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return neutral;
    }
  }

  private static SimpleModule timeModule() {
    SimpleModule module = new SimpleModule("koppel-time");
    module.addSerializer(LocalDate.class, new ToStringSerializer<>());
    module.addSerializer(LocalTime.class, new TimeSerializer());
    module.addSerializer(LocalizedText.class, new LocalizedTextSerializer());
    module.addDeserializer(LocalizedText.class, new LocalizedTextDeserializer());
    module.addDeserializer(
        LocalDate.class, new TextDeserializer<>(LocalDate.class, "a date as yyyy-MM-dd", LocalDate::parse));
    module.addDeserializer(
        LocalTime.class, new TextDeserializer<>(LocalTime.class, "a time as HH:mm", LocalTime::parse));
    return module;
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  /** A localized text is written as a plain object from language code to text. */
  private static final class LocalizedTextSerializer extends JsonSerializer<LocalizedText> {
    @Override
    public void serialize(LocalizedText value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeStartObject();
      for (Map.Entry<String, String> e : value.texts().entrySet()) {
        gen.writeStringField(e.getKey(), e.getValue());
      }
      gen.writeEndObject();
    }
  }

  private static final class LocalizedTextDeserializer extends JsonDeserializer<LocalizedText> {
    @Override
    public LocalizedText deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return (LocalizedText) ctxt.handleUnexpectedToken(LocalizedText.class, p);
      }
      Map<String, String> texts = new LinkedHashMap<>();
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String language = p.currentName();
        if (p.nextToken() != JsonToken.VALUE_STRING) {
          throw MismatchedInputException.from(
              p, String.class, "the text in language '" + language + "' must be a JSON string");
        }
        texts.put(language, p.getText());
      }
      try {
        return new LocalizedText(texts);
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, e.getMessage(), e);
      }
    }
  }

  private static final class TimeSerializer extends JsonSerializer<LocalTime> {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Override
    public void serialize(LocalTime value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.getSecond() == 0 && value.getNano() == 0 ? HH_MM.format(value) : value.toString());
    }
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static final class TextDeserializer<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final String expected;
    private final Parser<T> parser;

    TextDeserializer(Class<T> type, String expected, Parser<T> parser) {
      this.type = type;
      this.expected = expected;
      this.parser = parser;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return type.cast(ctxt.handleUnexpectedToken(type, p));
      }
      String text = p.getText();
      try {
        return parser.parse(text);
      } catch (DateTimeParseException e) {
        throw InvalidFormatException.from(p, "expected " + expected, text, type);
      }
    }
  }

  /**
   * Translates a failure to decode the bytes of a document (truncated UTF-16 or UTF-32, which
   * Jackson detects from the first bytes) into Koppel's exception: the data is bad, not the I/O.
   */
  static InvalidDataException badEncoding(CharConversionException e, String source) {
    return new InvalidDataException(
        source, "$", null, -1, -1, "malformed JSON: the bytes are not valid Unicode text: " + e.getMessage(), e);
  }

  /** Translates a Jackson failure into Koppel's exception, naming field, value and location. */
  static InvalidDataException translate(JsonProcessingException e, String source) {
    JsonLocation location = e.getLocation();
    int line = location == null ? -1 : location.getLineNr();
    int column = location == null ? -1 : location.getColumnNr();
    String at = e instanceof JsonMappingException jm ? path(jm.getPath()) : "$";
    // Databind wraps streaming failures met deep in a document; report the streaming failure.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException c) {
        return new InvalidDataException(
            source, at, null, line, column, "the document exceeds a size limit: " + firstLine(c.getOriginalMessage()), e);
      }
      if (t instanceof JsonParseException p) {
        JsonLocation l = p.getLocation();
        return new InvalidDataException(
            source,
            at,
            null,
            l == null ? line : l.getLineNr(),
            l == null ? column : l.getColumnNr(),
            "malformed JSON: " + firstLine(p.getOriginalMessage()),
            e);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (!(e instanceof JsonMappingException m)) {
      return new InvalidDataException(source, "$", null, line, column, e.getOriginalMessage(), e);
    }
    String path = path(m.getPath());
    if (m instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds() == null
              ? ""
              : u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      return new InvalidDataException(
          source,
          path,
          u.getPropertyName(),
          line,
          column,
          "unknown field '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known fields: " + known),
          e);
    }
    if (m instanceof InvalidFormatException f) {
      Class<?> target = f.getTargetType();
      String problem;
      if (target != null && target.isEnum()) {
        String values =
            Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        problem = "not one of " + values;
      } else {
        String message = firstLine(f.getOriginalMessage());
        problem =
            message.startsWith("expected ")
                ? message
                : "invalid value" + (target == null ? "" : " for " + describe(target)) + ": " + message;
      }
      return new InvalidDataException(source, path, String.valueOf(f.getValue()), line, column, problem, e);
    }
    if (m instanceof ValueInstantiationException v) {
      Throwable cause = v.getCause();
      if (cause instanceof NullPointerException && cause.getMessage() != null && !cause.getMessage().contains(" ")) {
        return new InvalidDataException(
            source, child(path, cause.getMessage()), null, line, column, "missing required field '" + cause.getMessage() + "'", e);
      }
      if (cause instanceof InvalidDataException d) {
        return d.relocate(source, path);
      }
      String message = String.valueOf(cause == null ? v.getOriginalMessage() : cause.getMessage());
      Class<?> type = v.getType() == null ? null : v.getType().getRawClass();
      Optional<FieldMessages.Located> field = FieldMessages.locate(message, FieldMessages.components(type));
      if (field.isPresent()) {
        return new InvalidDataException(
            source, child(path, field.get().field()), field.get().value(), line, column, message, e);
      }
      return new InvalidDataException(source, path, null, line, column, message, e);
    }
    if (m instanceof MismatchedInputException mi) {
      String message = firstLine(mi.getOriginalMessage());
      if (message.startsWith("No content to map")) {
        return new InvalidDataException(source, "$", null, line, column, "the document is empty", e);
      }
      if (message.startsWith("Trailing token")) {
        return new InvalidDataException(
            source, "$", null, line, column, "unexpected content after the end of the document", e);
      }
      if (message.startsWith("Missing required creator property")) {
        String field = message.replaceAll(".*'([^']*)'.*", "$1");
        return new InvalidDataException(
            source, child(path, field), null, line, column, "missing required field '" + field + "'", e);
      }
      Class<?> target = mi.getTargetType();
      return new InvalidDataException(
          source,
          path,
          scalarText(mi),
          line,
          column,
          "wrong type" + (target == null ? "" : ", expected " + describe(target)) + ": " + message,
          e);
    }
    String problem = firstLine(m.getOriginalMessage());
    if (m.getCause() instanceof InputCoercionException) {
      problem = "number out of range: " + problem;
    }
    return new InvalidDataException(source, path, scalarText(m), line, column, problem, e);
  }

  /** Returns the scalar the parser stopped at, such as the "2" of a string where a number belongs. */
  private static @Nullable String scalarText(JsonMappingException e) {
    if (!(e.getProcessor() instanceof JsonParser p) || !p.hasCurrentToken() || !p.currentToken().isScalarValue()) {
      return null;
    }
    try {
      return p.getText();
    } catch (IOException unreadable) {
      return null;
    }
  }

  private static String child(String path, String field) {
    return path.endsWith("." + field) ? path : path + "." + field;
  }

  private static String describe(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class || type == BigDecimal.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == LocalDate.class) {
      return "a date as yyyy-MM-dd";
    }
    if (type == LocalTime.class) {
      return "a time as HH:mm";
    }
    return "an object of type " + type.getSimpleName();
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder sb = new StringBuilder("$");
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        sb.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
