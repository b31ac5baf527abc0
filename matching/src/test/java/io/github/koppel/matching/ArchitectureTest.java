package io.github.koppel.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.model.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, read from the class files: no cycles between Koppel's packages, no
 * internal type in the public surface of an exported package, no reader that lets the data choose
 * a class, and no logging or printing.
 */
class ArchitectureTest {
  private static final Pattern REFERENCE =
      Pattern.compile("io/github/koppel/[a-z/]+?/[A-Z][A-Za-z0-9_$]*");

  /** Class name to its bytes, for the classes of this module and of core. */
  private static Map<String, byte[]> classes() throws IOException, URISyntaxException {
    Map<String, byte[]> out = new TreeMap<>();
    for (Class<?> anchor : List.of(MatchEngine.class, Dataset.class)) {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
            out.put(name(location.relativize(f).toString()), Files.readAllBytes(f));
          }
        }
      } else {
        try (ZipFile zip = new ZipFile(location.toFile())) {
          for (var e : zip.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
            try (InputStream in = zip.getInputStream(e)) {
              out.put(name(e.getName()), in.readAllBytes());
            }
          }
        }
      }
    }
    out.keySet().removeIf(n -> n.endsWith("module-info") || n.endsWith("package-info"));
    return out;
  }

  private static String name(String path) {
    return path.replace(java.io.File.separatorChar, '/').replace(".class", "").replace('/', '.');
  }

  private static String packageOf(String className) {
    return className.substring(0, className.lastIndexOf('.'));
  }

  @Test
  void packagesHaveNoCycles() throws Exception {
    Map<String, Set<String>> edges = new TreeMap<>();
    for (Map.Entry<String, byte[]> c : classes().entrySet()) {
      String from = packageOf(c.getKey());
      Matcher m = REFERENCE.matcher(new String(c.getValue(), StandardCharsets.ISO_8859_1));
      while (m.find()) {
        String to = packageOf(m.group().replace('/', '.'));
        if (!to.equals(from)) {
          edges.computeIfAbsent(from, x -> new TreeSet<>()).add(to);
        }
      }
    }
    assertTrue(edges.containsKey("io.github.koppel.matching"), edges::toString);
    List<String> cycles = new ArrayList<>();
    for (String start : edges.keySet()) {
      // A cycle through start exists when start is reachable from one of its successors.
      for (String next : edges.get(start)) {
        if (reaches(edges, next, start, new TreeSet<>())) {
          cycles.add(start + " -> " + next + " -> ... -> " + start);
        }
      }
    }
    assertEquals(List.of(), cycles);
  }

  /**
   * Reading untrusted JSON must never choose the classes to instantiate: no polymorphic default
   * typing, no type ids in the data and no Java serialisation, anywhere in core or matching.
   */
  @Test
  void noReaderLetsTheDataChooseAClass() throws Exception {
    List<String> forbidden =
        List.of(
            "activateDefaultTyping",
            "enableDefaultTyping",
            "com/fasterxml/jackson/annotation/JsonTypeInfo",
            "com/fasterxml/jackson/annotation/JsonSubTypes",
            "java/io/ObjectInputStream");
    assertTrue(!uses(List.of("com/fasterxml/jackson/databind/ObjectMapper")).isEmpty(), "the scan sees the mappers");
    assertEquals(List.of(), uses(forbidden));
  }

  /** The classes of core and matching whose class file names one of the given references. */
  private static List<String> uses(List<String> references) throws Exception {
    List<String> found = new ArrayList<>();
    Map<String, byte[]> classes = classes();
    assertTrue(classes.size() > 100, "scanned " + classes.size() + " classes");
    for (Map.Entry<String, byte[]> c : classes.entrySet()) {
      String text = new String(c.getValue(), StandardCharsets.ISO_8859_1);
      for (String r : references) {
        if (text.contains(r)) {
          found.add(c.getKey() + " uses " + r);
        }
      }
    }
    return found;
  }

  /**
   * The library writes nothing to a console or a log, so no log line can carry a volunteer's
   * sensitive facts: core and matching use no logging API, no print stream and no stack-trace dump.
   * Errors reach the embedding portal as exceptions, and only the CLI prints.
   */
  @Test
  void theLibraryNeitherLogsNorPrints() throws Exception {
    List<String> forbidden =
        List.of(
            "java/util/logging",
            "java/lang/System$Logger",
            "org/slf4j",
            "org/apache/logging",
            "org/apache/commons/logging",
            "java/io/PrintStream",
            "printStackTrace");
    assertEquals(List.of(), uses(forbidden));
  }

  private static boolean reaches(Map<String, Set<String>> edges, String from, String to, Set<String> seen) {
    if (from.equals(to)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    for (String next : edges.getOrDefault(from, Set.of())) {
      if (reaches(edges, next, to, seen)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void exportedPackagesShowNoInternalTypes() throws Exception {
    ModuleDescriptor module;
    Path location = Path.of(MatchEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    Set<String> exported = new TreeSet<>();
    module.exports().forEach(e -> exported.add(e.source()));
    assertTrue(exported.contains("io.github.koppel.matching.criteria"), exported::toString);
    assertTrue(exported.stream().noneMatch(p -> p.contains("internal")), exported::toString);
    Map<String, List<String>> leaks = new HashMap<>();
    int checked = 0;
    for (String name : classes().keySet()) {
      if (!exported.contains(packageOf(name))) {
        continue;
      }
      Class<?> c = Class.forName(name, false, getClass().getClassLoader());
      if (!Modifier.isPublic(c.getModifiers())) {
        continue;
      }
      checked++;
      List<Type> surface = new ArrayList<>();
      if (c.getGenericSuperclass() != null) {
        surface.add(c.getGenericSuperclass());
      }
      surface.addAll(List.of(c.getGenericInterfaces()));
      for (Method m : c.getDeclaredMethods()) {
        if (visible(m.getModifiers())) {
          surface.add(m.getGenericReturnType());
          surface.addAll(List.of(m.getGenericParameterTypes()));
          surface.addAll(List.of(m.getGenericExceptionTypes()));
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visible(k.getModifiers())) {
          surface.addAll(List.of(k.getGenericParameterTypes()));
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers())) {
          surface.add(f.getGenericType());
        }
      }
      for (Type t : surface) {
        if (t.getTypeName().contains(".internal.")) {
          leaks.computeIfAbsent(name, x -> new ArrayList<>()).add(t.getTypeName());
        }
      }
    }
    assertTrue(checked > 50, () -> "only " + exported);
    assertEquals(Map.of(), leaks);
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
