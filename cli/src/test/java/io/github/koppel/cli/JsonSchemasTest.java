package io.github.koppel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.koppel.matching.MatchExplanation;
import io.github.koppel.matching.Ranking;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schemas of the command line's documents (#15): generated from the result records, kept
 * under {@code docs/schemas} (regenerated with {@code -Dkoppel.regenerateSchemas=true}), and every
 * {@code --json} output of the tests below, errors included, is valid against its schema.
 */
final class JsonSchemasTest {
  private static final Path SCHEMAS = Path.of("..").toAbsolutePath().normalize().resolve("docs/schemas");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A document of the command line: its schema's file, what it is, the record it is written from. */
  record Doc(String file, String title, Class<?> type) {
    String schema() {
      return JsonSchemas.document(file, title, type);
    }
  }

  static List<Doc> documents() throws ClassNotFoundException {
    return List.of(
        new Doc("ranking.schema.json", "A ranking: koppel match --json", Ranking.class),
        new Doc("explanation.schema.json", "An explanation of one pair: koppel explain --json", MatchExplanation.class),
        new Doc("alerts.schema.json", "Who newly matches: koppel alerts --json", AlertsCommand.Alerts.class),
        new Doc("come-back.schema.json", "A ranking for a volunteer who comes back: koppel match --come-back --json",
            io.github.koppel.matching.ComeBack.class),
        new Doc("allocation.schema.json", "An allocation: koppel allocate --json", io.github.koppel.matching.allocation.AllocationSummary.Full.class),
        new Doc("allocation-for-organisation.schema.json",
            "An allocation as an organisation sees it: koppel allocate --json --audience organisation",
            io.github.koppel.matching.allocation.AllocationSummary.WithoutScores.class),
        new Doc("validation.schema.json", "A validation report: koppel validate --json",
            Class.forName("io.github.koppel.core.io.Documents$ValidationDocument")),
        new Doc("error.schema.json", "An error, on standard error, of any command given --json", ErrorDocument.class));
  }

