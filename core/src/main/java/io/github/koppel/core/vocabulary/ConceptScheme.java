package io.github.koppel.core.vocabulary;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.internal.Similarity;
import io.github.koppel.core.model.LocalizedText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A SKOS-like concept scheme: concepts with labels in several languages, linked to broader
 * concepts. The broader relation forms a directed acyclic graph (a concept may have several broader
 * concepts, but no concept is its own ancestor).
 *
 * <p>This class is immutable and thread-safe. {@link #concepts()} keeps the given order, and each
 * concept has a dense {@linkplain #indexOf(String) index} in that order, suitable as a bit
 * position. Ancestors are computed once, at construction, in O(concepts × depth).
 *
 * @since 0.1
 */
public final class ConceptScheme {
  private static final String SOURCE = "<memory>";

  private final String id;
  private final LocalizedText title;
  private final List<Concept> concepts;
  private final Map<String, Integer> indexById;
  private final Map<String, Set<String>> narrower;
  private final Map<String, Map<String, Integer>> ancestorDistances;

  private ConceptScheme(String id, LocalizedText title, List<Concept> concepts) {
    this.id = Objects.requireNonNull(id, "id");
    this.title = Objects.requireNonNull(title, "title");
    this.concepts = List.copyOf(Objects.requireNonNull(concepts, "concepts"));
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < this.concepts.size(); i++) {
      Concept concept = this.concepts.get(i);
      if (index.putIfAbsent(concept.id(), i) != null) {
        throw new InvalidDataException(
            SOURCE,
            "$.concepts[" + i + "].id",
            concept.id(),
            -1,
            -1,
            "duplicate concept id in scheme " + id,
            null);
      }
    }
    this.indexById = Collections.unmodifiableMap(index);
    Map<String, Set<String>> narrowerMap = new HashMap<>();
    for (int i = 0; i < this.concepts.size(); i++) {
      Concept concept = this.concepts.get(i);
      for (String broader : concept.broader()) {
        if (!index.containsKey(broader)) {
          throw new InvalidDataException(
              SOURCE,
              "$.concepts[" + i + "].broader",
              broader,
              -1,
              -1,
              "concept " + concept.id() + " names a broader concept that is not in scheme " + id,
              null);
        }
        narrowerMap.computeIfAbsent(broader, k -> new TreeSet<>()).add(concept.id());
      }
    }
    checkAcyclic();
    Map<String, Set<String>> frozen = new HashMap<>();
    narrowerMap.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
    this.narrower = Collections.unmodifiableMap(frozen);
    Map<String, Map<String, Integer>> distances = new HashMap<>();
    for (Concept concept : this.concepts) {
      distances.put(concept.id(), Collections.unmodifiableMap(ancestorsOf(concept.id())));
    }
    this.ancestorDistances = Collections.unmodifiableMap(distances);
  }

  /**
   * Returns a validated scheme.
   *
   * @param id the scheme id, such as {@code koppel-talents}
   * @param title the scheme's title
   * @param concepts the concepts
   * @return the scheme
   * @throws InvalidDataException if a concept id repeats, a broader id is not in the scheme, or the
   *     broader relation has a cycle; the exception's path names the concept
   */
  public static ConceptScheme of(String id, LocalizedText title, List<Concept> concepts) {
    return new ConceptScheme(id, title, concepts);
  }

  private void checkAcyclic() {
    // Iterative depth-first search with three colours, so deep hierarchies cannot overflow the stack.
    int n = concepts.size();
    byte[] colour = new byte[n];
    int[] parent = new int[n];
    for (int root = 0; root < n; root++) {
      if (colour[root] != 0) {
        continue;
      }
      Deque<int[]> stack = new ArrayDeque<>();
      stack.push(new int[] {root, 0});
      colour[root] = 1;
      parent[root] = -1;
      while (!stack.isEmpty()) {
        int[] frame = stack.peek();
        int node = frame[0];
        List<String> broader = new ArrayList<>(concepts.get(node).broader());
        if (frame[1] < broader.size()) {
          int next = indexById.get(broader.get(frame[1]++));
          if (colour[next] == 1) {
            throw cycle(node, next, parent);
          }
          if (colour[next] == 0) {
            colour[next] = 1;
            parent[next] = node;
            stack.push(new int[] {next, 0});
          }
        } else {
          colour[node] = 2;
          stack.pop();
        }
      }
    }
  }

  private InvalidDataException cycle(int from, int to, int[] parent) {
    Deque<String> path = new ArrayDeque<>();
    path.push(concepts.get(to).id());
    for (int at = from; at != to && at >= 0; at = parent[at]) {
      path.push(concepts.get(at).id());
    }
    path.push(concepts.get(to).id());
    return new InvalidDataException(
        SOURCE,
        "$.concepts[" + from + "].broader",
        concepts.get(to).id(),
        -1,
        -1,
        "the broader relation of scheme " + id + " has a cycle: " + String.join(" -> ", path),
        null);
  }

  private Map<String, Integer> ancestorsOf(String conceptId) {
    Map<String, Integer> distance = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(conceptId);
    Map<String, Integer> seen = new HashMap<>();
    seen.put(conceptId, 0);
    while (!queue.isEmpty()) {
      String current = queue.poll();
      int d = seen.get(current);
      for (String broader : concepts.get(indexById.get(current)).broader()) {
        if (!seen.containsKey(broader)) {
          seen.put(broader, d + 1);
          distance.put(broader, d + 1);
          queue.add(broader);
        }
      }
    }
    return distance;
  }

  /**
   * Returns the scheme id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the scheme's title.
   *
   * @return the title
   */
  public LocalizedText title() {
    return title;
  }

  /**
   * Returns the concepts.
   *
   * @return the concepts, in their given order
   */
  public List<Concept> concepts() {
    return concepts;
  }

  /**
   * Returns the number of concepts.
   *
   * @return the size
   */
  public int size() {
    return concepts.size();
  }

  /**
   * Returns whether a concept id is in this scheme.
   *
   * @param conceptId a concept id
   * @return {@code true} when present
   */
  public boolean contains(String conceptId) {
    return indexById.containsKey(conceptId);
  }

  /**
   * Returns the concept with an id.
   *
   * @param conceptId a concept id
   * @return the concept, or {@code null} when absent
   */
  public @Nullable Concept concept(String conceptId) {
    Integer i = indexById.get(conceptId);
    return i == null ? null : concepts.get(i);
  }

  /**
   * Returns the dense index of a concept: its position in {@link #concepts()}.
   *
   * @param conceptId a concept id
   * @return the index, or -1 when absent
   */
  public int indexOf(String conceptId) {
    Integer i = indexById.get(conceptId);
    return i == null ? -1 : i;
  }

  /**
   * Returns the concepts directly narrower than one.
   *
   * @param conceptId a concept id of this scheme
   * @return the ids of concepts that name it as broader, in id order
   * @throws IllegalArgumentException if the id is not in this scheme
   */
  public Set<String> narrower(String conceptId) {
    requireKnown(conceptId);
    return narrower.getOrDefault(conceptId, Set.of());
  }

  /**
   * Returns every concept above one, with the fewest broader steps to reach it.
   *
   * @param conceptId a concept id of this scheme
   * @return the ancestors and their distance (1 for a direct broader concept), nearest first
   * @throws IllegalArgumentException if the id is not in this scheme
   */
  public Map<String, Integer> ancestors(String conceptId) {
    requireKnown(conceptId);
    return ancestorDistances.get(conceptId);
  }

  /**
   * Returns the number of broader steps from one concept up to another.
   *
   * @param conceptId a concept id of this scheme
   * @param ancestorId another concept id of this scheme
   * @return 0 when they are the same, the fewest steps when {@code ancestorId} is an ancestor, or
   *     -1 when it is not
   * @throws IllegalArgumentException if either id is not in this scheme
   */
  public int stepsUp(String conceptId, String ancestorId) {
    requireKnown(conceptId);
    requireKnown(ancestorId);
    if (conceptId.equals(ancestorId)) {
      return 0;
    }
    Integer d = ancestorDistances.get(conceptId).get(ancestorId);
    return d == null ? -1 : d;
  }

  private void requireKnown(String conceptId) {
    if (!indexById.containsKey(Objects.requireNonNull(conceptId, "conceptId"))) {
      throw new IllegalArgumentException(
          "concept id is not in scheme " + id + ": '" + conceptId + "'");
    }
  }

  /**
   * Returns the ids of the concepts nearest to a text that is no id of this scheme, for a
   * suggestion: those whose id or label (in any language) is within a small edit distance of the
   * text, ignoring case, accents, spaces and underscores, nearest first, then by id.
   *
   * @param text a mistyped id or a word
   * @param limit how many at most, &ge; 0
   * @return the ids, at most {@code limit}
   * @since 0.2
   */
  public List<String> nearest(String text, int limit) {
    Map<String, List<String>> names = new LinkedHashMap<>();
    for (Concept c : concepts) {
      names.put(c.id(), List.copyOf(c.label().texts().values()));
    }
    return Similarity.nearest(text, names, limit);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ConceptScheme other
        && id.equals(other.id)
        && title.equals(other.title)
        && concepts.equals(other.concepts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, concepts);
  }

  @Override
  public String toString() {
    return "ConceptScheme{id=" + id + ", concepts=" + concepts.size() + "}";
  }
}
