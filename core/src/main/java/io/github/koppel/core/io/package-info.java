/**
 * JSON and CSV input and output: {@link io.github.koppel.core.io.KoppelJson} for datasets,
 * vocabularies, legal rules and every domain value; {@link io.github.koppel.core.io.KoppelCsv} for
 * the spreadsheet exports municipalities have; {@link io.github.koppel.core.io.BundledData} for the
 * default Flemish vocabularies and the Belgian legal rules.
 *
 * <p>Every reader is strict and all-or-nothing, and fails with an {@link
 * io.github.koppel.core.InvalidDataException} that names the field, the value and where it was
 * read. The domain records carry no Jackson annotations: the whole mapping lives, package-private,
 * in this package.
 *
 * <pre class="example">{@code
 * KoppelJson json = KoppelJson.create();
 * Path file = Files.createTempFile("city", ".json");
 * json.writeDataset(DemoCity.bundled(), file);
 * ValidationReport report = json.check(file, 50);             // every problem at once, nothing loaded
 * Dataset city = json.readDataset(file);                       // all or nothing
 * System.out.println(report.ok() + ", " + city.volunteers().size() + " volunteers");
 * }</pre>
 */
@NullMarked
package io.github.koppel.core.io;

import org.jspecify.annotations.NullMarked;
