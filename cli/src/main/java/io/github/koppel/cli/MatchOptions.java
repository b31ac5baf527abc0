package io.github.koppel.cli;

import io.github.koppel.core.model.Dataset;
import io.github.koppel.matching.Audience;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.policy.FairnessTarget;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The options that {@code match} and {@code explain} share: data, policy, day, language, audience. */
final class MatchOptions {
  @Mixin DataOptions source = new DataOptions();

  @Option(names = "--policy", description = "A match policy JSON file (default: inclusive-default).")
  @Nullable Path policy;

  @Option(names = "--date", paramLabel = "DAY", description = "The day of the match, yyyy-mm-dd or dd/mm/yyyy (default: today, or the reference day of the demo city).")
  @Nullable LocalDate date;

  @Option(names = "--lang", description = "Language of the output: nl, en or fr (default: ${DEFAULT-VALUE}).", defaultValue = "nl")
  String lang = "nl";

  @Option(names = "--audience", description = "Who reads it: organisation, counsellor or volunteer (default: ${DEFAULT-VALUE}); decides which personal facts are shown.", defaultValue = "counsellor")
  String audience = "counsellor";

  @Option(names = "--json", description = "Write JSON instead of text.")
  boolean json;

  void check(CommandLine commandLine) {
    source.check(commandLine, true);
    Texts.checkLanguage(commandLine, lang);
    try {
      audience();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }

  Audience audience() {
    return switch (audience) {
      case "organisation" -> Audience.ORGANISATION;
      case "counsellor" -> Audience.COUNSELLOR;
      case "volunteer" -> Audience.VOLUNTEER;
      default -> throw new IllegalArgumentException(
          "--audience must be organisation, counsellor or volunteer: '" + audience + "'");
    };
  }

  MatchEngine engine(CommandLine commandLine) {
    return engine(commandLine, null);
  }

  /** Builds the engine, with a fairness target that replaces the policy's if not null. */
  MatchEngine engine(CommandLine commandLine, @Nullable FairnessTarget fairness) {
    Dataset dataset = source.dataset(commandLine);
    MatchPolicy p = policy == null ? MatchPolicies.inclusiveDefault() : MatchPolicies.read(policy);
    if (fairness != null) {
      p = p.withFairness(fairness);
    }
    return MatchEngine.builder(dataset)
        .policy(p)
        .date(EvaluationOptions.day(date, source.none()))
        .strategy(MatchEngine.Strategy.COMPILED)
        .build();
  }
}
