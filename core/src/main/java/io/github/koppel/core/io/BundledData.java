package io.github.koppel.core.io;

import io.github.koppel.core.legal.LegalRules;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The data Koppel ships as resources: the default Flemish vocabularies and the Belgian legal rules.
 * Each is read once, on first use.
 *
 * <p>This class is thread-safe.
 *
 * @since 0.1
 */
public final class BundledData {
  static final String VOCABULARIES = "/io/github/koppel/core/vocabulary/flemish-default.json";
  static final String LEGAL_RULES = "/io/github/koppel/core/legal/belgian-rules.json";

  private BundledData() {}

  /**
   * Returns the default Flemish vocabularies: talents, sectors, functional dimensions,
   * accommodations and target groups, labelled in nl, en and fr.
   *
   * @return the vocabularies
   */
  public static Vocabularies flemishVocabularies() {
    return VocabularyHolder.VALUE;
  }

  /**
   * Returns the Belgian volunteer rules in force, with their validity periods.
   *
   * @return the rules
   */
  public static LegalRules belgianLegalRules() {
    return LegalRulesHolder.VALUE;
  }

  static InputStream open(String resource) {
    InputStream in = BundledData.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the bundled resource is missing: " + resource);
    }
    return in;
  }

  private static final class VocabularyHolder {
    static final Vocabularies VALUE = load();

    private static Vocabularies load() {
      // A plain mapper: KoppelJson.create() itself needs these vocabularies.
      try (InputStream in = open(VOCABULARIES)) {
        return KoppelJson.readVocabulariesWithoutDefaults(in, VOCABULARIES);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class LegalRulesHolder {
    static final LegalRules VALUE = load();

    private static LegalRules load() {
      try (InputStream in = open(LEGAL_RULES)) {
        return KoppelJson.create().readLegalRules(in, LEGAL_RULES);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
