package io.github.koppel.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.geo.Gazetteer;
import io.github.koppel.core.geo.Geocoder;
import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.core.vocabulary.VocabularyKind;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes Koppel's JSON: datasets, vocabularies, legal rules and every domain value.
 *
 * <p>Documents (a dataset, a vocabulary set, a rule set) carry a {@code schemaVersion}; see {@code
 * docs/json-schema.md}. Reading is strict: an unknown field, a value of the wrong type, a value out
 * of range, a missing required field, a duplicate key, malformed JSON, nesting deeper than 64
 * levels or a string longer than 1,000,000 characters fails with an {@link InvalidDataException}
 * that names the JSON path, the value, the source and the line and column. A dataset's concept ids
 * are checked against the vocabularies of this reader. Reading is all-or-nothing: nothing is
 * returned unless the whole document is valid.
 *
 * <p>This class is immutable and thread-safe; {@link #withVocabularies} returns a new instance.
 *
 * <pre>{@code
 * KoppelJson json = KoppelJson.create();
 * Dataset dataset = json.readDataset(Path.of("city.json"));
 * String text = json.toJson(dataset.volunteers().get(0));
 * }</pre>
 *
 * @since 0.1
 */
public final class KoppelJson {
  private static final String MEMORY = "<memory>";
  private static final LocalizedText EMPTY_TITLE = LocalizedText.of("en", "empty");

  private final ObjectMapper mapper;
  private final Vocabularies vocabularies;
  /** The geocoder of locations without coordinates; null for the bundled Belgian gazetteer. */
  private final @Nullable Geocoder geocoder;

  private KoppelJson(ObjectMapper mapper, Vocabularies vocabularies, @Nullable Geocoder geocoder) {
    this.mapper = mapper;
    this.vocabularies = vocabularies;
    this.geocoder = geocoder;
  }

  /**
   * Returns a reader and writer that checks datasets against the bundled Flemish vocabularies.
   *
   * @return a new instance
   */
  public static KoppelJson create() {
    return new KoppelJson(JsonMapping.newMapper(new JsonFactory()), BundledData.flemishVocabularies(), null);
  }

  /** Reads vocabularies before the bundled defaults exist; used to load those defaults. */
  static Vocabularies readVocabulariesWithoutDefaults(InputStream in, String source) {
    return new KoppelJson(JsonMapping.newMapper(new JsonFactory()), Vocabularies.of(
            ConceptScheme.of("empty", EMPTY_TITLE, List.of()),
            ConceptScheme.of("empty", EMPTY_TITLE, List.of()),
            ConceptScheme.of("empty", EMPTY_TITLE, List.of()),
            ConceptScheme.of("empty", EMPTY_TITLE, List.of()),
            ConceptScheme.of("empty", EMPTY_TITLE, List.of())), null)
        .readVocabularies(in, source);
  }

  /**
   * Returns a copy that checks datasets against other vocabularies. This instance is unchanged.
   *
   * @param vocabularies the vocabularies
   * @return a new instance
   */
  public KoppelJson withVocabularies(Vocabularies vocabularies) {
    return new KoppelJson(mapper, Objects.requireNonNull(vocabularies, "vocabularies"), geocoder);
  }

  /**
   * Returns a copy that locates an address given by postcode or municipality alone (a location
   * without latitude and longitude, such as {@code {"postcode": "2801"}}) with another geocoder;
   * the default is {@link Gazetteer#belgium()}. Such a location is {@linkplain
   * Location#approximate() approximate}. This instance is unchanged.
   *
   * @param geocoder the geocoder, or {@link Geocoder#none()} to require coordinates
   * @return a new instance
   * @since 0.2
   */
  public KoppelJson withGeocoder(Geocoder geocoder) {
    return new KoppelJson(mapper, vocabularies, Objects.requireNonNull(geocoder, "geocoder"));
  }

  /** A reader of a type that knows the geocoder. */
  private ObjectReader reader(Class<?> type) {
    ObjectReader reader = mapper.readerFor(type);
    return geocoder == null ? reader : reader.withAttribute(JsonMapping.GEOCODER, geocoder);
  }

  /**
   * Returns the geocoder that locates an address given by postcode or municipality alone, so
   * that a CSV reader ({@link KoppelCsv#withGeocoder}) can place addresses the same way.
   *
   * @return the geocoder: the one given to {@link #withGeocoder}, else {@link Gazetteer#belgium()}
   * @since 0.2
   */
  public Geocoder geocoder() {
    return geocoder != null ? geocoder : Gazetteer.belgium();
  }

  /**
   * Returns the vocabularies datasets are checked against.
   *
   * @return the vocabularies
   */
  public Vocabularies vocabularies() {
    return vocabularies;
  }

  /**
   * Reads a dataset from a file.
   *
   * @param file a JSON file
   * @return the dataset
   * @throws InvalidDataException if the document is invalid
   * @throws UncheckedIOException if the file cannot be read
   */
  public Dataset readDataset(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return readDataset(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dataset file " + file, e);
    }
  }

  /**
   * Reads a dataset from a stream, which is not closed.
   *
   * @param in the JSON document
   * @param source the name of the source, for error messages
   * @return the dataset
   * @throws InvalidDataException if the document is invalid
   */
  public Dataset readDataset(InputStream in, String source) {
    Documents.DatasetDocument doc = read(in, source, Documents.DatasetDocument.class);
    return toDataset(doc, source);
  }

  /**
   * Reads a dataset from a file, placing the free words of its talents, interests and sectors on
   * concepts, as {@link KoppelCsv#readDatasetNormalising} does for CSV: the {@code conceptId} of
   * talents of volunteers and vacancies, the {@code interests} of volunteers and the {@code
   * sectors} of vacancies and organisations. Every word placed is reported, and every word that
   * could not be placed with its nearest concepts; the dataset is returned only when every word
   * was placed. Any other problem fails as in {@link #readDataset}; once a word was placed its
   * line and column are not known, and the JSON path says where it is.
   *
   * @param file a JSON file
   * @return the dataset, when complete, and the words placed and not placed
   * @throws InvalidDataException if the document is invalid other than by an unplaced word
   * @throws UncheckedIOException if the file cannot be read
   * @since 0.2
   */
  public NormalisedImport readDatasetNormalising(Path file) {
    String source = file.toString();
    JsonNode tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = mapper.reader().readTree(in);
    } catch (JsonProcessingException e) {
      throw JsonMapping.translate(e, source);
    } catch (CharConversionException e) {
      throw JsonMapping.badEncoding(e, source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dataset file " + file, e);
    }
    WordPlacement placement = new WordPlacement(vocabularies);
    boolean changed = false;
    if (tree instanceof ObjectNode root) {
      for (String field : List.of("organisations", "vacancies", "volunteers")) {
        JsonNode array = root.get(field);
        for (int i = 0; array != null && array.isArray() && i < array.size(); i++) {
          if (array.get(i) instanceof ObjectNode element) {
            changed |= place(field, element, "$." + field + "[" + i + "]", placement, source);
          }
        }
      }
    }
    if (!placement.complete()) {
      return placement.result(null);
    }
    if (!changed) {
      return placement.result(readDataset(file));
    }
    try {
      return placement.result(readDataset(new ByteArrayInputStream(mapper.writeValueAsBytes(tree)), source));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the placed words back", e);
    } catch (InvalidDataException e) {
      // The lines of the rewritten document are not the file's; the path is.
      throw new InvalidDataException(source, e.path(), e.value(), -1, -1, e.problem(), e)
          .withSuggestions(e.suggestions());
    }
  }

  /**
   * Places the free words of one organisation, vacancy or volunteer of a document (its sectors,
   * talents and interests) and returns whether it changed.
   */
  private static boolean place(String field, ObjectNode element, String at, WordPlacement placement, String source) {
    boolean changed = false;
    if (!field.equals("volunteers")) {
      changed |= placeIds(element, "sectors", VocabularyKind.SECTORS, at, placement, source);
    }
    if (!field.equals("organisations")) {
      changed |= placeTalents(element, at, placement, source);
    }
    if (field.equals("volunteers")) {
      changed |= placeIds(element, "interests", VocabularyKind.SECTORS, at, placement, source);
    }
    return changed;
  }

  /** Places the words of a list of ids such as the {@code interests} of a volunteer. */
  private static boolean placeIds(
      ObjectNode element, String field, VocabularyKind kind, String at, WordPlacement placement, String source) {
    return placeList(element, field, kind, at, placement, source,
        item -> item.isTextual() ? item : null, "", (item, id) -> TextNode.valueOf(id));
  }

  /** Places the {@code conceptId} words of the talents of a volunteer or vacancy. */
  private static boolean placeTalents(ObjectNode element, String at, WordPlacement placement, String source) {
    return placeList(element, "talents", VocabularyKind.TALENTS, at, placement, source,
        talent -> talent instanceof ObjectNode && talent.path("conceptId").isTextual() ? talent.get("conceptId") : null,
        ".conceptId", (talent, id) -> ((ObjectNode) talent).deepCopy().put("conceptId", id));
  }

  /**
   * Places the words of one list of an element: each item's word (or {@code null} when the item
   * holds none and stays as it is) becomes one item per concept it names, without repeats.
   */
  private static boolean placeList(ObjectNode element, String field, VocabularyKind kind, String at,
      WordPlacement placement, String source, Function<JsonNode, JsonNode> wordOf, String wordPath,
      BiFunction<JsonNode, String, JsonNode> withId) {
    JsonNode list = element.get(field);
    if (list == null || !list.isArray()) {
      return false;
    }
    boolean changed = false;
    ArrayNode placed = element.arrayNode();
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < list.size(); j++) {
      JsonNode item = list.get(j);
      JsonNode word = wordOf.apply(item);
      if (word == null) {
        placed.add(item);
        continue;
      }
      List<String> ids = placement.place(kind, word.asText(), source, at + "." + field + "[" + j + "]" + wordPath);
      changed |= !ids.equals(List.of(word.asText()));
      for (String id : ids) {
        if (seen.add(id)) {
          placed.add(withId.apply(item, id));
        }
      }
    }
    element.set(field, placed);
    return changed;
  }

  /**
   * Checks a dataset file and reports every problem found in one pass, up to a cap: each
   * organisation, vacancy and volunteer is read and checked against the vocabularies on its own,
   * so that one with a problem does not hide the next. Nothing is loaded: {@link #readDataset}
   * reads the file once it passes. Malformed JSON ends the check at the place it shows.
   *
   * @param file a JSON file
   * @param maxProblems the most problems to report, in [1, {@value ValidationReport#MAX_PROBLEMS}]
   * @return the report; {@link ValidationReport#ok()} when {@code readDataset} would succeed
   * @throws IllegalArgumentException if {@code maxProblems} is out of range
   * @throws UncheckedIOException if the file cannot be read
   * @since 0.2
   */
  public ValidationReport check(Path file, int maxProblems) {
    return check(file, maxProblems, null);
  }

  /**
   * Checks a dataset file as {@link #check} does, with its free words placed as {@link
   * #readDatasetNormalising} places them: a word that cannot be placed is a problem, with its
   * nearest concepts as suggestions; a word that can is not.
   *
   * @param file a JSON file
   * @param maxProblems the most problems to report, in [1, {@value ValidationReport#MAX_PROBLEMS}]
   * @return the report; {@link ValidationReport#ok()} when {@code readDatasetNormalising} would
   *     return a dataset
   * @throws IllegalArgumentException if {@code maxProblems} is out of range
   * @throws UncheckedIOException if the file cannot be read
   * @since 0.2
   */
  public ValidationReport checkNormalising(Path file, int maxProblems) {
    return check(file, maxProblems, new WordPlacement(vocabularies));
  }

  private ValidationReport check(Path file, int maxProblems, @Nullable WordPlacement placement) {
    ValidationReport.Collector problems = new ValidationReport.Collector(maxProblems);
    String source = file.toString();
    Map<String, List<Element>> read = new LinkedHashMap<>();
    boolean complete = false;
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = mapper.createParser(in)) {
      checkElements(p, source, problems, read, placement);
      complete = !problems.truncated();
    } catch (JsonProcessingException e) {
      problems.add(JsonMapping.translate(e, source));
    } catch (CharConversionException e) {
      problems.add(JsonMapping.badEncoding(e, source));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    if (placement != null) {
      placement.unplacedAsProblems(problems);
    }
    List<Element> vacs = read.getOrDefault("vacancies", List.of());
    // References are checked when every element was read: a cut-short read would make them noise.
    if (complete) {
      List<Vacancy> vacancies = vacs.stream().map(e -> (Vacancy) e.value()).toList();
      problems.unknownOrganisations(
          read.get("organisations").stream().map(e -> (Organisation) e.value()).toList(),
          vacancies,
          i -> new InvalidDataException(
              source, "$.vacancies[" + vacs.get(i).index() + "].organisationId",
              vacancies.get(i).organisationId(), vacs.get(i).line(), -1,
              "no organisation with this id among the organisations read without a problem", null));
    }
    return problems.report(
        read.getOrDefault("organisations", List.of()).size(), vacs.size(),
        read.getOrDefault("volunteers", List.of()).size());
  }

  /** An element of a dataset document read without a problem: its value, index and first line. */
  private record Element(Object value, int index, int line) {}

  /** The kinds of a dataset document, by field name. */
  private static final Map<String, Class<?>> KINDS =
      Map.of("organisations", Organisation.class, "vacancies", Vacancy.class, "volunteers", Volunteer.class);

  private void checkElements(
      JsonParser p,
      String source,
      ValidationReport.Collector problems,
      Map<String, List<Element>> read,
      @Nullable WordPlacement placement)
      throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      problems.add(new InvalidDataException(
          source, "$", null, p.currentLocation().getLineNr(), p.currentLocation().getColumnNr(),
          "a dataset is a JSON object with schemaVersion, organisations, vacancies and volunteers", null));
      return;
    }
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME && !problems.truncated()) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      int line = p.currentLocation().getLineNr();
      seen.add(field);
      if (field.equals("schemaVersion")) {
        try {
          Documents.checkVersion(value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0);
        } catch (IllegalArgumentException e) {
          problems.add(new InvalidDataException(source, "$.schemaVersion", p.getText(), line, -1, e.getMessage(), null));
        }
        continue;
      }
      Class<?> type = KINDS.get(field);
      if (type != null && value == JsonToken.VALUE_NULL) {
        // As readDataset reads it: a null list is an empty one.
        read.put(field, List.of());
        continue;
      }
      if (type == null || value != JsonToken.START_ARRAY) {
        problems.add(new InvalidDataException(
            source, "$." + field, null, line, -1,
            type == null
                ? "unknown field; known fields: organisations, schemaVersion, vacancies, volunteers"
                : "must be an array",
            null));
        p.skipChildren();
        continue;
      }
      List<Element> values = new ArrayList<>();
      Map<String, Integer> indexOfId = new HashMap<>();
      int i = 0;
      for (; p.nextToken() != JsonToken.END_ARRAY && !problems.truncated(); i++) {
        int start = p.currentLocation().getLineNr();
        // The element is one value inside the document: what follows it is no trailing content.
        JsonNode node = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(p);
        String at = "$." + field + "[" + i + "]";
        if (placement != null && node instanceof ObjectNode element) {
          place(field, element, at, placement, source);
        }
        try {
          Object parsed = reader(type).readValue(node);
          if (parsed == null) {
            throw new InvalidDataException(source, "$", "null", start, -1, "must be an object, not null", null);
          }
          String id = validate(parsed);
          Integer first = indexOfId.putIfAbsent(id, i);
          if (first != null) {
            throw new InvalidDataException(
                source, "$.id", id, start, -1, "duplicate id: " + field + "[" + first + "] has the same id", null);
          }
          values.add(new Element(parsed, i, start));
        } catch (JsonProcessingException e) {
          problems.add(at(JsonMapping.translate(e, source), source, at, start));
        } catch (InvalidDataException e) {
          problems.add(at(e, source, at, start));
        } catch (IllegalArgumentException | NullPointerException e) {
          problems.add(new InvalidDataException(source, at, null, start, -1, String.valueOf(e.getMessage()), e));
        }
      }
      if (problems.truncated()) {
        return;
      }
      read.put(field, values);
    }
    if (!problems.truncated() && p.currentToken() == JsonToken.END_OBJECT && p.nextToken() != null) {
      problems.add(new InvalidDataException(
          source, "$", null, p.currentLocation().getLineNr(), p.currentLocation().getColumnNr(),
          "unexpected content after the end of the document", null));
    }
    // An absent list is an empty one, as readDataset reads it; only the version is required.
    if (!seen.contains("schemaVersion") && !problems.truncated()) {
      problems.add(new InvalidDataException(
          source, "$.schemaVersion", null, -1, -1, "missing required field 'schemaVersion'", null));
    }
    for (String field : KINDS.keySet()) {
      read.putIfAbsent(field, List.of());
    }
  }

  /** Validates one element against the vocabularies and returns its id. */
  private String validate(Object element) {
    if (element instanceof Organisation o) {
      return vocabularies.validate(o).id();
    }
    if (element instanceof Vacancy v) {
      return vocabularies.validate(v).id();
    }
    return vocabularies.validate((Volunteer) element).id();
  }

  /**
   * Locates a problem of one element, read on its own, within the document: its path under the
   * element's, and the element's first line (an element read from a tree has no line of its own).
   */
  private static InvalidDataException at(InvalidDataException e, String source, String at, int line) {
    InvalidDataException moved = e.relocate(source, at);
    if (moved.isSensitive()) {
      return InvalidDataException.sensitive(source, moved.path(), line, -1, moved.problem());
    }
    return new InvalidDataException(source, moved.path(), moved.value(), line, -1, moved.problem(), e)
        .withSuggestions(moved.suggestions());
  }

  private Dataset toDataset(Documents.DatasetDocument doc, String source) {
    try {
      return vocabularies.validate(Dataset.of(doc.organisations(), doc.vacancies(), doc.volunteers()));
    } catch (InvalidDataException e) {
      throw e.relocate(source, "$");
    }
  }

  /**
   * Writes a dataset to a file, replacing it.
   *
   * @param dataset the dataset
   * @param file the file
   * @throws UncheckedIOException if the file cannot be written
   */
  public void writeDataset(Dataset dataset, Path file) {
    // Written whole or not at all: the text beside the file first, then moved into its place, so
    // that a failure never leaves a half-written file where a dataset was.
    byte[] bytes = toJson(dataset).getBytes(StandardCharsets.UTF_8);
    Path absolute = file.toAbsolutePath();
    Path tmp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dataset file " + file, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // The error above, if any, is the one to report.
      }
    }
  }

  /**
   * Writes a dataset to a stream, which is not closed.
   *
   * @param dataset the dataset
   * @param out the stream
   * @throws UncheckedIOException if the stream fails
   */
  public void writeDataset(Dataset dataset, OutputStream out) {
    try {
      out.write(toJson(dataset).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dataset", e);
    }
  }

  /**
   * Reads a history of proposals and outcomes from a file: {@code {"schemaVersion": 1, "events":
   * [{"volunteerId", "vacancyId", "date", "outcome"}]}}.
   *
   * @param file a JSON file
   * @return the history
   * @throws InvalidDataException if the document is invalid
   * @throws UncheckedIOException if the file cannot be read
   * @since 0.2
   */
  public History readHistory(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return readHistory(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read history file " + file, e);
    }
  }

  /**
   * Reads a history from a stream, which is not closed.
   *
   * @param in the JSON document
   * @param source the name of the source, for error messages
   * @return the history
   * @throws InvalidDataException if the document is invalid
   * @since 0.2
   */
  public History readHistory(InputStream in, String source) {
    return History.of(read(in, source, Documents.HistoryDocument.class).events());
  }

  /**
   * Writes a history to a stream, which is not closed.
   *
   * @param history the history
   * @param out the stream
   * @throws UncheckedIOException if the stream fails
   * @since 0.2
   */
  public void writeHistory(History history, OutputStream out) {
    try {
      out.write(toJson(history).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write history", e);
    }
  }

  /**
   * Reads vocabularies from a file.
   *
   * @param file a JSON file
   * @return the vocabularies
   * @throws InvalidDataException if the document is invalid, a concept id repeats, a broader id is
   *     dangling or the broader relation has a cycle
   * @throws UncheckedIOException if the file cannot be read
   */
  public Vocabularies readVocabularies(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return readVocabularies(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vocabulary file " + file, e);
    }
  }

  /**
   * Reads vocabularies from a stream, which is not closed.
   *
   * @param in the JSON document
   * @param source the name of the source, for error messages
   * @return the vocabularies
   * @throws InvalidDataException if the document is invalid
   */
  public Vocabularies readVocabularies(InputStream in, String source) {
    Documents.VocabulariesDocument doc = read(in, source, Documents.VocabulariesDocument.class);
    return Vocabularies.of(
        scheme(doc.talents(), source, "$.talents"),
        scheme(doc.sectors(), source, "$.sectors"),
        scheme(doc.functionalDimensions(), source, "$.functionalDimensions"),
        scheme(doc.accommodations(), source, "$.accommodations"),
        scheme(doc.targetGroups(), source, "$.targetGroups"));
  }

  private static ConceptScheme scheme(Documents.SchemeDocument doc, String source, String path) {
    try {
      return ConceptScheme.of(doc.id(), doc.title(), doc.concepts());
    } catch (InvalidDataException e) {
      throw e.relocate(source, path);
    }
  }

  /**
   * Reads legal rules from a file.
   *
   * @param file a JSON file
   * @return the rules
   * @throws InvalidDataException if the document is invalid
   * @throws UncheckedIOException if the file cannot be read
   */
  public LegalRules readLegalRules(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return readLegalRules(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read legal rules file " + file, e);
    }
  }

  /**
   * Reads legal rules from a stream, which is not closed.
   *
   * @param in the JSON document
   * @param source the name of the source, for error messages
   * @return the rules
   * @throws InvalidDataException if the document is invalid
   */
  public LegalRules readLegalRules(InputStream in, String source) {
    Documents.LegalRulesDocument doc = read(in, source, Documents.LegalRulesDocument.class);
    try {
      return doc.toRules();
    } catch (IllegalArgumentException e) {
      FieldMessages.Located field =
          FieldMessages.locate(e.getMessage(), FieldMessages.components(LegalRules.class))
              .orElse(new FieldMessages.Located("", null));
      String path = field.field().isEmpty() ? "$" : "$." + field.field();
      throw new InvalidDataException(source, path, field.value(), -1, -1, String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * Writes any Koppel value as JSON: a domain record, a {@link Dataset}, a {@link Vocabularies}, a
   * {@link ConceptScheme}, {@link LegalRules}, a {@link History} or a {@link ValidationReport}.
   * Datasets, vocabularies, rules, histories and reports are written as documents with a {@code
   * schemaVersion}.
   *
   * @param value the value
   * @return the JSON text, indented
   * @throws IllegalArgumentException if the value is not a Koppel type
   */
  public String toJson(Object value) {
    Objects.requireNonNull(value, "value");
    Object document = value;
    if (value instanceof Dataset d) {
      document =
          new Documents.DatasetDocument(
              Documents.SCHEMA_VERSION, d.organisations(), d.vacancies(), d.volunteers());
    } else if (value instanceof Vocabularies v) {
      document =
          new Documents.VocabulariesDocument(
              Documents.SCHEMA_VERSION,
              Documents.SchemeDocument.of(v.talents()),
              Documents.SchemeDocument.of(v.sectors()),
              Documents.SchemeDocument.of(v.functionalDimensions()),
              Documents.SchemeDocument.of(v.accommodations()),
              Documents.SchemeDocument.of(v.targetGroups()));
    } else if (value instanceof History h) {
      document = new Documents.HistoryDocument(Documents.SCHEMA_VERSION, h.events());
    } else if (value instanceof ConceptScheme s) {
      document = Documents.SchemeDocument.of(s);
    } else if (value instanceof LegalRules r) {
      document = Documents.LegalRulesDocument.of(r);
    } else if (value instanceof ValidationReport r) {
      document =
          new Documents.ValidationDocument(
              Documents.SCHEMA_VERSION, r.ok(), r.truncated(), r.organisations(), r.vacancies(),
              r.volunteers(), r.problems());
    } else if (!value.getClass().getPackageName().startsWith("io.github.koppel.")) {
      throw new IllegalArgumentException(
          "value must be a Koppel type, not " + value.getClass().getName());
    }
    try {
      return mapper.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Writes a result as a JSON document: a {@code schemaVersion} first (the version of these
   * documents, {@value Documents#SCHEMA_VERSION}), then the fields of the value as {@link #toJson}
   * writes them. The command line writes every {@code --json} output so, and {@code
   * docs/json-schema.md} links the JSON Schema of each. A value that {@link #toJson} already
   * writes as a document (a dataset, a validation report) is written as it.
   *
   * @param value a Koppel record, such as a ranking or an explanation
   * @return the JSON text, indented
   * @throws IllegalArgumentException if the value is not a Koppel type, or is not written as a
   *     JSON object
   * @since 0.2
   */
  public String toJsonDocument(Object value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof Dataset || value instanceof Vocabularies || value instanceof History
        || value instanceof LegalRules || value instanceof ValidationReport) {
      return toJson(value);
    }
    if (!value.getClass().getPackageName().startsWith("io.github.koppel.")) {
      throw new IllegalArgumentException("value must be a Koppel type, not " + value.getClass().getName());
    }
    JsonNode tree = mapper.valueToTree(value);
    if (!(tree instanceof ObjectNode fields)) {
      throw new IllegalArgumentException("value must be written as a JSON object: " + value.getClass().getName());
    }
    ObjectNode document = mapper.createObjectNode();
    document.put("schemaVersion", Documents.SCHEMA_VERSION);
    document.setAll(fields);
    try {
      return mapper.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads a Koppel value from JSON, the inverse of {@link #toJson}.
   *
   * @param <T> the type
   * @param json the JSON text
   * @param type the type: a domain record, {@link Dataset}, {@link Vocabularies}, {@link
   *     ConceptScheme} or {@link LegalRules}
   * @return the value
   * @throws InvalidDataException if the text is not a valid value of that type
   */
  public <T> T fromJson(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    if (type == Dataset.class) {
      return type.cast(readDataset(in, MEMORY));
    }
    if (type == Vocabularies.class) {
      return type.cast(readVocabularies(in, MEMORY));
    }
    if (type == LegalRules.class) {
      return type.cast(readLegalRules(in, MEMORY));
    }
    if (type == ConceptScheme.class) {
      return type.cast(scheme(read(in, MEMORY, Documents.SchemeDocument.class), MEMORY, "$"));
    }
    return read(in, MEMORY, type);
  }

  private <T> T read(InputStream in, String source, Class<T> type) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    try {
      T value = reader(type).readValue(in);
      if (value == null) {
        throw new InvalidDataException(source, "$", "null", 1, 1, "the document is JSON null", null);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw JsonMapping.translate(e, source);
    } catch (CharConversionException e) {
      throw JsonMapping.badEncoding(e, source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }
}
