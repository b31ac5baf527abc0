package io.github.koppel.cli;

import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code koppel validate}: reads a dataset as Koppel would and reports the first problem. */
@Command(
    name = "validate",
    description = "Check a dataset (one JSON file or three CSV files) and report the first problem.")
final class ValidateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--data", description = "A JSON dataset.")
  @Nullable Path data;

  @Option(names = "--organisations", description = "A CSV file of organisations.")
  @Nullable Path organisations;

  @Option(names = "--vacancies", description = "A CSV file of vacancies.")
  @Nullable Path vacancies;

  @Option(names = "--volunteers", description = "A CSV file of volunteers.")
  @Nullable Path volunteers;

  @Option(names = "--vocabularies", description = "Vocabularies JSON to check ids against (default: the Flemish vocabularies).")
  @Nullable Path vocabularyFile;

  @Option(
      names = "--charset",
      description = "The charset of the CSV files, such as UTF-8, UTF-16 or windows-1252 (default: decided from a byte-order mark or the bytes).")
  @Nullable String charset;

  ValidateCommand() {}

  @Override
  public void run() {
    boolean csv = organisations != null || vacancies != null || volunteers != null;
    if ((data == null) == !csv || (csv && (organisations == null || vacancies == null || volunteers == null))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "give either --data FILE.json, or all of --organisations, --vacancies and --volunteers");
    }
    Charset files = null;
    if (charset != null) {
      try {
        files = Charset.forName(charset);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--charset must be a charset such as UTF-8, UTF-16 or windows-1252: '" + charset + "'");
      }
    }
    KoppelJson json = KoppelJson.create();
    Vocabularies vocabularies =
        vocabularyFile == null ? json.vocabularies() : json.readVocabularies(vocabularyFile);
    Dataset dataset =
        data != null
            ? json.withVocabularies(vocabularies).readDataset(data)
            : KoppelCsv.create()
                .withVocabularies(vocabularies)
                .withCharset(files)
                .readDataset(organisations, vacancies, volunteers);
    spec.commandLine()
        .getOut()
        .printf(
            "OK: %d organisations, %d vacancies, %d volunteers%n",
            dataset.organisations().size(),
            dataset.vacancies().size(),
            dataset.volunteers().size());
  }
}
