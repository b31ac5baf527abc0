package io.github.koppel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of the documentation is compiled and run (#15): the Java blocks of the README
 * and of the guides under {@code docs/}, and the {@code <pre class="example">} blocks of the
 * Javadoc (package pages and the overview). What an example prints is compared with the {@code
 * text output} block that follows it, so that a page never shows an output the code does not give.
 *
 * <p>The conventions, for those who write the pages:
 *
 * <ul>
 *   <li>A {@code java} block starts an example; a {@code java continued} block continues the one
 *       before it (its variables are in scope).
 *   <li>{@code java compile-only} (or {@code java continued compile-only}) is compiled, not run: for
 *       examples that read files of the reader's own.
 *   <li>{@code java members} holds classes or records that the examples of the page use.
 *   <li>A {@code text output} block after an example is what the example prints, exactly.
 *   <li>The public packages of Koppel, {@code java.util}, {@code java.time}, {@code java.nio.file}
 *       and {@code java.math} are imported; a block may import more.
 * </ul>
 */
final class DocumentedCodeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final List<String> IMPORTS = List.of(
      "io.github.koppel.core.*", "io.github.koppel.core.demo.*", "io.github.koppel.core.geo.*",
      "io.github.koppel.core.io.*", "io.github.koppel.core.legal.*", "io.github.koppel.core.model.*",
      "io.github.koppel.core.vocabulary.*", "io.github.koppel.matching.*", "io.github.koppel.matching.policy.*", "io.github.koppel.matching.criteria.*",
      "io.github.koppel.matching.allocation.*", "io.github.koppel.matching.evaluation.*",
      "io.github.koppel.matching.fairness.*", "java.util.*", "java.time.*", "java.nio.file.*", "java.math.*");

  /** One example: its blocks joined, where it was read, whether it runs, what it must print. */
  record Example(String source, int line, StringBuilder code, boolean run, @org.jspecify.annotations.Nullable String output) {
    Example withOutput(String text) {
      return new Example(source, line, code, run, text);
    }
  }

  /** A page's examples and the members they share. */
  record Page(String source, List<Example> examples, String members) {}

  @TestFactory
  Stream<DynamicTest> everyExampleCompilesAndRuns(@TempDir Path work) throws IOException {
    List<Page> pages = new ArrayList<>();
    List<Path> markdown = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(markdown::add);
    }
    for (Path p : markdown) {
      pages.add(markdown(p));
    }
    List<Path> javadoc = new ArrayList<>(List.of(ROOT.resolve("src/main/javadoc/overview.html")));
    for (String module : List.of("core", "matching")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        files.filter(p -> p.getFileName().toString().equals("package-info.java")).sorted().forEach(javadoc::add);
      }
    }
    for (Path p : javadoc) {
      pages.add(javadoc(p));
    }
    long examples = pages.stream().mapToLong(p -> p.examples().size()).sum();
    assertTrue(examples >= 10, "the documentation holds its examples: " + examples);
    return pages.stream().filter(p -> !p.examples().isEmpty()).map(p -> DynamicTest.dynamicTest(
        ROOT.relativize(Path.of(p.source())).toString(), () -> check(p, work.resolve("p" + pages.indexOf(p)))));
  }

  private static final Pattern FENCE = Pattern.compile("^```(\\S*)(.*)$");

  static Page markdown(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Example> examples = new ArrayList<>();
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = FENCE.matcher(lines.get(i));
      if (!m.matches() || m.group(1).isEmpty()) {
        continue;
      }
      String language = m.group(1);
      String info = m.group(2).strip();
      int start = i + 1;
      StringBuilder body = new StringBuilder();
      for (i = start; i < lines.size() && !lines.get(i).equals("```"); i++) {
        body.append(lines.get(i)).append('\n');
      }
      if (language.equals("java")) {
        if (info.contains("members")) {
          members.append(body);
        } else if (info.contains("continued")) {
          assertFalse(examples.isEmpty(), file + ":" + start + ": a continued block continues nothing");
          Example last = examples.remove(examples.size() - 1);
          last.code().append(body);
          examples.add(new Example(last.source(), last.line(), last.code(), last.run() && !info.contains("compile-only"), last.output()));
        } else {
          examples.add(new Example(file.toString(), start, body, !info.contains("compile-only"), null));
        }
      } else if (language.equals("text") && info.equals("output")) {
        assertFalse(examples.isEmpty(), file + ":" + start + ": an output of no example");
        Example last = examples.remove(examples.size() - 1);
        examples.add(last.withOutput((last.output() == null ? "" : last.output()) + body));
      }
    }
    return new Page(file.toString(), examples, members.toString());
  }

  private static final Pattern JAVADOC_EXAMPLE = Pattern.compile("<pre class=\"example\">\\{@code\\n(.*?)\\n\\s*\\*?\\s*}</pre>", Pattern.DOTALL);

  static Page javadoc(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<Example> examples = new ArrayList<>();
    Matcher m = JAVADOC_EXAMPLE.matcher(text);
    while (m.find()) {
      StringBuilder body = new StringBuilder();
      for (String line : m.group(1).split("\n")) {
        body.append(line.replaceFirst("^\\s*\\* ?", "")).append('\n');
      }
      int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
      examples.add(new Example(file.toString(), line, body, true, null));
    }
    return new Page(file.toString(), examples, "");
  }

  private static void check(Page page, Path work) throws Exception {
    Files.createDirectories(work);
    StringBuilder source = new StringBuilder("package docs;\n\n");
    IMPORTS.forEach(i -> source.append("import ").append(i).append(";\n"));
    StringBuilder body = new StringBuilder();
    for (int n = 0; n < page.examples().size(); n++) {
      Example e = page.examples().get(n);
      StringBuilder code = new StringBuilder();
      for (String line : e.code().toString().split("\n", -1)) {
        if (line.startsWith("import ")) {
          source.append(line).append('\n');
        } else {
          code.append(line).append('\n');
        }
      }
      body.append("  /** ").append(Path.of(e.source()).getFileName()).append(", line ").append(e.line()).append(" */\n")
          .append("  public static void example").append(n).append("() throws Exception {\n")
          .append(code).append("  }\n\n");
    }
    source.append("\npublic final class Page {\n").append(page.members()).append('\n').append(body).append("}\n");
    Path file = work.resolve("docs/Page.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled = compiler.getTask(diagnostics, null, null,
        List.of("-d", work.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none",
            "-encoding", "UTF-8"),
        null, compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile()))
        .call();
    assertTrue(compiled, "an example of " + page.source() + " does not compile:\n" + diagnostics + "\n" + numbered(source.toString()));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, DocumentedCodeTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("docs.Page");
      for (int n = 0; n < page.examples().size(); n++) {
        Example e = page.examples().get(n);
        if (!e.run()) {
          continue;
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
          type.getMethod("example" + n).invoke(null);
        } catch (InvocationTargetException ex) {
          throw new AssertionError("the example at " + e.source() + ":" + e.line() + " fails", ex.getCause());
        } finally {
          System.setOut(before);
        }
        if (e.output() != null) {
          assertEquals(e.output(), printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
              "what the example at " + e.source() + ":" + e.line() + " prints");
        }
      }
    }
  }

  private static String numbered(String source) {
    StringBuilder out = new StringBuilder();
    String[] lines = source.split("\n");
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }
}
