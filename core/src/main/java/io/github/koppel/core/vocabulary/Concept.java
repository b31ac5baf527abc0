package io.github.koppel.core.vocabulary;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedSet;
import io.github.koppel.core.model.LocalizedText;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A concept of a SKOS-like concept scheme: a talent, a sector, a functional dimension, an
 * accommodation or a target group.
 *
 * <p>This class is immutable. {@code broader} iterates in id order.
 *
 * @param id a unique id within its scheme, such as {@code cooking}
 * @param label the preferred label per language (Koppel's own vocabularies hold nl, en and fr)
 * @param altLabels alternative labels and synonyms in any language ("kok", "koken", "chef"), used
 *     to recognise free text
 * @param broader ids of broader concepts in the same scheme
 * @param externalUri the concept in an external scheme, such as an ESCO skill, or {@code null}
 * @param placeBound for an accommodation: whether the need it meets belongs to the place of work
 *     (step-free access, an accessible toilet, transport there), so that working from home meets
 *     it; {@code false} for other schemes
 * @since 0.1
 */
public record Concept(
    String id,
    LocalizedText label,
    List<String> altLabels,
    Set<String> broader,
    @Nullable URI externalUri,
    boolean placeBound) {

  public Concept {
    Objects.requireNonNull(id, "id");
    checkArgument(!id.isBlank() && id.strip().equals(id), "id must be non-blank and trimmed: '%s'", id);
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(altLabels, "altLabels");
    List<String> alts = new ArrayList<>(altLabels.size());
    for (String alt : altLabels) {
      Objects.requireNonNull(alt, "altLabels element");
      checkArgument(!alt.isBlank(), "altLabels of concept %s must not hold a blank label", id);
      alts.add(alt);
    }
    altLabels = List.copyOf(alts);
    Objects.requireNonNull(broader, "broader");
    for (String b : broader) {
      Objects.requireNonNull(b, "broader element");
    }
    broader = ImmutableSortedSet.copyOf(broader);
    checkArgument(!broader.contains(id), "concept %s must not be its own broader concept", id);
  }

  /**
   * A concept that is not place-bound.
   *
   * @param id a unique id within its scheme
   * @param label the preferred label per language
   * @param altLabels alternative labels and synonyms
   * @param broader ids of broader concepts
   * @param externalUri the concept in an external scheme, or {@code null}
   */
  public Concept(
      String id,
      LocalizedText label,
      List<String> altLabels,
      Set<String> broader,
      @Nullable URI externalUri) {
    this(id, label, altLabels, broader, externalUri, false);
  }

  /**
   * Returns a top concept without alternative labels or external URI.
   *
   * @param id the id
   * @param label the preferred label
   * @return the concept
   */
  public static Concept of(String id, LocalizedText label) {
    return new Concept(id, label, List.of(), Set.of(), null);
  }

  /**
   * Returns a concept under broader ones.
   *
   * @param id the id
   * @param label the preferred label
   * @param broader ids of broader concepts
   * @return the concept
   */
  public static Concept of(String id, LocalizedText label, Set<String> broader) {
    return new Concept(id, label, List.of(), broader, null);
  }
}