  @Test
  void theSchemasUnderDocsAreTheGeneratedOnes() throws Exception {
    boolean regenerate = Boolean.getBoolean("koppel.regenerateSchemas");
    List<String> stale = new ArrayList<>();
    for (Doc d : documents()) {
      Path file = SCHEMAS.resolve(d.file());
      String generated = d.schema();
      if (regenerate) {
        Files.createDirectories(SCHEMAS);
        Files.writeString(file, generated, StandardCharsets.UTF_8);
      } else if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(generated)) {
        stale.add(d.file());
      }
    }
    assertEquals(List.of(), stale, "regenerate with mvn -pl cli test -Dtest=JsonSchemasTest -Dkoppel.regenerateSchemas=true");
    // The same schema twice, byte for byte.
    for (Doc d : documents()) {
      assertEquals(d.schema(), d.schema());
    }
  }

  private static JsonSchema schema(String file) throws Exception {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    return factory.getSchema(Files.readString(SCHEMAS.resolve(file), StandardCharsets.UTF_8));
  }

  private static void valid(String file, String json, String what) throws Exception {
    JsonNode node = MAPPER.readTree(json);
    Set<ValidationMessage> errors = schema(file).validate(node);
    assertTrue(errors.isEmpty(), what + " against " + file + ": " + errors + "\n" + json.substring(0, Math.min(json.length(), 2000)));
  }

  private static final class Run {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int code;

    Run(String... args) {
      code = KoppelCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }
  }

  @Test
  void everyJsonOutputIsValidAgainstItsSchema(@TempDir Path dir) throws Exception {
    List<Object[]> runs = List.of(
        new Object[] {"ranking.schema.json", new String[] {"match", "--volunteer", "persona-amal", "--json"}},
        new Object[] {"ranking.schema.json", new String[] {"match", "--volunteer", "persona-amal", "--json", "--audience", "volunteer"}},
        new Object[] {"ranking.schema.json", new String[] {"match", "--volunteer", "persona-oksana", "--json", "--top", "0"}},
        new Object[] {"ranking.schema.json", new String[] {"match", "--vacancy", "vac-0077", "--json"}},
        new Object[] {"ranking.schema.json", new String[] {"match", "--vacancy", "vac-0077", "--json", "--audience", "organisation"}},
        new Object[] {"ranking.schema.json", new String[] {"match", "--vacancy", "vac-0077", "--json", "--fair-group", "newcomer"}},
        new Object[] {"come-back.schema.json", new String[] {"match", "--volunteer", "vol-0003", "--come-back", "--json"}},
        new Object[] {"alerts.schema.json", new String[] {"alerts", "--vacancy", "vac-0016", "--threshold", "0.3", "--json"}},
        new Object[] {"alerts.schema.json", new String[] {"alerts", "--volunteer", "persona-amal", "--json", "--limit", "0"}},
        new Object[] {"come-back.schema.json", new String[] {"match", "--volunteer", "vol-0003", "--come-back", "--json", "--audience", "volunteer"}},
        new Object[] {"explanation.schema.json", new String[] {"explain", "--volunteer", "persona-amal", "--vacancy", "vac-0002", "--json"}},
        new Object[] {"explanation.schema.json", new String[] {"explain", "--volunteer", "persona-amal", "--vacancy", "vac-0077", "--json", "--audience", "organisation"}},
        new Object[] {"explanation.schema.json", new String[] {"explain", "--volunteer", "persona-amal", "--vacancy", "vac-0001", "--json", "--audience", "volunteer"}},
        new Object[] {"allocation.schema.json", new String[] {"allocate", "--mode", "greedy", "--json"}},
        new Object[] {"allocation.schema.json", new String[] {"allocate", "--mode", "stable", "--json", "--team", "t1=vol-0002,vol-0003"}},
        new Object[] {"allocation-for-organisation.schema.json", new String[] {"allocate", "--mode", "greedy", "--json", "--audience", "organisation"}});
    for (Object[] r : runs) {
      String[] args = (String[]) r[1];
      Run run = new Run(args);
      assertEquals(0, run.code, String.join(" ", args) + ": " + run.err);
      valid((String) r[0], run.out.toString(), String.join(" ", args));
    }
    // A validation report, clean and with problems.
    Path good = dir.resolve("good.json");
    io.github.koppel.core.io.KoppelJson.create().writeDataset(io.github.koppel.core.demo.DemoCity.bundled(), good);
    Run ok = new Run("validate", "--data", good.toString(), "--json");
    assertEquals(0, ok.code, ok.err::toString);
    valid("validation.schema.json", ok.out.toString(), "validate, clean");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 1, \"organisations\": [], \"vacancies\": [],"
        + " \"volunteers\": [{\"id\": \"v\", \"talents\": [{\"conceptId\": \"juggling\"}]}, {\"id\": \"v\"}]}");
    Run problems = new Run("validate", "--data", bad.toString(), "--json");
    assertEquals(1, problems.code);
    valid("validation.schema.json", problems.out.toString(), "validate, with problems");
    // Errors of each kind.
    for (String[] args : List.of(
        new String[] {"match", "--volunteer", "nobody", "--json"},
        new String[] {"match", "--volunteer", "persona-amal", "--top", "x", "--json"},
        new String[] {"match", "--volunteer", "persona-amal", "--json", "--data", dir.resolve("missing.json").toString()},
        new String[] {"validate", "--json"},
        new String[] {"explain", "--json", "--volunteer", "persona-amal", "--vacancy", "vac-0002", "--data", bad.toString()})) {
      Run run = new Run(args);
      assertTrue(run.code != 0, String.join(" ", args));
      assertEquals("", run.out.toString(), String.join(" ", args));
      valid("error.schema.json", run.err.toString(), String.join(" ", args));
    }
  }

  /** The schemas are strict: a field of the wrong type or one that is not there is refused. */
  @Test
  void theSchemasRefuseWhatIsNotADocument() throws Exception {
    Run run = new Run("match", "--volunteer", "persona-amal", "--json", "--top", "1");
    JsonNode ranking = MAPPER.readTree(run.out.toString());
    assertTrue(schema("ranking.schema.json").validate(ranking).isEmpty());
    JsonNode extra = ranking.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) extra).put("secret", "x");
    assertTrue(!schema("ranking.schema.json").validate(extra).isEmpty(), "an unknown field");
    JsonNode wrongType = ranking.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) wrongType).put("candidates", "many");
    assertTrue(!schema("ranking.schema.json").validate(wrongType).isEmpty(), "a count as text");
    JsonNode noVersion = ranking.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) noVersion).remove("schemaVersion");
    assertTrue(!schema("ranking.schema.json").validate(noVersion).isEmpty(), "no schemaVersion");
    assertTrue(!schema("explanation.schema.json").validate(ranking).isEmpty(), "a ranking is no explanation");
  }
}
