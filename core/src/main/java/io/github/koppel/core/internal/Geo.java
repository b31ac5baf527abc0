package io.github.koppel.core.internal;

/**
 * Great-circle distances on primitives: the one formula of {@code Location.distanceKm} and of the
 * matching engine's compiled distance, so that both compute the same doubles.
 */
public final class Geo {
  /** The mean radius of the Earth, in km. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  private Geo() {}

  /**
   * Returns the haversine distance from one point to another.
   *
   * @param fromLatitude the first latitude, in degrees
   * @param fromLongitude the first longitude, in degrees
   * @param toLatitude the second latitude, in degrees
   * @param toLongitude the second longitude, in degrees
   * @return the distance in km
   */
  public static double distanceKm(
      double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
    double phi1 = Math.toRadians(fromLatitude);
    double phi2 = Math.toRadians(toLatitude);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(toLongitude - fromLongitude);
    double a =
        Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
