package io.github.koppel.core.model;

/**
 * The legal form of an organisation that works with volunteers, as the Belgian volunteer law
 * distinguishes them (it decides, among other things, whether civil-liability insurance is
 * mandatory).
 *
 * @since 0.1
 */
public enum LegalForm {
  /** A de facto association (feitelijke vereniging) that employs no staff. */
  DE_FACTO_ASSOCIATION_WITHOUT_STAFF,
  /** A de facto association (feitelijke vereniging) that employs staff. */
  DE_FACTO_ASSOCIATION_WITH_STAFF,
  /** A non-profit association (vzw / asbl). */
  NON_PROFIT_ASSOCIATION,
  /** A foundation (stichting / fondation). */
  FOUNDATION,
  /** A public service: a city, an OCMW/CPAS, a school, a library. */
  PUBLIC_SERVICE
}
