package io.github.koppel.core.legal;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.model.BenefitStatus;
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
 * @since 0.1
 */
public record BenefitNoticeRule(
    Validity validity,
    BenefitStatus benefit,
    String authority,
    @Nullable String form,
    boolean beforeStart) {

  public BenefitNoticeRule {
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(benefit, "benefit");
    Objects.requireNonNull(authority, "authority");
    checkArgument(!authority.isBlank(), "authority must not be blank for %s", benefit);
    checkArgument(form == null || !form.isBlank(), "form must not be blank for %s", benefit);
  }
}
