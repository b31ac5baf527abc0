/**
 * The {@code koppel} command line.
 *
 * @since 0.1
 */
module io.github.koppel.cli {
  requires io.github.koppel.core;
  requires io.github.koppel.matching;
  requires info.picocli;
  requires static org.jspecify;

  opens io.github.koppel.cli to
      info.picocli;
}
