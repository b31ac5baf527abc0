package io.github.koppel.core.model;

import org.jspecify.annotations.Nullable;

/**
 * What a volunteer prefers, as opposed to what they can do.
 *
 * <p>This class is immutable.
 *
 * @param remoteOk whether remote volunteering is welcome
 * @param regularity one-off or regular, or {@code null} for no preference
 * @param socialSetting alone or in a group, or {@code null} for no preference
 * @since 0.1
 */
public record Preferences(
    boolean remoteOk, @Nullable Regularity regularity, @Nullable SocialSetting socialSetting) {

  /** No preference at all, remote work welcome. */
  public static final Preferences NONE = new Preferences(true, null, null);
}
