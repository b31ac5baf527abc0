package io.github.koppel.core.legal;

import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.SensitiveCategory;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A legal notice attached to a proposed match: something the volunteer or the organisation must
 * know or do.
 *
 * <p>This class is immutable. {@code facts} iterates by key.
 *
 * @param kind the kind of notice
 * @param facts the facts it is about, such as {@code form=C45B} or {@code perDay=44.02}
 * @param message the notice, in nl, en and fr
 * @param sensitiveCategory the category of sensitive facts the notice reveals, or {@code null}; a
 *     notice with a category must never be shown to an organisation
 * @since 0.1
 */
public record LegalNotice(
    NoticeKind kind,
    Map<String, String> facts,
    LocalizedText message,
    @Nullable SensitiveCategory sensitiveCategory) {

  public LegalNotice {
    Objects.requireNonNull(kind, "kind");
    facts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(facts, "facts")));
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns a short diagnostic form: the kind and facts, or only {@code withheld} for a notice
   * that reveals a sensitive fact (a benefit), so that no log line carries it.
   */
  @Override
  public String toString() {
    return sensitiveCategory == null ? "LegalNotice{" + kind + ", " + facts + "}" : "LegalNotice{withheld}";
  }
}
