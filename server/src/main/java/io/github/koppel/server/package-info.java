/** The Koppel server: the engine over HTTP/JSON, with a durable store and access by key and role. */
@NullMarked
package io.github.koppel.server;

import org.jspecify.annotations.NullMarked;
