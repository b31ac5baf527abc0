package io.github.koppel.matching.criteria;

import io.github.koppel.core.vocabulary.ConceptScheme;
import org.jspecify.annotations.Nullable;

/**
 * How one concept relates to another in a scheme: the same, narrower by some steps, or broader by
 * some steps. Used by the taxonomy-aware criteria on both the object and the compiled path, so that
 * both compute the same credit.
 *
 * @param kind {@code exact}, {@code narrower} or {@code broader}
 * @param steps the steps up or down, 0 for the same concept
 */
record ConceptRelation(String kind, int steps) {
  private static final ConceptRelation EXACT = new ConceptRelation("exact", 0);

  /**
   * Returns how concept {@code a} relates to concept {@code b}, or {@code null} if neither is an
   * ancestor of the other (or one is not in the scheme).
   */
  static @Nullable ConceptRelation of(ConceptScheme scheme, String a, String b) {
    if (a.equals(b)) {
      return EXACT;
    }
    if (!scheme.contains(a) || !scheme.contains(b)) {
      return null;
    }
    Integer up = scheme.ancestors(a).get(b);
    if (up != null) {
      return new ConceptRelation("narrower", up);
    }
    Integer down = scheme.ancestors(b).get(a);
    return down == null ? null : new ConceptRelation("broader", down);
  }

  /** Returns the credit: 1 for the same concept, else the credit per step to the power steps. */
  double credit(double narrowerCredit, double broaderCredit) {
    return switch (kind) {
      case "narrower" -> Math.pow(narrowerCredit, steps);
      case "broader" -> Math.pow(broaderCredit, steps);
      default -> 1;
    };
  }
}
