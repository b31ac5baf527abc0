package io.github.koppel.core.model;

import java.util.Map;

/**
 * An accommodation a vacancy offers (a seated workstation, a quiet room, instructions in pictures)
 * and the functional demands it lowers.
 *
 * <p>This class is immutable. {@code lowersDemands} iterates by dimension id.
 *
 * @param accommodationId the id of a concept in the accommodation vocabulary
 * @param lowersDemands per functional dimension id, the demand that remains when the accommodation
 *     is used; each must be at most the vacancy's demand on that dimension
 * @since 0.1
 */
public record Accommodation(String accommodationId, Map<String, FunctionalLevel> lowersDemands) {

  public Accommodation {
    Checks.id(accommodationId, "accommodationId");
    lowersDemands = Checks.idMap(lowersDemands, "lowersDemands");
  }

  /**
   * Returns an accommodation that lowers no demand (it meets a support need only).
   *
   * @param accommodationId an accommodation concept id
   * @return the accommodation
   */
  public static Accommodation of(String accommodationId) {
    return new Accommodation(accommodationId, Map.of());
  }
}
