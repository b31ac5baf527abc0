package io.github.koppel.core.model;

import java.util.Objects;

/**
 * How far and how a volunteer will travel to on-site volunteering.
 *
 * <p>This class is immutable.
 *
 * @param maxDistanceKm the greatest distance from home, in kilometres, in [0, 1000]
 * @param travelMode how the volunteer travels
 * @since 0.1
 */
public record Mobility(double maxDistanceKm, TravelMode travelMode) {

  public Mobility {
    maxDistanceKm = Checks.finite(maxDistanceKm, 0, 1000, "maxDistanceKm");
    Objects.requireNonNull(travelMode, "travelMode");
  }

  /**
   * Returns the mobility.
   *
   * @param maxDistanceKm the greatest distance, in kilometres
   * @param travelMode the travel mode
   * @return the mobility
   */
  public static Mobility of(double maxDistanceKm, TravelMode travelMode) {
    return new Mobility(maxDistanceKm, travelMode);
  }
}
