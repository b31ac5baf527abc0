package io.github.koppel.core.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.InvalidDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hostile-input corpus: a folder of files and its {@code expected.tsv}, which gives for each
 * file either {@code accepted} or the path, value ({@code -} for none) and part of the problem of
 * the {@link InvalidDataException} its reader must throw. Core and matching keep one each.
 */
public final class HostileCorpus {
  /** What reading one file must give. */
  public record Expectation(String file, String path, String value, String problem) {
    /** Returns whether the file is a control that must load. */
    public boolean accepted() {
      return path.equals("accepted");
    }

    /** Asserts that {@code e}, thrown reading {@code source}, is the expected error. */
    public void assertMatches(InvalidDataException e, String source) {
      assertEquals(path, e.path(), e::getMessage);
      assertEquals(value.equals("-") ? null : value, e.value(), e::getMessage);
      assertTrue(e.problem().contains(problem), () -> "problem '" + e.problem() + "' lacks '" + problem + "'");
      assertEquals(source, e.source());
      assertTrue(e.getMessage().contains(e.path()) && e.getMessage().contains(source), e::getMessage);
    }
  }

  private HostileCorpus() {}

  /** Returns the folder of a corpus on the test class path, such as {@code /hostile}. */
  public static Path root(Class<?> anchor, String resource) {
    try {
      return Path.of(Objects.requireNonNull(anchor.getResource(resource), resource).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the {@code expected.tsv} of a corpus folder, file by file in its order. */
  public static Map<String, Expectation> expectations(Path root) {
    List<String> lines;
    try {
      lines = Files.readAllLines(root.resolve("expected.tsv"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lines = lines.stream().filter(l -> !l.startsWith("#")).toList();
    assertEquals("file\tpath\tvalue\tproblem", lines.get(0));
    Map<String, Expectation> out = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t", -1);
      assertEquals(4, cells.length, line);
      assertTrue(out.put(cells[0], new Expectation(cells[0], cells[1], cells[2], cells[3])) == null, "listed twice: " + cells[0]);
    }
    return out;
  }
}
