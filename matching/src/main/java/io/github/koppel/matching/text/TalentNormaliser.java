package io.github.koppel.matching.text;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.vocabulary.Concept;
import io.github.koppel.core.vocabulary.ConceptScheme;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.jspecify.annotations.Nullable;

/**
 * Maps free text to the concepts of a vocabulary, such as the talents a volunteer names at the
 * counter: "kok", "koken", "Cooking" and "cuisinier" all become {@code cooking}.
 *
 * <p>Text and every label and alternative label (in every language) are normalised: accents
 * removed, lower case, punctuation to spaces. The similarity of two normalised strings is 1 when
 * they are equal, 0.95 when they share a stem (after removing a common Dutch, English or French
 * ending such as {@code -en}, {@code -er}, {@code -ing} or {@code -eur}), and otherwise their
 * Jaro–Winkler similarity. A concept matches when its best label reaches the threshold (by default
 * {@value #DEFAULT_THRESHOLD}).
 *
 * <p>Cost: one comparison per label, O(L · m) for L labels of length m; the bundled talents have
 * about 300 labels. This class is immutable and thread-safe.
 *
 * <pre>{@code
 * TalentNormaliser talents = TalentNormaliser.of(BundledData.flemishVocabularies().talents());
 * talents.normalise("koken");                   // cooking, similarity 1
 * talents.normaliseAll("kok, tuinieren en fietsen herstellen");
 * }</pre>
 *
 * @since 0.2
 */
public final class TalentNormaliser {
  /** The default threshold of a match. */
  public static final double DEFAULT_THRESHOLD = 0.88;

  private static final double STEM_SIMILARITY = 0.95;
  /** A word of the text, or a part of a compound, that is a label: "moestuin", "kookt graag". */
  private static final double PART_SIMILARITY = 0.9;
  /** Words that carry no talent: fillers of the counter's phrases in Dutch, French and English. */
  private static final Set<String> FILLERS =
      Set.of("ik", "graag", "wil", "kan", "een", "de", "het", "van", "aan", "in", "met", "voor",
          "op", "bij", "te", "om", "iets", "doen", "maken", "mijn", "je", "j", "aime", "faire",
          "le", "la", "les", "l", "un", "une", "des", "du", "d", "a", "au", "aux", "avec",
          "pour", "et", "en", "i", "like", "to", "the", "of", "with");
  private static final int MAX_TEXT = 1000;
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SEPARATORS =
      Pattern.compile("\\s*(?:[,;/+&\\n]|\\s(?:en|and|et|of|or|ou)\\s)\\s*");
  private static final List<String> ENDINGS =
      List.of("ingen", "ing", "ers", "eur", "euse", "ster", "en", "er", "es", "e", "s");
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private final ConceptScheme scheme;
  private final double threshold;
  private final List<Label> labels;

  private record Label(String conceptId, String label, String normalised, String stem, boolean oneWord) {}

  private TalentNormaliser(ConceptScheme scheme, double threshold, List<Label> labels) {
    this.scheme = scheme;
    this.threshold = threshold;
    this.labels = labels;
  }

  /**
   * Returns a normaliser for the concepts of a scheme, with the default threshold.
   *
   * @param scheme the scheme, such as the talents of a {@code Vocabularies}
   * @return the normaliser
   */
  public static TalentNormaliser of(ConceptScheme scheme) {
    Objects.requireNonNull(scheme, "scheme");
    List<Label> labels = new ArrayList<>();
    for (Concept c : scheme.concepts()) {
      Set<String> texts = new LinkedHashSet<>(c.label().texts().values());
      texts.addAll(c.altLabels());
      texts.add(c.id().replace('_', ' '));
      for (String text : texts) {
        String normalised = fold(text);
        if (!normalised.isEmpty()) {
          labels.add(new Label(c.id(), text, normalised, stem(normalised), !normalised.contains(" ")));
        }
      }
    }
    return new TalentNormaliser(scheme, DEFAULT_THRESHOLD, List.copyOf(labels));
  }

  /**
   * Returns a normaliser with another threshold. This one is not changed.
   *
   * @param newThreshold the threshold, in (0, 1]
   * @return the normaliser
   * @throws IllegalArgumentException if the threshold is out of range
   */
  public TalentNormaliser withThreshold(double newThreshold) {
    checkArgument(
        Double.isFinite(newThreshold) && newThreshold > 0 && newThreshold <= 1,
        "threshold must be in (0, 1]: %s",
        newThreshold);
    return new TalentNormaliser(scheme, newThreshold, labels);
  }

  /**
   * Returns the threshold.
   *
   * @return the threshold
   */
  public double threshold() {
    return threshold;
  }

  /**
   * Returns the best concept for a piece of text, if it reaches the threshold.
   *
   * @param text one talent, such as {@code koken}
   * @return the match, or {@code null}
   * @throws IllegalArgumentException if the text is longer than 1,000 characters
   */
  public @Nullable ConceptMatch normalise(String text) {
    List<ConceptMatch> best = candidates(text, 1);
    return best.isEmpty() || best.get(0).similarity() < threshold ? null : best.get(0);
  }

