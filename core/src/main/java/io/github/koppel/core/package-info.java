/**
 * Koppel core: the shared exception type and API markers.
 *
 * <p>The domain model lives in {@link io.github.koppel.core.model}, the concept schemes in {@link
 * io.github.koppel.core.vocabulary}, the Belgian volunteer rules in {@link
 * io.github.koppel.core.legal}, JSON and CSV input and output in {@link io.github.koppel.core.io}
 * and the fictional demo city in {@link io.github.koppel.core.demo}.
 */
@NullMarked
package io.github.koppel.core;

import org.jspecify.annotations.NullMarked;
