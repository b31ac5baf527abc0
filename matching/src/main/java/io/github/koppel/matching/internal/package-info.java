/** Internals of the matching module; not exported and not part of the API. */
@NullMarked
package io.github.koppel.matching.internal;

import org.jspecify.annotations.NullMarked;
