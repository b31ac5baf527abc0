package io.github.koppel.matching.allocation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntBinaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * An allocation instance: volunteers, vacancies with a number of places, the feasible (volunteer,
 * vacancy) pairs with their scores, both sides' preferences and the teams to place together.
 *
 * <p>Only feasible pairs exist: a volunteer is never placed in a vacancy that a hard criterion
 * ruled out. Each pair has a <em>score</em> in [0, 1], the match policy's score, which is what
 * the optimal and greedy modes add up and what a vacancy prefers, and a <em>wish</em> in [0, 1],
 * how much the volunteer wants the vacancy, which orders the volunteer's preferences. Explicit
 * preference lists, for instance from literature instances or from a portal's favourites,
 * override the orders that scores and wishes give. Ties are broken by id, so every order is strict
 * and every result deterministic.
 *
 * <p>Build one with {@link #builder()}, or from an engine with {@code Allocations.problem}. Instances
 * are immutable and thread-safe.
 *
 * @since 0.2
 */
public final class AllocationProblem {
  /** The most volunteers one problem may hold; it keeps the optimal mode's integer costs exact. */
  public static final int MAX_VOLUNTEERS = 200_000;

  final String[] volunteers;
  final String[] vacancies;
  final int[] capacity;
  /** Feasible pairs by volunteer (CSR), each volunteer's in the volunteer's order of preference. */
  final int[] pairStart;
  final int[] pairVacancy;
  final double[] pairScore;
  final double[] pairWish;
  /** Feasible pairs by vacancy (CSR of pair indices), each vacancy's in its order of preference. */
  final int[] vacancyStart;
  final int[] vacancyPairs;
  /** The position of each pair in its vacancy's order of preference. */
  final int[] rankAtVacancy;
  final List<Team> teams;
  private final Map<String, Integer> volunteerIndex;
  private final Map<String, Integer> vacancyIndex;

  private AllocationProblem(Builder b) {
    this.volunteers = b.volunteers.toArray(String[]::new);
    this.vacancies = b.vacancyIds.toArray(String[]::new);
    this.capacity = Arrays.copyOf(b.capacities, vacancies.length);
    this.volunteerIndex = index(volunteers);
    this.vacancyIndex = index(vacancies);
    int n = volunteers.length;
    int m = vacancies.length;
    int pairs = b.pairCount;
    // The rank of each vacancy id and volunteer id in string order, for ties.
    int[] vacancyIdRank = idRanks(vacancies);
    int[] volunteerIdRank = idRanks(volunteers);
    // Volunteer side: counting sort by volunteer, then each volunteer's pairs in their order.
    pairStart = new int[n + 1];
    int[] order = new int[pairs];
    groupBy(b.pairVolunteer, pairs, pairStart, order);
    int[] scratch = new int[pairs];
    double[] wish = b.pairWish;
    double[] score = b.pairScore;
    int[] vacancyOf = b.pairVacancy;
    for (int v = 0; v < n; v++) {
      List<String> list = b.volunteerPreferences.get(volunteers[v]);
      if (list != null) {
        int[] position = new int[m];
        for (int r = 0; r < list.size(); r++) {
          position[vacancyIndex.get(list.get(r))] = r;
        }
        sort(order, scratch, pairStart[v], pairStart[v + 1],
            (x, y) -> Integer.compare(position[vacancyOf[x]], position[vacancyOf[y]]));
      } else {
        sort(order, scratch, pairStart[v], pairStart[v + 1], (x, y) -> {
          int c = Double.compare(wish[y], wish[x]);
          if (c == 0) {
            c = Double.compare(score[y], score[x]);
          }
          return c != 0 ? c : Integer.compare(vacancyIdRank[vacancyOf[x]], vacancyIdRank[vacancyOf[y]]);
        });
      }
    }
    pairVacancy = new int[pairs];
    pairScore = new double[pairs];
    pairWish = new double[pairs];
    int[] pairVolunteer = new int[pairs];
    for (int q = 0; q < pairs; q++) {
      int k = order[q];
      pairVacancy[q] = vacancyOf[k];
      pairScore[q] = score[k];
      pairWish[q] = wish[k];
      pairVolunteer[q] = b.pairVolunteer[k];
    }
    // Vacancy side: counting sort by vacancy, then each vacancy's pairs in its order.
    vacancyStart = new int[m + 1];
    vacancyPairs = new int[pairs];
    groupBy(pairVacancy, pairs, vacancyStart, vacancyPairs);
    for (int j = 0; j < m; j++) {
      List<String> list = b.vacancyPreferences.get(vacancies[j]);
      if (list != null) {
        int[] position = new int[n];
        for (int r = 0; r < list.size(); r++) {
          position[volunteerIndex.get(list.get(r))] = r;
        }
        sort(vacancyPairs, scratch, vacancyStart[j], vacancyStart[j + 1],
            (x, y) -> Integer.compare(position[pairVolunteer[x]], position[pairVolunteer[y]]));
      } else {
        sort(vacancyPairs, scratch, vacancyStart[j], vacancyStart[j + 1], (x, y) -> {
          int c = Double.compare(pairScore[y], pairScore[x]);
          return c != 0
              ? c
              : Integer.compare(volunteerIdRank[pairVolunteer[x]], volunteerIdRank[pairVolunteer[y]]);
        });
      }
    }
    rankAtVacancy = new int[pairs];
    for (int j = 0; j < m; j++) {
      for (int k = vacancyStart[j]; k < vacancyStart[j + 1]; k++) {
        rankAtVacancy[vacancyPairs[k]] = k - vacancyStart[j];
      }
    }
    this.teams = List.copyOf(b.teams.values());
  }

  /**
   * Counting sort: fills {@code start} (one longer than the number of groups) with where each
   * group begins and {@code order} with the items 0..count-1 grouped by {@code group[item]}, in
   * item order within a group.
   */
  private static void groupBy(int[] group, int count, int[] start, int[] order) {
    for (int k = 0; k < count; k++) {
      start[group[k] + 1]++;
    }
    for (int g = 0; g + 1 < start.length; g++) {
      start[g + 1] += start[g];
    }
    int[] fill = Arrays.copyOf(start, start.length - 1);
    for (int k = 0; k < count; k++) {
      order[fill[group[k]]++] = k;
    }
  }

  /** The position of each id in string order. */
  private static int[] idRanks(String[] ids) {
    Integer[] byId = new Integer[ids.length];
    for (int i = 0; i < ids.length; i++) {
      byId[i] = i;
    }
    Arrays.sort(byId, Comparator.comparing(i -> ids[i]));
    int[] rank = new int[ids.length];
    for (int r = 0; r < ids.length; r++) {
      rank[byId[r]] = r;
    }
    return rank;
  }

  /** Sorts a[from, to) stably by a comparator of the values, with a merge sort. */
  private static void sort(int[] a, int[] scratch, int from, int to, IntBinaryOperator compare) {
    if (to - from < 2) {
      return;
    }
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int k = i - 1;
        while (k >= from && compare.applyAsInt(a[k], x) > 0) {
          a[k + 1] = a[k];
          k--;
        }
        a[k + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(a, scratch, from, mid, compare);
    sort(a, scratch, mid, to, compare);
    if (compare.applyAsInt(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, scratch, from, to - from);
    int i = from;
    int k = mid;
    for (int out = from; out < to; out++) {
      if (k >= to || (i < mid && compare.applyAsInt(scratch[i], scratch[k]) <= 0)) {
        a[out] = scratch[i++];
      } else {
        a[out] = scratch[k++];
      }
    }
  }

  private static Map<String, Integer> index(String[] ids) {
    Map<String, Integer> map = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      map.put(ids[i], i);
    }
    return map;
  }

  /** Returns a builder of a problem. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the volunteers' ids, in the order they were added. */
  public List<String> volunteers() {
    return Collections.unmodifiableList(Arrays.asList(volunteers));
  }

  /** Returns the vacancies' ids, in the order they were added. */
  public List<String> vacancies() {
    return Collections.unmodifiableList(Arrays.asList(vacancies));
  }

  /**
   * Returns a vacancy's number of places.
   *
   * @param vacancyId the vacancy
   * @return its capacity
   * @throws IllegalArgumentException if the vacancy is not in the problem
   */
  public int capacity(String vacancyId) {
    return capacity[vacancy(vacancyId)];
  }

  /** Returns the number of feasible pairs. */
  public int pairCount() {
    return pairVacancy.length;
  }

  /**
   * Returns the vacancies a volunteer may be placed in, in the volunteer's order of preference.
   *
   * @param volunteerId the volunteer
   * @return the vacancies' ids, most wanted first
   * @throws IllegalArgumentException if the volunteer is not in the problem
   */
  public List<String> preferencesOf(String volunteerId) {
    int v = volunteer(volunteerId);
    List<String> out = new ArrayList<>();
    for (int q = pairStart[v]; q < pairStart[v + 1]; q++) {
      out.add(vacancies[pairVacancy[q]]);
    }
    return out;
  }

  /**
   * Returns the score of a pair, or NaN if the pair is not feasible.
   *
   * @param volunteerId the volunteer
   * @param vacancyId the vacancy
   * @return the policy's score of the pair
   * @throws IllegalArgumentException if either is not in the problem
   */
  public double score(String volunteerId, String vacancyId) {
    int q = pair(volunteer(volunteerId), vacancy(vacancyId));
    return q < 0 ? Double.NaN : pairScore[q];
  }

  /** Returns the teams to place together. */
  public List<Team> teams() {
    return teams;
  }

  int volunteer(String id) {
    Integer v = volunteerIndex.get(Objects.requireNonNull(id, "volunteerId"));
    checkArgument(v != null, "unknown volunteer: %s", id);
    return v;
  }

  int vacancy(String id) {
    Integer j = vacancyIndex.get(Objects.requireNonNull(id, "vacancyId"));
    checkArgument(j != null, "unknown vacancy: %s", id);
    return j;
  }

  /** Returns the index of pair (v, j), or -1. */
  int pair(int v, int j) {
    for (int q = pairStart[v]; q < pairStart[v + 1]; q++) {
      if (pairVacancy[q] == j) {
        return q;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "AllocationProblem[" + volunteers.length + " volunteers, " + vacancies.length
        + " vacancies, " + pairVacancy.length + " feasible pairs, " + teams.size() + " teams]";
  }

  /**
   * A team to place together, in one vacancy with places for all its members, for whom that
   * vacancy must be feasible: a family, a class, colleagues of a company.
   *
   * @param id the team's id
   * @param members the volunteers' ids, at least two, each in at most one team
   */
  public record Team(String id, List<String> members) {
    public Team {
      Objects.requireNonNull(id, "id");
      checkArgument(!id.isBlank(), "team id must not be blank");
      members = List.copyOf(Objects.requireNonNull(members, "members"));
      checkArgument(members.size() >= 2, "team %s must have at least 2 members: %s", id, members);
      checkArgument(
          new HashSet<>(members).size() == members.size(),
          "team %s lists a member twice: %s",
          id,
          members);
    }
  }

  /** Builds an {@link AllocationProblem}; not thread-safe. */
  public static final class Builder {
    private final Map<String, Integer> volunteerSet = new HashMap<>();
    private final List<String> volunteers = new ArrayList<>();
    private final Map<String, Integer> vacancySet = new HashMap<>();
    private final List<String> vacancyIds = new ArrayList<>();
    private int[] capacities = new int[16];
    private int pairCount;
    private int[] pairVolunteer = new int[64];
    private int[] pairVacancy = new int[64];
    private double[] pairScore = new double[64];
    private double[] pairWish = new double[64];
    /** The pairs added, as volunteer index × 2^32 + vacancy index, for duplicates. */
    private final LongSet pairKeys = new LongSet();
    private final Map<String, List<String>> volunteerPreferences = new HashMap<>();
    private final Map<String, List<String>> vacancyPreferences = new HashMap<>();
    private final Map<String, Team> teams = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a volunteer.
     *
     * @param id the volunteer's id, unique
     * @return this builder
     * @throws IllegalArgumentException if the id is blank or already added
     */
    public Builder volunteer(String id) {
      Objects.requireNonNull(id, "volunteer id");
      checkArgument(!id.isBlank(), "volunteer id must not be blank");
      checkArgument(!volunteerSet.containsKey(id), "duplicate volunteer: %s", id);
      checkArgument(
          volunteers.size() < MAX_VOLUNTEERS, "more than %s volunteers", MAX_VOLUNTEERS);
      volunteerSet.put(id, volunteers.size());
      volunteers.add(id);
      return this;
    }

    /**
     * Adds a vacancy.
     *
     * @param id the vacancy's id, unique
     * @param capacity its number of places, at least 0
     * @return this builder
     * @throws IllegalArgumentException if the id is blank or already added, or the capacity is
     *     negative
     */
    public Builder vacancy(String id, int capacity) {
      Objects.requireNonNull(id, "vacancy id");
      checkArgument(!id.isBlank(), "vacancy id must not be blank");
      checkArgument(capacity >= 0, "capacity of vacancy %s must be at least 0: %s", id, capacity);
      checkArgument(!vacancySet.containsKey(id), "duplicate vacancy: %s", id);
      if (vacancyIds.size() == capacities.length) {
        capacities = Arrays.copyOf(capacities, capacities.length * 2);
      }
      capacities[vacancyIds.size()] = capacity;
      vacancySet.put(id, vacancyIds.size());
      vacancyIds.add(id);
      return this;
    }

    /**
     * Adds a feasible pair whose wish equals its score.
     *
     * @param volunteerId an added volunteer
     * @param vacancyId an added vacancy
     * @param score the policy's score, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException as {@link #pair(String, String, double, double)}
     */
    public Builder pair(String volunteerId, String vacancyId, double score) {
      return pair(volunteerId, vacancyId, score, score);
    }

    /**
     * Adds a feasible pair.
     *
     * @param volunteerId an added volunteer
     * @param vacancyId an added vacancy
     * @param score the policy's score, in [0, 1]
     * @param wish how much the volunteer wants the vacancy, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if either id is unknown, the pair was already added, or a
     *     number is out of range
     */
    public Builder pair(String volunteerId, String vacancyId, double score, double wish) {
      Integer v = volunteerSet.get(volunteerId);
      checkArgument(v != null, "unknown volunteer: %s", volunteerId);
      Integer j = vacancySet.get(vacancyId);
      checkArgument(j != null, "unknown vacancy: %s", vacancyId);
      checkArgument(
          score >= 0 && score <= 1,
          "score of (%s, %s) must be in [0, 1]: %s",
          volunteerId,
          vacancyId,
          score);
      checkArgument(
          wish >= 0 && wish <= 1,
          "wish of (%s, %s) must be in [0, 1]: %s",
          volunteerId,
          vacancyId,
          wish);
      checkArgument(
          pairKeys.add((long) v << 32 | j), "duplicate pair: (%s, %s)", volunteerId, vacancyId);
      if (pairCount == pairVolunteer.length) {
        int size = pairCount * 2;
        pairVolunteer = Arrays.copyOf(pairVolunteer, size);
        pairVacancy = Arrays.copyOf(pairVacancy, size);
        pairScore = Arrays.copyOf(pairScore, size);
        pairWish = Arrays.copyOf(pairWish, size);
      }
      pairVolunteer[pairCount] = v;
      pairVacancy[pairCount] = j;
      pairScore[pairCount] = score;
      pairWish[pairCount] = wish;
      pairCount++;
      return this;
    }

    /**
     * Sets a volunteer's order of preference explicitly; it must list exactly the vacancies the
     * volunteer has pairs with, when {@link #build()} runs.
     *
     * @param volunteerId an added volunteer
     * @param vacancyIds the vacancies, most wanted first
     * @return this builder
     */
    public Builder volunteerPreferences(String volunteerId, List<String> vacancyIds) {
      checkArgument(volunteerSet.containsKey(volunteerId), "unknown volunteer: %s", volunteerId);
      volunteerPreferences.put(volunteerId, List.copyOf(vacancyIds));
      return this;
    }

    /**
     * Sets a vacancy's order of preference explicitly; it must list exactly the volunteers the
     * vacancy has pairs with, when {@link #build()} runs.
     *
     * @param vacancyId an added vacancy
     * @param volunteerIds the volunteers, most preferred first
     * @return this builder
     */
    public Builder vacancyPreferences(String vacancyId, List<String> volunteerIds) {
      checkArgument(vacancySet.containsKey(vacancyId), "unknown vacancy: %s", vacancyId);
      vacancyPreferences.put(vacancyId, List.copyOf(volunteerIds));
      return this;
    }

    /**
     * Adds a team to place together.
     *
     * @param team the team; its members must be added volunteers in no other team
     * @return this builder
     */
    public Builder team(Team team) {
      Objects.requireNonNull(team, "team");
      checkArgument(!teams.containsKey(team.id()), "duplicate team: %s", team.id());
      for (String member : team.members()) {
        checkArgument(
            volunteerSet.containsKey(member),
            "unknown volunteer in team %s: %s",
            team.id(),
            member);
        for (Team other : teams.values()) {
          checkArgument(
              !other.members().contains(member),
              "volunteer %s is in teams %s and %s",
              member,
              other.id(),
              team.id());
        }
      }
      teams.put(team.id(), team);
      return this;
    }

    /**
     * Builds the problem.
     *
     * @return the problem
     * @throws IllegalArgumentException if an explicit preference list does not list exactly the
     *     feasible partners
     */
    public AllocationProblem build() {
      if (!volunteerPreferences.isEmpty() || !vacancyPreferences.isEmpty()) {
        Map<String, Set<String>> partnersOfVolunteer = new HashMap<>();
        Map<String, Set<String>> partnersOfVacancy = new HashMap<>();
        for (int k = 0; k < pairCount; k++) {
          String v = volunteers.get(pairVolunteer[k]);
          String j = vacancyIds.get(pairVacancy[k]);
          partnersOfVolunteer.computeIfAbsent(v, x -> new HashSet<>()).add(j);
          partnersOfVacancy.computeIfAbsent(j, x -> new HashSet<>()).add(v);
        }
        checkLists("volunteer", volunteerPreferences, partnersOfVolunteer);
        checkLists("vacancy", vacancyPreferences, partnersOfVacancy);
      }
      return new AllocationProblem(this);
    }

    private static void checkLists(
        String side, Map<String, List<String>> lists, Map<String, Set<String>> partners) {
      for (Map.Entry<String, List<String>> e : lists.entrySet()) {
        Set<String> listed = new HashSet<>(e.getValue());
        @Nullable Set<String> feasible = partners.get(e.getKey());
        Set<String> expected = feasible == null ? Set.of() : feasible;
        checkArgument(
            listed.size() == e.getValue().size() && listed.equals(expected),
            "preferences of %s %s must list each feasible partner once, %s; got %s",
            side,
            e.getKey(),
            new java.util.TreeSet<>(expected),
            e.getValue());
      }
    }
  }

  /** A set of longs with open addressing, for the builder's duplicate check. */
  private static final class LongSet {
    private long[] keys = new long[64];
    private boolean[] used = new boolean[64];
    private int size;

    /** Adds a key; returns false if it was there. */
    boolean add(long key) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = (int) mix(key) & mask;
      while (used[i]) {
        if (keys[i] == key) {
          return false;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      keys[i] = key;
      size++;
      return true;
    }

    private void grow() {
      long[] oldKeys = keys;
      boolean[] oldUsed = used;
      keys = new long[oldKeys.length * 2];
      used = new boolean[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int k = 0; k < oldKeys.length; k++) {
        if (oldUsed[k]) {
          int i = (int) mix(oldKeys[k]) & mask;
          while (used[i]) {
            i = (i + 1) & mask;
          }
          used[i] = true;
          keys[i] = oldKeys[k];
        }
      }
    }

    private static long mix(long x) {
      x ^= x >>> 33;
      x *= 0xff51afd7ed558ccdL;
      x ^= x >>> 33;
      return x;
    }
  }
}
