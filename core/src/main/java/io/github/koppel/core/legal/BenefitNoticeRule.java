package io.github.koppel.core.legal;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.model.BenefitStatus;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a volunteer who receives a benefit must do before volunteering: whom to inform, with which
 * form.
 *
 * <p>This class is immutable.
 *
 * @param validity when the rule is in force
 * @param benefit the benefit
 * @param authority who must be informed, such as {@code RVA/ONEM}
 * @param form the form to file, such as {@code C45B}, or {@code null} when none is prescribed
 * @param beforeStart whether the notice must be filed before the volunteering starts
 * @param sources where the rule is written down: laws and official pages, with their address
 * @since 0.1
 */
public record BenefitNoticeRule(
    Validity validity,
    BenefitStatus benefit,
    String authority,
    @Nullable String form,
    boolean beforeStart,
    List<String> sources) {

  public BenefitNoticeRule {
    Objects.requireNonNull(validity, "validity");
    sources = AgeRule.Sources.copy(sources, "sources");
    Objects.requireNonNull(benefit, "benefit");
    Objects.requireNonNull(authority, "authority");
    checkArgument(!authority.isBlank(), "authority must not be blank for %s", benefit);
    checkArgument(form == null || !form.isBlank(), "form must not be blank for %s", benefit);
  }

  /**
   * A rule without sources.
   *
   * @param validity when the rule is in force
   * @param benefit the benefit
   * @param authority who must be informed
   * @param form the form to file, or {@code null}
   * @param beforeStart whether the notice must be filed before the volunteering starts
   */
  public BenefitNoticeRule(
      Validity validity,
      BenefitStatus benefit,
      String authority,
      @Nullable String form,
      boolean beforeStart) {
    this(validity, benefit, authority, form, beforeStart, List.of());
  }
}
