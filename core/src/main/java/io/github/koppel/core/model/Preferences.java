package io.github.koppel.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import org.jspecify.annotations.Nullable;

/**
 * What a volunteer prefers, as opposed to what they can do.
 *
 * <p>Remote work has three answers: not wanted ({@code remoteOk} false), fine ({@code remoteOk}
 * true), or preferred ({@code prefersRemote} true, which needs {@code remoteOk}): a preference for
 * it is met by remote and partly remote work, and, like every wish, never counts against work on
 * site.
 *
 * <p>This class is immutable.
 *
 * @param remoteOk whether remote volunteering is welcome
 * @param regularity one-off or regular, or {@code null} for no preference
 * @param socialSetting alone or in a group, or {@code null} for no preference
 * @param prefersRemote whether remote volunteering is preferred to work on site (since 0.2)
 * @since 0.1
 */
public record Preferences(
    boolean remoteOk,
    @Nullable Regularity regularity,
    @Nullable SocialSetting socialSetting,
    boolean prefersRemote) {

  /** No preference at all, remote work welcome. */
  public static final Preferences NONE = new Preferences(true, null, null, false);

  public Preferences {
    checkArgument(
        remoteOk || !prefersRemote,
        "prefersRemote needs remoteOk: a volunteer who prefers remote work finds it fine");
  }

  /**
   * Creates preferences without a preference for remote work.
   *
   * @param remoteOk whether remote volunteering is welcome
   * @param regularity one-off or regular, or {@code null}
   * @param socialSetting alone or in a group, or {@code null}
   */
  public Preferences(
      boolean remoteOk, @Nullable Regularity regularity, @Nullable SocialSetting socialSetting) {
    this(remoteOk, regularity, socialSetting, false);
  }
}
