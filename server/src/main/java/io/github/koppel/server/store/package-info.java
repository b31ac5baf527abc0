/**
 * The durable store of a Koppel server: records as their JSON forms and a log of changes, in an
 * embedded H2 database or PostgreSQL, migrated with Flyway.
 */
@NullMarked
package io.github.koppel.server.store;

import org.jspecify.annotations.NullMarked;
