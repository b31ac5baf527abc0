/**
 * Koppel core: the domain model, vocabularies, legal rules and JSON/CSV input and output.
 *
 * @since 0.1
 */
module io.github.koppel.core {
  // API
  exports io.github.koppel.core;
  exports io.github.koppel.core.demo;
  exports io.github.koppel.core.geo;
  exports io.github.koppel.core.io;
  exports io.github.koppel.core.legal;
  exports io.github.koppel.core.model;
  exports io.github.koppel.core.vocabulary;

  // Not API: number and date formats and nearest-word suggestions that the other modules share.
  exports io.github.koppel.core.internal to
      io.github.koppel.matching,
      io.github.koppel.cli;

  // Jackson maps the records reflectively; the whole mapping lives in the io package.
  opens io.github.koppel.core.model to
      com.fasterxml.jackson.databind;
  opens io.github.koppel.core.vocabulary to
      com.fasterxml.jackson.databind;
  opens io.github.koppel.core.io to
      com.fasterxml.jackson.databind;
  opens io.github.koppel.core.legal to
      com.fasterxml.jackson.databind;

  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires com.google.common;
  requires org.apache.commons.text;
  // Transitive so that the nullness of the API reaches users' compilers; static, so never needed at run time.
  requires static transitive org.jspecify;
}
