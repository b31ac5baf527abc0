/**
 * Koppel matching: criteria, match policies and the matching engine. This module is being built
 * (see the changelog); in this release it only declares its place in the module graph.
 *
 * @since 0.1
 */
module io.github.koppel.matching {
  // The API packages are exported as they arrive (criteria, policies, engine).

  requires transitive io.github.koppel.core;
  requires static org.jspecify;
}
