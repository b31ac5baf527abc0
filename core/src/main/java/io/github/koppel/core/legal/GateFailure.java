package io.github.koppel.core.legal;

import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.SensitiveCategory;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A legal gate that a pair fails, with the facts behind it and an explanation per language.
 *
 * <p>This class is immutable. {@code facts} iterates by key.
 *
 * @param gate the gate
 * @param facts the facts that decided it, such as {@code requiredAge=16}, {@code age=15}
 * @param message the explanation, in nl, en and fr
 * @param sensitiveCategory the category of sensitive facts the failure reveals, or {@code null};
 *     a failure with a category must never be shown to an organisation
 * @since 0.1
 */
public record GateFailure(
    Gate gate,
    Map<String, String> facts,
    LocalizedText message,
    @Nullable SensitiveCategory sensitiveCategory) {

  public GateFailure {
    Objects.requireNonNull(gate, "gate");
    facts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(facts, "facts")));
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns a short diagnostic form: the gate and facts, or only {@code withheld} for a failure that
   * reveals a sensitive fact (the 596.2 extract), so that no log line carries it.
   */
  @Override
  public String toString() {
    return sensitiveCategory == null ? "GateFailure{" + gate + ", " + facts + "}" : "GateFailure{withheld}";
  }
}
