package io.github.koppel.matching.criteria;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.InvalidDataException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The criterion types a match policy may name, each with its factory. {@link #builtIn()} holds
 * the built-in types; {@link #with} adds a municipality's own.
 *
 * <p>The built-in types, with their parameters and defaults:
 *
 * <ul>
 *   <li>{@code language}: CEFR levels against the vacancy's requirements. {@code gapPenalty} (0.34
 *       per level), {@code practiseTolerance} (2 levels forgiven to a volunteer who wants to
 *       practise a language the vacancy offers practice in), {@code vetoMandatoryGap} (true),
 *       {@code mandatoryWeight} (2).
 *   <li>{@code talents}: required and desired talents, taxonomy-aware. {@code narrowerCredit}
 *       (0.9 per step), {@code broaderCredit} (0.5 per step), {@code learnCredit} (0.6, a talent
 *       the volunteer wants to learn when the vacancy offers training), {@code
 *       learnWithoutTrainingCredit} (0), {@code levelPenalty} (0.25 per level), {@code
 *       requiredWeight} (2), {@code vetoMissingRequired} (false).
 *   <li>{@code interests}: interests against the vacancy's sectors. {@code narrowerCredit} (0.9),
 *       {@code broaderCredit} (0.5), {@code noMatchScore} (0). Abstains without interests.
 *   <li>{@code ability}: functional demands (after accommodations) against possibilities. {@code
 *       gapPenalty} (0.5 per level), {@code maxGap} (1; a larger gap vetoes). Needs consent.
 *   <li>{@code accommodations}: support needs against accommodations offered. {@code vetoUnmet}
 *       (false). Needs consent; abstains without needs.
 *   <li>{@code availability}: day-parts, hours and dated shifts. {@code slotWeight} (0.7), {@code
 *       vetoOutsidePeriod} (true). Abstains without availability.
 *   <li>{@code distance}: a {@link Decay} of the distance. {@code shape} ({@code gauss}; or {@code
 *       linear}, {@code exp}), {@code origin} (0 km), {@code scale} (5 km), {@code offset} (1 km),
 *       {@code decay} (0.5), {@code respectMobility} (true: beyond the volunteer's limit vetoes),
 *       {@code hybridFloor} (0.5).
 *   <li>{@code practise}: a wish to practise a language against the vacancy's offer. {@code
 *       noChanceScore} (0). Abstains without a wish.
 *   <li>{@code preferences}: remote work, one-off or regular, alone or in a group. {@code
 *       mismatchScore} (0).
 *   <li>{@code age}: the legal and the organisation's minimum age. No parameters.
 *   <li>{@code backgroundCheck}: the 596.2 extract. {@code vetoMissing} (true). Needs consent.
 *   <li>{@code inclusion}: inclusion commitments against target groups. {@code groupWeight}
 *       (0.6), {@code coachWeight} (0.25), {@code trialWeight} (0.15). Needs consent.
 *   <li>{@code drivingLicence}: the licence category a vacancy needs. No parameters.
 *   <li>{@code history}: the volunteer's earlier outcomes with this vacancy and its organisation,
 *       before the day of the match. {@code excludeRejected}, {@code excludeStoppedEarly}, {@code
 *       excludePlaced} (true: a veto), {@code rejectedScore}, {@code stoppedEarlyScore} (0, when
 *       not excluded), {@code declinedScore} (0.25), {@code vacancyDays} (0: an outcome with the
 *       vacancy always counts), {@code organisationScore} (0.5) for a rejection or early stop at
 *       another vacancy of the organisation within {@code organisationDays} (180). Abstains
 *       without such an outcome.
 * </ul>
 *
 * <p>This class is immutable and thread-safe; {@link #with} returns a new registry.
 *
 * @since 0.2
 */
public final class CriterionRegistry {
  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9_-]{0,63}");
  private static final CriterionRegistry BUILT_IN = createBuiltIn();

  private final Map<String, CriterionFactory> factories;

  private CriterionRegistry(Map<String, CriterionFactory> factories) {
    this.factories = Collections.unmodifiableMap(factories);
  }

  private static CriterionRegistry createBuiltIn() {
    Map<String, CriterionFactory> f = new LinkedHashMap<>();
    f.put("language", LanguageCriterion::new);
    f.put("talents", TalentCriterion::new);
    f.put("interests", InterestCriterion::new);
    f.put("ability", AbilityCriterion::new);
    f.put("accommodations", AccommodationCriterion::new);
    f.put("availability", AvailabilityCriterion::new);
    f.put("distance", DistanceCriterion::new);
    f.put("practise", PractiseCriterion::new);
    f.put("preferences", PreferenceCriterion::new);
    f.put("age", LegalGateCriterion::age);
    f.put("backgroundCheck", LegalGateCriterion::backgroundCheck);
    f.put("inclusion", InclusionCriterion::new);
    f.put("drivingLicence", DrivingLicenceCriterion::new);
    f.put("history", HistoryCriterion::new);
    return new CriterionRegistry(f);
  }

  /**
   * Returns the registry of the built-in criterion types.
   *
   * @return the registry
   */
  public static CriterionRegistry builtIn() {
    return BUILT_IN;
  }

  /**
   * Returns a registry that also knows a type. This registry is not changed.
   *
   * @param type the type name: a lower-case letter, then letters, digits, {@code _} or {@code -}
   * @param factory its factory
   * @return the new registry
   * @throws IllegalArgumentException if the name is malformed or already registered
   */
  public CriterionRegistry with(String type, CriterionFactory factory) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    checkArgument(
        NAME.matcher(type).matches(),
        "type must start with a lower-case letter and hold letters, digits, _ or -: '%s'",
        type);
    checkArgument(!factories.containsKey(type), "type %s is already registered", type);
    Map<String, CriterionFactory> copy = new LinkedHashMap<>(factories);
    copy.put(type, factory);
    return new CriterionRegistry(copy);
  }

  /**
   * Returns the registered type names.
   *
   * @return the names, sorted
   */
  public Set<String> types() {
    return Collections.unmodifiableSet(new TreeSet<>(factories.keySet()));
  }

  /**
   * Returns whether a type is registered.
   *
   * @param type the type name
   * @return whether it is registered
   */
  public boolean contains(String type) {
    return factories.containsKey(type);
  }

  /**
   * Creates a criterion of a type, checked by {@link Criterion#checked}.
   *
   * @param type the type name
   * @param parameters its parameters
   * @return the criterion
   * @throws IllegalArgumentException if the type is unknown
   * @throws InvalidDataException if a parameter is unknown or invalid
   */
  public Criterion create(String type, Parameters parameters) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(parameters, "parameters");
    CriterionFactory factory = factories.get(type);
    checkArgument(factory != null, "unknown criterion type '%s'; known types: %s", type, types());
    Criterion criterion = factory.create(parameters);
    parameters.requireAllRead(type);
    return Criterion.checked(type, Objects.requireNonNull(criterion, () -> "factory of " + type + " returned null"));
  }

  @Override
  public String toString() {
    return "CriterionRegistry" + types();
  }
}
