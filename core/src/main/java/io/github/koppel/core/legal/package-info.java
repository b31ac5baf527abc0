/**
 * The Belgian volunteer rules as versioned data: {@link io.github.koppel.core.legal.LegalRules}
 * assesses a (volunteer, vacancy) pair on a day into the {@link
 * io.github.koppel.core.legal.GateFailure gates it fails} and the {@link
 * io.github.koppel.core.legal.LegalNotice notices} to attach.
 *
 * <p>Sources of the bundled rules: the law of 3 July 2005 on the rights of volunteers (minimum age,
 * insurance duty, the flat-rate allowance and its yearly indexed ceilings), article 596 of the Code
 * of Criminal Procedure (the 596.2 extract) and the rules of the RVA/ONEM (form C45B), the OCMW/CPAS
 * and the health funds for volunteers on benefits.
 *
 * <pre class="example">{@code
 * Dataset city = DemoCity.bundled();
 * Volunteer amal = city.volunteer("persona-amal");
 * Vacancy vacancy = city.vacancy("vac-0002");
 * Organisation organisation = city.organisation(vacancy.organisationId());
 * LegalAssessment legal = BundledData.belgianLegalRules().assess(amal, vacancy, organisation, DemoCity.REFERENCE_DATE);
 * for (LegalNotice n : legal.notices()) {
 *   System.out.println(n.message().in("fr"));
 * }
 * }</pre>
 */
@NullMarked
package io.github.koppel.core.legal;

import org.jspecify.annotations.NullMarked;
