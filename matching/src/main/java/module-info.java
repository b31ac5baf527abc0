/**
 * Koppel matching: the criteria extension point and its built-ins, match policies as data, and the
 * matching engine with explanations in nl, en and fr.
 *
 * @since 0.2
 */
module io.github.koppel.matching {
  // The engine, policies and explanations.
  exports io.github.koppel.matching;
  // Match policies as data: criteria, weights, gates, aggregation, tie-break, fairness target.
  exports io.github.koppel.matching.policy;
  // The criteria extension point and the built-in criteria.
  exports io.github.koppel.matching.criteria;
  // Placing many volunteers into vacancies with capacities.
  exports io.github.koppel.matching.allocation;
  // Evaluation of policies on outcomes.
  exports io.github.koppel.matching.evaluation;
  // Ranked group fairness (FA*IR).
  exports io.github.koppel.matching.fairness;

  requires transitive io.github.koppel.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.google.common;
  // The XML escaper of the evaluation report's HTML and SVG.
  requires org.apache.commons.text;
  // Transitive so that the nullness of the API reaches users' compilers; static, so never needed at run time.
  requires static transitive org.jspecify;
}
