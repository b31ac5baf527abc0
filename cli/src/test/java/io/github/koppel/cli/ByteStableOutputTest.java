package io.github.koppel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output of the command line (text, JSON, CSV-read data, HTML reports, error messages) is
 * byte-identical for the same inputs, also between separate JVMs: hash-ordered collections whose
 * order changes from one JVM to the next (such as {@code Set.copyOf}) must never reach an output.
 * Four JVMs run {@link OutputDriver}, two at a time; a collection of two elements in per-JVM random
 * order escapes with a probability of 1 in 8, larger collections far less often.
 */
class ByteStableOutputTest {
  private static final int RUNS = 4;

  @Test
  void everyOutputIsTheSameInSeparateJvms(@TempDir Path dir) throws Exception {
    List<Path> outputs = new ArrayList<>();
    List<Process> running = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      Path out = dir.resolve("run-" + run);
      outputs.add(out);
      running.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  OutputDriver.class.getName(),
                  out.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("jvm-" + run + ".log").toFile())
              .start());
      if (running.size() == 2 || run == RUNS - 1) {
        for (Process p : running) {
          assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the driver did not finish");
          int r = run;
          assertEquals(0, p.exitValue(), () -> read(dir.resolve("jvm-" + r + ".log")));
        }
        running.clear();
      }
    }
    List<String> names = files(outputs.get(0));
    assertEquals(OutputDriver.COMMANDS.size() + 5, names.size(), names::toString);
    for (String name : names) {
      byte[] first = Files.readAllBytes(outputs.get(0).resolve(name));
      assertTrue(first.length > 100, name + " is nearly empty");
      for (int run = 1; run < RUNS; run++) {
        assertEquals(names, files(outputs.get(run)));
        byte[] other = Files.readAllBytes(outputs.get(run).resolve(name));
        assertArrayEquals(first, other, name + " differs between JVM 0 and JVM " + run);
      }
    }
    // The command files hold real output, not only errors.
    String match = read(outputs.get(0).resolve("command-02.txt"));
    assertTrue(match.contains("exit 0") && match.contains("\"matches\""), match);
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
