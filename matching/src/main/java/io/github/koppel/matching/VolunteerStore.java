package io.github.koppel.matching;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.vocabulary.Vocabularies;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The volunteers of an engine in immutable segments, so that adding, changing or removing a
 * volunteer never re-indexes the others: a removal marks the volunteer deleted in its segment (a
 * copy of that segment's deletion bits), an addition rebuilds only the small tail segment (at most
 * {@value #TAIL} volunteers) or starts a new one, and a change is both. When there are more than
 * {@value #MAX_SEGMENTS} segments they are merged into one, which amortises to O(1) re-indexed
 * volunteers per addition.
 *
 * <p>A volunteer has a global position: its segment's base plus its place in the segment. This
 * class is immutable and thread-safe; segments are shared between versions.
 */
final class VolunteerStore {
  static final int TAIL = 4096;
  static final int MAX_SEGMENTS = 32;

  private final List<Segment> segments;
  private final int tailLimit;
  private final int maxSegments;
  private final int size;
  private final boolean indexed;
  private final Vocabularies vocabularies;

  /** Volunteers indexed together, some perhaps deleted. */
  static final class Segment {
    final List<Volunteer> volunteers;
    final BitSet deleted;
    final @Nullable VolunteerIndex index;
    final int base;
    private volatile @Nullable Map<String, Integer> positions;

    Segment(List<Volunteer> volunteers, BitSet deleted, @Nullable VolunteerIndex index, int base) {
      this.volunteers = volunteers;
      this.deleted = deleted;
      this.index = index;
      this.base = base;
    }

    Segment(Segment other, BitSet deleted, int base) {
      this(other.volunteers, deleted, other.index, base);
      this.positions = other.positions;
    }

    boolean live(int i) {
      return !deleted.get(i);
    }

    /** Returns the live position of an id, or -1; builds the id map on first use. */
    int position(String id) {
      Map<String, Integer> map = positions;
      if (map == null) {
        map = new HashMap<>(volunteers.size() * 2);
        for (int i = 0; i < volunteers.size(); i++) {
          map.put(volunteers.get(i).id(), i);
        }
        positions = map;
      }
      Integer p = map.get(id);
      return p == null || deleted.get(p) ? -1 : p;
    }
  }

  private VolunteerStore(
      List<Segment> segments,
      int tailLimit,
      int maxSegments,
      int size,
      boolean indexed,
      Vocabularies vocabularies) {
    this.segments = List.copyOf(segments);
    this.tailLimit = tailLimit;
    this.maxSegments = maxSegments;
    this.size = size;
    this.indexed = indexed;
    this.vocabularies = vocabularies;
  }

  static VolunteerStore of(
      List<Volunteer> volunteers, boolean indexed, Vocabularies vocabularies) {
    return of(volunteers, indexed, vocabularies, TAIL, MAX_SEGMENTS);
  }

  /** Returns a store with other limits, for tests of the segment policy. */
  static VolunteerStore of(
      List<Volunteer> volunteers,
      boolean indexed,
      Vocabularies vocabularies,
      int tailLimit,
      int maxSegments) {
    List<Volunteer> copy = List.copyOf(volunteers);
    Segment segment =
        new Segment(copy, new BitSet(), indexed ? new VolunteerIndex(copy, vocabularies) : null, 0);
    return new VolunteerStore(
        List.of(segment), tailLimit, maxSegments, copy.size(), indexed, vocabularies);
  }

  List<Segment> segments() {
    return segments;
  }

  /** Returns the number of live volunteers. */
  int size() {
    return size;
  }

  /** Returns the live volunteer with an id, or null. */
  @Nullable Volunteer get(String id) {
    for (Segment s : segments) {
      int p = s.position(id);
      if (p >= 0) {
        return s.volunteers.get(p);
      }
    }
    return null;
  }

  /** Returns the live volunteers, segment by segment. */
  List<Volunteer> live() {
    return live(segments);
  }

  /** Returns the segment holding a global position. */
  Segment segmentAt(int global) {
    for (int k = segments.size() - 1; k >= 0; k--) {
      if (segments.get(k).base <= global) {
        return segments.get(k);
      }
    }
    throw new IllegalArgumentException("no volunteer at position " + global);
  }

  /** Returns the volunteer at a global position. */
  Volunteer at(int global) {
    Segment s = segmentAt(global);
    return s.volunteers.get(global - s.base);
  }

  /** Returns a store without the volunteer with an id. */
  VolunteerStore without(String id) {
    List<Segment> copy = new ArrayList<>(segments);
    for (int k = 0; k < copy.size(); k++) {
      Segment s = copy.get(k);
      int p = s.position(id);
      if (p >= 0) {
        BitSet deleted = (BitSet) s.deleted.clone();
        deleted.set(p);
        copy.set(k, new Segment(s, deleted, s.base));
        return new VolunteerStore(copy, tailLimit, maxSegments, size - 1, indexed, vocabularies);
      }
    }
    throw new IllegalArgumentException("no volunteer with id " + DefaultMatchEngine.shownId(id) + " in the engine");
  }

  /** Returns a store with a volunteer added, or replacing the one with its id. */
  VolunteerStore with(Volunteer volunteer) {
    VolunteerStore store = get(volunteer.id()) == null ? this : without(volunteer.id());
    List<Segment> copy = new ArrayList<>(store.segments);
    Segment tail = copy.get(copy.size() - 1);
    List<Volunteer> members = new ArrayList<>();
    int base;
    if (tail.volunteers.size() < tailLimit && copy.size() > 1) {
      copy.remove(copy.size() - 1);
      members.addAll(live(List.of(tail)));
      base = tail.base;
    } else {
      base = tail.base + tail.volunteers.size();
    }
    members.add(volunteer);
    copy.add(segment(members, base));
    if (copy.size() > maxSegments) {
      return VolunteerStore.of(live(copy), indexed, vocabularies, tailLimit, maxSegments);
    }
    return new VolunteerStore(copy, tailLimit, maxSegments, store.size + 1, indexed, vocabularies);
  }

  private static List<Volunteer> live(List<Segment> segments) {
    List<Volunteer> live = new ArrayList<>();
    for (Segment s : segments) {
      for (int i = 0; i < s.volunteers.size(); i++) {
        if (s.live(i)) {
          live.add(s.volunteers.get(i));
        }
      }
    }
    return live;
  }

  private Segment segment(List<Volunteer> members, int base) {
    checkArgument(!members.isEmpty(), "empty segment");
    List<Volunteer> copy = List.copyOf(members);
    return new Segment(copy, new BitSet(), indexed ? new VolunteerIndex(copy, vocabularies) : null, base);
  }
}
