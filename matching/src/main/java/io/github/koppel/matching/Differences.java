package io.github.koppel.matching;

import java.util.List;
import java.util.Objects;

/** Says where two answers of an engine first differ, for check mode's messages. */
final class Differences {
  private static final int MAX = 300;

  private Differences() {}

  /** Returns the first difference of two answers, expected first, in a line of bounded length. */
  static String first(Object expected, Object actual) {
    if (expected instanceof Ranking e && actual instanceof Ranking a) {
      return ranking(e, a);
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      return list("", e, a);
    }
    return "expected " + cut(expected) + ", got " + cut(actual);
  }

  private static String ranking(Ranking e, Ranking a) {
    if (e.candidates() != a.candidates() || e.feasible() != a.feasible()) {
      return "candidates/feasible " + e.candidates() + "/" + e.feasible() + " expected, got "
          + a.candidates() + "/" + a.feasible();
    }
    if (!e.blockedBy().equals(a.blockedBy())) {
      return "blockedBy " + e.blockedBy() + " expected, got " + a.blockedBy();
    }
    if (!e.matches().equals(a.matches())) {
      return list("matches", e.matches(), a.matches());
    }
    if (!e.nearMisses().equals(a.nearMisses())) {
      return list("near misses", e.nearMisses(), a.nearMisses());
    }
    return "expected " + cut(e) + ", got " + cut(a);
  }

  private static String list(String what, List<?> e, List<?> a) {
    for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
      if (!Objects.equals(e.get(i), a.get(i))) {
        return what + " [" + i + "]: expected " + cut(e.get(i)) + ", got " + cut(a.get(i));
      }
    }
    return what + ": " + e.size() + " expected, got " + a.size();
  }

  private static String cut(@org.jspecify.annotations.Nullable Object o) {
    String s = String.valueOf(o);
    return s.length() <= MAX ? s : s.substring(0, MAX) + "...";
  }
}
