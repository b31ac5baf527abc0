package io.github.koppel.cli;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.geo.Gazetteer;
import io.github.koppel.core.geo.Geocoder;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.io.NormalisedImport;
import io.github.koppel.core.io.PlacedWord;
import io.github.koppel.core.io.UnplacedWord;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The data options every command that reads a city shares: one JSON dataset, or the three CSV
 * files of a counter's spreadsheets, with their charset and the vocabularies to check ids against.
 */
final class DataOptions {
  @Option(names = "--data", paramLabel = "FILE", description = "A JSON dataset.")
  @Nullable Path data;

  @Option(names = "--organisations", paramLabel = "FILE", description = "A CSV file of organisations (with --vacancies and --volunteers).")
  @Nullable Path organisations;

  @Option(names = "--vacancies", paramLabel = "FILE", description = "A CSV file of vacancies (with --organisations and --volunteers).")
  @Nullable Path vacancies;

  @Option(names = "--volunteers", paramLabel = "FILE", description = "A CSV file of volunteers (with --organisations and --vacancies).")
  @Nullable Path volunteers;

  @Option(
      names = "--charset",
      description = "The charset of the CSV files, such as UTF-8, UTF-16 or windows-1252 (default: decided from a byte-order mark or the bytes).")
  @Nullable String charset;

  @Option(names = "--vocabularies", paramLabel = "FILE", description = "Vocabularies JSON to check ids against (default: the Flemish vocabularies).")
  @Nullable Path vocabularyFile;

  @Option(
      names = "--postcodes",
      paramLabel = "FILE",
      description = "A GeoNames postal code file (such as BE.txt from download.geonames.org/export/zip) to locate addresses given by postcode alone; municipalities are located with the bundled Belgian places.")
  @Nullable Path postcodes;

  @Option(
      names = "--normalise-words",
      description = "Place the free words of talents, interests and sectors (such as \"kookt graag\" or \"moestuin\") on the vocabulary's concepts. Every word placed is listed on standard error for a counsellor to check; a word that cannot be placed stops the command, with its nearest concepts.")
  boolean normaliseWords;

  /** Returns whether no data option was given, so that a command may use the demo city. */
  boolean none() {
    return data == null && !csv();
  }

  private boolean csv() {
    return organisations != null || vacancies != null || volunteers != null;
  }

  /**
   * Fails with a usage error unless the options name one JSON file or all three CSV files (or,
   * where {@code optional}, nothing).
   */
  void check(CommandLine commandLine, boolean optional) {
    boolean csv = csv();
    boolean complete = organisations != null && vacancies != null && volunteers != null;
    if ((data != null && csv) || (csv && !complete) || (!optional && data == null && !csv)) {
      throw new CommandLine.ParameterException(
          commandLine,
          "give either --data FILE.json, or all of --organisations, --vacancies and --volunteers"
              + (optional ? " (or none of them for the demo city)" : ""));
    }
    if (charset != null && !csv) {
      throw new CommandLine.ParameterException(
          commandLine, "--charset applies to CSV files: give it with --organisations, --vacancies and --volunteers");
    }
    if (postcodes != null && data == null && !csv) {
      throw new CommandLine.ParameterException(
          commandLine, "--postcodes applies to the data you give: add --data or the CSV files");
    }
    if (normaliseWords && data == null && !csv) {
      throw new CommandLine.ParameterException(
          commandLine, "--normalise-words applies to the data you give: add --data or the CSV files");
    }
    if (vocabularyFile != null && data == null && !csv) {
      throw new CommandLine.ParameterException(
          commandLine, "--vocabularies applies to the data you give: add --data or the CSV files");
    }
    charset(commandLine);
  }

  @Nullable Charset charset(CommandLine commandLine) {
    if (charset == null) {
      return null;
    }
    try {
      return Charset.forName(charset);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          commandLine, "--charset must be a charset such as UTF-8, UTF-16 or windows-1252: '" + charset + "'");
    }
  }

  /** Returns the vocabularies ids are checked against. */
  Vocabularies vocabularies() {
    KoppelJson json = KoppelJson.create();
    return vocabularyFile == null ? json.vocabularies() : json.readVocabularies(vocabularyFile);
  }

  /** Returns the geocoder of addresses without coordinates. */
  Geocoder geocoder() {
    return postcodes == null ? Gazetteer.belgium() : Gazetteer.readGeoNames(postcodes).with(Gazetteer.belgium());
  }

  /** Returns the JSON reader these options configure. */
  KoppelJson json() {
    return KoppelJson.create().withVocabularies(vocabularies()).withGeocoder(geocoder());
  }

  /** Returns the CSV reader these options configure. */
  KoppelCsv csv(CommandLine commandLine) {
    return KoppelCsv.create()
        .withVocabularies(vocabularies())
        .withCharset(charset(commandLine))
        .withGeocoder(geocoder());
  }

  /** Reads the dataset the options name, or the bundled demo city when they name none. */
  Dataset dataset(CommandLine commandLine) {
    if (none()) {
      return DemoCity.bundled();
    }
    if (normaliseWords) {
      NormalisedImport result =
          data != null
              ? json().readDatasetNormalising(data)
              : csv(commandLine).readDatasetNormalising(organisations, vacancies, volunteers);
      return report(result, commandLine.getErr());
    }
    if (data != null) {
      return json().readDataset(data);
    }
    return csv(commandLine).readDataset(organisations, vacancies, volunteers);
  }

  /**
   * Lists the words a normalising import placed and could not place, and returns the dataset, or
   * fails when a word could not be placed.
   */
  private static Dataset report(NormalisedImport result, PrintWriter err) {
    if (!result.placed().isEmpty()) {
      err.printf("Free words placed on a concept (%d%s):%n", result.placed().size(), more(result));
      for (PlacedWord w : result.placed()) {
        err.printf(Locale.ROOT, "  %s, %s: %s -> %s (%s, %.2f)%n", Output.oneLine(w.source()), Output.oneLine(w.location()),
            InvalidDataException.printable(w.word()), w.conceptId(), InvalidDataException.printable(w.matchedLabel()),
            w.similarity());
      }
    }
    if (result.unplaced().isEmpty()) {
      return result.dataset().orElseThrow();
    }
    err.printf("Free words not placed (%d%s):%n", result.unplaced().size(), more(result));
    for (UnplacedWord w : result.unplaced()) {
      err.printf("  %s, %s: %s%s%n", Output.oneLine(w.source()), Output.oneLine(w.location()), InvalidDataException.printable(w.word()),
          w.nearest().isEmpty() ? "" : " (nearest: " + String.join(", ", w.nearest()) + ")");
    }
    int n = result.unplaced().size();
    throw new IllegalArgumentException(
        n + (n == 1 ? " word" : " words") + " could not be placed on a concept: write a concept id or"
            + " another word, or add the word to the vocabulary as an alternative label; nothing was loaded");
  }

  private static String more(NormalisedImport result) {
    return result.truncated() ? ", the first " + NormalisedImport.MAX_WORDS + "; there are more" : "";
  }


  /** Returns the input files of these options, by option name. */
  Map<String, Path> inputs() {
    Map<String, Path> inputs = new LinkedHashMap<>();
    put(inputs, "--data", data);
    put(inputs, "--organisations", organisations);
    put(inputs, "--vacancies", vacancies);
    put(inputs, "--volunteers", volunteers);
    put(inputs, "--vocabularies", vocabularyFile);
    put(inputs, "--postcodes", postcodes);
    return inputs;
  }

  private static void put(Map<String, Path> inputs, String option, @Nullable Path file) {
    if (file != null) {
      inputs.put(option, file);
    }
  }
}
