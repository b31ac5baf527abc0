package io.github.koppel.core.io;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.core.vocabulary.VocabularyKind;
import java.util.List;
import java.util.Objects;

/**
 * Places the free words a person types for talents, interests or sectors on the concepts of the
 * vocabularies, as a normalising import does ({@link KoppelJson#readDatasetNormalising}): a
 * concept id stays itself; a label or a word near one ({@code "kookt graag"}) is placed on its
 * concept; a list of words ({@code "koken en tuinieren"}) on the concepts of its parts; and a word
 * it cannot place is kept, with the nearest concepts, for the person to choose.
 *
 * <p>A counter's form uses one instance per visitor. Not thread-safe.
 *
 * @since 0.2
 */
public final class FreeWords {
  private final WordPlacement placement;
  private final String source;

  private FreeWords(Vocabularies vocabularies, String source) {
    this.placement = new WordPlacement(vocabularies);
    this.source = source;
  }

  /**
   * Returns a placement of free words against vocabularies.
   *
   * @param vocabularies the vocabularies
   * @param source what the words come from, such as {@code counter form}, as the placed and
   *     unplaced words name it
   * @return the placement, empty
   */
  public static FreeWords of(Vocabularies vocabularies, String source) {
    return new FreeWords(Objects.requireNonNull(vocabularies, "vocabularies"), Objects.requireNonNull(source, "source"));
  }

  /**
   * Places one free text and returns the concept ids it stands for, in the order of its parts:
   * none when it cannot be placed (then {@link #unplaced()} holds it with its nearest concepts).
   *
   * @param kind {@link VocabularyKind#TALENTS} or {@link VocabularyKind#SECTORS}
   * @param text the text as typed, stripped of surrounding blanks
   * @param location where it was typed, such as {@code talent 2}
   * @return the concept ids, without repeats
   * @throws IllegalArgumentException if the kind is neither talents nor sectors, or the text is
   *     blank
   */
  public List<String> place(VocabularyKind kind, String text, String location) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(location, "location");
    checkArgument(kind == VocabularyKind.TALENTS || kind == VocabularyKind.SECTORS,
        "free words are placed on talents or sectors, not on %s", kind);
    String stripped = text.strip();
    checkArgument(!stripped.isEmpty(), "the text at %s is blank", location);
    return placement.place(kind, stripped, source, location);
  }

  /**
   * Returns the words placed so far on a concept, in the order they were placed; a concept id
   * is not among them.
   *
   * @return the placed words
   */
  public List<PlacedWord> placed() {
    return placement.result(null).placed();
  }

  /**
   * Returns the words that could not be placed so far, each with its nearest concepts.
   *
   * @return the unplaced words
   */
  public List<UnplacedWord> unplaced() {
    return placement.result(null).unplaced();
  }

  @Override
  public String toString() {
    return "FreeWords{" + source + "}";
  }
}
