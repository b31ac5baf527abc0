package io.github.koppel.matching.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.matching.ExplanationText;
import io.github.koppel.matching.internal.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.text.StringEscapeUtils;
import org.jspecify.annotations.Nullable;

/**
 * Writes evaluations of one or more policies as one self-contained HTML page: a table of the
 * measures with paired bootstrap intervals of each policy's difference with the first, coverage
 * and concentration, and four plots as inline SVG (nDCG and recall by length of the list, the
 * distribution of match scores, exposure per target group against its fair share, and the gate
 * funnel). The page loads nothing from the network and has no script; it is well-formed XML, so
 * that tools can read it too.
 *
 * @since 0.2
 */
public final class EvaluationReport {
  /** Series colours, in order; grey is kept for the reference series. */
  private static final String[] PALETTE = {
    "#1b6ca8", "#d9822b", "#2e8b57", "#a23b72", "#e0b000", "#17becf", "#8c564b", "#e377c2",
    "#bcbd22", "#000000"
  };

  private static final String GREY = "#6c757d";
  private static final int WIDTH = 640;
  private static final int HEIGHT = 260;
  private static final int LEFT = 56;
  /** The bottom margin of charts with straight labels; rotated labels get more. */
  private static final int BOTTOM = 36;
  private static final int ROTATED_BOTTOM = 90;
  private static final int TOP = 16;
  private static final int RIGHT = 16;

  private EvaluationReport() {}

  /**
   * Writes the report.
   *
   * @param evaluations the evaluations, made by one {@link Evaluator} with one k; the first is the
   *     baseline of the comparisons
   * @param language nl, en or fr
   * @param seed the seed of the bootstrap
   * @return the HTML page
   * @throws IllegalArgumentException if there is no evaluation, they do not pair up, or the
   *     language is unknown
   */
  public static String html(List<PolicyEvaluation> evaluations, String language, long seed) {
    return html(evaluations, null, language, seed);
  }

