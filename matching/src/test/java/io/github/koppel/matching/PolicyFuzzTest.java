package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Dataset;
import io.github.koppel.core.testdata.HostileCorpus;
import io.github.koppel.core.testdata.Testdata;
import io.github.koppel.matching.criteria.CriterionRegistry;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of policy loading with Jazzer. Each input must either be rejected with
 * an {@link InvalidDataException}, or load as a policy that survives a round trip through {@link
 * MatchPolicies#toJson} unchanged and that an engine either refuses with an {@link
 * InvalidDataException} (a fairness group its vocabularies lack) or ranks and explains with,
 * scores within [0, 1]. Anything else is a finding.
 *
 * <p>{@code mvn verify} replays the seeds (the hostile policies, the bundled ones and any finding
 * kept under {@code PolicyFuzzTestInputs}) with the other tests, then fuzzes for {@value
 * #CI_DURATION} in a run of its own. {@code scripts/fuzz.sh} fuzzes for longer.
 */
class PolicyFuzzTest {
  static final String CI_DURATION = "20s";

  private static final Dataset DATASET =
      Dataset.of(
          List.of(Testdata.organisation("kitchen")),
          List.of(Testdata.vacancy("cook"), Testdata.vacancy("tutor")),
          List.of(Testdata.volunteer("ada"), Testdata.volunteer("amal"), Testdata.volunteer("jozef")));

  static Stream<byte[]> corpus() throws IOException {
    Path root = HostileCorpus.root(PolicyFuzzTest.class, "/hostile/policy-json");
    Stream<byte[]> bundled =
        Stream.of("inclusive-default.json", "volunteer-wishes.json").map(PolicyFuzzTest::bundled);
    try (Stream<Path> files = Files.list(root)) {
      return Stream.concat(bundled, files.sorted().map(PolicyFuzzTest::bytes).toList().stream());
    }
  }

  private static byte[] bundled(String name) {
    try (InputStream in = MatchPolicies.class.getResourceAsStream("policies/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @MethodSource("corpus")
  @FuzzTest(maxDuration = CI_DURATION)
  void policies(byte[] input) {
    MatchPolicy policy;
    try {
      policy = MatchPolicies.read(new ByteArrayInputStream(input), "fuzz", CriterionRegistry.builtIn());
    } catch (InvalidDataException rejected) {
      return;
    }
    assertEquals(policy, MatchPolicies.fromJson(MatchPolicies.toJson(policy)), "a round trip changed the policy");
    MatchEngine engine;
    try {
      engine = MatchEngine.builder(DATASET).date(Testdata.DAY).policy(policy).build();
    } catch (InvalidDataException refused) {
      return;
    }
    for (String vacancy : List.of("vac-cook", "vac-tutor")) {
      for (Match m : engine.rankVolunteers(vacancy, 3).matches()) {
        assertTrue(m.score() >= 0 && m.score() <= 1, () -> "score out of [0, 1]: " + m);
      }
    }
    engine.explain("vol-amal", "vac-cook");
    engine.rankVacancies("vol-jozef", 2);
  }
}
