package io.github.koppel.matching.criteria;

import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.matching.internal.Messages;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds the evidence of a built-in criterion from its message texts. */
final class EvidenceBuilder {
  private final String code;
  private final Map<String, String> facts = new LinkedHashMap<>();
  private final Map<String, LocalizedText> labels = new LinkedHashMap<>();
  private @Nullable SensitiveCategory category;
  private boolean remedy = true;

  private EvidenceBuilder(String code) {
    this.code = code;
  }

  static EvidenceBuilder of(String code) {
    return new EvidenceBuilder(code);
  }

  static Evidence simple(String code) {
    return of(code).build();
  }

  EvidenceBuilder fact(String name, Object value) {
    facts.put(name, String.valueOf(value));
    return this;
  }

  EvidenceBuilder km(String name, double km) {
    facts.put(name, String.format(Locale.ROOT, "%.1f", km));
    return this;
  }

  EvidenceBuilder number(String name, double value) {
    facts.put(name, Messages.decimal(value));
    return this;
  }

  /** Adds a concept id as a fact, shown by its label. */
  EvidenceBuilder concept(String name, ConceptScheme scheme, String conceptId) {
    facts.put(name, conceptId);
    Concept concept = scheme.concept(conceptId);
    labels.put(name, concept == null ? LocalizedText.of("nl", conceptId) : concept.label());
    return this;
  }

  EvidenceBuilder label(String name, LocalizedText label) {
    labels.put(name, label);
    return this;
  }

  EvidenceBuilder sensitive(@Nullable SensitiveCategory category) {
    this.category = category;
    return this;
  }

  EvidenceBuilder withoutRemedy() {
    this.remedy = false;
    return this;
  }

  Evidence build() {
    LocalizedText message = Messages.text(code, facts, labels);
    LocalizedText fix = remedy ? Messages.optional(code + ".remedy", facts, labels) : null;
    return new Evidence(code, facts, message, fix, category);
  }
}
