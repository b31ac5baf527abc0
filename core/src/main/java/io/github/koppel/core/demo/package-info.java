/**
 * A deterministic, fictional Flemish city for demos, tests and benchmarks: {@link
 * io.github.koppel.core.demo.DemoCity} generates organisations, vacancies and volunteers from a
 * seed, and {@link io.github.koppel.core.demo.Personas} holds hand-written volunteers with a story.
 */
@NullMarked
package io.github.koppel.core.demo;

import org.jspecify.annotations.NullMarked;
