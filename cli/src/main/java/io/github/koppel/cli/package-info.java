/**
 * The {@code koppel} command: {@link io.github.koppel.cli.KoppelCommand} and its subcommands. Not
 * an API: run it from the command line.
 */
@NullMarked
package io.github.koppel.cli;

import org.jspecify.annotations.NullMarked;
