package io.github.koppel.core.vocabulary;

import static com.google.common.base.Preconditions.checkArgument;

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
 * Maps free text to the concepts of a vocabulary, such as the talents or interests a volunteer
 * names at the counter: "kok", "kookt graag", "Cooking" and "j'aime cuisiner" all become {@code
 * cooking}, "voorlezen aan kinderen" becomes {@code reading_aloud}.
 *
 * <p>Text and every label and alternative label (in every language) are folded: accents removed,
 * lower case, punctuation to spaces. A text is placed on a concept with a similarity of
 *
 * <ul>
 *   <li>1 when it is a label;
 *   <li>0.95 when it shares a light stem with one (a common Dutch, French or English ending
 *       removed: {@code -en}, {@code -eren}, {@code -er}, {@code -ing}, {@code -ation}, {@code
 *       -eur}, diminutives);
 *   <li>up to 0.93 when its words of meaning name the concept: words that say nothing of the talent
 *       ("ik", "graag", "bénévole", "helpen") are left out, each other word names the concepts whose
 *       label words share a form with it or end it as the head of a Dutch compound ("moestuin" is a
 *       "tuin"), and a concept is chosen when it is named by more of the words of the activity
 *       than all others; the complement after a preposition ("aan kinderen", "pour les enfants")
 *       only supports, and after a verb of helping it is the activity ("helpen met hun gsm"). Each
 *       word naming another concept, each unknown word and each word of a longer label lowers it;
 *   <li>the Jaro–Winkler similarity minus 0.06 otherwise, which places only close misspellings of
 *       a whole label.
 * </ul>
 *
 * <p>The best concept is returned when it reaches the threshold (by default {@value
 * #DEFAULT_THRESHOLD}) and no other is as good; when several are, the one all the others are
 * narrower than ("herstellen" is {@code repairs}), or none. A normaliser made {@link
 * #withoutCategories} never places a text on a top-level category such as {@code care_support}.
 *
 * <p>How well this works is measured in the tests on lists of real counter words: the bundled
 * talents place about 81 % of a held-out list right and 4 % wrong (68 % and 6 % of its phrases that
 * are in no list the vocabulary was grown from); a normalising import therefore
 * reports every word it placed, for a counsellor to check.
 *
 * <p>Cost: O(w · L) word comparisons for w words of text and L label words (about 1,500 for the
 * bundled talents), plus one Jaro–Winkler comparison per label. This class is immutable and
 * thread-safe.
 *
 * <pre>{@code
 * ConceptNormaliser talents = ConceptNormaliser.of(BundledData.flemishVocabularies().talents());
 * talents.normalise("koken");                   // cooking, similarity 1
 * talents.normaliseAll("kok, tuinieren en fietsen herstellen");
 * }</pre>
 *
 * @since 0.2
 */
public final class ConceptNormaliser {
  /** The default threshold of a match. */
  public static final double DEFAULT_THRESHOLD = 0.88;

  private static final double STEM_SIMILARITY = 0.95;
  /** Every word of meaning of the text names the concept: "fietsen repareren", "moestuin". */
  private static final double PART_SIMILARITY = 0.93;
  /** Less for each word of the text that names another concept (fewer than name this one). */
  private static final double OTHER_WORD_PENALTY = 0.03;
  /** Less for each word of the text that names no concept at all: "koekjes bakken". */
  private static final double UNKNOWN_WORD_PENALTY = 0.01;
  /** At most this many such words, and only beside words that name the concept strongly. */
  private static final int MAX_UNKNOWN_WORDS = 3;
  private static final double STRONG = 0.9;
  /** Less for each word of the complement ("aan kinderen") that does not name the concept. */
  private static final double NEUTRAL_WORD_PENALTY = 0.005;
  /** And more for each word of the complement that names another concept ("op doek"). */
  private static final double ELSEWHERE_WORD_PENALTY = 0.01;
  private static final int MAX_NEUTRAL_WORDS = 5;
  /** Words that begin the complement of an activity. */
  private static final Set<String> PREPOSITIONS =
      Set.of("met", "voor", "aan", "bij", "op", "na", "tijdens", "in", "avec", "pour", "aux", "lors",
          "pendant", "dans", "chez", "with", "for", "at", "during");
  /** Verbs of helping, after which the complement is the activity. */
  private static final Set<String> HELPING =
      Set.of("helpen", "help", "helping", "ondersteunen", "steunen", "assist");
  /** Less when the words are only words of longer labels or parts of compounds. */
  private static final double STRENGTH_WEIGHT = 0.05;
  /** When some words of the text name other concepts: a suggestion, never a match. */
  private static final double PARTIAL_SIMILARITY = 0.8;
  /** A word of a label of several words ("tables" of "service aux tables") counts less. */
  private static final double PART_OF_LABEL = 0.8;
  private static final double HEAD_OF_COMPOUND = 0.9;
  private static final double FIRST_OF_COMPOUND = 0.5;
  private static final double WORD_TYPO = 0.94;
  private static final double MISSPELT_WORD = 0.7;
  /** A misspelling of a whole label places only when it is very close. */
  private static final double TYPO_PENALTY = 0.06;
  /** Words that carry no talent: fillers of the counter's phrases in Dutch, French and English. */
  private static final Set<String> FILLERS =
      Set.of("ik", "graag", "wil", "kan", "een", "de", "het", "van", "aan", "in", "met", "voor",
          "op", "bij", "te", "om", "iets", "doen", "maken", "mijn", "hun", "zijn", "of", "en",
          "geven", "bieden", "helpen", "mensen", "iemand", "andere", "anderen", "je", "j", "aime",
          "faire", "peux", "veux", "donner", "aider", "gens", "personnes", "le", "la", "les", "l",
          "un", "une", "des", "du", "d", "a", "au", "aux", "avec", "pour", "et", "ou", "i", "like",
          "to", "the", "with", "and", "or", "help", "give", "people", "some", "my", "can", "klein", "kleine", "groot", "grote", "petit", "petits", "petite",
          "petites", "grand", "grands", "grande", "small", "big", "large", "vrijwilliger", "vrijwillige",
          "benevole", "volunteer", "gezocht", "gevraagd", "recherche", "cherche", "begeleiden", "animer",
          "leiden", "gestion", "beheer", "beheren", "gerer", "bijhouden", "onderhouden", "entretenir",
          "verzorgen", "opvolgen", "s occuper", "occuper", "ervaring", "experience", "handig", "amateur", "hobby", "accompagner", "tenir", "cours", "lessen", "den", "nen",
          "porteuses", "porteurs", "porteuse", "porteur", "bezig", "alles", "ben",
          "hij", "zij", "ze", "we", "wij", "jij", "u", "hem", "haar", "er", "die", "dat", "dit",
          "deze", "wat", "wie", "waar", "ook", "nog", "al", "alle", "allerlei", "samen", "zo",
          "heel", "veel", "goed", "soms", "vaak", "na", "naar", "tot", "over", "door", "uit",
          "rond", "onder", "tegen", "heb", "hebben", "heeft", "doe", "doet", "ga", "gaat", "gaan",
          "willen", "kunnen", "zou", "zal", "word", "worden", "is", "was", "meehelpen", "mee",
          "zetten", "houden", "nemen", "tu", "il", "elle", "nous", "vous", "ils", "elles", "me",
          "m", "se", "s", "qui", "que", "qu", "quelqu", "quelque", "ce", "cet", "cette", "ces",
          "mes", "mon", "ma", "son", "sa", "ses", "leur", "leurs", "nos", "notre", "votre", "sur",
          "par", "chez", "lors", "entre", "est", "suis", "etre", "avoir", "ai", "bien", "tres",
          "aussi", "tout", "tous", "toute", "toutes", "mais", "coup", "main", "temps", "an", "am",
          "are", "be", "at", "on", "for", "by", "from", "good", "love", "enjoy", "really", "very",
          "also", "who", "that", "this");
  private static final double TIE = 1e-9;
  /** The longest text normalised, in characters. */
  public static final int MAX_TEXT = 1000;
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SEPARATORS =
      Pattern.compile("\\s*(?:[,;/+&\\n]|\\s(?:en|and|et|of|or|ou)\\s)\\s*");
  /** Endings of Dutch, French and English words, longest first; one is removed. */
  private static final List<String> ENDINGS =
      List.of("atrices", "ateurs", "ations", "ements", "atrice", "ieren", "eiten", "ingen",
          "ieres", "euses", "sters", "etjes", "ateur", "ation", "aties", "ement", "ering", "trice",
          "eren", "atie", "iere", "iers", "euse", "eurs", "ages", "aars", "etje", "tjes", "pjes",
          "ster", "ions", "teur", "ere", "eit", "ite", "ing", "ier", "eur", "age", "aar", "tje",
          "pje", "jes", "ers", "ies", "ion", "es", "je", "en", "er", "ir", "e", "s");
  /**
   * Heads of Dutch compounds that say nothing of the talent: "keukenhulp" is "keuken",
   * "schilderwerken" is "schilder".
   */
  private static final List<String> GENERIC_HEADS =
      List.of("verantwoordelijke", "begeleidster", "medewerkster", "begeleiding", "vrijwilliger",
          "begeleider", "medewerker", "atelier", "werken", "dienst", "hulp", "werk", "ploeg", "team");
  private static final Pattern DOUBLE_VOWEL = Pattern.compile("([aeou])\\1");
  private static final Pattern DOUBLE_END = Pattern.compile("([bdfgklmnprst])\\1$");
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private final ConceptScheme scheme;
  private final double threshold;
  private final List<Label> labels;

  private final List<LabelWord> labelWords;

  private record Label(String conceptId, String label, String normalised, String stem) {}

  /** A word of meaning of a label, stemmed; {@code wholeLabel} when it is the label's only one. */
  private record LabelWord(String conceptId, String label, Set<String> forms, boolean wholeLabel) {}

  private record Hit(double strength, String label) {}

  private ConceptNormaliser(ConceptScheme scheme, double threshold, List<Label> labels, List<LabelWord> labelWords) {
    this.scheme = scheme;
    this.threshold = threshold;
    this.labels = labels;
    this.labelWords = labelWords;
  }

  /**
   * Returns a normaliser for the concepts of a scheme, with the default threshold: a text may be
   * placed on any concept.
   *
   * @param scheme the scheme, such as the sectors of a {@code Vocabularies}
   * @return the normaliser
   */
  public static ConceptNormaliser of(ConceptScheme scheme) {
    return of(scheme, true);
  }

  /**
   * Returns a normaliser that never places a text on a top-level category (a concept with
   * narrower ones and no broader one, such as {@code care_support} of the bundled talents), with
   * the default threshold: for schemes whose top level groups the concepts people name. Such a
   * category is not among the {@linkplain #candidates candidates} either.
   *
   * @param scheme the scheme, such as the talents of a {@code Vocabularies}
   * @return the normaliser
   */
  public static ConceptNormaliser withoutCategories(ConceptScheme scheme) {
    return of(scheme, false);
  }

  private static ConceptNormaliser of(ConceptScheme scheme, boolean categories) {
    Objects.requireNonNull(scheme, "scheme");
    List<Label> labels = new ArrayList<>();
    Set<LabelWord> labelWords = new LinkedHashSet<>();
    for (Concept c : scheme.concepts()) {
      if (!categories && c.broader().isEmpty() && !scheme.narrower(c.id()).isEmpty()) {
        continue;
      }
      Set<String> texts = new LinkedHashSet<>(c.label().texts().values());
      texts.addAll(c.altLabels());
      texts.add(c.id().replace('_', ' '));
      for (String text : texts) {
        String normalised = fold(text);
        if (!normalised.isEmpty()) {
          labels.add(new Label(c.id(), text, normalised, stem(normalised)));
          String content = content(normalised);
          if (!content.isEmpty()) {
            String[] words = content.split(" ");
            for (String w : words) {
              if (w.length() >= 2) {
                labelWords.add(new LabelWord(c.id(), text, forms(w), words.length == 1));
              }
            }
          }
        }
      }
    }
    return new ConceptNormaliser(scheme, DEFAULT_THRESHOLD, List.copyOf(labels), List.copyOf(labelWords));
  }

  /**
   * Returns a normaliser with another threshold. This one is not changed.
   *
   * @param newThreshold the threshold, in (0, 1]
   * @return the normaliser
   * @throws IllegalArgumentException if the threshold is out of range
   */
  public ConceptNormaliser withThreshold(double newThreshold) {
    checkArgument(
        Double.isFinite(newThreshold) && newThreshold > 0 && newThreshold <= 1,
        "threshold must be in (0, 1]: %s",
        newThreshold);
    return new ConceptNormaliser(scheme, newThreshold, labels, labelWords);
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
    List<ConceptMatch> best = candidates(text, 8);
    if (best.isEmpty() || best.get(0).similarity() < threshold) {
      return null;
    }
    ConceptMatch first = best.get(0);
    List<ConceptMatch> tied =
        best.stream().filter(m -> m.similarity() >= first.similarity() - TIE).toList();
    if (tied.size() == 1) {
      return first;
    }
    // Equally good for several concepts: the one they all are kinds of ("herstellen" is repairs,
    // not appliance repair), or none.
    for (ConceptMatch m : tied) {
      if (tied.stream().allMatch(o -> o == m || scheme.ancestors(o.conceptId()).containsKey(m.conceptId()))) {
        return m;
      }
    }
    return null;
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
    Map<String, ConceptMatch> found = new LinkedHashMap<>();
    for (String part : split(text)) {
      ConceptMatch m = normalise(part);
      if (m != null) {
        found.putIfAbsent(m.conceptId(), m);
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * Splits a list of talents the way {@link #normaliseAll} does: on commas, semicolons, slashes,
   * ampersands, plus signs, line breaks and the words en/and/et, of/or/ou.
   *
   * @param text the talents, such as {@code kok, tuinieren en fietsen herstellen}
   * @return the parts, stripped, without empty ones
   * @throws IllegalArgumentException if the text is longer than 1,000 characters
   */
  public List<String> split(String text) {
    checkText(text);
    List<String> parts = new ArrayList<>();
    for (String part : SEPARATORS.split(" " + text + " ")) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return List.copyOf(parts);
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
    // The activity and its complement: "voorlezen | aan kinderen", "knutselen | met kinderen";
    // after a verb of helping the complement is the activity: "helpen | met hun smartphone".
    String[] tokens = normalised.split(" ");
    int split = tokens.length;
    for (int k = 1; k < tokens.length; k++) {
      if (PREPOSITIONS.contains(tokens[k])) {
        split = k;
        break;
      }
    }
    boolean helping = false;
    for (int k = 0; k < split && split < tokens.length; k++) {
      helping |= HELPING.contains(tokens[k]);
    }
    List<Words> parts =
        List.of(
            words(String.join(" ", List.of(tokens).subList(0, split))),
            words(String.join(" ", List.of(tokens).subList(split, tokens.length))));
    Words activity = parts.get(helping ? 1 : 0);
    Words complement = parts.get(helping ? 0 : 1);
    if (activity.known == 0) {
      activity = activity.and(complement);
      complement = words("");
    }
    Map<String, ConceptMatch> best = new LinkedHashMap<>();
    for (Label label : labels) {
      double similarity;
      if (label.normalised.equals(normalised)) {
        similarity = 1;
      } else if ((label.stem.equals(stem) || (!content.isEmpty() && label.stem.equals(contentStem)))
          && label.stem.length() >= 4) {
        similarity = STEM_SIMILARITY;
      } else {
        // A misspelling of a whole label: "tuinieeren".
        similarity =
            Math.min(STEM_SIMILARITY, Math.max(0, JARO_WINKLER.apply(normalised, label.normalised) - TYPO_PENALTY));
      }
      put(best, new ConceptMatch(label.conceptId, text, label.label, similarity));
    }
    if (activity.known > 0) {
      Map<String, Double> strength = new LinkedHashMap<>();
      Map<String, Integer> covered = new LinkedHashMap<>();
      Map<String, Integer> supported = new LinkedHashMap<>();
      Map<String, Hit> strongest = new LinkedHashMap<>();
      for (Map<String, Hit> wordHits : activity.hits) {
        wordHits.forEach((c, h) -> {
          strength.merge(c, h.strength, Double::sum);
          covered.merge(c, 1, Integer::sum);
          strongest.merge(c, h, (a, b) -> b.strength > a.strength ? b : a);
        });
      }
      for (Map<String, Hit> wordHits : complement.hits) {
        wordHits.keySet().forEach(c -> supported.merge(c, 1, Integer::sum));
      }
      int unknown = activity.hits.size() - activity.known;
      for (Map.Entry<String, Integer> e : covered.entrySet()) {
        String conceptId = e.getKey();
        double mean = strength.get(conceptId) / e.getValue();
        int others = activity.known - e.getValue();
        int neutral = complement.hits.size() - supported.getOrDefault(conceptId, 0);
        int elsewhere = 0;
        for (Map<String, Hit> wordHits : complement.hits) {
          if (!wordHits.isEmpty() && !wordHits.containsKey(conceptId)) {
            elsewhere++;
          }
        }
        double similarity;
        if (e.getValue() > others && unknown <= MAX_UNKNOWN_WORDS && neutral <= MAX_NEUTRAL_WORDS
            && (unknown == 0 || mean >= STRONG)) {
          // Most words of the activity that name a talent name this one, and few are unknown.
          similarity = PART_SIMILARITY - OTHER_WORD_PENALTY * others - UNKNOWN_WORD_PENALTY * unknown
              - NEUTRAL_WORD_PENALTY * neutral - ELSEWHERE_WORD_PENALTY * elsewhere
              - STRENGTH_WEIGHT * (1 - mean);
        } else {
          similarity = PARTIAL_SIMILARITY * e.getValue() / activity.hits.size() * mean;
        }
        put(best, new ConceptMatch(conceptId, text, strongest.get(conceptId).label, similarity));
      }
    }
    List<ConceptMatch> sorted = new ArrayList<>(best.values());
    sorted.sort(
        Comparator.comparingDouble(ConceptMatch::similarity)
            .reversed()
            .thenComparing(ConceptMatch::conceptId));
    return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
  }

  /**
   * How strongly a word of the text is a word of a label: 1 when they share a form, less when
   * the word is a compound whose head (last part) or first part is the label word, or a
   * misspelling of it; 0 otherwise. The first form of each is the word itself.
   */
  private static double hit(Set<String> word, Set<String> label) {
    if (same(word, label)) {
      return 1;
    }
    // Compounds are found on the label word itself, not on its stripped forms: "moestuin" is a
    // "tuin", but "hairdressing" is not "sing".
    String l = label.iterator().next();
    double best = 0;
    for (String w : word) {
      if (l.length() >= 4 && w.length() >= l.length() + 2 && w.endsWith(l)) {
        best = Math.max(best, HEAD_OF_COMPOUND);
      } else if (l.length() >= 4 && w.length() >= l.length() + 3 && w.startsWith(l)) {
        best = Math.max(best, FIRST_OF_COMPOUND);
      } else if (w.length() >= 6 && l.length() >= 6 && JARO_WINKLER.apply(w, l) >= WORD_TYPO) {
        best = Math.max(best, MISSPELT_WORD);
      }
    }
    return best;
  }

  /**
   * Whether two words are forms of one word: they share a form of at least four letters, or
   * one is a short word itself ("kok" and "koken").
   */
  private static boolean same(Set<String> a, Set<String> b) {
    String rawA = a.iterator().next();
    String rawB = b.iterator().next();
    for (String f : a) {
      if (b.contains(f) && (f.length() >= 4 || f.equals(rawA) || f.equals(rawB))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The forms of one word: the word itself first, then the word without each ending it has
   * (leaving at least three letters) and without a Dutch verb's -t, each with doubled vowels and
   * a doubled final consonant made single ("koken" and "kook" share "kok").
   */
  static Set<String> forms(String word) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(single(word));
    for (String ending : ENDINGS) {
      if (word.length() - ending.length() >= 3 && word.endsWith(ending)) {
        forms.add(single(word.substring(0, word.length() - ending.length())));
      }
    }
    if (word.length() >= 4 && word.endsWith("t") && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
      forms.add(single(word.substring(0, word.length() - 1)));
    }
    // Dutch writes the z and v of "lezen" and "schrijven" as s and f: "lees", "schrijf".
    for (String f : List.copyOf(forms)) {
      if (f.endsWith("z") || f.endsWith("v")) {
        forms.add(f.substring(0, f.length() - 1) + (f.endsWith("z") ? "s" : "f"));
      }
    }
    return forms;
  }

  private static String single(String word) {
    return DOUBLE_END.matcher(DOUBLE_VOWEL.matcher(word).replaceAll("$1")).replaceAll("$1");
  }

  /** The words of meaning of a part of a text, with the concepts each names. */
  private record Words(List<Map<String, Hit>> hits, int known) {
    Words and(Words other) {
      List<Map<String, Hit>> all = new ArrayList<>(hits);
      all.addAll(other.hits);
      return new Words(all, known + other.known);
    }
  }

  /**
   * Each word of meaning names the concepts whose label words it is (or ends in, as the head of
   * a compound: "moestuin" is a "tuin").
   */
  private Words words(String normalised) {
    String content = content(normalised);
    List<Map<String, Hit>> hits = new ArrayList<>();
    int known = 0;
    if (!content.isEmpty()) {
      for (String w : content.split(" ")) {
        Set<String> word = forms(w);
        Map<String, Hit> wordHits = new LinkedHashMap<>();
        for (LabelWord lw : labelWords) {
          double strength =
              lw.wholeLabel ? hit(word, lw.forms) : same(word, lw.forms) ? PART_OF_LABEL : 0;
          Hit current = wordHits.get(lw.conceptId);
          if (strength > 0 && (current == null || strength > current.strength)) {
            wordHits.put(lw.conceptId, new Hit(strength, lw.label));
          }
        }
        // A compound whose head names one concept and whose first part another ("sportlesgever")
        // names neither more than the other.
        boolean firstParts = wordHits.values().stream().anyMatch(h -> h.strength == FIRST_OF_COMPOUND);
        if (firstParts) {
          wordHits.replaceAll((c, h) -> h.strength == HEAD_OF_COMPOUND ? new Hit(FIRST_OF_COMPOUND, h.label) : h);
        }
        hits.add(wordHits);
        if (!wordHits.isEmpty()) {
          known++;
        }
      }
    }
    return new Words(hits, known);
  }

  private static void put(Map<String, ConceptMatch> best, ConceptMatch m) {
    ConceptMatch current = best.get(m.conceptId());
    if (current == null || m.similarity() > current.similarity()) {
      best.put(m.conceptId(), m);
    }
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
    for (String w : normalised.split(" ")) {
      String word = w;
      for (String head : GENERIC_HEADS) {
        if (word.length() >= head.length() + 4 && word.endsWith(head)) {
          word = word.substring(0, word.length() - head.length());
          break;
        }
      }
      if (!word.isEmpty() && !FILLERS.contains(word) && !GENERIC_HEADS.contains(word)) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(word);
      }
    }
    return out.toString();
  }

  /**
   * A light stem of each word, the same for the Dutch, French and English forms of a word that
   * people write: the longest common ending removed (plural, infinitive, agent, diminutive:
   * "kinderen" and "kind", "organiseren" and "organisation", "filmpjes" and "film"), a Dutch
   * verb's -t ("kookt"), and doubled vowels and final consonants made single ("koken" and "kook",
   * "bakken" and "bak").
   */
  static String stem(String normalised) {
    StringBuilder out = new StringBuilder();
    for (String word : normalised.split(" ")) {
      String stemmed = strip(word);
      if (stemmed.equals(word) && word.length() >= 4 && word.endsWith("t")
          && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
        stemmed = word.substring(0, word.length() - 1);
      }
      stemmed = DOUBLE_VOWEL.matcher(stemmed).replaceAll("$1");
      stemmed = DOUBLE_END.matcher(stemmed).replaceAll("$1");
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(stemmed);
    }
    return out.toString();
  }

  private static String strip(String word) {
    for (String ending : ENDINGS) {
      if (word.length() - ending.length() >= 3 && word.endsWith(ending)) {
        return word.substring(0, word.length() - ending.length());
      }
    }
    return word;
  }

  @Override
  public String toString() {
    return "ConceptNormaliser{scheme=" + scheme.id() + ", labels=" + labels.size() + ", threshold=" + threshold + "}";
  }
}
