/**
 * Places by postcode and municipality: the {@link io.github.koppel.core.geo.Geocoder} extension
 * point and the bundled {@link io.github.koppel.core.geo.Gazetteer} of Belgian places.
 *
 * <pre>{@code
 * Geocoder geocoder = Gazetteer.readGeoNames(Path.of("BE.txt"))   // postcodes, if you have them
 *     .with(Gazetteer.belgium());                                  // municipalities, bundled
 * Dataset city = KoppelCsv.create().withGeocoder(geocoder).readDataset(orgs, vacancies, volunteers);
 * }</pre>
 *
 * @since 0.2
 */
@NullMarked
package io.github.koppel.core.geo;

import org.jspecify.annotations.NullMarked;
