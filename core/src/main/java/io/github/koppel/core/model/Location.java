package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.internal.Geo;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A place: WGS84 coordinates plus the postcode, municipality and neighbourhood that counsellors and
 * volunteers recognise. A location found from a postcode or a municipality alone (see {@code
 * io.github.koppel.core.geo.Gazetteer}) lies at the centre of that area and is {@linkplain
 * #approximate() approximate}; explanations say so of the distances measured from it.
 *
 * <p>This class is immutable.
 *
 * @param latitude degrees north, in [-90, 90]
 * @param longitude degrees east, in [-180, 180]
 * @param postcode a postcode such as {@code 9000}, or {@code null}
 * @param municipality a municipality such as {@code Gent}, or {@code null}
 * @param neighbourhood a neighbourhood such as {@code Brugse Poort}, or {@code null}
 * @param approximate whether the coordinates are the centre of the postcode or municipality rather
 *     than the address (since 0.2)
 * @since 0.1
 */
public record Location(
    double latitude,
    double longitude,
    @Nullable String postcode,
    @Nullable String municipality,
    @Nullable String neighbourhood,
    boolean approximate) {
  private static final Pattern POSTCODE = Pattern.compile("[0-9A-Z][0-9A-Z -]{1,8}[0-9A-Z]");

  public Location {
    latitude = Checks.finite(latitude, -90, 90, "latitude");
    longitude = Checks.finite(longitude, -180, 180, "longitude");
    if (postcode != null) {
      checkArgument(
          POSTCODE.matcher(postcode).matches(),
          "postcode must be 3 to 10 digits, capitals, spaces or dashes: '%s'",
          postcode);
    }
    if (municipality != null) {
      municipality = Checks.text(municipality, "municipality");
    }
    if (neighbourhood != null) {
      neighbourhood = Checks.text(neighbourhood, "neighbourhood");
    }
  }

  /**
   * Creates an exact location: coordinates of the address.
   *
   * @param latitude degrees north, in [-90, 90]
   * @param longitude degrees east, in [-180, 180]
   * @param postcode a postcode, or {@code null}
   * @param municipality a municipality, or {@code null}
   * @param neighbourhood a neighbourhood, or {@code null}
   */
  public Location(
      double latitude,
      double longitude,
      @Nullable String postcode,
      @Nullable String municipality,
      @Nullable String neighbourhood) {
    this(latitude, longitude, postcode, municipality, neighbourhood, false);
  }

  /**
   * Returns a location with coordinates only.
   *
   * @param latitude degrees north
   * @param longitude degrees east
   * @return the location
   */
  public static Location of(double latitude, double longitude) {
    return new Location(latitude, longitude, null, null, null, false);
  }

  /**
   * Returns this location with a neighbourhood.
   *
   * @param neighbourhood the neighbourhood, or {@code null}
   * @return the location
   * @since 0.2
   */
  public Location withNeighbourhood(@Nullable String neighbourhood) {
    return new Location(latitude, longitude, postcode, municipality, neighbourhood, approximate);
  }

  /**
   * Returns the great-circle distance to another location (haversine formula on a sphere of mean
   * Earth radius; within 0.5 % of the ellipsoidal distance).
   *
   * @param other the other location
   * @return the distance in kilometres
   */
  public double distanceKm(Location other) {
    return Geo.distanceKm(latitude, longitude, other.latitude, other.longitude);
  }
}
