package io.github.koppel.core.io;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.geo.Gazetteer;
import io.github.koppel.core.geo.Geocoder;
import io.github.koppel.core.internal.Similarity;
import io.github.koppel.core.model.Accommodation;
import io.github.koppel.core.model.Allowance;
import io.github.koppel.core.model.AllowanceType;
import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.BenefitStatus;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.DrivingLicence;
import io.github.koppel.core.model.DayPart;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.History;
import io.github.koppel.core.model.HistoryEvent;
import io.github.koppel.core.model.InclusionCommitments;
import io.github.koppel.core.model.LanguageRequirement;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.LegalForm;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.MatchOutcome;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Participation;
import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.ProficiencyLevel;
import io.github.koppel.core.model.Regularity;
import io.github.koppel.core.model.Schedule;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Shift;
import io.github.koppel.core.model.SocialSetting;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.TalentRequirement;
import io.github.koppel.core.model.TravelMode;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import io.github.koppel.core.model.WorkMode;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.core.vocabulary.VocabularyKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the spreadsheet exports municipalities have: one CSV file each for
 * organisations, vacancies and volunteers, with a header row. The columns are documented in {@code
 * docs/csv.md}.
 *
 * <p>Reading is forgiving where spreadsheets differ and strict where data could be lost: a file's
 * encoding is decided from its byte-order mark (UTF-8, UTF-16) or from its bytes (UTF-8 when all of
 * it is valid UTF-8, else Windows-1252, which Excel writes in Flanders), unless {@link
 * #withCharset} says it; a file in neither, holding a NUL byte, or larger than 1 GiB is refused with
 * the line, while it is read (files are streamed). The column separator ({@code ,} or {@code ;}) is
 * detected from the header, header names ignore case, columns may come in any order and optional ones may be left
 * out, dates may be {@code yyyy-mm-dd} or {@code dd/mm/yyyy}, decimals may use a comma, and yes/no
 * cells accept English, Dutch and French. An unknown column, a missing required column, a malformed
 * cell or an unknown vocabulary id fails with an {@link InvalidDataException} that names the row,
 * the column and the value. Reading is all-or-nothing.
 *
 * <p>A volunteers file does not carry a volunteer's history of earlier matches; a history file
 * ({@link #readHistory}) or JSON does.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class KoppelCsv {
  /** Reads and writes CSV, with the same explicit size limits as the JSON reader. */
  private static final CsvMapper READER =
      new CsvMapper(
          CsvFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxStringLength(JsonMapping.MAX_STRING_LENGTH)
                      .maxNumberLength(JsonMapping.MAX_NUMBER_LENGTH)
                      .maxNestingDepth(JsonMapping.MAX_NESTING_DEPTH)
                      .build())
              .build());

  /** The columns of a history file, all required. */
  public static final List<String> HISTORY_COLUMNS =
      List.of("volunteer_id", "vacancy_id", "date", "outcome");

  /** The columns of an organisations file; {@code id}, {@code name} and {@code legal_form} are required. */
  public static final List<String> ORGANISATION_COLUMNS =
      List.of(
          "id", "name", "legal_form", "insured", "sectors", "latitude", "longitude", "postcode",
          "municipality", "neighbourhood", "approximate", "open_to_target_groups", "coach_or_buddy", "trial_day",
          "youth_work");

  /** The columns of a vacancies file; {@code id}, {@code organisation_id}, a title and {@code capacity} are required. */
  public static final List<String> VACANCY_COLUMNS =
      List.of(
          "id", "organisation_id", "title_nl", "title_en", "title_fr", "description_nl",
          "description_en", "description_fr", "sectors", "talents_required", "talents_desired",
          "offers_training", "languages_required", "languages_desired", "no_dutch_required",
          "practise_languages", "demands", "accommodations", "regularity", "weekly",
          "hours_per_week", "shifts", "work_mode", "latitude", "longitude", "postcode",
          "municipality", "neighbourhood", "approximate", "capacity", "minimum_age", "minimum_age_by_calendar_year",
          "requires_background_check",
          "allowance", "social_setting", "valid_from", "valid_until", "driving_licence");

  /** The columns of a volunteers file; only {@code id} is required. */
  public static final List<String> VOLUNTEER_COLUMNS =
      List.of(
          "id", "name", "birth_date", "first_stage_secondary", "languages", "practise", "talents",
          "learn", "interests", "possibilities", "support_needs", "weekly", "hours_per_week",
          "available_from", "available_until", "shifts", "latitude", "longitude", "postcode",
          "municipality", "neighbourhood", "approximate", "max_distance_km", "travel_mode", "remote_ok", "prefers_remote",
          "regularity", "social_setting", "target_groups", "benefits", "background_check_date",
          "driving_licences", "consent_ability", "consent_benefit_status", "consent_target_group",
          "consent_background_check", "consent_date", "consent_ability_date",
          "consent_benefit_status_date", "consent_target_group_date", "consent_background_check_date",
          "status", "paused_until", "findable_since", "max_proposals_per_month");

  private static final Map<SensitiveCategory, String> CONSENT_COLUMNS =
      Map.of(
          SensitiveCategory.ABILITY, "consent_ability",
          SensitiveCategory.BENEFIT_STATUS, "consent_benefit_status",
          SensitiveCategory.TARGET_GROUP, "consent_target_group",
          SensitiveCategory.BACKGROUND_CHECK, "consent_background_check");

  /** The longest header row read, in characters. */
  static final int MAX_HEADER = 65_536;

  private final Vocabularies vocabularies;
  private final char separator;
  private final @Nullable Charset charset;
  private final Geocoder geocoder;
  /** The free words of a normalising import; set only on the copy that one import uses. */
  private final @Nullable WordPlacement words;

  private KoppelCsv(Vocabularies vocabularies, char separator, @Nullable Charset charset, Geocoder geocoder) {
    this(vocabularies, separator, charset, geocoder, null);
  }

  private KoppelCsv(
      Vocabularies vocabularies, char separator, @Nullable Charset charset, Geocoder geocoder,
      @Nullable WordPlacement words) {
    this.vocabularies = vocabularies;
    this.separator = separator;
    this.charset = charset;
    this.geocoder = geocoder;
    this.words = words;
  }

  /**
   * Returns a reader and writer that checks ids against the bundled Flemish vocabularies and writes
   * with a comma separator.
   *
   * @return a new instance
   */
  public static KoppelCsv create() {
    return new KoppelCsv(BundledData.flemishVocabularies(), ',', null, Gazetteer.belgium());
  }

  /**
   * Returns a copy that checks ids against other vocabularies. This instance is unchanged.
   *
   * @param vocabularies the vocabularies
   * @return a new instance
   */
  public KoppelCsv withVocabularies(Vocabularies vocabularies) {
    return new KoppelCsv(Objects.requireNonNull(vocabularies, "vocabularies"), separator, charset, geocoder);
  }

  /**
   * Returns a copy that writes with another column separator. This instance is unchanged; reading
   * always detects the separator.
   *
   * @param separator {@code ','} or {@code ';'}
   * @return a new instance
   * @throws IllegalArgumentException if the separator is neither
   */
  public KoppelCsv withSeparator(char separator) {
    checkArgument(separator == ',' || separator == ';', "separator must be ',' or ';': '%s'", separator);
    return new KoppelCsv(vocabularies, separator, charset, geocoder);
  }

  /**
   * Returns a copy that reads files in a given charset instead of deciding it. This instance is
   * unchanged. A byte the charset cannot decode is an error with its line.
   *
   * @param charset the charset of the files, or {@code null} to decide it from a byte-order mark
   *     and the bytes (the default)
   * @return a new instance
   * @since 0.2
   */
  public KoppelCsv withCharset(@Nullable Charset charset) {
    return new KoppelCsv(vocabularies, separator, charset, geocoder);
  }

  /**
   * Returns a copy that locates an address given by postcode or municipality alone (without
   * latitude and longitude) with another geocoder; the default is {@link Gazetteer#belgium()}.
   * Such a location is {@linkplain Location#approximate() approximate}. This instance is
   * unchanged.
   *
   * @param geocoder the geocoder, or {@link Geocoder#none()} to require coordinates
   * @return a new instance
   * @since 0.2
   */
  public KoppelCsv withGeocoder(Geocoder geocoder) {
    return new KoppelCsv(vocabularies, separator, charset, Objects.requireNonNull(geocoder, "geocoder"));
  }

  /**
   * Reads the three files of a dataset.
   *
   * @param organisations the organisations file
   * @param vacancies the vacancies file
   * @param volunteers the volunteers file
   * @return the dataset
   * @throws InvalidDataException if a file is invalid or a vacancy names an unknown organisation
   * @throws UncheckedIOException if a file cannot be read
   */
  public Dataset readDataset(Path organisations, Path vacancies, Path volunteers) {
    List<Organisation> orgs = readOrganisations(organisations);
    List<Vacancy> vacs = readVacancies(vacancies);
    List<Volunteer> vols = readVolunteers(volunteers);
    return readDataset(orgs, vacs, vols, organisations, vacancies, volunteers);
  }

  private static Dataset readDataset(
      List<Organisation> orgs, List<Vacancy> vacs, List<Volunteer> vols,
      Path organisations, Path vacancies, Path volunteers) {
    try {
      return Dataset.of(orgs, vacs, vols);
    } catch (InvalidDataException e) {
      String source =
          e.path().startsWith("$.vacancies") ? vacancies.toString()
              : e.path().startsWith("$.volunteers") ? volunteers.toString()
              : organisations.toString();
      int index = Integer.parseInt(e.path().replaceAll("^\\$\\.\\w+\\[(\\d+)].*$", "$1"));
      String column = e.path().endsWith("organisationId") ? "organisation_id" : "id";
      throw new InvalidDataException(
          source, "row " + (index + 1) + ", column " + column, e.value(), -1, -1, e.problem(), e);
    }
  }

  /**
   * Reads the three files of a dataset, placing the free words of its talents, interests and
   * sectors on concepts: a volunteer's {@code kookt graag, moestuin} becomes {@code cooking,
   * gardening} (with {@link io.github.koppel.core.vocabulary.ConceptNormaliser}). The columns read
   * so are {@code talents}, {@code learn} and {@code interests} of volunteers, {@code
   * talents_required}, {@code talents_desired} and {@code sectors} of vacancies and {@code sectors}
   * of organisations; a cell may also list several words in one item ("koken en tuinieren").
   * Every word placed is reported, for a counsellor to check, and every word that could not be
   * placed, with its nearest concepts; the dataset is returned only when every word was placed.
   * Any other problem fails as in {@link #readDataset}.
   *
   * @param organisations the organisations file
   * @param vacancies the vacancies file
   * @param volunteers the volunteers file
   * @return the dataset, when complete, and the words placed and not placed
   * @throws InvalidDataException if a file is invalid other than by an unplaced word
   * @throws UncheckedIOException if a file cannot be read
   * @since 0.2
   */
  public NormalisedImport readDatasetNormalising(Path organisations, Path vacancies, Path volunteers) {
    WordPlacement placement = new WordPlacement(vocabularies);
    KoppelCsv reader = new KoppelCsv(vocabularies, separator, charset, geocoder, placement);
    List<Organisation> orgs = reader.readOrganisations(organisations);
    List<Vacancy> vacs = reader.readVacancies(vacancies);
    List<Volunteer> vols = reader.readVolunteers(volunteers);
    if (!placement.complete()) {
      return placement.result(null);
    }
    return placement.result(readDataset(orgs, vacs, vols, organisations, vacancies, volunteers));
  }

  /**
   * Checks the three files of a dataset and reports every problem found in one pass, up to a cap:
   * each with its file, row, column, value, the problem and, where there is one, a suggestion.
   * Nothing is loaded: {@link #readDataset} reads the files once they pass.
   *
   * @param organisations the organisations file
   * @param vacancies the vacancies file
   * @param volunteers the volunteers file
   * @param maxProblems the most problems to report, in [1, {@value ValidationReport#MAX_PROBLEMS}]
   * @return the report; {@link ValidationReport#ok()} when {@code readDataset} would succeed
   * @throws IllegalArgumentException if {@code maxProblems} is out of range
   * @throws UncheckedIOException if a file cannot be read
   * @since 0.2
   */
  public ValidationReport check(Path organisations, Path vacancies, Path volunteers, int maxProblems) {
    ValidationReport.Collector problems = new ValidationReport.Collector(maxProblems);
    return check(organisations, vacancies, volunteers, problems);
  }

  /**
   * Checks the three files of a dataset as {@link #check} does, with their free words placed as
   * {@link #readDatasetNormalising} places them: a word that cannot be placed is a problem, with
   * its nearest concepts as suggestions; a word that can is not.
   *
   * @param organisations the organisations file
   * @param vacancies the vacancies file
   * @param volunteers the volunteers file
   * @param maxProblems the most problems to report, in [1, {@value ValidationReport#MAX_PROBLEMS}]
   * @return the report; {@link ValidationReport#ok()} when {@code readDatasetNormalising} would
   *     return a dataset
   * @throws IllegalArgumentException if {@code maxProblems} is out of range
   * @throws UncheckedIOException if a file cannot be read
   * @since 0.2
   */
  public ValidationReport checkNormalising(Path organisations, Path vacancies, Path volunteers, int maxProblems) {
    ValidationReport.Collector problems = new ValidationReport.Collector(maxProblems);
    WordPlacement placement = new WordPlacement(vocabularies);
    return new KoppelCsv(vocabularies, separator, charset, geocoder, placement)
        .check(organisations, vacancies, volunteers, problems);
  }

  private ValidationReport check(
      Path organisations, Path vacancies, Path volunteers, ValidationReport.Collector problems) {
    List<Position> vacancyRows = new ArrayList<>();
    List<Organisation> orgs =
        collect(organisations, problems, (in, src) -> rows(in, src, ORGANISATION_COLUMNS,
            List.of("id", "name", "legal_form"), Organisation::id, this::organisation, problems, null));
    boolean organisationsWhole = orgs != null;
    List<Vacancy> vacs =
        collect(vacancies, problems, (in, src) -> rows(in, src, VACANCY_COLUMNS,
            List.of("id", "organisation_id", "capacity"), Vacancy::id, this::vacancy, problems, vacancyRows));
    List<Volunteer> vols =
        collect(volunteers, problems, (in, src) -> rows(in, src, VOLUNTEER_COLUMNS,
            List.of("id"), Volunteer::id, this::volunteer, problems, null));
    if (words != null) {
      words.unplacedAsProblems(problems);
    }
    if (organisationsWhole && vacs != null) {
      problems.unknownOrganisations(orgs, vacs, i -> new InvalidDataException(
          vacancies.toString(), "row " + vacancyRows.get(i).row() + ", column organisation_id",
          vacs.get(i).organisationId(), vacancyRows.get(i).line(), -1,
          "no organisation with this id among the organisations read without a problem from "
              + organisations, null));
    }
    return problems.report(
        orgs == null ? 0 : orgs.size(), vacs == null ? 0 : vacs.size(), vols == null ? 0 : vols.size());
  }

  /** Reads one file for a check: null when the file itself has a problem, which is reported. */
  private <T> @Nullable List<T> collect(
      Path file, ValidationReport.Collector problems, ReaderFunction<T> reader) {
    if (problems.truncated()) {
      return null;
    }
    try {
      return read(file, reader);
    } catch (InvalidDataException e) {
      problems.add(e);
      return null;
    }
  }

  /** Where a row was read: its number (1 = the first data row) and its line. */
  private record Position(int row, int line) {}

  /**
   * Reads organisations from a file.
   *
   * @param file the CSV file
   * @return the organisations, in file order
   * @throws InvalidDataException if the file is invalid
   * @throws UncheckedIOException if the file cannot be read
   */
  public List<Organisation> readOrganisations(Path file) {
    return read(file, this::readOrganisations);
  }

  /**
   * Reads organisations.
   *
   * @param in the CSV text, which is not closed
   * @param source the name of the source, for error messages
   * @return the organisations
   * @throws InvalidDataException if the text is invalid
   */
  public List<Organisation> readOrganisations(Reader in, String source) {
    return rows(in, source, ORGANISATION_COLUMNS, List.of("id", "name", "legal_form"), Organisation::id, this::organisation);
  }

  /**
   * Reads vacancies from a file.
   *
   * @param file the CSV file
   * @return the vacancies, in file order
   * @throws InvalidDataException if the file is invalid
   * @throws UncheckedIOException if the file cannot be read
   */
  public List<Vacancy> readVacancies(Path file) {
    return read(file, this::readVacancies);
  }

  /**
   * Reads vacancies.
   *
   * @param in the CSV text, which is not closed
   * @param source the name of the source, for error messages
   * @return the vacancies
   * @throws InvalidDataException if the text is invalid
   */
  public List<Vacancy> readVacancies(Reader in, String source) {
    return rows(in, source, VACANCY_COLUMNS, List.of("id", "organisation_id", "capacity"), Vacancy::id, this::vacancy);
  }

  /**
   * Reads volunteers from a file.
   *
   * @param file the CSV file
   * @return the volunteers, in file order
   * @throws InvalidDataException if the file is invalid
   * @throws UncheckedIOException if the file cannot be read
   */
  public List<Volunteer> readVolunteers(Path file) {
    return read(file, this::readVolunteers);
  }

  /**
   * Reads organisations from bytes, such as an uploaded file: the encoding decided as for a file.
   *
   * @param bytes the CSV file's bytes
   * @param source the name of the source, for error messages
   * @return the organisations, in file order
   * @throws InvalidDataException if the bytes are invalid or in no encoding Koppel reads
   */
  public List<Organisation> readOrganisations(byte[] bytes, String source) {
    return read(TextFiles.Source.of(bytes, source), this::readOrganisations);
  }

  /**
   * Reads vacancies from bytes, such as an uploaded file: the encoding decided as for a file.
   *
   * @param bytes the CSV file's bytes
   * @param source the name of the source, for error messages
   * @return the vacancies, in file order
   * @throws InvalidDataException if the bytes are invalid or in no encoding Koppel reads
   */
  public List<Vacancy> readVacancies(byte[] bytes, String source) {
    return read(TextFiles.Source.of(bytes, source), this::readVacancies);
  }

  /**
   * Reads volunteers from bytes, such as an uploaded file: the encoding decided as for a file.
   *
   * @param bytes the CSV file's bytes
   * @param source the name of the source, for error messages
   * @return the volunteers, in file order
   * @throws InvalidDataException if the bytes are invalid or in no encoding Koppel reads
   */
  public List<Volunteer> readVolunteers(byte[] bytes, String source) {
    return read(TextFiles.Source.of(bytes, source), this::readVolunteers);
  }

  /**
   * Reads volunteers.
   *
   * @param in the CSV text, which is not closed
   * @param source the name of the source, for error messages
   * @return the volunteers
   * @throws InvalidDataException if the text is invalid
   */
  public List<Volunteer> readVolunteers(Reader in, String source) {
    return rows(in, source, VOLUNTEER_COLUMNS, List.of("id"), Volunteer::id, this::volunteer);
  }

  /**
   * Reads a history: one event per row with {@code volunteer_id}, {@code vacancy_id}, {@code date}
   * ({@code yyyy-mm-dd} or {@code dd/mm/yyyy}) and {@code outcome} ({@code proposed}, {@code
   * applied}, {@code declined}, {@code rejected}, {@code started}, {@code
   * active_after_three_months} or {@code stopped_early}).
   *
   * @param file a CSV file
   * @return the history
   * @throws InvalidDataException if a row is invalid, naming the row, the column and the value
   * @throws UncheckedIOException if the file cannot be read
   * @since 0.2
   */
  public History readHistory(Path file) {
    return History.of(read(file, this::historyEvents));
  }

  /**
   * Reads a history from CSV text.
   *
   * @param in the CSV text, which is not closed
   * @param source the name of the source, for error messages
   * @return the history
   * @throws InvalidDataException if a row is invalid
   * @since 0.2
   */
  public History readHistory(Reader in, String source) {
    return History.of(historyEvents(in, source));
  }

  private List<HistoryEvent> historyEvents(Reader in, String source) {
    return rows(in, source, HISTORY_COLUMNS, HISTORY_COLUMNS, null, this::historyEvent);
  }

  private HistoryEvent historyEvent(CsvRow r) {
    return new HistoryEvent(
        r.required("volunteer_id"),
        r.required("vacancy_id"),
        r.date("date", r.required("date")),
        r.enumeration("outcome", r.required("outcome"), MatchOutcome.class));
  }

  private interface ReaderFunction<T> {
    List<T> read(Reader in, String source);
  }

  private <T> List<T> read(Path file, ReaderFunction<T> reader) {
    return read(TextFiles.Source.of(file), reader);
  }

  private <T> List<T> read(TextFiles.Source source, ReaderFunction<T> reader) {
    TextFiles.Encoding encoding = TextFiles.encoding(source, charset, TextFiles.MAX_BYTES);
    try (Reader in = TextFiles.open(source, encoding)) {
      return reader.read(in, source.name());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.name(), e);
    }
  }


  private <T> List<T> rows(
      Reader in,
      String source,
      List<String> known,
      List<String> required,
      @Nullable Function<T, String> id,
      Function<CsvRow, T> parse) {
    return rows(in, source, known, required, id, parse, null, null);
  }

  /**
   * Reads the rows of a file. With {@code problems}, a row with a problem is reported there and
   * left out, and reading goes on until the collector is full; without, the first problem throws.
   * A problem of the header or of the file itself always throws.
   */
  private <T> List<T> rows(
      Reader in,
      String source,
      List<String> known,
      List<String> required,
      @Nullable Function<T, String> id,
      Function<CsvRow, T> parse,
      ValidationReport.@Nullable Collector problems,
      @Nullable List<Position> positions) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    // Streamed: only the header line is looked at before the parser reads the rows.
    BufferedReader text = new BufferedReader(in, MAX_HEADER + 2);
    String headerLine;
    try {
      text.mark(MAX_HEADER + 1);
      int first = text.read();
      if (first != '\uFEFF') {
        text.reset();
      }
      text.mark(MAX_HEADER + 1);
      StringBuilder header = new StringBuilder();
      for (int c = text.read(); c >= 0 && c != '\n'; c = text.read()) {
        if (header.length() >= MAX_HEADER) {
          throw new InvalidDataException(
              source, "row 0 (header)", null, 1, -1,
              "the header row is longer than " + MAX_HEADER + " characters", null);
        }
        header.append((char) c);
      }
      text.reset();
      headerLine = header.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    if (headerLine.isBlank()) {
      throw new InvalidDataException(source, "row 0 (header)", null, 1, -1, "the file has no header row", null);
    }
    char sep = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(sep);
    List<T> result = new ArrayList<>();
    Map<String, Integer> rowOfId = new HashMap<>();
    try (MappingIterator<Map<String, String>> it =
        READER
            .readerForMapOf(String.class)
            .with(schema)
            .with(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
            .readValues(text)) {
      // Asking for the first row makes the parser read the header, even when no row follows.
      boolean more = it.hasNextValue();
      List<String> columns = header(((CsvParser) it.getParser()).getSchema(), source, sep, known, required);
      // The header's names, made canonical once for the file rather than for each cell.
      Map<String, String> canonical = new HashMap<>();
      int row = 0;
      for (; more; more = it.hasNextValue()) {
        int line = it.getCurrentLocation().getLineNr();
        Map<String, String> raw = it.nextValue();
        row++;
        Map<String, String> cells = new LinkedHashMap<>();
        raw.forEach((k, v) -> cells.put(canonical.computeIfAbsent(k, ColumnNames::canonical), v));
        if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
          continue;
        }
        CsvRow csvRow = new CsvRow(source, row, line, cells, columns);
        T value;
        try {
          value = parseRow(csvRow, parse, columns);
          if (id != null) {
            Integer first = rowOfId.putIfAbsent(id.apply(value), row);
            if (first != null) {
              throw csvRow.error("id", id.apply(value), "duplicate id: row " + first + " has the same id", null);
            }
          }
        } catch (InvalidDataException e) {
          if (problems == null) {
            throw e;
          }
          if (!problems.add(e)) {
            break;
          }
          continue;
        }
        if (positions != null) {
          positions.add(new Position(row, line));
        }
        result.add(value);
      }
    } catch (StreamConstraintsException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new InvalidDataException(
          source, line > 0 ? "line " + line : "the file", null, line, -1,
          "the file exceeds a size limit: " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new InvalidDataException(source, "line " + line, null, line, -1, "malformed CSV: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return List.copyOf(result);
  }

  /** Parses one row, locating any problem at the row's column. */
  private <T> T parseRow(CsvRow csvRow, Function<CsvRow, T> parse, List<String> columns) {
    String source = csvRow.source();
    int row = csvRow.row();
    try {
      return parse.apply(csvRow);
    } catch (InvalidDataException e) {
      if (e.path().startsWith("$")) {
        String column = columnOfPath(e.path(), e.value(), csvRow, columns);
        if (column != null) {
          throw csvRow.error(column, e.value(), e.problem(), e).withSuggestions(e.suggestions());
        }
        throw e.relocate(source, "row " + row + ": $");
      }
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      Optional<String> column = columnOf(e.getMessage(), columns);
      if (column.isPresent()) {
        throw csvRow.error(column.get(), csvRow.text(column.get()), String.valueOf(e.getMessage()), e);
      }
      throw new InvalidDataException(source, "row " + row, null, csvRow.line(), -1, String.valueOf(e.getMessage()), e);
    }
  }

  private static final Pattern FIELD_OF_PATH = Pattern.compile("^\\$\\.(\\w+)");

  /** The CSV columns that may hold the value at a JSON path of a record, most likely first. */
  private static final Map<String, List<String>> COLUMNS_OF_PATH =
      Map.ofEntries(
          Map.entry("interests", List.of("interests")),
          Map.entry("supportNeeds", List.of("support_needs")),
          Map.entry("targetGroups", List.of("target_groups")),
          Map.entry("possibilities", List.of("possibilities")),
          Map.entry("talents", List.of("talents", "learn", "talents_required", "talents_desired")),
          Map.entry("sectors", List.of("sectors")),
          Map.entry("functionalDemands", List.of("demands")),
          Map.entry("accommodations", List.of("accommodations")),
          Map.entry("inclusion", List.of("open_to_target_groups")),
          Map.entry("languages", List.of("languages", "practise", "languages_required", "languages_desired")),
          Map.entry("practiseLanguages", List.of("practise_languages")));

  /**
   * Returns the column of the row that holds the value a check of the record (such as a vocabulary
   * check at {@code $.talents[2].conceptId}) found, or null.
   */
  private static @Nullable String columnOfPath(
      String path, @Nullable String value, CsvRow row, List<String> columns) {
    Matcher m = FIELD_OF_PATH.matcher(path);
    if (!m.find()) {
      return null;
    }
    List<String> candidates = COLUMNS_OF_PATH.getOrDefault(m.group(1), List.of());
    String fallback = null;
    for (String c : candidates) {
      if (!columns.contains(c)) {
        continue;
      }
      String text = row.text(c);
      if (value != null && text != null && text.contains(value)) {
        return c;
      }
      if (fallback == null && text != null) {
        fallback = c;
      }
    }
    return fallback;
  }

  /** The columns whose name is not the model field's name in snake case. */
  private static final Map<String, String> COLUMN_OF_FIELD =
      Map.of("displayName", "name", "consents", "consent_date", "recordedOn", "consent_date");

  /**
   * Returns the column of a validation message about a model field, such as {@code minimum_age}
   * for {@code minimumAge must be in [0, 99]: -4}, if the file has that column.
   */
  private static Optional<String> columnOf(@Nullable String message, List<String> columns) {
    String field = FieldMessages.field(message);
    if (field == null) {
      return Optional.empty();
    }
    String column =
        COLUMN_OF_FIELD.getOrDefault(
            field, field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
    return columns.contains(column) ? Optional.of(column) : Optional.empty();
  }

  /** Checks the header: known columns, none twice, every required one present. */
  private static List<String> header(
      CsvSchema header, String source, char sep, List<String> known, List<String> required) {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.columnName(i);
      // Dutch and French names are the English column's.
      String name = ColumnNames.canonical(column);
      boolean localized = known.contains("title_nl") && ColumnNames.isLocalized(name);
      if (!known.contains(name) && !localized) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String k : known) {
          names.put(k, ColumnNames.all().getOrDefault(k, List.of()));
        }
        List<String> nearest = Similarity.nearest(column, names, 3);
        throw new InvalidDataException(
            source, "row 0 (header), column " + column, column, 1, i + 1,
            "unknown column"
                + (nearest.isEmpty() ? "" : "; nearest: " + String.join(", ", nearest))
                + "; known columns: " + String.join(", ", known), null)
            .withSuggestions(nearest);
      }
      if (columns.contains(name)) {
        throw new InvalidDataException(
            source, "row 0 (header), column " + column, column, 1, i + 1, "the column occurs twice", null);
      }
      columns.add(name);
    }
    for (String column : required) {
      if (!columns.contains(column)) {
        throw new InvalidDataException(
            source, "row 0 (header)", String.join(String.valueOf(sep), columns), 1, -1,
            "the required column '" + column + "' is missing", null);
      }
    }
    return columns;
  }

  private static int count(String s, char c) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char x = s.charAt(i);
      if (x == '"') {
        quoted = !quoted;
      } else if (x == c && !quoted) {
        n++;
      }
    }
    return n;
  }

  // ------------------------------------------------------------------ organisations

  private Organisation organisation(CsvRow r) {
    Organisation o =
        new Organisation(
            r.required("id"),
            r.required("name"),
            r.enumeration("legal_form", r.required("legal_form"), LegalForm.class),
            r.text("insured") == null || r.bool("insured"),
            new LinkedHashSet<>(concepts(r, "sectors", VocabularyKind.SECTORS)),
            r.location(geocoder),
            new InclusionCommitments(
                new LinkedHashSet<>(r.list("open_to_target_groups")), r.bool("coach_or_buddy"), r.bool("trial_day")),
            r.bool("youth_work"));
    return vocabularies.validate(o);
  }

  /** The concept ids of a list column: its items, or in a normalising import the placed words. */
  private List<String> concepts(CsvRow r, String column, VocabularyKind kind) {
    List<String> items = r.list(column);
    if (words == null) {
      return items;
    }
    List<String> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String item : items) {
      ids.addAll(placed(r, column, item, kind, seen));
    }
    return ids;
  }

  /**
   * The concept ids one item of a column stands for: the item itself, or in a normalising import
   * the concepts its words are placed on that {@code seen} does not hold yet.
   */
  private List<String> placed(CsvRow r, String column, String item, VocabularyKind kind, Set<String> seen) {
    if (words == null) {
      return List.of(item);
    }
    List<String> ids = new ArrayList<>();
    for (String id : words.place(kind, item, r.source(), "row " + r.row() + ", column " + column)) {
      if (seen.add(kind + ":" + id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  // ------------------------------------------------------------------ vacancies

  private Vacancy vacancy(CsvRow r) {
    LocalizedText title = r.localized("title");
    if (title == null) {
      throw r.error("title_nl", null, "a vacancy needs a title in at least one of title_nl, title_en, title_fr", null);
    }
    Vacancy.Builder b =
        Vacancy.builder(r.required("id"), r.required("organisation_id"), title)
            .description(r.localized("description"))
            .sectors(new LinkedHashSet<>(concepts(r, "sectors", VocabularyKind.SECTORS)))
            .offersTraining(r.bool("offers_training"))
            .noDutchRequired(r.bool("no_dutch_required"))
            .practiseLanguages(new LinkedHashSet<>(r.list("practise_languages")))
            .requiresBackgroundCheck(r.bool("requires_background_check"));
    Set<String> seen = new HashSet<>();
    for (String column : List.of("talents_required", "talents_desired")) {
      for (String item : r.list(column)) {
        String[] p = r.pair(column, item, ':');
        ProficiencyLevel level = p[1] == null ? null : r.enumeration(column, p[1], ProficiencyLevel.class);
        for (String id : placed(r, column, p[0], VocabularyKind.TALENTS, seen)) {
          b.talent(new TalentRequirement(id, level, column.equals("talents_required")));
        }
      }
    }
    for (String column : List.of("languages_required", "languages_desired")) {
      for (String item : r.list(column)) {
        String[] p = r.pair(column, item, ':');
        if (p[1] == null) {
          throw r.error(column, item, "expected language:level, such as nl:B1", null);
        }
        b.language(new LanguageRequirement(p[0], r.cefr(column, p[1]), column.equals("languages_required")));
      }
    }
    for (String item : r.list("demands")) {
      String[] p = r.pair("demands", item, ':');
      if (p[1] == null) {
        throw r.error("demands", item, "expected dimension:level, such as lifting:high", null);
      }
      b.demand(p[0], r.enumeration("demands", p[1], FunctionalLevel.class));
    }
    for (String item : r.list("accommodations")) {
      b.accommodation(accommodation(r, item));
    }
    Regularity regularity = r.enumeration("regularity", Regularity.class);
    List<Shift> shifts = shifts(r);
    if (regularity == null) {
      regularity = shifts.isEmpty() ? Regularity.REGULAR : Regularity.ONE_OFF;
    }
    b.schedule(new Schedule(regularity, weekly(r), r.decimal("hours_per_week"), shifts));
    WorkMode mode = r.enumeration("work_mode", WorkMode.class);
    WorkMode workMode = mode == null ? WorkMode.ON_SITE : mode;
    Location place = r.location(geocoder);
    if (place == null && workMode != WorkMode.REMOTE) {
      throw r.error("latitude", null,
          (workMode == WorkMode.HYBRID ? "a hybrid" : "an on-site") + " vacancy needs a place: latitude"
              + " and longitude, a postcode or a municipality (or work_mode remote)", null);
    }
    b.place(workMode, place);
    Integer capacity = r.integer("capacity");
    if (capacity == null) {
      throw r.error("capacity", null, "the column 'capacity' is required and empty", null);
    }
    b.capacity(capacity);
    b.minimumAge(r.integer("minimum_age"));
    b.minimumAgeByCalendarYear(r.bool("minimum_age_by_calendar_year"));
    b.allowance(allowance(r));
    b.socialSetting(r.enumeration("social_setting", SocialSetting.class));
    b.validity(r.date("valid_from"), r.date("valid_until"));
    b.drivingLicence(r.enumeration("driving_licence", DrivingLicence.class));
    return vocabularies.validate(b.build());
  }

  private static Accommodation accommodation(CsvRow r, String item) {
    int open = item.indexOf('(');
    if (open < 0) {
      return Accommodation.of(item);
    }
    if (!item.endsWith(")")) {
      throw r.error("accommodations", item, "expected id(dimension=level;...), such as seated_work(standing_walking=low)", null);
    }
    Map<String, FunctionalLevel> lowers = new LinkedHashMap<>();
    for (String part : item.substring(open + 1, item.length() - 1).split(";")) {
      String[] p = r.pair("accommodations", part, '=');
      if (p[1] == null) {
        throw r.error("accommodations", item, "expected dimension=level inside the parentheses", null);
      }
      lowers.put(p[0], r.enumeration("accommodations", p[1], FunctionalLevel.class));
    }
    return new Accommodation(item.substring(0, open).strip(), lowers);
  }

  private static Allowance allowance(CsvRow r) {
    String value = r.text("allowance");
    if (value == null) {
      return Allowance.NONE;
    }
    String[] p = r.pair("allowance", value, ':');
    AllowanceType type = r.enumeration("allowance", p[0], AllowanceType.class);
    if (p[1] == null) {
      return new Allowance(type, null);
    }
    if (type != AllowanceType.FLAT_RATE) {
      throw r.error("allowance", value, "only flat_rate takes an amount, such as flat_rate:25.00", null);
    }
    return Allowance.flatRate(r.money("allowance", p[1]));
  }

  private static Set<WeeklySlot> weekly(CsvRow r) {
    Set<WeeklySlot> slots = new LinkedHashSet<>();
    for (String item : r.list("weekly")) {
      String[] p = r.pair("weekly", item, ':');
      if (p[1] == null) {
        throw r.error("weekly", item, "expected day:part, such as mon:morning", null);
      }
      slots.add(WeeklySlot.of(r.day("weekly", p[0]), r.enumeration("weekly", p[1], DayPart.class)));
    }
    return slots;
  }

  private static List<Shift> shifts(CsvRow r) {
    List<Shift> shifts = new ArrayList<>();
    for (String item : r.list("shifts")) {
      String[] parts = item.strip().split("\\s+");
      String[] times = parts.length == 2 ? parts[1].split("-") : new String[0];
      if (times.length != 2) {
        throw r.error("shifts", item, "expected date start-end, such as 2027-06-21 09:00-13:00", null);
      }
      try {
        shifts.add(Shift.of(r.date("shifts", parts[0]), LocalTime.parse(times[0]), LocalTime.parse(times[1])));
      } catch (DateTimeParseException e) {
        throw r.error("shifts", item, "expected times as HH:mm", e);
      } catch (IllegalArgumentException e) {
        throw r.error("shifts", item, e.getMessage(), e);
      }
    }
    return shifts;
  }

  // ------------------------------------------------------------------ volunteers

  /** The status, candidate-bank consent and own cap of a volunteer's row. */
  private static Participation participation(CsvRow r) {
    Participation.Status status = r.enumeration("status", Participation.Status.class);
    LocalDate pausedUntil = r.date("paused_until");
    if (pausedUntil != null && status != Participation.Status.PAUSED) {
      throw r.error("paused_until", pausedUntil.toString(),
          "a pause's last day is only for a paused volunteer (status paused)", null);
    }
    LocalDate findableSince = r.date("findable_since");
    Integer max = r.integer("max_proposals_per_month");
    if (max != null && (max < 0 || max > Participation.MAX_PROPOSALS_PER_MONTH)) {
      throw r.error("max_proposals_per_month", max.toString(),
          "must be a whole number in [0, " + Participation.MAX_PROPOSALS_PER_MONTH + "]", null);
    }
    try {
      return new Participation(status, pausedUntil, findableSince, max);
    } catch (IllegalArgumentException e) {
      throw r.error("findable_since", findableSince == null ? null : findableSince.toString(), e.getMessage(), e);
    }
  }

  private Volunteer volunteer(CsvRow r) {
    Volunteer.Builder b =
        Volunteer.builder(r.required("id"))
            .displayName(r.text("name"))
            .completedFirstStageSecondary(r.bool("first_stage_secondary"))
            .interests(new LinkedHashSet<>(concepts(r, "interests", VocabularyKind.SECTORS)))
            .supportNeeds(new LinkedHashSet<>(r.list("support_needs")))
            .targetGroups(new LinkedHashSet<>(r.list("target_groups")));
    b.birthDate(r.date("birth_date"));
    Set<String> practise = new LinkedHashSet<>(r.list("practise"));
    Set<String> listed = new LinkedHashSet<>();
    for (String item : r.list("languages")) {
      String[] p = r.pair("languages", item, ':');
      if (p[1] == null) {
        throw r.error("languages", item, "expected language:level, such as nl:A2", null);
      }
      listed.add(p[0]);
      b.language(new LanguageSkill(p[0], r.cefr("languages", p[1]), practise.contains(p[0])));
    }
    for (String language : practise) {
      if (!listed.contains(language)) {
        throw r.error("practise", language, "a language to practise must also be in 'languages' with its level", null);
      }
    }
    Set<String> seen = new HashSet<>();
    for (String column : List.of("talents", "learn")) {
      for (String item : r.list(column)) {
        String[] p = r.pair(column, item, ':');
        ProficiencyLevel level = p[1] == null ? null : r.enumeration(column, p[1], ProficiencyLevel.class);
        for (String id : placed(r, column, p[0], VocabularyKind.TALENTS, seen)) {
          b.talent(new Talent(id, level, column.equals("learn")));
        }
      }
    }
    for (String item : r.list("possibilities")) {
      String[] p = r.pair("possibilities", item, ':');
      if (p[1] == null) {
        throw r.error("possibilities", item, "expected dimension:level, such as lifting:low", null);
      }
      b.possibility(p[0], r.enumeration("possibilities", p[1], FunctionalLevel.class));
    }
    try {
      b.availability(
          new Availability(weekly(r), r.decimal("hours_per_week"), r.date("available_from"), r.date("available_until"), shifts(r)));
    } catch (InvalidDataException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String column = e.getMessage().startsWith("hours") ? "hours_per_week" : "available_until";
      throw r.error(column, r.text(column), e.getMessage(), e);
    }
    b.home(r.location(geocoder));
    Double km = r.decimal("max_distance_km");
    TravelMode mode = r.enumeration("travel_mode", TravelMode.class);
    if (km != null || mode != null) {
      if (km == null || mode == null) {
        String missing = km == null ? "max_distance_km" : "travel_mode";
        throw r.error(missing, null, "max_distance_km and travel_mode go together; " + missing + " is empty", null);
      }
      try {
        b.mobility(Mobility.of(km, mode));
      } catch (IllegalArgumentException e) {
        throw r.error("max_distance_km", r.text("max_distance_km"), e.getMessage(), e);
      }
    }
    boolean prefersRemote = r.bool("prefers_remote");
    boolean remoteOk = r.text("remote_ok") == null || r.bool("remote_ok");
    if (prefersRemote && !remoteOk) {
      throw r.error("prefers_remote", r.text("prefers_remote"),
          "prefers_remote needs remote_ok: a volunteer who prefers remote work finds it fine", null);
    }
    b.preferences(
        new Preferences(
            remoteOk,
            r.enumeration("regularity", Regularity.class),
            r.enumeration("social_setting", SocialSetting.class),
            prefersRemote));
    for (String item : r.list("benefits")) {
      b.benefit(r.enumeration("benefits", item, BenefitStatus.class));
    }
    b.backgroundCheckDate(r.date("background_check_date"));
    b.participation(participation(r));
    for (String item : r.list("driving_licences")) {
      b.drivingLicence(r.enumeration("driving_licences", item, DrivingLicence.class));
    }
    LocalDate consentDate = r.date("consent_date");
    for (SensitiveCategory category : SensitiveCategory.values()) {
      String column = CONSENT_COLUMNS.get(category);
      String value = r.text(column);
      if (value == null) {
        continue;
      }
      Set<ConsentPurpose> purposes = EnumSet.noneOf(ConsentPurpose.class);
      for (String purpose : value.toLowerCase(Locale.ROOT).split("\\+")) {
        switch (purpose.strip()) {
          case "matching" -> purposes.add(ConsentPurpose.MATCHING);
          case "counsellor" -> purposes.add(ConsentPurpose.COUNSELLOR_VIEW);
          default -> throw r.error(column, value, "expected matching, counsellor or matching+counsellor", null);
        }
      }
      // A date of its own, or the date of every consent of the row.
      LocalDate own = r.date(column + "_date");
      if (own == null && consentDate == null) {
        throw r.error(
            "consent_date", null,
            "a recorded consent needs the date it was recorded (" + column + "_date or consent_date)", null);
      }
      b.consent(new Consent(category, purposes, own != null ? own : consentDate));
    }
    try {
      return vocabularies.validate(b.build());
    } catch (InvalidDataException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      String column = columnOf(e.getMessage(), VOLUNTEER_COLUMNS).orElse("id");
      throw r.error(column, r.text(column), e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes organisations with every column of {@link #ORGANISATION_COLUMNS}.
   *
   * @param organisations the organisations
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public void writeOrganisations(List<Organisation> organisations, Writer out) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Organisation o : organisations) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("id", o.id());
      row.put("name", o.name());
      row.put("legal_form", lower(o.legalForm()));
      row.put("insured", yesNo(o.liabilityInsured()));
      row.put("sectors", String.join(", ", o.sectors()));
      putLocation(row, o.location());
      row.put("open_to_target_groups", String.join(", ", o.inclusion().openToTargetGroups()));
      row.put("coach_or_buddy", yesNo(o.inclusion().coachOrBuddy()));
      row.put("trial_day", yesNo(o.inclusion().trialDay()));
      row.put("youth_work", yesNo(o.youthWork()));
      rows.add(row);
    }
    write(rows, ORGANISATION_COLUMNS, out);
  }

  /**
   * Writes a history, one event per row with the columns of {@link #HISTORY_COLUMNS}.
   *
   * @param history the history
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   * @since 0.2
   */
  public void writeHistory(History history, Writer out) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (HistoryEvent e : history.events()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("volunteer_id", e.volunteerId());
      row.put("vacancy_id", e.vacancyId());
      row.put("date", e.date().toString());
      row.put("outcome", lower(e.outcome()));
      rows.add(row);
    }
    write(rows, HISTORY_COLUMNS, out);
  }

  /**
   * Writes vacancies with every column of {@link #VACANCY_COLUMNS}, and a title and description
   * column for every other language the vacancies' texts use ({@code title_de}, {@code
   * description_ar}).
   *
   * @param vacancies the vacancies
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public void writeVacancies(List<Vacancy> vacancies, Writer out) {
    // Titles and descriptions in other languages than nl, en and fr get columns of their own.
    Set<String> others = new TreeSet<>();
    for (Vacancy v : vacancies) {
      others.addAll(v.title().texts().keySet());
      if (v.description() != null) {
        others.addAll(v.description().texts().keySet());
      }
    }
    others.removeAll(List.of("nl", "en", "fr"));
    List<String> languages = new ArrayList<>(List.of("nl", "en", "fr"));
    languages.addAll(others);
    List<String> columns = new ArrayList<>(VACANCY_COLUMNS);
    int at = columns.indexOf("description_fr") + 1;
    for (String language : others) {
      columns.add(at++, "title_" + language);
      columns.add(at++, "description_" + language);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Vacancy v : vacancies) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("id", v.id());
      row.put("organisation_id", v.organisationId());
      for (String language : languages) {
        row.put("title_" + language, v.title().texts().getOrDefault(language, ""));
        row.put("description_" + language, v.description() == null ? "" : v.description().texts().getOrDefault(language, ""));
      }
      row.put("sectors", String.join(", ", v.sectors()));
      row.put("talents_required", talents(v.talents(), true));
      row.put("talents_desired", talents(v.talents(), false));
      row.put("offers_training", yesNo(v.offersTraining()));
      row.put("languages_required", languages(v.languages(), true));
      row.put("languages_desired", languages(v.languages(), false));
      row.put("no_dutch_required", yesNo(v.noDutchRequired()));
      row.put("practise_languages", String.join(", ", v.practiseLanguages()));
      row.put("demands", levels(v.functionalDemands(), ":", ", "));
      row.put(
          "accommodations",
          v.accommodations().stream()
              .map(a -> a.lowersDemands().isEmpty() ? a.accommodationId() : a.accommodationId() + "(" + levels(a.lowersDemands(), "=", ";") + ")")
              .collect(Collectors.joining(", ")));
      row.put("regularity", lower(v.schedule().regularity()));
      row.put("weekly", slots(v.schedule().weekly()));
      row.put("hours_per_week", number(v.schedule().hoursPerWeek()));
      row.put("shifts", shiftText(v.schedule().shifts()));
      row.put("work_mode", lower(v.workMode()));
      putLocation(row, v.location());
      row.put("capacity", Integer.toString(v.capacity()));
      row.put("minimum_age", v.minimumAge() == null ? "" : v.minimumAge().toString());
      row.put("minimum_age_by_calendar_year", yesNo(v.minimumAgeByCalendarYear()));
      row.put("requires_background_check", yesNo(v.requiresBackgroundCheck()));
      Allowance a = v.allowance();
      row.put("allowance", lower(a.type()) + (a.amountPerDay() == null ? "" : ":" + a.amountPerDay().toPlainString()));
      row.put("social_setting", v.socialSetting() == null ? "" : lower(v.socialSetting()));
      row.put("valid_from", v.validFrom() == null ? "" : v.validFrom().toString());
      row.put("valid_until", v.validUntil() == null ? "" : v.validUntil().toString());
      row.put("driving_licence", v.drivingLicence() == null ? "" : v.drivingLicence().name());
      rows.add(row);
    }
    write(rows, columns, out);
  }

  /**
   * Writes volunteers with every column of {@link #VOLUNTEER_COLUMNS}, each consent with its own
   * date. What the form cannot hold is refused, never dropped: a volunteer's history of earlier
   * matches belongs in a history file ({@link #writeHistory}).
   *
   * @param volunteers the volunteers
   * @param out where to write; not closed
   * @throws InvalidDataException if a volunteer has a history, naming it
   * @throws UncheckedIOException if writing fails
   */
  public void writeVolunteers(List<Volunteer> volunteers, Writer out) {
    for (int i = 0; i < volunteers.size(); i++) {
      if (!volunteers.get(i).history().isEmpty()) {
        // Refused rather than dropped: nothing may be lost on the way out.
        throw new InvalidDataException(
            "<memory>", "$[" + i + "].history", null, -1, -1,
            "the CSV form cannot hold a volunteer's earlier matches (volunteer "
                + volunteers.get(i).id() + " has " + volunteers.get(i).history().size()
                + "): write them with writeHistory(History.of(dataset)) and leave them out of the"
                + " volunteers, or use JSON",
            null);
      }
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Volunteer v : volunteers) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("id", v.id());
      row.put("name", v.displayName() == null ? "" : v.displayName());
      row.put("birth_date", v.birthDate() == null ? "" : v.birthDate().toString());
      row.put("first_stage_secondary", yesNo(v.completedFirstStageSecondary()));
      row.put("languages", v.languages().stream().map(l -> l.language() + ":" + l.level()).collect(Collectors.joining(", ")));
      row.put("practise", v.languages().stream().filter(LanguageSkill::wantsToPractise).map(LanguageSkill::language).collect(Collectors.joining(", ")));
      row.put(
          "talents",
          v.talents().stream()
              .filter(t -> !t.wantsToLearn())
              .map(t -> t.conceptId() + (t.level() == null ? "" : ":" + lower(t.level())))
              .collect(Collectors.joining(", ")));
      row.put(
          "learn",
          v.talents().stream()
              .filter(Talent::wantsToLearn)
              .map(t -> t.conceptId() + (t.level() == null ? "" : ":" + lower(t.level())))
              .collect(Collectors.joining(", ")));
      row.put("interests", String.join(", ", v.interests()));
      row.put("possibilities", levels(v.possibilities(), ":", ", "));
      row.put("support_needs", String.join(", ", v.supportNeeds()));
      Availability av = v.availability();
      row.put("weekly", slots(av.weekly()));
      row.put("hours_per_week", number(av.hoursPerWeek()));
      row.put("available_from", av.from() == null ? "" : av.from().toString());
      row.put("available_until", av.until() == null ? "" : av.until().toString());
      row.put("shifts", shiftText(av.shifts()));
      putLocation(row, v.home());
      row.put("max_distance_km", v.mobility() == null ? "" : number(v.mobility().maxDistanceKm()));
      row.put("travel_mode", v.mobility() == null ? "" : lower(v.mobility().travelMode()));
      row.put("remote_ok", yesNo(v.preferences().remoteOk()));
      row.put("prefers_remote", v.preferences().prefersRemote() ? "yes" : "");
      row.put("regularity", v.preferences().regularity() == null ? "" : lower(v.preferences().regularity()));
      row.put("social_setting", v.preferences().socialSetting() == null ? "" : lower(v.preferences().socialSetting()));
      row.put("target_groups", String.join(", ", v.targetGroups()));
      row.put("benefits", v.benefits().stream().map(KoppelCsv::lower).collect(Collectors.joining(", ")));
      row.put("background_check_date", v.backgroundCheckDate() == null ? "" : v.backgroundCheckDate().toString());
      row.put("driving_licences", v.drivingLicences().stream().map(Enum::name).collect(Collectors.joining(", ")));
      for (SensitiveCategory category : SensitiveCategory.values()) {
        row.put(CONSENT_COLUMNS.get(category), "");
        row.put(CONSENT_COLUMNS.get(category) + "_date", "");
      }
      for (Consent c : v.consents()) {
        row.put(
            CONSENT_COLUMNS.get(c.category()),
            c.purposes().stream()
                .map(p -> p == ConsentPurpose.MATCHING ? "matching" : "counsellor")
                .collect(Collectors.joining("+")));
        row.put(CONSENT_COLUMNS.get(c.category()) + "_date", c.recordedOn().toString());
      }
      row.put("consent_date", "");
      Participation p = v.participation();
      row.put("status", p.status() == Participation.Status.ACTIVE ? "" : lower(p.status()));
      row.put("paused_until", p.pausedUntil() == null ? "" : p.pausedUntil().toString());
      row.put("findable_since", p.findableSince() == null ? "" : p.findableSince().toString());
      row.put("max_proposals_per_month", p.maxProposalsPerMonth() == null ? "" : p.maxProposalsPerMonth().toString());
      rows.add(row);
    }
    write(rows, VOLUNTEER_COLUMNS, out);
  }

  private void write(List<Map<String, String>> rows, List<String> columns, Writer out) {
    CsvSchema.Builder schema = CsvSchema.builder().setColumnSeparator(separator).setUseHeader(true);
    for (String column : columns) {
      schema.addColumn(column);
    }
    List<Map<String, String>> safe = new ArrayList<>(rows.size());
    for (Map<String, String> row : rows) {
      Map<String, String> cells = new LinkedHashMap<>();
      row.forEach((column, value) -> cells.put(column, SpreadsheetCells.neutral(value)));
      safe.add(cells);
    }
    try {
      READER.writer(schema.build()).writeValue(new NonClosingWriter(out), safe);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV", e);
    }
  }

  private static void putLocation(Map<String, String> row, @Nullable Location l) {
    row.put("latitude", l == null ? "" : Double.toString(l.latitude()));
    row.put("longitude", l == null ? "" : Double.toString(l.longitude()));
    row.put("postcode", l == null || l.postcode() == null ? "" : l.postcode());
    row.put("municipality", l == null || l.municipality() == null ? "" : l.municipality());
    row.put("neighbourhood", l == null || l.neighbourhood() == null ? "" : l.neighbourhood());
    row.put("approximate", l != null && l.approximate() ? "yes" : "");
  }

  private static String talents(List<TalentRequirement> talents, boolean required) {
    return talents.stream()
        .filter(t -> t.required() == required)
        .map(t -> t.conceptId() + (t.minimumLevel() == null ? "" : ":" + lower(t.minimumLevel())))
        .collect(Collectors.joining(", "));
  }

  private static String languages(List<LanguageRequirement> languages, boolean mandatory) {
    return languages.stream()
        .filter(l -> l.mandatory() == mandatory)
        .map(l -> l.language() + ":" + l.minimumLevel())
        .collect(Collectors.joining(", "));
  }

  private static String levels(Map<String, FunctionalLevel> levels, String kv, String sep) {
    return levels.entrySet().stream().map(e -> e.getKey() + kv + lower(e.getValue())).collect(Collectors.joining(sep));
  }

  private static String slots(Set<WeeklySlot> slots) {
    return slots.stream()
        .map(s -> s.day().name().substring(0, 3).toLowerCase(Locale.ROOT) + ":" + lower(s.part()))
        .collect(Collectors.joining(", "));
  }

  private static String shiftText(List<Shift> shifts) {
    return shifts.stream().map(s -> s.date() + " " + s.start() + "-" + s.end()).collect(Collectors.joining(", "));
  }

  private static String number(@Nullable Double d) {
    if (d == null) {
      return "";
    }
    return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** Keeps Jackson from closing the caller's writer. */
  private static final class NonClosingWriter extends Writer {
    private final Writer delegate;

    NonClosingWriter(Writer delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      delegate.write(cbuf, off, len);
    }

    @Override
    public void flush() throws IOException {
      delegate.flush();
    }

    @Override
    public void close() throws IOException {
      delegate.flush();
    }
  }
}
