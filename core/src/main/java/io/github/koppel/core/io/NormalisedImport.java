package io.github.koppel.core.io;

import io.github.koppel.core.model.Dataset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a normalising import read: the dataset, every free word it placed on a concept and every
 * word it could not place. Loading stays all-or-nothing: when a word could not be placed there is
 * no dataset, and the unplaced words, with their nearest concepts, say what to fix.
 *
 * <p>Both lists are in the order the words were read (file by file, record by record) and hold at most {@value #MAX_WORDS} words each; {@link
 * #truncated()} says when more were found.
 *
 * @since 0.2
 */
public final class NormalisedImport {
  /** The most words each list holds. */
  public static final int MAX_WORDS = 10_000;

  private final @Nullable Dataset dataset;
  private final List<PlacedWord> placed;
  private final List<UnplacedWord> unplaced;
  private final boolean truncated;

  NormalisedImport(
      @Nullable Dataset dataset, List<PlacedWord> placed, List<UnplacedWord> unplaced, boolean truncated) {
    this.dataset = unplaced.isEmpty() ? dataset : null;
    this.placed = List.copyOf(placed);
    this.unplaced = List.copyOf(unplaced);
    this.truncated = truncated;
  }

  /**
   * Returns the dataset, with every placed word replaced by its concept.
   *
   * @return the dataset, or empty when a word could not be placed
   */
  public Optional<Dataset> dataset() {
    return Optional.ofNullable(dataset);
  }

  /**
   * Returns the words that were placed on a concept; a word that is already a concept id is not
   * listed.
   *
   * @return the placed words, in the order read
   */
  public List<PlacedWord> placed() {
    return placed;
  }

  /**
   * Returns the words that could not be placed.
   *
   * @return the unplaced words, in the order read
   */
  public List<UnplacedWord> unplaced() {
    return unplaced;
  }

  /**
   * Returns whether a list holds only the first {@value #MAX_WORDS} words found.
   *
   * @return whether words were left out of the lists
   */
  public boolean truncated() {
    return truncated;
  }

  @Override
  public String toString() {
    return "NormalisedImport{placed=" + placed.size() + ", unplaced=" + unplaced.size()
        + (dataset == null ? "" : ", " + dataset) + "}";
  }
}
