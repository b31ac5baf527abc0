package io.github.koppel.core.io;

import io.github.koppel.core.geo.Geocoder;
import io.github.koppel.core.model.Location;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A location given by postcode or municipality alone, as the CSV and JSON readers both locate
 * it: the texts checked as a location checks them, then the geocoder asked, with one wording of
 * what went wrong for both forms.
 */
final class Places {
  private Places() {}

  /** Why a place could not be located, and which field to blame. */
  static final class Unlocated extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final boolean malformed;

    Unlocated(String field, boolean malformed, String message, @Nullable Throwable cause) {
      super(message, cause);
      this.field = field;
      this.malformed = malformed;
    }

    /** Whether the text itself is malformed, rather than a place the geocoder cannot find. */
    boolean malformed() {
      return malformed;
    }

    /** The field at fault: {@code postcode} or {@code municipality}. */
    String field() {
      return field;
    }
  }

  /**
   * Locates a place without coordinates.
   *
   * @param geocoder the geocoder
   * @param postcode the postcode, or null
   * @param municipality the municipality, or null (not both null)
   * @param neighbourhood the neighbourhood, or null
   * @return the approximate location
   * @throws Unlocated if a text is malformed, the place is ambiguous or the geocoder knows neither
   */
  static Location locate(
      Geocoder geocoder, @Nullable String postcode, @Nullable String municipality, @Nullable String neighbourhood) {
    try {
      // Checked as a location with coordinates checks them: the same errors in every form.
      new Location(0, 0, postcode, municipality, neighbourhood);
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      throw new Unlocated(
          message.startsWith("postcode") ? "postcode"
              : message.startsWith("neighbourhood") ? "neighbourhood" : "municipality",
          true, message, e);
    }
    Optional<Location> found;
    try {
      found = geocoder.locate(postcode, municipality);
    } catch (IllegalArgumentException e) {
      throw new Unlocated("municipality", false, String.valueOf(e.getMessage()), e);
    }
    if (found.isEmpty()) {
      throw new Unlocated(
          postcode != null ? "postcode" : "municipality",
          false,
          (postcode != null
                  ? "the postcode " + postcode
                      + (municipality != null ? " and the municipality " + municipality + " are" : " is")
                  : "the municipality " + municipality + " is")
              + " not in the gazetteer: give latitude and longitude, or a place it knows",
          null);
    }
    return found.get().withNeighbourhood(neighbourhood);
  }
}
