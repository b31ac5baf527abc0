package io.github.koppel.cli;

import io.github.koppel.core.model.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code koppel validate}: reads a dataset as Koppel would and reports the first problem. */
@Command(
    name = "validate",
    description = "Check a dataset (one JSON file or three CSV files) and report the first problem.")
final class ValidateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin DataOptions source = new DataOptions();

  ValidateCommand() {}

  @Override
  public void run() {
    source.check(spec.commandLine(), false);
    Dataset dataset = source.dataset(spec.commandLine());
    spec.commandLine()
        .getOut()
        .printf(
            "OK: %d organisations, %d vacancies, %d volunteers%n",
            dataset.organisations().size(),
            dataset.vacancies().size(),
            dataset.volunteers().size());
  }
}
