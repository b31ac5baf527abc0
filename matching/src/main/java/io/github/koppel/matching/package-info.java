/**
 * The matching engine of Koppel. Criteria, match policies and the engine arrive in release 0.2;
 * this package is reserved for them.
 */
@NullMarked
package io.github.koppel.matching;

import org.jspecify.annotations.NullMarked;
