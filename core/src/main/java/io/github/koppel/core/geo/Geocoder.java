package io.github.koppel.core.geo;

import io.github.koppel.core.model.Location;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the coordinates of a place people know by its postcode or municipality, for a location
 * given without coordinates. The readers ({@code KoppelJson.withGeocoder}, {@code
 * KoppelCsv.withGeocoder}) ask it; the default is {@link Gazetteer#belgium()}. A city with an
 * address service of its own implements this interface in front of it.
 *
 * <p>A location it returns lies at the centre of the area and is {@linkplain
 * Location#approximate() approximate}, so that explanations say the distance is approximate.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface Geocoder {

  /**
   * Returns the location of a postcode, a municipality or both.
   *
   * @param postcode a postcode such as {@code 2801}, or {@code null}
   * @param municipality a municipality or part of one such as {@code Heffen}, or {@code null}
   * @return the location, approximate unless the geocoder knows better; empty when it knows
   *     neither
   * @throws IllegalArgumentException if the place is ambiguous (two municipalities of the same
   *     name), with a message that says how to tell them apart
   */
  Optional<Location> locate(@Nullable String postcode, @Nullable String municipality);

  /**
   * Returns a geocoder that asks this one first and then another.
   *
   * @param next the geocoder to ask when this one knows nothing
   * @return the combined geocoder
   */
  default Geocoder orElse(Geocoder next) {
    Objects.requireNonNull(next, "next");
    return (postcode, municipality) -> {
      Optional<Location> found = locate(postcode, municipality);
      return found.isPresent() ? found : next.locate(postcode, municipality);
    };
  }

  /**
   * Returns a geocoder that knows no place: a location without coordinates is then an error.
   *
   * @return the geocoder
   */
  static Geocoder none() {
    return (postcode, municipality) -> Optional.empty();
  }
}
