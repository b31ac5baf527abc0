package io.github.koppel.matching.internal;

import io.github.koppel.core.model.DrivingLicence;
import io.github.koppel.core.model.Availability;
import io.github.koppel.core.model.Consent;
import io.github.koppel.core.model.ConsentPurpose;
import io.github.koppel.core.model.FunctionalLevel;
import io.github.koppel.core.model.LanguageSkill;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Preferences;
import io.github.koppel.core.model.SensitiveCategory;
import io.github.koppel.core.model.Talent;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WeeklySlot;
import io.github.koppel.core.vocabulary.ConceptScheme;
import io.github.koppel.core.vocabulary.Vocabularies;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The volunteers of an engine as flat arrays, one entry per volunteer (struct of arrays), so that a
 * compiled criterion reads a few primitives per candidate instead of walking objects.
 *
 * <p>Encodings: a language as {@code languageIndex << 4 | (ordinal + 1)}, with bit {@code 0x8} for
 * a wish to practise, in a compressed row; a talent as {@code conceptIndex * 8 + levelCode * 2 + learn} with level
 * codes 0 (none), 1 to 3 (beginner to expert); a possibility as {@code dimension << 4 | (ordinal +
 * 1)} in a compressed row (absent: not declared); concept lists (interests, support needs,
 * target groups) in compressed rows. Birth dates, extracts and availability periods are stored as
 * epoch days and judged per query, so one index serves every day of the match. Large populations
 * are indexed on the common fork-join pool. This class is immutable and thread-safe.
 *
 * <p>Storage: the rows of languages, interests, support needs, target groups and possibilities are
 * kept once per distinct row, with a two-byte code per volunteer ({@link CodedRows}); the days, the
 * weekly day-parts, the hours and the maximum distance once per distinct value ({@link
 * CodedValues}); talent codes in two bytes while the talent scheme has at most 8,192 concepts. Each
 * falls back to a value per volunteer beyond 65,536 distinct values. On the demo city this is
 * about 61 bytes per volunteer, plus two bytes per volunteer for each dictionary {@link #tabled}
 * builds (about 16 bytes under the default policy).
 */
public final class VolunteerIndex {
  /** The most languages, and functional dimensions, an index holds: twelve bits of a char. */
  public static final int MAX_CODES = 4095;

  private static final int PRACTISE_BIT = 0x8;

  /** The value of {@link #birthEpochDay} for a volunteer without a birth date. */
  public static final int NO_BIRTH_DATE = Integer.MIN_VALUE;

  /** The value of {@link #extractEpochDay} for a volunteer without a 596.2 extract. */
  public static final int NO_EXTRACT = Integer.MIN_VALUE;

  /**
   * How far {@link #chordSquared}'s root can lie from the exact chord: the unit vectors are rounded
   * to floats, at most 2<sup>-24</sup> per coordinate, so at most √3·2<sup>-24</sup> ≈ 1.04e-7 in
   * the chord; this bound leaves a margin.
   */
  public static final double CHORD_ERROR = 2e-7;

  private static final int PARALLEL_THRESHOLD = 50_000;
  private static final int CHUNK = 8_192;
  private static final byte PRACTISES_ANY = 1;
  private static final byte FIRST_STAGE = 2;
  private static final byte UNSPECIFIED = 4;
  private static final byte SHIFTS = 8;
  private static final byte REMOTE_OK = 16;
  private static final byte PREFERS_REMOTE = 32;

  private final List<Volunteer> volunteers;
  private final Map<String, Integer> languageIndex;
  private final CodedRows languageRows;
  private final char[] languageEntries;
  private final int[] talentStart;
  /** The talent codes in chars when every code fits one (at most 8,192 talent concepts), else null. */
  private final char @Nullable [] talentChars;
  /** The talent codes, when they do not all fit a char; else null. */
  private final int @Nullable [] talentCodes;
  private final CodedRows interestRows;
  private final int[] interests;
  private final CodedRows needRows;
  private final int[] needs;
  private final CodedRows groupRows;
  private final int[] groups;
  private final CodedRows possibilityRows;
  private final char[] possibilityEntries;
  private final byte[] flags;
  private final byte[] matchingConsent;
  /** The epoch day of birth, or {@link #NO_BIRTH_DATE}: ages are judged per query, by cut-offs. */
  private final CodedValues birthDay;
  private final CodedValues extract;
  private final CodedValues weekly;
  /** The bits of the hours per week, a double. */
  private final CodedValues hours;
  private final CodedValues availableFrom;
  private final CodedValues availableUntil;
  private final float[] unitX;
  private final float[] unitY;
  private final float[] unitZ;
  /** The bits of the maximum distance, a double. */
  private final CodedValues maxKm;
  private final byte[] regularity;
  private final byte[] setting;
  /** Per volunteer, a bit per driving licence category covered by the categories held. */
  private final byte[] licences;
  /** The dictionaries the criteria's kernels built on first use, by key ({@link #tabled}). */
  private final Map<Object, Dictionary> dictionaries = new ConcurrentHashMap<>();

  /**
   * Builds the index.
   *
   * @param volunteers the volunteers, every id known to the vocabularies
   * @param vocabularies the vocabularies
   */
  public VolunteerIndex(List<Volunteer> volunteers, Vocabularies vocabularies) {
    this(new Builder(volunteers, vocabularies));
  }

  /**
   * Codes the columns read by a builder: the rows of languages, interests, needs, target groups
   * and possibilities, and the days, hours and distances, are kept once per distinct value, each
   * column on its own task.
   */
  private VolunteerIndex(Builder b) {
    this.volunteers = b.volunteers;
    this.languageIndex = b.languageIndex;
    this.talentStart = b.talentStart;
    if (b.talentConcepts * 8 <= Character.MAX_VALUE + 1) {
      char[] chars = new char[b.talentCodes.length];
      for (int t = 0; t < chars.length; t++) {
        chars[t] = (char) b.talentCodes[t];
      }
      this.talentChars = chars;
      this.talentCodes = null;
    } else {
      this.talentChars = null;
      this.talentCodes = b.talentCodes;
    }
    this.flags = b.flags;
    this.matchingConsent = b.matchingConsent;
    this.unitX = b.unitX;
    this.unitY = b.unitY;
    this.unitZ = b.unitZ;
    this.regularity = b.regularity;
    this.setting = b.setting;
    this.licences = b.licences;
    boolean parallel = b.volunteers.size() >= PARALLEL_THRESHOLD;
    Object[] coded = new Object[16];
    List<Runnable> tasks = List.of(
        () -> {
          CodedRows rows = CodedRows.of(b.languageStart, k -> b.languageEntries[k]);
          coded[0] = rows;
          coded[1] = rows.compact(b.languageStart, b.languageEntries);
        },
        () -> {
          CodedRows rows = CodedRows.of(b.interestStart, k -> b.interests[k]);
          coded[2] = rows;
          coded[3] = rows.compact(b.interestStart, b.interests);
        },
        () -> {
          CodedRows rows = CodedRows.of(b.needStart, k -> b.needs[k]);
          coded[4] = rows;
          coded[5] = rows.compact(b.needStart, b.needs);
        },
        () -> {
          CodedRows rows = CodedRows.of(b.groupStart, k -> b.groups[k]);
          coded[6] = rows;
          coded[7] = rows.compact(b.groupStart, b.groups);
        },
        () -> {
          CodedRows rows = CodedRows.of(b.possibilityStart, k -> b.possibilityEntries[k]);
          coded[8] = rows;
          coded[9] = rows.compact(b.possibilityStart, b.possibilityEntries);
        },
        () -> coded[10] = CodedValues.ofInts(b.birthDay),
        () -> coded[11] = CodedValues.ofInts(b.extract),
        () -> coded[12] = CodedValues.ofInts(b.weekly),
        () -> coded[13] = CodedValues.ofDoubles(b.hours),
        () -> coded[14] = CodedValues.ofInts(b.availableFrom),
        () -> coded[15] = CodedValues.ofInts(b.availableUntil));
    (parallel ? tasks.parallelStream() : tasks.stream()).forEach(Runnable::run);
    this.languageRows = (CodedRows) coded[0];
    this.languageEntries = (char[]) coded[1];
    this.interestRows = (CodedRows) coded[2];
    this.interests = (int[]) coded[3];
    this.needRows = (CodedRows) coded[4];
    this.needs = (int[]) coded[5];
    this.groupRows = (CodedRows) coded[6];
    this.groups = (int[]) coded[7];
    this.possibilityRows = (CodedRows) coded[8];
    this.possibilityEntries = (char[]) coded[9];
    this.birthDay = (CodedValues) coded[10];
    this.extract = (CodedValues) coded[11];
    this.weekly = (CodedValues) coded[12];
    this.hours = (CodedValues) coded[13];
    this.availableFrom = (CodedValues) coded[14];
    this.availableUntil = (CodedValues) coded[15];
    this.maxKm = CodedValues.ofDoubles(b.maxKm);
  }

  /** The columns of an index as read from the volunteers, one row per volunteer, before coding. */
  private static final class Builder {
    List<Volunteer> volunteers;
    Map<String, Integer> languageIndex;
    int[] languageStart;
    char[] languageEntries;
    int[] talentStart;
    int[] talentCodes;
    int talentConcepts;
    int[] interestStart;
    int[] interests;
    int[] needStart;
    int[] needs;
    int[] groupStart;
    int[] groups;
    int[] possibilityStart;
    char[] possibilityEntries;
    byte[] flags;
    byte[] matchingConsent;
    /** The epoch day of birth, or {@link #NO_BIRTH_DATE}: ages are judged per query, by cut-offs. */
    int[] birthDay;
    int[] extract;
    int[] weekly;
    double[] hours;
    int[] availableFrom;
    int[] availableUntil;
    float[] unitX;
    float[] unitY;
    float[] unitZ;
    double[] maxKm;
    byte[] regularity;
    byte[] setting;
    /** Per volunteer, a bit per driving licence category covered by the categories held. */
    byte[] licences;

    Builder(List<Volunteer> volunteers, Vocabularies vocabularies) {
      this.volunteers = List.copyOf(volunteers);
      int n = this.volunteers.size();
      int chunks = n < PARALLEL_THRESHOLD ? 1 : Math.max(1, n / CHUNK);
      this.talentStart = new int[n + 1];
      this.interestStart = new int[n + 1];
      this.needStart = new int[n + 1];
      this.groupStart = new int[n + 1];
      this.languageStart = new int[n + 1];
      this.possibilityStart = new int[n + 1];
      List<Set<String>> spoken = new ArrayList<>();
      for (int c = 0; c < chunks; c++) {
        spoken.add(new HashSet<>());
      }
      // Pass 1, in parallel: the number of entries of each row, and the languages spoken.
      chunks(n, chunks).forEach(c -> {
        for (int i = from(c, n, chunks); i < from(c + 1, n, chunks); i++) {
          Volunteer v = this.volunteers.get(i);
          talentStart[i + 1] = v.talents().size();
          interestStart[i + 1] = v.interests().size();
          needStart[i + 1] = v.supportNeeds().size();
          groupStart[i + 1] = v.targetGroups().size();
          languageStart[i + 1] = v.languages().size();
          possibilityStart[i + 1] = v.possibilities().size();
          for (LanguageSkill s : v.languages()) {
            spoken.get(c).add(s.language());
          }
        }
      });
      for (int i = 0; i < n; i++) {
        talentStart[i + 1] += talentStart[i];
        interestStart[i + 1] += interestStart[i];
        needStart[i + 1] += needStart[i];
        groupStart[i + 1] += groupStart[i];
        languageStart[i + 1] += languageStart[i];
        possibilityStart[i + 1] += possibilityStart[i];
      }
      Set<String> all = new TreeSet<>();
      spoken.forEach(all::addAll);
      Map<String, Integer> codes = new HashMap<>();
      for (String code : all) {
        codes.put(code, codes.size());
      }
      this.languageIndex = Map.copyOf(codes);
      // Twelve bits each, in a char: ISO 639 and any sensible vocabulary fit (Vocabularies refuses more).
      if (codes.size() > MAX_CODES || vocabularies.functionalDimensions().size() > MAX_CODES) {
        throw new IllegalArgumentException(
            "the compiled index holds at most " + MAX_CODES + " languages and " + MAX_CODES
                + " functional dimensions: "
                + codes.size() + " languages, " + vocabularies.functionalDimensions().size()
                + " dimensions");
      }
      this.languageEntries = new char[languageStart[n]];
      this.possibilityEntries = new char[possibilityStart[n]];
      this.talentCodes = new int[talentStart[n]];
      this.talentConcepts = vocabularies.talents().size();
      this.interests = new int[interestStart[n]];
      this.needs = new int[needStart[n]];
      this.groups = new int[groupStart[n]];
      this.flags = new byte[n];
      this.matchingConsent = new byte[n];
      this.birthDay = new int[n];
      this.extract = new int[n];
      this.weekly = new int[n];
      this.hours = new double[n];
      this.availableFrom = new int[n];
      this.availableUntil = new int[n];
      this.unitX = new float[n];
      this.unitY = new float[n];
      this.unitZ = new float[n];
      this.maxKm = new double[n];
      this.regularity = new byte[n];
      this.setting = new byte[n];
      this.licences = new byte[n];
      // Pass 2, in parallel: every row.
      chunks(n, chunks).forEach(c -> {
        for (int i = from(c, n, chunks); i < from(c + 1, n, chunks); i++) {
          fill(i, codes, vocabularies);
        }
      });
    }

    private void fill(int i, Map<String, Integer> codes, Vocabularies vocabularies) {
      ConceptScheme talentScheme = vocabularies.talents();
      ConceptScheme dimensionScheme = vocabularies.functionalDimensions();
      int t = talentStart[i];
      int in = interestStart[i];
      int ne = needStart[i];
      int gr = groupStart[i];
      int l = languageStart[i];
      Volunteer v = this.volunteers.get(i);
      for (LanguageSkill s : v.languages()) {
        int code = s.level().ordinal() + 1 | (s.wantsToPractise() ? PRACTISE_BIT : 0);
        languageEntries[l++] = (char) (codes.get(s.language()) << 4 | code);
        if (s.wantsToPractise()) {
          flags[i] |= PRACTISES_ANY;
        }
      }
      for (Talent talent : v.talents()) {
        int level = talent.level() == null ? 0 : talent.level().ordinal() + 1;
        talentCodes[t++] = talentScheme.indexOf(talent.conceptId()) * 8 + level * 2 + (talent.wantsToLearn() ? 1 : 0);
      }
      for (String s : v.interests()) {
        interests[in++] = vocabularies.sectors().indexOf(s);
      }
      for (String s : v.supportNeeds()) {
        needs[ne++] = vocabularies.accommodations().indexOf(s);
      }
      for (String s : v.targetGroups()) {
        groups[gr++] = vocabularies.targetGroups().indexOf(s);
      }
      int d = possibilityStart[i];
      for (Map.Entry<String, FunctionalLevel> p : v.possibilities().entrySet()) {
        possibilityEntries[d++] =
            (char) (dimensionScheme.indexOf(p.getKey()) << 4 | (p.getValue().ordinal() + 1));
      }
      byte consent = 0;
      for (Consent c : v.consents()) {
        if (c.purposes().contains(ConsentPurpose.MATCHING)) {
          consent |= (byte) (1 << c.category().ordinal());
        }
      }
      matchingConsent[i] = consent;
      LocalDate birth = v.birthDate();
      // Birth dates lie in 1900 to today (Volunteer checks it), so epoch days fit an int.
      birthDay[i] = birth == null ? NO_BIRTH_DATE : Math.toIntExact(birth.toEpochDay());
      byte f = flags[i];
      if (v.completedFirstStageSecondary()) {
        f |= FIRST_STAGE;
      }
      LocalDate checked = v.backgroundCheckDate();
      extract[i] = checked == null ? NO_EXTRACT : Math.toIntExact(checked.toEpochDay());
      Availability a = v.availability();
      if (a.weekly().isEmpty() && a.hoursPerWeek() == null && a.shifts().isEmpty() && a.from() == null
          && a.until() == null) {
        f |= UNSPECIFIED;
      }
      if (!a.shifts().isEmpty()) {
        f |= SHIFTS;
      }
      int mask = 0;
      for (WeeklySlot slot : a.weekly()) {
        mask |= 1 << slot.index();
      }
      weekly[i] = mask;
      hours[i] = a.hoursPerWeek() == null ? Double.NaN : a.hoursPerWeek();
      availableFrom[i] = a.from() == null ? Integer.MIN_VALUE : Math.toIntExact(a.from().toEpochDay());
      availableUntil[i] = a.until() == null ? Integer.MAX_VALUE : Math.toIntExact(a.until().toEpochDay());
      Location home = v.home();
      if (home == null) {
        unitX[i] = Float.NaN;
      } else {
        double phi = Math.toRadians(home.latitude());
        double lambda = Math.toRadians(home.longitude());
        unitX[i] = (float) (Math.cos(phi) * Math.cos(lambda));
        unitY[i] = (float) (Math.cos(phi) * Math.sin(lambda));
        unitZ[i] = (float) Math.sin(phi);
      }
      Mobility mobility = v.mobility();
      maxKm[i] = mobility == null ? Double.NaN : mobility.maxDistanceKm();
      Preferences p = v.preferences();
      if (p.remoteOk()) {
        f |= REMOTE_OK;
      }
      if (p.prefersRemote()) {
        f |= PREFERS_REMOTE;
      }
      flags[i] = f;
      regularity[i] = (byte) (p.regularity() == null ? -1 : p.regularity().ordinal());
      setting[i] = (byte) (p.socialSetting() == null ? -1 : p.socialSetting().ordinal());
      int covered = 0;
      for (DrivingLicence held : v.drivingLicences()) {
        for (DrivingLicence c : held.covered()) {
          covered |= 1 << c.ordinal();
        }
      }
      licences[i] = (byte) covered;
    }

  }

  private static IntStream chunks(int n, int chunks) {
    IntStream range = IntStream.range(0, chunks);
    return chunks > 1 ? range.parallel() : range;
  }

  private static int from(int chunk, int n, int chunks) {
    return (int) ((long) n * chunk / chunks);
  }

  /** Returns the number of volunteers. */
  public int size() {
    return volunteers.size();
  }

  /** Returns the volunteer at an index. */
  public Volunteer volunteer(int i) {
    return volunteers.get(i);
  }

  /** Returns the volunteers, in index order. */
  public List<Volunteer> volunteers() {
    return volunteers;
  }

  /** The positions of the volunteers with an event on each vacancy, made on first use. */
  private volatile @Nullable Map<String, int[]> historyByVacancy;

  /**
   * Returns, per vacancy id that some volunteer's history names, the positions of the volunteers
   * whose history names it, in increasing order. Made on first use, in O(events).
   *
   * @return vacancy id to positions; a vacancy that no history names is absent
   */
  public Map<String, int[]> historyByVacancy() {
    Map<String, int[]> map = historyByVacancy;
    if (map == null) {
      Map<String, List<Integer>> lists = new HashMap<>();
      for (int i = 0; i < volunteers.size(); i++) {
        String last = null;
        for (io.github.koppel.core.model.MatchRecord r : volunteers.get(i).history()) {
          if (!r.vacancyId().equals(last)) {
            List<Integer> at = lists.computeIfAbsent(r.vacancyId(), id -> new ArrayList<>());
            if (at.isEmpty() || at.get(at.size() - 1) != i) {
              at.add(i);
            }
            last = r.vacancyId();
          }
        }
      }
      Map<String, int[]> built = new HashMap<>(lists.size() * 2);
      lists.forEach((id, at) -> built.put(id, at.stream().mapToInt(Integer::intValue).toArray()));
      map = Map.copyOf(built);
      historyByVacancy = map;
    }
    return map;
  }

  /** Returns the index of a language code, or -1 if no volunteer speaks it. */
  public int language(String code) {
    Integer index = languageIndex.get(code);
    return index == null ? -1 : index;
  }

  /** Returns a volunteer's level of a language as {@code ordinal + 1}, 0 for none. */
  public int level(int i, int language) {
    int entry = languageEntry(i, language);
    return entry < 0 ? 0 : entry & 0x07;
  }

  /** Returns whether a volunteer wants to practise a language. */
  public boolean practises(int i, int language) {
    int entry = languageEntry(i, language);
    return entry >= 0 && (entry & PRACTISE_BIT) != 0;
  }

  /** Returns the entry of a language in a volunteer's row, or -1. */
  private int languageEntry(int i, int language) {
    if (language < 0) {
      return -1;
    }
    for (int k = languageRows.start(i); k < languageRows.end(i); k++) {
      if (languageEntries[k] >> 4 == language) {
        return languageEntries[k];
      }
    }
    return -1;
  }

  /** Returns whether a volunteer wants to practise any language. */
  public boolean practisesAny(int i) {
    return (flags[i] & PRACTISES_ANY) != 0;
  }

  /** Returns the start of a volunteer's talents in {@link #talentCode}. */
  public int talentStart(int i) {
    return talentStart[i];
  }

  /** Returns the end (exclusive) of a volunteer's talents. */
  public int talentEnd(int i) {
    return talentStart[i + 1];
  }

  /** Returns a talent code. */
  public int talentCode(int t) {
    char[] chars = talentChars;
    return chars != null ? chars[t] : talentCodes[t];
  }

  /** Returns the start of a volunteer's interests (sector indices, sorted by id). */
  public int interestStart(int i) {
    return interestRows.start(i);
  }

  /** Returns the end (exclusive) of a volunteer's interests. */
  public int interestEnd(int i) {
    return interestRows.end(i);
  }

  /** Returns an interest's sector index. */
  public int interest(int k) {
    return interests[k];
  }

  /** Returns the start of a volunteer's support needs (accommodation indices, sorted by id). */
  public int needStart(int i) {
    return needRows.start(i);
  }

  /** Returns the end (exclusive) of a volunteer's support needs. */
  public int needEnd(int i) {
    return needRows.end(i);
  }

  /** Returns a need's accommodation index. */
  public int need(int k) {
    return needs[k];
  }

  /** Returns the start of a volunteer's target groups (indices, sorted by id). */
  public int groupStart(int i) {
    return groupRows.start(i);
  }

  /** Returns the end (exclusive) of a volunteer's target groups. */
  public int groupEnd(int i) {
    return groupRows.end(i);
  }

  /** Returns a target group's index. */
  public int group(int k) {
    return groups[k];
  }

  /** Returns a volunteer's possibility on a dimension as {@code ordinal + 1}, 0 if not declared. */
  public int possibility(int i, int dimension) {
    for (int k = possibilityRows.start(i); k < possibilityRows.end(i); k++) {
      if (possibilityEntries[k] >> 4 == dimension) {
        return possibilityEntries[k] & 0x0F;
      }
    }
    return 0;
  }

  /** Returns whether a volunteer consented to the use of a category for matching. */
  public boolean mayUse(int i, SensitiveCategory category) {
    return (matchingConsent[i] & (1 << category.ordinal())) != 0;
  }

  /**
   * Returns the epoch day of birth, or {@link #NO_BIRTH_DATE} if unknown. An age gate compiles to
   * cut-offs for its day (born on or before a day), so one index serves every date.
   */
  public int birthEpochDay(int i) {
    return (int) birthDay.get(i);
  }

  /** Returns whether the volunteer completed the first stage of secondary school. */
  public boolean firstStage(int i) {
    return (flags[i] & FIRST_STAGE) != 0;
  }

  /** Returns the epoch day of the 596.2 extract, or {@link #NO_EXTRACT}. */
  public int extractEpochDay(int i) {
    return (int) extract.get(i);
  }

  /** Returns whether the volunteer gave no availability at all. */
  public boolean availabilityUnspecified(int i) {
    return (flags[i] & UNSPECIFIED) != 0;
  }

  /** Returns whether the volunteer gave dated shifts. */
  public boolean hasShifts(int i) {
    return (flags[i] & SHIFTS) != 0;
  }

  /** Returns the weekly day-parts as a mask of {@link WeeklySlot#index()} bits. */
  public int weekly(int i) {
    return (int) weekly.get(i);
  }

  /** Returns the hours per week, or NaN. */
  public double hours(int i) {
    return Double.longBitsToDouble(hours.get(i));
  }

  /** Returns the first available epoch day, or {@link Long#MIN_VALUE}. */
  public long availableFrom(int i) {
    int day = (int) availableFrom.get(i);
    return day == Integer.MIN_VALUE ? Long.MIN_VALUE : day;
  }

  /** Returns the last available epoch day, or {@link Long#MAX_VALUE}. */
  public long availableUntil(int i) {
    int day = (int) availableUntil.get(i);
    return day == Integer.MAX_VALUE ? Long.MAX_VALUE : day;
  }

  /** Returns the home latitude, or NaN; reads the volunteer, for exact distances only. */
  public double latitude(int i) {
    Location home = volunteers.get(i).home();
    return home == null ? Double.NaN : home.latitude();
  }

  /** Returns whether the volunteer gave a home location. */
  public boolean hasHome(int i) {
    return !Double.isNaN(unitX[i]);
  }

  /**
   * Returns the squared chord between the home and a point on the unit sphere, a cheap monotone
   * stand-in for the distance; undefined without a home. The home's unit vector is kept in floats,
   * so the chord is within {@link #CHORD_ERROR} of the exact one.
   */
  public double chordSquared(int i, double x, double y, double z) {
    double dx = unitX[i] - x;
    double dy = unitY[i] - y;
    double dz = unitZ[i] - z;
    return dx * dx + dy * dy + dz * dz;
  }

  /** Returns the home longitude, or NaN; reads the volunteer, for exact distances only. */
  public double longitude(int i) {
    Location home = volunteers.get(i).home();
    return home == null ? Double.NaN : home.longitude();
  }

  /**
   * Returns the number of distinct maximum distances, each with a code ({@link #maxKmCode}), or 0
   * when there are too many to code them; NaN (none set) counts as one.
   */
  public int maxKmCodes() {
    return maxKm.coded() ? maxKm.stored() : 0;
  }

  /** Returns the code of a volunteer's maximum distance; only when {@link #maxKmCodes} is not 0. */
  public int maxKmCode(int i) {
    return maxKm.code(i);
  }

  /** Returns the maximum distance of a code, or NaN. */
  public double maxKmOfCode(int code) {
    return Double.longBitsToDouble(maxKm.value(code));
  }

  /** Returns the maximum distance, or NaN if none is set. */
  public double maxKm(int i) {
    return Double.longBitsToDouble(maxKm.get(i));
  }

  /** Returns whether remote work is fine. */
  public boolean remoteOk(int i) {
    return (flags[i] & REMOTE_OK) != 0;
  }

  /** Returns whether remote work is preferred to work on site. */
  public boolean prefersRemote(int i) {
    return (flags[i] & PREFERS_REMOTE) != 0;
  }

  /** Returns the preferred regularity's ordinal, or -1. */
  public int regularity(int i) {
    return regularity[i];
  }

  /** Returns the preferred social setting's ordinal, or -1. */
  public int setting(int i) {
    return setting[i];
  }

  /**
   * What a volunteer's dictionary code can be made of: the columns of this index a kernel reads.
   * {@link #CONSENT} is the volunteer's consents for matching, for the kernels of sensitive facts.
   */
  public enum Column {
    /** Languages, levels and the wish to practise. */
    LANGUAGES,
    /** Interests. */
    INTERESTS,
    /** Possibilities per functional dimension. */
    POSSIBILITIES,
    /** Support needs. */
    SUPPORT_NEEDS,
    /** Target groups. */
    TARGET_GROUPS,
    /** Preferences: remote work, regularity, social setting. */
    PREFERENCES,
    /** Driving licences. */
    DRIVING_LICENCES,
    /** Availability: weekly day-parts, hours, period and dated shifts. */
    AVAILABILITY,
    /** The sensitive categories the volunteer consented to use for matching. */
    CONSENT
  }

  /**
   * Returns a kernel as a lookup table when the volunteers take few distinct values of the columns
   * it reads, or the kernel itself. The dictionary of those columns is built on first use and
   * kept: volunteers with equal values in every column share a code, and the kernel is evaluated
   * once per code, for the code's first volunteer. A dictionary serves only when it has at most a
   * quarter as many codes as volunteers (and at most {@value Dictionary#MAX_CODES}); otherwise the
   * kernel evaluates every candidate. Exact as long as the kernel reads nothing of a volunteer
   * outside the columns; the kernel contract property checks it for every built-in, tabled and not.
   *
   * @param columns every column the kernel reads; a criterion keeps them as a constant
   * @param kernel the kernel, over this index's positions
   * @return a {@link TabledCriterion}, or {@code kernel}
   */
  public CompiledCriterion tabled(Set<Column> columns, CompiledCriterion kernel) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(kernel, "kernel");
    Set<Column> key = Set.copyOf(columns);
    Dictionary dictionary =
        dictionaries.computeIfAbsent(key, k -> Dictionary.build(this, key.toArray(Column[]::new)));
    return dictionary.size() == 0 ? kernel : new TabledCriterion(dictionary, kernel);
  }

  /** Returns the number of codes of the dictionary of some columns, 0 if it was not built or does not serve. */
  public int dictionarySize(Set<Column> columns) {
    Dictionary d = dictionaries.get(Set.copyOf(columns));
    return d == null ? 0 : d.size();
  }

  /** Returns a hash of a volunteer's values in some columns; equal values, equal hashes. */
  private long hash(int i, Column[] columns) {
    long h = 0x9E3779B97F4A7C15L;
    for (Column c : columns) {
      h = CodedRows.mix(h + c.ordinal());
      switch (c) {
        case LANGUAGES -> h = hashRow(h, languageRows, languageEntries, i);
        case INTERESTS -> h = hashRow(h, interestRows, interests, i);
        case POSSIBILITIES -> h = hashRow(h, possibilityRows, possibilityEntries, i);
        case SUPPORT_NEEDS -> h = hashRow(h, needRows, needs, i);
        case TARGET_GROUPS -> h = hashRow(h, groupRows, groups, i);
        case PREFERENCES -> h = CodedRows.mix(h + (flags[i] & (REMOTE_OK | PREFERS_REMOTE)) + (regularity[i] << 8) + (setting[i] << 16));
        case DRIVING_LICENCES -> h = CodedRows.mix(h + licences[i]);
        case AVAILABILITY -> {
          h = CodedRows.mix(h + (flags[i] & (UNSPECIFIED | SHIFTS)) + (weekly.get(i) << 8));
          h = CodedRows.mix(h + hours.get(i));
          h = CodedRows.mix(h + availableFrom.get(i) + (availableUntil.get(i) << 32));
          if ((flags[i] & SHIFTS) != 0) {
            h = CodedRows.mix(h + volunteers.get(i).availability().shifts().hashCode());
          }
        }
        case CONSENT -> h = CodedRows.mix(h + matchingConsent[i]);
      }
    }
    return h;
  }

  /** Hashes a volunteer's row: by its code when the rows are coded, else by its entries. */
  private static long hashRow(long h, CodedRows rows, int[] entries, int i) {
    if (rows.coded()) {
      return CodedRows.mix(h + rows.row(i));
    }
    int from = rows.start(i);
    int to = rows.end(i);
    h = CodedRows.mix(h + to - from);
    for (int k = from; k < to; k++) {
      h = CodedRows.mix(h + entries[k]);
    }
    return h;
  }

  private static long hashRow(long h, CodedRows rows, char[] entries, int i) {
    if (rows.coded()) {
      return CodedRows.mix(h + rows.row(i));
    }
    int from = rows.start(i);
    int to = rows.end(i);
    h = CodedRows.mix(h + to - from);
    for (int k = from; k < to; k++) {
      h = CodedRows.mix(h + entries[k]);
    }
    return h;
  }


  /** Returns whether two volunteers have equal values in some columns. */
  private boolean same(int i, int j, Column[] columns) {
    for (Column c : columns) {
      boolean equal = switch (c) {
        case LANGUAGES -> sameRow(languageRows, languageEntries, i, j);
        case INTERESTS -> sameRow(interestRows, interests, i, j);
        case POSSIBILITIES -> sameRow(possibilityRows, possibilityEntries, i, j);
        case SUPPORT_NEEDS -> sameRow(needRows, needs, i, j);
        case TARGET_GROUPS -> sameRow(groupRows, groups, i, j);
        case PREFERENCES -> (flags[i] & (REMOTE_OK | PREFERS_REMOTE)) == (flags[j] & (REMOTE_OK | PREFERS_REMOTE))
            && regularity[i] == regularity[j] && setting[i] == setting[j];
        case DRIVING_LICENCES -> licences[i] == licences[j];
        case AVAILABILITY -> (flags[i] & (UNSPECIFIED | SHIFTS)) == (flags[j] & (UNSPECIFIED | SHIFTS))
            && weekly.get(i) == weekly.get(j)
            && hours.get(i) == hours.get(j)
            && availableFrom.get(i) == availableFrom.get(j) && availableUntil.get(i) == availableUntil.get(j)
            && ((flags[i] & SHIFTS) == 0
                || volunteers.get(i).availability().shifts().equals(volunteers.get(j).availability().shifts()));
        case CONSENT -> matchingConsent[i] == matchingConsent[j];
      };
      if (!equal) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether two volunteers' rows are equal: by code when coded, else by entries. */
  private static boolean sameRow(CodedRows rows, int[] entries, int i, int j) {
    return rows.coded()
        ? rows.row(i) == rows.row(j)
        : Arrays.equals(entries, rows.start(i), rows.end(i), entries, rows.start(j), rows.end(j));
  }

  private static boolean sameRow(CodedRows rows, char[] entries, int i, int j) {
    return rows.coded()
        ? rows.row(i) == rows.row(j)
        : Arrays.equals(entries, rows.start(i), rows.end(i), entries, rows.start(j), rows.end(j));
  }

  /**
   * The distinct values of some columns, one code per volunteer: codes are numbered in the order
   * of their first volunteer, who represents them. Immutable.
   */
  public static final class Dictionary {
    /** The most codes of a dictionary: a code is a char. */
    public static final int MAX_CODES = 1 << 16;

    private static final Dictionary NONE = new Dictionary(new char[0], new int[0]);

    private final char[] codes;
    private final int[] representatives;

    private Dictionary(char[] codes, int[] representatives) {
      this.codes = codes;
      this.representatives = representatives;
    }

    /**
     * Codes every volunteer of an index, or returns an empty dictionary as soon as there are too
     * many codes. An open-addressing table of hashes finds a volunteer's code; equal hashes are
     * confirmed by comparing the columns with the code's representative.
     */
    static Dictionary build(VolunteerIndex index, Column[] columns) {
      int n = index.size();
      int cap = Math.min(MAX_CODES, n / 4);
      if (cap == 0) {
        return NONE;
      }
      int slots = Integer.highestOneBit(cap * 2 - 1) << 1;
      int mask = slots - 1;
      long[] slotHash = new long[slots];
      int[] slotCode = new int[slots];
      Arrays.fill(slotCode, -1);
      int[] first = new int[cap];
      char[] codes = new char[n];
      int size = 0;
      for (int i = 0; i < n; i++) {
        long h = index.hash(i, columns);
        int slot = (int) (h ^ (h >>> 32)) & mask;
        int code;
        while (true) {
          code = slotCode[slot];
          if (code < 0) {
            if (size == cap) {
              return NONE;
            }
            code = size++;
            first[code] = i;
            slotHash[slot] = h;
            slotCode[slot] = code;
            break;
          }
          if (slotHash[slot] == h && index.same(i, first[code], columns)) {
            break;
          }
          slot = (slot + 1) & mask;
        }
        codes[i] = (char) code;
      }
      return new Dictionary(codes, Arrays.copyOf(first, size));
    }

    /** Returns the number of codes; 0 when the dictionary does not serve. */
    public int size() {
      return representatives.length;
    }

    /** Returns the first volunteer with a code. */
    public int representative(int code) {
      return representatives[code];
    }

    char[] codes() {
      return codes;
    }
  }

  /** Returns whether the driving licences held cover a category, as {@link DrivingLicence#covers}. */
  public boolean coversLicence(int i, DrivingLicence required) {
    return (licences[i] & (1 << required.ordinal())) != 0;
  }
}