  /**
   * Splits a list of talents (on commas, semicolons, slashes and the words en/and/et, of/or/ou)
   * and returns the concept of each part that reaches the threshold, each concept once.
   *
   * @param text the talents, such as {@code kok, tuinieren en fietsen herstellen}
   * @return the matches, in the order of the text
   * @throws IllegalArgumentException if the text is longer than 1,000 characters
   */
  public List<ConceptMatch> normaliseAll(String text) {
    checkText(text);
    Map<String, ConceptMatch> found = new LinkedHashMap<>();
    for (String part : SEPARATORS.split(" " + text + " ")) {
      if (!part.isBlank()) {
        ConceptMatch m = normalise(part.strip());
        if (m != null) {
          found.putIfAbsent(m.conceptId(), m);
        }
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * Returns the concepts most similar to a piece of text, whether or not they reach the
   * threshold: for suggestions at the counter.
   *
   * @param text one talent
   * @param limit how many at most, &ge; 1
   * @return the best match per concept, most similar first, ties by concept id
   * @throws IllegalArgumentException if {@code limit} &lt; 1 or the text is longer than 1,000
   *     characters
   */
  public List<ConceptMatch> candidates(String text, int limit) {
    checkText(text);
    checkArgument(limit >= 1, "limit must be >= 1: %s", limit);
    String normalised = fold(text);
    if (normalised.isEmpty()) {
      return List.of();
    }
    String stem = stem(normalised);
    String content = content(normalised);
    String contentStem = stem(content);
    List<String> words = content.isEmpty() ? List.of() : List.of(stem(content).split(" "));
    // A concept is found in the parts of a phrase only when every word of meaning points to it:
    // "fietsen repareren" is not just "repareren", and "onthaal van bezoekers" not "bezoekers".
    Map<String, Integer> wordsPointing = new LinkedHashMap<>();
    for (String word : words) {
      Set<String> concepts = new LinkedHashSet<>();
      for (Label label : labels) {
        if (label.oneWord && part(List.of(word), label.stem)) {
          concepts.add(label.conceptId);
        }
      }
      concepts.forEach(c -> wordsPointing.merge(c, 1, Integer::sum));
    }
    Map<String, ConceptMatch> best = new LinkedHashMap<>();
    for (Label label : labels) {
      double similarity;
      if (label.normalised.equals(normalised)) {
        similarity = 1;
      } else if (label.stem.equals(stem) || (!content.isEmpty() && label.stem.equals(contentStem))) {
        similarity = STEM_SIMILARITY;
      } else {
        similarity = Math.min(STEM_SIMILARITY, JARO_WINKLER.apply(normalised, label.normalised));
        if (label.oneWord && part(words, label.stem)
            && wordsPointing.getOrDefault(label.conceptId, 0) == words.size()) {
          similarity = Math.max(similarity, PART_SIMILARITY);
        }
      }
      ConceptMatch current = best.get(label.conceptId);
      if (current == null || similarity > current.similarity()) {
        best.put(label.conceptId, new ConceptMatch(label.conceptId, text, label.label, similarity));
      }
    }
    List<ConceptMatch> sorted = new ArrayList<>(best.values());
    sorted.sort(
        Comparator.comparingDouble(ConceptMatch::similarity)
            .reversed()
            .thenComparing(ConceptMatch::conceptId));
    return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
  }

  private static void checkText(String text) {
    Objects.requireNonNull(text, "text");
    checkArgument(
        text.length() <= MAX_TEXT,
        "text must be at most %s characters: %s characters given",
        MAX_TEXT,
        text.length());
  }

  static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(plain).replaceAll(" ").strip();
  }

  /** The words of a text that carry meaning: the fillers of a phrase left out. */
  static String content(String normalised) {
    StringBuilder out = new StringBuilder();
    for (String word : normalised.split(" ")) {
      if (!word.isEmpty() && !FILLERS.contains(word)) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(word);
      }
    }
    return out.toString();
  }

  /**
   * Whether a one-word label is a word of the text or a part of one of its compounds: the head
   * (last part) or the first part of a Dutch compound, such as {@code tuin} in {@code moestuin}.
   */
  private static boolean part(List<String> words, String labelStem) {
    if (labelStem.length() < 3) {
      return false;
    }
    for (String w : words) {
      if (w.equals(labelStem)
          || (labelStem.length() >= 4 && w.length() >= labelStem.length() + 3
              && (w.endsWith(labelStem) || w.startsWith(labelStem)))) {
        return true;
      }
    }
    return false;
  }

  static String stem(String normalised) {
    StringBuilder out = new StringBuilder();
    for (String word : normalised.split(" ")) {
      String stemmed = word;
      for (String ending : ENDINGS) {
        if (word.length() - ending.length() >= 3 && word.endsWith(ending)) {
          stemmed = word.substring(0, word.length() - ending.length());
          break;
        }
      }
      if (stemmed.equals(word) && word.length() >= 4 && word.endsWith("t")
          && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
        // A Dutch verb's -t: "kookt" is "kook".
        stemmed = word.substring(0, word.length() - 1);
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      // Dutch doubles a vowel in an open syllable: "kook" and "koken" share "kok".
      out.append(stemmed.replaceAll("([aeou])\\1", "$1"));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "TalentNormaliser{scheme=" + scheme.id() + ", labels=" + labels.size() + ", threshold=" + threshold + "}";
  }
}
