package io.github.koppel.core.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A category of the European driving licence (Directive 2006/126/EC), as a vacancy may require
 * one (a van, a minibus) and a volunteer may hold several. A higher category covers the ones it
 * builds on: every category here needs {@code B}; {@code C} covers {@code C1}, {@code D} covers
 * {@code D1}, and {@code CE} covers {@code C}, {@code C1} and {@code BE}.
 *
 * @since 0.2
 */
public enum DrivingLicence {
  /** Cars up to 3.5 t and 8 passengers. */
  B,
  /** B with a trailer over 750 kg. */
  BE,
  /** Lorries from 3.5 t to 7.5 t. */
  C1,
  /** Lorries over 3.5 t. */
  C,
  /** C with a trailer over 750 kg. */
  CE,
  /** Minibuses up to 16 passengers. */
  D1,
  /** Buses. */
  D;

  /**
   * Returns the categories a licence of this category lets one drive: itself and those it covers.
   *
   * @return the categories
   */
  public Set<DrivingLicence> covered() {
    return switch (this) {
      case B -> EnumSet.of(B);
      case BE -> EnumSet.of(B, BE);
      case C1 -> EnumSet.of(B, C1);
      case C -> EnumSet.of(B, C1, C);
      case CE -> EnumSet.of(B, BE, C1, C, CE);
      case D1 -> EnumSet.of(B, D1);
      case D -> EnumSet.of(B, D1, D);
    };
  }

  /**
   * Returns whether holders of some categories may drive what a category requires.
   *
   * @param held the categories held
   * @param required the category required
   * @return whether one of {@code held} covers {@code required}
   */
  public static boolean covers(Set<DrivingLicence> held, DrivingLicence required) {
    Objects.requireNonNull(required, "required");
    for (DrivingLicence h : held) {
      if (h.covered().contains(required)) {
        return true;
      }
    }
    return false;
  }
}
