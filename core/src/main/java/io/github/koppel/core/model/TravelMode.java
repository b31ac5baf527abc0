package io.github.koppel.core.model;

/**
 * How a volunteer travels to an on-site vacancy.
 *
 * @since 0.1
 */
public enum TravelMode {
  /** On foot. */
  WALK,
  /** By bicycle. */
  BICYCLE,
  /** By bus, tram or train. */
  PUBLIC_TRANSPORT,
  /** By car or motorbike. */
  CAR
}
