package io.github.koppel.cli;

import io.github.koppel.core.io.KoppelCsv;
import io.github.koppel.core.io.KoppelJson;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.model.History;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code koppel convert}: turns a JSON dataset into the CSV files a counter opens in a spreadsheet,
 * and CSV files into one JSON dataset, with nothing lost: a volunteer's earlier matches go to a
 * history file of their own, since the volunteers file cannot hold them.
 */
@Command(
    name = "convert",
    description = {
      "Turn a JSON dataset into CSV files (organisations.csv, vacancies.csv, volunteers.csv and,"
          + " when volunteers have earlier matches, history.csv) or CSV files into one JSON dataset.",
      "CSV is written in UTF-8 with a byte-order mark, so that a spreadsheet reads the accents."
    })
final class ConvertCommand implements Runnable {
  static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Spec CommandSpec spec;

  @Mixin DataOptions source = new DataOptions();

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description = "A history file, JSON or CSV, recorded on the volunteers of the dataset (replacing the earlier matches they hold).")
  @Nullable Path history;

  @Option(names = "--to", description = "The form to write: csv or json (default: the other form than the input).")
  @Nullable String to;

  @Option(names = "--out", required = true, paramLabel = "PATH", description = "For csv, the folder to write the files in (made if missing); for json, the file.")
  Path out;

  @Option(names = "--separator", description = "The column separator of CSV output: ';' as Excel uses in Belgium, or ',' (default: ${DEFAULT-VALUE}).", defaultValue = ";")
  char separator = ';';

  ConvertCommand() {}

  @Override
  public void run() {
    CommandLine commandLine = spec.commandLine();
    source.check(commandLine, false);
    String form = to == null ? (source.data != null ? "csv" : "json") : to.toLowerCase(Locale.ROOT);
    if (!form.equals("csv") && !form.equals("json")) {
      throw new CommandLine.ParameterException(commandLine, "--to must be csv or json: '" + to + "'");
    }
    if (separator != ';' && separator != ',') {
      throw new CommandLine.ParameterException(commandLine, "--separator must be ';' or ',': '" + separator + "'");
    }
    Map<String, Path> inputs = new LinkedHashMap<>(source.inputs());
    if (history != null) {
      inputs.put("--history", history);
    }
    Map<String, Path> outputs = new LinkedHashMap<>();
    if (form.equals("json")) {
      outputs.put("--out", out);
    } else {
      for (String name : List.of("organisations.csv", "vacancies.csv", "volunteers.csv", "history.csv")) {
        outputs.put("--out " + out + " (" + name + ")", out.resolve(name));
      }
    }
    EvaluationOptions.checkOutputs(commandLine, outputs, inputs);
    if (form.equals("csv") && Files.exists(out) && !Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(
          commandLine, "--out " + out + " is a file; CSV output is a folder of files");
    }

    Dataset dataset = source.dataset(commandLine);
    if (history != null) {
      dataset = EvaluationOptions.readHistory(history).recordOn(dataset, history.toString());
    }
    if (form.equals("json")) {
      KoppelJson.create().writeDataset(dataset, out);
      commandLine.getOut().printf(
          "Wrote %s: %d organisations, %d vacancies, %d volunteers, %d history events%n",
          out, dataset.organisations().size(), dataset.vacancies().size(),
          dataset.volunteers().size(), History.of(dataset).events().size());
      return;
    }
    writeCsv(dataset);
  }

  private void writeCsv(Dataset dataset) {
    // Writing checks nothing against the vocabularies: reading the dataset did.
    KoppelCsv csv = KoppelCsv.create().withSeparator(separator);
    History h = History.of(dataset);
    Dataset without = History.of(List.of()).recordOn(dataset, "none");
    // Every file is rendered before the first is written: a refusal leaves the folder as it was.
    Map<String, String> files = new LinkedHashMap<>();
    files.put("organisations.csv", render(w -> csv.writeOrganisations(dataset.organisations(), w)));
    files.put("vacancies.csv", render(w -> csv.writeVacancies(dataset.vacancies(), w)));
    files.put("volunteers.csv", render(w -> csv.writeVolunteers(without.volunteers(), w)));
    if (!h.events().isEmpty()) {
      files.put("history.csv", render(w -> csv.writeHistory(h, w)));
    }
    List<Path> temporary = new ArrayList<>();
    try {
      Files.createDirectories(out);
      // Every file is written beside its target before the first is moved into place.
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path tmp = out.resolve("." + f.getKey() + ".tmp");
        temporary.add(tmp);
        try (OutputStream os = Files.newOutputStream(tmp)) {
          os.write(UTF8_BOM);
          os.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
      int i = 0;
      for (String name : files.keySet()) {
        Files.move(temporary.get(i++), out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
      if (h.events().isEmpty()) {
        // A history.csv left from an earlier conversion would no longer belong to these files.
        Files.deleteIfExists(out.resolve("history.csv"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV files in " + out, e);
    } finally {
      for (Path tmp : temporary) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // The error above, if any, is the one to report.
        }
      }
    }
    spec.commandLine().getOut().printf(
        "Wrote %s: organisations.csv (%d), vacancies.csv (%d), volunteers.csv (%d)%s%n",
        out, dataset.organisations().size(), dataset.vacancies().size(), dataset.volunteers().size(),
        h.events().isEmpty() ? "" : ", history.csv (" + h.events().size() + ")");
  }

  private static String render(Consumer<Writer> body) {
    StringWriter w = new StringWriter();
    body.accept(w);
    return w.toString();
  }
}
