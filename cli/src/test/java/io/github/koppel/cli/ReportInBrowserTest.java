package io.github.koppel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the evaluation report of the demo city in Debian's Chromium, headless: the page loads
 * with no console error and no failed request, and its five plots are in the rendered DOM. CI
 * installs Chromium ({@code .ci/run}); without it the test is skipped and says so.
 */
class ReportInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void theDemoReportRendersWithItsPlots(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium");
    Path report = dir.resolve("report.html");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        KoppelCommand.run(
            new String[] {"evaluate", "--k", "5", "--lang", "en", "--out", report.toString()},
            new PrintWriter(out),
            new PrintWriter(err));
    assertEquals(0, code, err::toString);
    Path log = dir.resolve("chromium.log");
    Process p =
        new ProcessBuilder(
                List.of(
                    CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                    "--dump-dom", report.toUri().toString()))
            .redirectError(log.toFile())
            .redirectOutput(dir.resolve("dom.html").toFile())
            .start();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "Chromium did not finish within 90 s");
    String stderr = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), stderr);
    String dom = Files.readString(dir.resolve("dom.html"), StandardCharsets.UTF_8);
    Matcher plots = Pattern.compile("<svg[^>]*class=\"plot\"").matcher(dom);
    int count = 0;
    while (plots.find()) {
      count++;
    }
    assertEquals(5, count, dom.length() > 400 ? dom.substring(0, 400) : dom);
    assertTrue(dom.contains("Koppel: evaluation of match policies"));
    assertFalse(stderr.contains(":CONSOLE("), stderr);
    assertFalse(stderr.contains("net::ERR_"), stderr);
    assertFalse(stderr.contains("Uncaught"), stderr);
    assertTrue(new File(report.toString()).length() > 10_000);
  }
}
