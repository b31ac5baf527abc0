package io.github.koppel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The files of the project that a newcomer reads first, checked as they are built on (#15): the
 * BOM names every published module at the project's version, every published POM carries what
 * Maven Central requires, and the changelog keeps its shape.
 */
final class ProjectFilesTest {
  /** The project's root: the tests run in the cli module's folder. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static Document pom(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static String child(Element e, String name) {
    NodeList nodes = e.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element c && c.getTagName().equals(name)) {
        return c.getTextContent().strip();
      }
    }
    return "";
  }

  private static List<String> modules() throws Exception {
    NodeList list = pom(ROOT.resolve("pom.xml")).getElementsByTagName("module");
    List<String> modules = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      modules.add(list.item(i).getTextContent().strip());
    }
    return modules;
  }

  /** A module is published unless its POM skips the deploy, or it is the BOM itself. */
  private static boolean published(String module) throws IOException {
    return !module.equals("bom") && !Files.readString(ROOT.resolve(module).resolve("pom.xml"))
        .contains("<maven.deploy.skip>true</maven.deploy.skip>");
  }

  @Test
  void theBomNamesEveryPublishedModuleAtTheProjectsVersion() throws Exception {
    Element parent = pom(ROOT.resolve("pom.xml")).getDocumentElement();
    String version = child(parent, "version");
    Element bom = pom(ROOT.resolve("bom/pom.xml")).getDocumentElement();
    assertEquals("koppel-bom", child(bom, "artifactId"));
    assertEquals(version, child(bom, "version"), "the BOM moves with the project");
    assertEquals("", child(bom, "parent"), "the BOM has no parent, so that it pins nothing else");
    Set<String> pinned = new HashSet<>();
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      assertEquals("io.github.koppel", child(d, "groupId"));
      assertEquals(version, child(d, "version"), child(d, "artifactId"));
      pinned.add(child(d, "artifactId"));
    }
    Set<String> expected = new HashSet<>();
    for (String module : modules()) {
      if (published(module)) {
        expected.add(child(pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement(), "artifactId"));
      }
    }
    assertTrue(expected.containsAll(List.of("koppel-core", "koppel-matching", "koppel-cli")), expected::toString);
    assertEquals(expected, pinned);
  }

  @Test
  void everyPublishedPomCarriesWhatCentralRequires() throws Exception {
    Element parent = pom(ROOT.resolve("pom.xml")).getDocumentElement();
    for (Element e : List.of(parent, pom(ROOT.resolve("bom/pom.xml")).getDocumentElement())) {
      for (String field : List.of("url", "licenses", "developers", "scm")) {
        assertTrue(!child(e, field).isEmpty(), field + " in " + child(e, "artifactId"));
      }
    }
    for (String module : modules()) {
      if (published(module)) {
        Element e = pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
        assertTrue(!child(e, "name").isEmpty() && !child(e, "description").isEmpty(), module);
      }
    }
  }

  @Test
  void theChangelogKeepsItsShape() throws IOException {
    String text = Files.readString(ROOT.resolve("CHANGELOG.md"));
    assertTrue(text.startsWith("# Changelog\n"), "starts with its title");
    assertTrue(text.length() < 400_000, "a changelog, not a copy of itself: " + text.length() + " characters");
    Set<String> versions = new HashSet<>();
    Matcher m = Pattern.compile("(?m)^## (.+)$").matcher(text);
    while (m.find()) {
      assertTrue(versions.add(m.group(1)), "one section per version: " + m.group(1));
    }
    assertTrue(versions.contains("0.2.0 – unreleased"), versions::toString);
    for (String line : text.split("\n")) {
      assertTrue(line.isEmpty() || line.startsWith("#") || line.startsWith("- ") || line.startsWith("  ")
          || line.startsWith("All notable") || line.startsWith("[Keep"), "a line out of place: " + line);
    }
  }
}
