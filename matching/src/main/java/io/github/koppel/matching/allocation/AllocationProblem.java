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
    this.vacancies = b.vacancies.keySet().toArray(String[]::new);
    this.capacity = b.vacancies.values().stream().mapToInt(Integer::intValue).toArray();
    this.volunteerIndex = index(volunteers);
    this.vacancyIndex = index(vacancies);
    int n = volunteers.length;
    int m = vacancies.length;
    // Volunteer side: the pairs of each volunteer in their order of preference.
    List<List<Pair>> byVolunteer = new ArrayList<>(n);
    for (int v = 0; v < n; v++) {
      byVolunteer.add(new ArrayList<>());
    }
    for (Pair p : b.pairs.values()) {
      byVolunteer.get(volunteerIndex.get(p.volunteer)).add(p);
    }
    pairStart = new int[n + 1];
    List<Pair> ordered = new ArrayList<>(b.pairs.size());
    for (int v = 0; v < n; v++) {
      List<Pair> own = byVolunteer.get(v);
      Map<String, Integer> explicit = positions(b.volunteerPreferences.get(volunteers[v]));
      own.sort(
          explicit != null
              ? Comparator.comparingInt(p -> explicit.get(p.vacancy))
              : Comparator.comparingDouble((Pair p) -> -p.wish)
                  .thenComparingDouble(p -> -p.score)
                  .thenComparing(p -> p.vacancy));
      ordered.addAll(own);
      pairStart[v + 1] = ordered.size();
    }
    int pairs = ordered.size();
    pairVacancy = new int[pairs];
    pairScore = new double[pairs];
    pairWish = new double[pairs];
    for (int q = 0; q < pairs; q++) {
      Pair p = ordered.get(q);
      pairVacancy[q] = vacancyIndex.get(p.vacancy);
      pairScore[q] = p.score;
      pairWish[q] = p.wish;
    }
    // Vacancy side: the pairs of each vacancy in its order of preference.
    List<List<Integer>> byVacancy = new ArrayList<>(m);
    for (int j = 0; j < m; j++) {
      byVacancy.add(new ArrayList<>());
    }
    int[] pairVolunteer = new int[pairs];
    for (int v = 0; v < n; v++) {
      for (int q = pairStart[v]; q < pairStart[v + 1]; q++) {
        pairVolunteer[q] = v;
        byVacancy.get(pairVacancy[q]).add(q);
      }
    }
    vacancyStart = new int[m + 1];
    vacancyPairs = new int[pairs];
    rankAtVacancy = new int[pairs];
    int at = 0;
    for (int j = 0; j < m; j++) {
      List<Integer> own = byVacancy.get(j);
      Map<String, Integer> explicit = positions(b.vacancyPreferences.get(vacancies[j]));
      own.sort(
          explicit != null
              ? Comparator.comparingInt(q -> explicit.get(volunteers[pairVolunteer[q]]))
              : Comparator.comparingDouble((Integer q) -> -pairScore[q])
                  .thenComparing(q -> volunteers[pairVolunteer[q]]));
      for (int r = 0; r < own.size(); r++) {
        vacancyPairs[at] = own.get(r);
        rankAtVacancy[own.get(r)] = r;
        at++;
      }
      vacancyStart[j + 1] = at;
    }
    this.teams = List.copyOf(b.teams.values());
  }

  private static @Nullable Map<String, Integer> positions(@Nullable List<String> list) {
    return list == null ? null : index(list.toArray(String[]::new));
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

  /** Returns the volunteer of a pair. */
  int volunteerOf(int q) {
    int low = 0;
    int high = volunteers.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (pairStart[mid] <= q) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
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

  private record Pair(String volunteer, String vacancy, double score, double wish) {}

  /** Builds an {@link AllocationProblem}; not thread-safe. */
  public static final class Builder {
    private final Set<String> volunteerSet = new HashSet<>();
    private final List<String> volunteers = new ArrayList<>();
    private final Map<String, Integer> vacancies = new LinkedHashMap<>();
    private final Map<List<String>, Pair> pairs = new LinkedHashMap<>();
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
      checkArgument(volunteerSet.add(id), "duplicate volunteer: %s", id);
      checkArgument(
          volunteers.size() < MAX_VOLUNTEERS, "more than %s volunteers", MAX_VOLUNTEERS);
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
      checkArgument(!vacancies.containsKey(id), "duplicate vacancy: %s", id);
      vacancies.put(id, capacity);
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
      checkArgument(volunteerSet.contains(volunteerId), "unknown volunteer: %s", volunteerId);
      checkArgument(vacancies.containsKey(vacancyId), "unknown vacancy: %s", vacancyId);
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
      Pair previous =
          pairs.putIfAbsent(
              List.of(volunteerId, vacancyId), new Pair(volunteerId, vacancyId, score, wish));
      checkArgument(previous == null, "duplicate pair: (%s, %s)", volunteerId, vacancyId);
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
      checkArgument(volunteerSet.contains(volunteerId), "unknown volunteer: %s", volunteerId);
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
      checkArgument(vacancies.containsKey(vacancyId), "unknown vacancy: %s", vacancyId);
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
            volunteerSet.contains(member), "unknown volunteer in team %s: %s", team.id(), member);
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
      Map<String, Set<String>> partnersOfVolunteer = new HashMap<>();
      Map<String, Set<String>> partnersOfVacancy = new HashMap<>();
      for (Pair p : pairs.values()) {
        partnersOfVolunteer.computeIfAbsent(p.volunteer, x -> new HashSet<>()).add(p.vacancy);
        partnersOfVacancy.computeIfAbsent(p.vacancy, x -> new HashSet<>()).add(p.volunteer);
      }
      checkLists("volunteer", volunteerPreferences, partnersOfVolunteer);
      checkLists("vacancy", vacancyPreferences, partnersOfVacancy);
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
}
