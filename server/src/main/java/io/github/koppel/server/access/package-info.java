/** Access to a Koppel server: keys with roles, their secrets kept only as hashes. */
@NullMarked
package io.github.koppel.server.access;

import org.jspecify.annotations.NullMarked;
