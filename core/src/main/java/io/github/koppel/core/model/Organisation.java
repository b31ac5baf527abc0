package io.github.koppel.core.model;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A volunteer organisation: a de facto association, a non-profit, a foundation or a public service.
 *
 * <p>This class is immutable.
 *
 * @param id a unique id
 * @param name the name shown to volunteers
 * @param legalForm the legal form, which decides the insurance duty
 * @param liabilityInsured whether the organisation declared civil-liability insurance for its
 *     volunteers
 * @param sectors ids of sector concepts the organisation works in
 * @param location the organisation's main address, or {@code null}
 * @param inclusion what the organisation commits to for inclusion
 * @param youthWork whether the organisation is recognised youth work (which may exempt it from the
 *     596.2 extract requirement)
 * @since 0.1
 */
public record Organisation(
    String id,
    String name,
    LegalForm legalForm,
    boolean liabilityInsured,
    Set<String> sectors,
    @Nullable Location location,
    InclusionCommitments inclusion,
    boolean youthWork) {

  public Organisation {
    Checks.id(id, "id");
    name = Checks.text(name, "name");
    Objects.requireNonNull(legalForm, "legalForm");
    sectors = Checks.ids(sectors, "sectors");
    Objects.requireNonNull(inclusion, "inclusion");
  }

  /**
   * Returns an insured organisation with no sectors, location or commitments; refine it with the
   * {@code with...} methods.
   *
   * @param id a unique id
   * @param name the name
   * @param legalForm the legal form
   * @return the organisation
   */
  public static Organisation of(String id, String name, LegalForm legalForm) {
    return new Organisation(id, name, legalForm, true, Set.of(), null, InclusionCommitments.NONE, false);
  }

  /**
   * Returns a copy with other sectors. This instance is unchanged.
   *
   * @param sectors sector concept ids
   * @return the copy
   */
  public Organisation withSectors(Set<String> sectors) {
    return new Organisation(id, name, legalForm, liabilityInsured, sectors, location, inclusion, youthWork);
  }

  /**
   * Returns a copy at another location. This instance is unchanged.
   *
   * @param location the location, or {@code null}
   * @return the copy
   */
  public Organisation withLocation(@Nullable Location location) {
    return new Organisation(id, name, legalForm, liabilityInsured, sectors, location, inclusion, youthWork);
  }

  /**
   * Returns a copy with other inclusion commitments. This instance is unchanged.
   *
   * @param inclusion the commitments
   * @return the copy
   */
  public Organisation withInclusion(InclusionCommitments inclusion) {
    return new Organisation(id, name, legalForm, liabilityInsured, sectors, location, inclusion, youthWork);
  }

  /**
   * Returns a copy with another insurance declaration. This instance is unchanged.
   *
   * @param liabilityInsured whether civil-liability insurance is declared
   * @return the copy
   */
  public Organisation withLiabilityInsured(boolean liabilityInsured) {
    return new Organisation(id, name, legalForm, liabilityInsured, sectors, location, inclusion, youthWork);
  }

  /**
   * Returns a copy with another youth-work recognition. This instance is unchanged.
   *
   * @param youthWork whether the organisation is recognised youth work
   * @return the copy
   */
  public Organisation withYouthWork(boolean youthWork) {
    return new Organisation(id, name, legalForm, liabilityInsured, sectors, location, inclusion, youthWork);
  }

  @Override
  public String toString() {
    return "Organisation{id=" + id + ", name=" + name + ", legalForm=" + legalForm + "}";
  }
}
