package io.github.koppel.matching.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.koppel.core.demo.DemoCity;
import io.github.koppel.core.model.History;
import io.github.koppel.matching.MatchEngine;
import io.github.koppel.matching.policy.CriterionSpec;
import io.github.koppel.matching.policy.MatchPolicies;
import io.github.koppel.matching.policy.MatchPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTML report: well-formed, self-contained, with its tables and four plots. */
class EvaluationReportTest {
  private static List<PolicyEvaluation> evaluations;
  private static Evaluator evaluator;

  @BeforeAll
  static void evaluate() {
    MatchEngine engine =
        MatchEngine.builder(DemoCity.bundled()).date(DemoCity.REFERENCE_DATE).build();
    History history = SyntheticHistory.generate(engine, 0.08, 5);
    evaluator = Evaluator.of(DemoCity.bundled(), history, DemoCity.REFERENCE_DATE);
    MatchPolicy odd = MatchPolicy.of("near <& far>", List.of(CriterionSpec.soft("distance", 1)));
    evaluations =
        List.of(evaluator.evaluate(MatchPolicies.inclusiveDefault(), 5), evaluator.evaluate(odd, 5));
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void wellFormedSelfContainedWithFourPlots() throws Exception {
    String html = EvaluationReport.html(evaluations, "en", 1);
    Document doc = parse(html);
    NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    assertEquals(4, svgs.getLength());
    for (int i = 0; i < svgs.getLength(); i++) {
      Element svg = (Element) svgs.item(i);
      assertTrue(svg.getAttribute("id").startsWith("plot-"));
      int series = 0;
      for (String tag : List.of("polyline", "rect")) {
        NodeList marks = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        for (int m = 0; m < marks.getLength(); m++) {
          if (((Element) marks.item(m)).getAttribute("class").equals("series")) {
            series++;
          }
        }
      }
      assertTrue(series > 0, svg.getAttribute("id"));
    }
    // Nothing is loaded from elsewhere: no scripts, no links, no remote images.
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
    assertFalse(html.replace("http://www.w3.org/", "").contains("http"));
    assertTrue(html.contains("near &lt;&amp; far&gt;"));
    assertTrue(html.contains("Koppel: evaluation of match policies"));
    assertTrue(html.contains("95% interval, paired bootstrap"));
    assertEquals(html, EvaluationReport.html(evaluations, "en", 1));
  }

  @Test
  void aFifthPlotShowsTheWeightSensitivity() throws Exception {
    Tuner tuner = Tuner.of(evaluator, DemoCity.bundled(), MatchPolicies.inclusiveDefault(), "ndcg", 5, null, 0);
    Tuner.Sensitivity sensitivity = tuner.sensitivity();
    assertEquals(11, sensitivity.values().size());  // the criteria with a weight above 0
    double base = sensitivity.values().get("talents")[2];
    assertEquals(evaluations.get(0).mean("ndcg"), base, 1e-12);
    String html = EvaluationReport.html(evaluations, sensitivity, "en", 1);
    Document doc = parse(html);
    assertEquals(5, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
    assertTrue(html.contains("Sensitivity of inclusive-default to each weight"));
  }

  @Test
  void readableInDutchAndFrench() throws Exception {
    String nl = EvaluationReport.html(evaluations, "nl", 1);
    parse(nl);
    assertTrue(nl.contains("lang=\"nl\""));
    assertTrue(nl.contains("Koppel: evaluatie van matchingbeleid"));
    assertTrue(nl.contains("Koppels die elke voorwaarde tegenhoudt"));
    assertTrue(EvaluationReport.html(evaluations, "fr", 1).contains("bootstrap apparié"));
  }

  @Test
  void evaluationsOfDifferentQueriesDoNotCompare() {
    Evaluator other =
        Evaluator.of(
            DemoCity.bundled(),
            SyntheticHistory.generate(
                MatchEngine.builder(DemoCity.bundled()).date(DemoCity.REFERENCE_DATE).build(), 0.05, 77),
            DemoCity.REFERENCE_DATE);
    PolicyEvaluation elsewhere = other.evaluate(MatchPolicies.inclusiveDefault(), 5);
    assertEquals(
        "evaluations must share their queries and k to be compared",
        assertThrows(
                IllegalArgumentException.class,
                () -> evaluations.get(0).compare(elsewhere, 100, 0.9, 1))
            .getMessage());
  }

  @Test
  void textIsEscapedForHtmlAndSvg() throws Exception {
    assertEquals(
        "&lt;b title=&quot;x&quot;&gt;l&apos;&#233;t&#233; &amp; co&lt;/b&gt;".replace("&#233;", "é"),
        EvaluationReport.escape("<b title=\"x\">l'été & co</b>"));
    // Characters XML 1.0 forbids would make the SVG unreadable: they are dropped, not passed through.
    assertEquals("ab", EvaluationReport.escape("a\u0001\u001bb"));
    parse("<p>" + EvaluationReport.escape("\u0000<&>\"'\uFFFE") + "</p>");
  }

  @Test
  void badArguments() {
    assertEquals(
        "at least one evaluation is needed",
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.html(List.of(), "en", 1))
            .getMessage());
    assertEquals(
        "language must be nl, en or fr: de",
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.html(evaluations, "de", 1))
            .getMessage());
  }
}