  /**
   * Writes the report with a fifth plot: how the first policy's metric responds to each weight.
   *
   * @param evaluations the evaluations, as for {@link #html(List, String, long)}
   * @param sensitivity the first policy's weight sensitivity, or {@code null} to leave it out
   * @param language nl, en or fr
   * @param seed the seed of the bootstrap
   * @return the HTML page
   */
  public static String html(
      List<PolicyEvaluation> evaluations,
      Tuner.@Nullable Sensitivity sensitivity,
      String language,
      long seed) {
    Objects.requireNonNull(evaluations, "evaluations");
    checkArgument(!evaluations.isEmpty(), "at least one evaluation is needed");
    checkArgument(
        Messages.LANGUAGES.contains(language), "language must be nl, en or fr: %s", language);
    PolicyEvaluation first = evaluations.get(0);
    List<Map<String, PairedBootstrap>> comparisons = new ArrayList<>();
    for (PolicyEvaluation e : evaluations.subList(1, evaluations.size())) {
      comparisons.add(first.compare(e, 2000, 0.95, seed));
    }
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(language)
        .append("\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
        .append(escape(t("report.title", language)))
        .append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:72em;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0;display:block;overflow-x:auto}")
        .append("th,td{border:1px solid #ccc;")
        .append("padding:.3em .6em;text-align:right}th:first-child,td:first-child{text-align:left}")
        .append("figure{margin:1.5em 0}figcaption{font-weight:600;margin-bottom:.3em}")
        .append("svg text{font-size:11px;fill:#333}.legend span{display:inline-block;")
        .append("margin-right:1em}.swatch{display:inline-block;width:.8em;height:.8em;")
        .append("margin-right:.3em}\n</style>\n</head>\n<body>\n");
    h.append("<h1>").append(escape(t("report.title", language))).append("</h1>\n");
    h.append("<p>")
        .append(
            escape(
                Messages.text(
                        "report.summary",
                        Map.of(
                            "queries", String.valueOf(first.volunteerIds().size()),
                            "k", String.valueOf(first.k()),
                            "day", first.day().toString()))
                    .in(language)))
        .append("</p>\n");
    legend(h, evaluations);
    metricsTable(h, evaluations, language);
    for (int c = 0; c < comparisons.size(); c++) {
      comparisonTable(h, first.policy(), evaluations.get(c + 1).policy(), comparisons.get(c), language);
    }
    cutOffPlot(h, evaluations, language);
    scorePlot(h, evaluations, language);
    exposurePlot(h, evaluations, language);
    funnelPlot(h, evaluations, language);
    if (sensitivity != null) {
      sensitivityPlot(h, sensitivity, language);
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void legend(StringBuilder h, List<PolicyEvaluation> evaluations) {
    h.append("<p class=\"legend\">");
    for (int p = 0; p < evaluations.size(); p++) {
      h.append("<span><span class=\"swatch\" style=\"background:")
          .append(colour(p))
          .append("\"></span>")
          .append(escape(evaluations.get(p).policy()))
          .append("</span>");
    }
    h.append("</p>\n");
  }

  private static void metricsTable(StringBuilder h, List<PolicyEvaluation> evaluations, String lang) {
    h.append("<h2>").append(escape(t("report.metrics", lang))).append("</h2>\n<table>\n<tr><th>")
        .append(escape(t("report.policy", lang))).append("</th>");
    for (String m : PolicyEvaluation.METRICS) {
      h.append("<th>").append(escape(t("report.metric." + m, lang))).append("</th>");
    }
    for (String key :
        List.of("report.coverage.vacancies", "report.coverage.volunteers", "report.gini.vacancies",
            "report.gini.organisations")) {
      h.append("<th>").append(escape(t(key, lang))).append("</th>");
    }
    h.append("</tr>\n");
    for (PolicyEvaluation e : evaluations) {
      h.append("<tr><td>").append(escape(e.policy())).append("</td>");
      for (String m : PolicyEvaluation.METRICS) {
        h.append("<td>").append(number(e.mean(m))).append("</td>");
      }
      for (double x :
          new double[] {e.vacancyCoverage(), e.volunteerCoverage(), e.vacancyGini(), e.organisationGini()}) {
        h.append("<td>").append(number(x)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void comparisonTable(
      StringBuilder h, String base, String other, Map<String, PairedBootstrap> c, String lang) {
    h.append("<h3>")
        .append(escape(other))
        .append(": ")
        .append(escape(Messages.text("report.difference", Map.of("policy", base)).in(lang)))
        .append("</h3>\n<table>\n<tr>");
    for (String m : PolicyEvaluation.METRICS) {
      h.append("<th>").append(escape(t("report.metric." + m, lang))).append("</th>");
    }
    h.append("</tr>\n<tr>");
    for (String m : PolicyEvaluation.METRICS) {
      PairedBootstrap b = c.get(m);
      h.append("<td>")
          .append(signed(b.difference()))
          .append(" [")
          .append(signed(b.lower()))
          .append(", ")
          .append(signed(b.upper()))
          .append("]")
          .append(b.excludesZero() ? " (" + escape(t("report.significant", lang)) + ")" : "")
          .append("</td>");
    }
    h.append("</tr>\n</table>\n");
  }

  private static void cutOffPlot(StringBuilder h, List<PolicyEvaluation> evaluations, String lang) {
    int k = evaluations.get(0).k();
    Svg svg = new Svg("cutoff", t("report.plot.k", lang), "", 0, 1);
    svg.xTicks(k);
    for (int p = 0; p < evaluations.size(); p++) {
      svg.line(evaluations.get(p).byCutOff("ndcg"), colour(p), false);
      svg.line(evaluations.get(p).byCutOff("recall"), colour(p), true);
    }
    figure(h, t("report.plot.cutoff", lang) + " (— nDCG, - - recall)", svg);
  }

  private static void scorePlot(StringBuilder h, List<PolicyEvaluation> evaluations, String lang) {
    int bins = 10;
    double[][] counts = new double[evaluations.size()][bins];
    double max = 1;
    for (int p = 0; p < evaluations.size(); p++) {
      for (double s : evaluations.get(p).scores()) {
        counts[p][Math.min(bins - 1, (int) (s * bins))]++;
      }
      for (double c : counts[p]) {
        max = Math.max(max, c);
      }
    }
    Svg svg = new Svg("scores", t("report.plot.score", lang), t("report.plot.count", lang), 0, max);
    List<String> labels = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      labels.add(String.format(Locale.ROOT, "%.1f", b / (double) bins));
    }
    svg.bars(labels, counts, evaluations.size(), false);
    figure(h, t("report.plot.scores", lang), svg);
  }

  private static void exposurePlot(StringBuilder h, List<PolicyEvaluation> evaluations, String lang) {
    Map<String, double[]> shares = new LinkedHashMap<>();
    int n = evaluations.size();
    for (int p = 0; p < n; p++) {
      for (ExposureReport.GroupExposure g : evaluations.get(p).exposure().groups()) {
        double[] row = shares.computeIfAbsent(g.group(), x -> new double[n + 1]);
        row[p] = g.exposureShare();
        row[n] = g.feasibleShare();
      }
    }
    List<String> labels = new ArrayList<>();
    double[][] series = new double[n + 1][shares.size()];
    int i = 0;
    double max = 0.01;
    for (Map.Entry<String, double[]> e : shares.entrySet()) {
      labels.add(
          e.getKey().equals(ExposureReport.NO_GROUP) ? t("report.noGroup", lang) : e.getKey());
      for (int p = 0; p <= n; p++) {
        series[p][i] = e.getValue()[p];
        max = Math.max(max, e.getValue()[p]);
      }
      i++;
    }
    Svg svg = new Svg("exposure", "", t("report.plot.exposureShare", lang), 0, max, true);
    svg.bars(labels, series, n + 1, true);
    figure(
        h,
        t("report.plot.exposure", lang) + " (" + t("report.plot.feasibleShare", lang) + ": "
            + t("report.plot.grey", lang) + ")",
        svg);
  }

  private static void funnelPlot(StringBuilder h, List<PolicyEvaluation> evaluations, String lang) {
    Map<String, double[]> counts = new LinkedHashMap<>();
    int n = evaluations.size();
    double max = 1;
    for (int p = 0; p < n; p++) {
      for (Map.Entry<String, Integer> e : evaluations.get(p).gateFunnel().entrySet()) {
        counts.computeIfAbsent(e.getKey(), x -> new double[n])[p] = e.getValue();
        max = Math.max(max, e.getValue());
      }
    }
    List<String> labels = new ArrayList<>();
    double[][] series = new double[n][counts.size()];
    int i = 0;
    for (Map.Entry<String, double[]> e : counts.entrySet()) {
      labels.add(ExplanationText.label(e.getKey(), lang));
      for (int p = 0; p < n; p++) {
        series[p][i] = e.getValue()[p];
      }
      i++;
    }
    Svg svg = new Svg("funnel", "", t("report.plot.count", lang), 0, max, labels.size() > 6);
    svg.bars(labels, series, n, false);
    figure(h, t("report.plot.funnel", lang), svg);
  }

  private static void sensitivityPlot(StringBuilder h, Tuner.Sensitivity s, String lang) {
    double low = 1;
    double high = 0;
    for (double[] row : s.values().values()) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
    }
    if (high < low) {
      low = 0;
      high = 1;
    }
    double pad = Math.max(0.01, (high - low) * 0.1);
    // The right margin holds the legend.
    Svg svg =
        new Svg("sensitivity", t("report.plot.multiplier", lang),
            t("report.metric." + s.metric(), lang), Math.max(0, low - pad), Math.min(1, high + pad),
            false, 150);
    List<String> ticks = new ArrayList<>();
    for (double m : s.multipliers()) {
      ticks.add(m < 1 ? "×1/" + Math.round(1 / m) : "×" + Math.round(m));
    }
    svg.xLabels(ticks);
    int p = 0;
    for (Map.Entry<String, double[]> e : s.values().entrySet()) {
      String colour = colour(p);
      svg.line(e.getValue(), colour, false);
      svg.legendEntry(p, e.getKey(), colour);
      p++;
    }
    figure(h, Messages.text("report.plot.sensitivity", Map.of("policy", s.policy())).in(lang), svg);
  }

  private static void figure(StringBuilder h, String caption, Svg svg) {
    h.append("<figure>\n<figcaption>")
        .append(escape(caption))
        .append("</figcaption>\n")
        .append(svg.close())
        .append("</figure>\n");
  }

  private static String colour(int p) {
    return PALETTE[p % PALETTE.length];
  }

  private static String t(String key, String lang) {
    return Messages.template(key, lang);
  }

  private static String number(double x) {
    return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.3f", x);
  }

  private static String signed(double x) {
    return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%+.3f", x);
  }

  /** Text for HTML and the SVG inside it: markup characters escaped, characters XML forbids removed. */
  static String escape(String s) {
    return StringEscapeUtils.escapeXml10(s);
  }

  /** A small SVG chart with a linear y axis. */
  private static final class Svg {
    private final StringBuilder s = new StringBuilder();
    private final double low;
    private final double high;
    private final int bottom;
    private final int height;
    private final int right;

    Svg(String id, String xLabel, String yLabel, double low, double high) {
      this(id, xLabel, yLabel, low, high, false, RIGHT);
    }

    Svg(String id, String xLabel, String yLabel, double low, double high, boolean rotatedLabels) {
      this(id, xLabel, yLabel, low, high, rotatedLabels, RIGHT);
    }

    Svg(
        String id,
        String xLabel,
        String yLabel,
        double low,
        double high,
        boolean rotatedLabels,
        int right) {
      this.right = right;
      this.low = low;
      this.high = high;
      this.bottom = rotatedLabels ? ROTATED_BOTTOM : BOTTOM;
      this.height = HEIGHT - BOTTOM + bottom;
      s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"plot-").append(id)
          .append("\" class=\"plot\" width=\"").append(WIDTH).append("\" height=\"").append(height)
          .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
          .append("\" role=\"img\">\n");
      s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(height - bottom)
          .append("\" x2=\"").append(WIDTH - right).append("\" y2=\"").append(height - bottom)
          .append("\" stroke=\"#999\"/>\n");
      s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
          .append(LEFT).append("\" y2=\"").append(height - bottom).append("\" stroke=\"#999\"/>\n");
      for (int i = 0; i <= 4; i++) {
        double v = low + (high - low) * i / 4;
        s.append(String.format(Locale.ROOT,
            "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
            LEFT - 4, y(v) + 4, high > 2 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v)));
      }
      s.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
          (LEFT + WIDTH - right) / 2, height - 4, escape(xLabel)));
      s.append(String.format(Locale.ROOT,
          "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>%n",
          (TOP + height - bottom) / 2, (TOP + height - bottom) / 2, escape(yLabel)));
    }

    private double y(double v) {
      double span = high - low <= 0 ? 1 : high - low;
      return height - bottom - (v - low) / span * (height - bottom - TOP);
    }

    private double x(int i, int count) {
      return LEFT + (WIDTH - LEFT - right) * (count == 1 ? 0.5 : i / (double) (count - 1));
    }

    /** A legend line in the right margin, in the series' colour. */
    void legendEntry(int index, String label, String colour) {
      s.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\" style=\"fill:%s\">%s</text>%n",
          WIDTH - 4, TOP + 12 + 13 * index, colour, colour, escape(label)));
    }

    void xLabels(List<String> labels) {
      for (int i = 0; i < labels.size(); i++) {
        s.append(String.format(Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            x(i, labels.size()), height - bottom + 14, escape(labels.get(i))));
      }
    }

    void xTicks(int count) {
      for (int i = 0; i < count; i++) {
        s.append(String.format(Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
            x(i, count), height - bottom + 14, i + 1));
      }
    }

    void line(double[] values, String colour, boolean dashed) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        if (!Double.isNaN(values[i])) {
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, values.length), y(values[i])));
        }
      }
      s.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(colour)
          .append("\" stroke-width=\"2\"")
          .append(dashed ? " stroke-dasharray=\"5,4\"" : "")
          .append(" points=\"").append(points.toString().strip()).append("\"/>\n");
    }

    /** Grouped bars: series[p][i] is series p's value in group i; the last may be a grey reference. */
    void bars(List<String> labels, double[][] series, int count, boolean lastIsReference) {
      int groups = labels.size();
      if (groups == 0) {
        return;
      }
      double slot = (WIDTH - LEFT - right) / (double) groups;
      double bar = Math.max(1, slot * 0.8 / count);
      for (int g = 0; g < groups; g++) {
        for (int p = 0; p < count; p++) {
          double v = series[p][g];
          double top = y(v);
          String fill = lastIsReference && p == count - 1 ? GREY : colour(p);
          s.append(String.format(Locale.ROOT,
              "<rect class=\"series\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
              LEFT + g * slot + slot * 0.1 + p * bar, top, bar, Math.max(0, height - bottom - top), fill,
              escape(labels.get(g) + ": " + number(v))));
        }
        double cx = LEFT + g * slot + slot / 2;
        int cy = height - bottom + 14;
        String label =
            escape(labels.get(g).length() > 22 ? labels.get(g).substring(0, 21) + "…" : labels.get(g));
        if (bottom > BOTTOM) {
          s.append(String.format(Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-35 %.1f %d)\">%s</text>%n",
              cx, cy, cx, cy, label));
        } else {
          s.append(String.format(Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", cx, cy, label));
        }
      }
    }

    String close() {
      return s.append("</svg>\n").toString();
    }
  }
}
