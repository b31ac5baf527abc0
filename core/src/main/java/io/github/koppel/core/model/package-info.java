/**
 * The domain model: {@link io.github.koppel.core.model.Volunteer}, {@link
 * io.github.koppel.core.model.Organisation}, {@link io.github.koppel.core.model.Vacancy} and their
 * parts, gathered in a {@link io.github.koppel.core.model.Dataset}.
 *
 * <p>Every type is an immutable, validated value: constructors reject null with a {@link
 * java.lang.NullPointerException} naming the field and bad values with an {@link
 * java.lang.IllegalArgumentException} naming the field and the value. Collections are copied into
 * unmodifiable collections with a stable iteration order, so equal values serialise identically.
 *
 * <p>Ability is described as possibilities, never diagnoses: a volunteer's {@link
 * io.github.koppel.core.model.FunctionalLevel} per functional dimension meets a vacancy's demand on
 * the same scale, and an {@link io.github.koppel.core.model.Accommodation} may lower a demand.
 *
 * <pre class="example">{@code
 * Vacancy vacancy = Vacancy.builder("v-1", "org-1", LocalizedText.of("Kok", "Cook", "Cuisinier"))
 *     .talent(TalentRequirement.required("cooking"))
 *     .noDutchRequired(true)
 *     .practiseLanguages(Set.of("nl"))
 *     .place(WorkMode.ON_SITE, Location.of(51.054, 3.717))
 *     .capacity(2)
 *     .build();
 * Volunteer amal = Volunteer.builder("vol-1")
 *     .language(LanguageSkill.practising("nl", CefrLevel.A2))
 *     .talent(Talent.of("cooking", ProficiencyLevel.EXPERT))
 *     .build();
 * }</pre>
 */
@NullMarked
package io.github.koppel.core.model;

import org.jspecify.annotations.NullMarked;
