package io.github.koppel.matching.criteria;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.SensitiveCategory;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One fact behind an evaluation, as data and as text: a stable code such as {@code
 * language.gap}, the facts it is about (such as {@code language=nl}, {@code required=B1}, {@code
 * level=A2}), the message in nl, en and fr, and for a shortcoming what would change it.
 *
 * <p>The code and the facts are for programs; the messages are for people and are not meant to be
 * parsed. Evidence that reveals a sensitive fact carries its category and is never shown to an
 * organisation. This class is immutable; {@code facts} iterates by key.
 *
 * @param code a stable code, {@code criterion.case}
 * @param facts the facts, by name
 * @param message the message in nl, en and fr
 * @param remedy what would change the outcome, or {@code null}
 * @param sensitiveCategory the category of sensitive fact it reveals, or {@code null}
 * @since 0.2
 */
public record Evidence(
    String code,
    Map<String, String> facts,
    LocalizedText message,
    @Nullable LocalizedText remedy,
    @Nullable SensitiveCategory sensitiveCategory) {

  public Evidence {
    Objects.requireNonNull(code, "code");
    checkArgument(!code.isBlank(), "code must not be blank");
    facts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(facts, "facts")));
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns evidence with a code and a message, without facts.
   *
   * @param code the code
   * @param message the message
   * @return the evidence
   */
  public static Evidence of(String code, LocalizedText message) {
    return new Evidence(code, Map.of(), message, null, null);
  }

  /**
   * Returns a copy that reveals a sensitive fact.
   *
   * @param category the category of the fact
   * @return the copy
   */
  public Evidence sensitive(SensitiveCategory category) {
    return new Evidence(code, facts, message, remedy, Objects.requireNonNull(category, "category"));
  }

  /**
   * Returns a copy with a remedy.
   *
   * @param remedy what would change the outcome
   * @return the copy
   */
  public Evidence withRemedy(LocalizedText remedy) {
    return new Evidence(code, facts, message, Objects.requireNonNull(remedy, "remedy"), sensitiveCategory);
  }

  /**
   * Returns whether this evidence reveals a sensitive fact.
   *
   * @return whether it has a category
   */
  public boolean isSensitive() {
    return sensitiveCategory != null;
  }

  /**
   * Returns a short diagnostic form: the code and facts, or only {@code withheld} for evidence that
   * reveals a sensitive fact, so that no log line carries it.
   */
  @Override
  public String toString() {
    return sensitiveCategory == null ? "Evidence{" + code + ", " + facts + "}" : "Evidence{withheld}";
  }
}
