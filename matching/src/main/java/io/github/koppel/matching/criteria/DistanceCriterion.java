package io.github.koppel.matching.criteria;

import io.github.koppel.core.internal.Geo;
import io.github.koppel.core.model.Location;
import io.github.koppel.core.model.Mobility;
import io.github.koppel.core.model.Organisation;
import io.github.koppel.core.model.Vacancy;
import io.github.koppel.core.model.Volunteer;
import io.github.koppel.core.model.WorkMode;
import io.github.koppel.matching.internal.Compilable;
import io.github.koppel.matching.internal.CompileContext;
import io.github.koppel.matching.internal.CompiledCriterion;
import io.github.koppel.matching.internal.Deferrable;
import io.github.koppel.matching.internal.VacancyCompilable;
import io.github.koppel.matching.internal.VacancyIndex;
import io.github.koppel.matching.internal.VolunteerIndex;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The distance from the volunteer's home to the vacancy (or its organisation), through a {@link
 * Decay}. Remote work scores 1; hybrid work scores at least {@code hybridFloor}. A distance beyond
 * the volunteer's own limit vetoes if {@code respectMobility}. Abstains when a location is unknown.
 */
final class DistanceCriterion implements Criterion, Compilable, VacancyCompilable {
  private final Decay decay;
  private final boolean respectMobility;
  private final double hybridFloor;

  DistanceCriterion(Parameters p) {
    Decay.Shape shape =
        Decay.shape(p.choice("shape", "gauss", Set.of("linear", "exp", "gauss")));
    decay =
        Decay.of(
            shape,
            p.number("origin", 0, 0, 1000),
            p.number("scale", 5, 0.01, 1000),
            p.number("offset", 1, 0, 1000),
            p.number("decay", 0.5, 0.01, 0.99));
    respectMobility = p.flag("respectMobility", true);
    hybridFloor = p.number("hybridFloor", 0.5, 0, 1);
  }

  Decay decay() {
    return decay;
  }

  @Override
  public Set<VolunteerField> fieldsRead() {
    return Set.of(VolunteerField.HOME, VolunteerField.MOBILITY);
  }

  @Override
  public Evaluation evaluate(Volunteer volunteer, Vacancy vacancy, MatchContext context) {
    if (vacancy.workMode() == WorkMode.REMOTE) {
      return Evaluation.score(1, EvidenceBuilder.simple("distance.remote"));
    }
    Location place = placeOf(vacancy, context.organisationOf(vacancy));
    Location home = volunteer.home();
    Mobility mobility = volunteer.mobility();
    if (place != null && home == null && respectMobility && mobility != null) {
      // The volunteer's own limit is never dropped: without an address it cannot be kept.
      return Evaluation.veto(
          EvidenceBuilder.of("distance.homeUnknown").km("limit", mobility.maxDistanceKm()).build());
    }
    if (place == null || home == null) {
      return Evaluation.abstain(EvidenceBuilder.simple("distance.unknown"));
    }
    double km = home.distanceKm(place);
    // From the centre of a postcode or municipality the distance is approximate, and says so.
    String approx = home.approximate() || place.approximate() ? ".approx" : "";
    if (tooFar(km, mobility == null ? Double.NaN : mobility.maxDistanceKm())) {
      return Evaluation.veto(
          EvidenceBuilder.of("distance.tooFar" + approx)
              .km("km", km)
              .km("limit", mobility.maxDistanceKm())
              .build());
    }
    return Evaluation.score(
        score(km, vacancy.workMode() == WorkMode.HYBRID),
        EvidenceBuilder.of((vacancy.workMode() == WorkMode.HYBRID ? "distance.hybrid" : "distance.km") + approx)
            .km("km", km)
            .build());
  }

  /** Where the work takes place: the vacancy's location, or else its organisation's. */
  private static @Nullable Location placeOf(Vacancy vacancy, Organisation organisation) {
    return vacancy.location() != null ? vacancy.location() : organisation.location();
  }

  /** A block's answer for "decide exactly", beside {@link CompiledCriterion#VETO} and DEFERRED. */
  private static final double EXACT = 2;

  /*
   * Without trigonometry: the chord c between two unit vectors bounds the great-circle distance,
   * R·c <= km <= R·c·(1 + c²/4) for the distances of a city (c < 0.5), with a margin for rounding
   * and for the float unit vectors of the volunteer index (VolunteerIndex.CHORD_ERROR).
   */

  /** Returns whether the bounds of a chord hold: the distances of a city. */
  private static boolean bounded(double chord) {
    return chord + VolunteerIndex.CHORD_ERROR < 0.5;
  }

  /** Returns the least great-circle distance a chord allows. */
  private static double nearestKm(double chord) {
    return Geo.EARTH_RADIUS_KM * Math.max(0, chord - VolunteerIndex.CHORD_ERROR) * (1 - 1e-9) - 1e-9;
  }

  /** Returns the greatest great-circle distance a chord allows. */
  private static double farthestKm(double chord) {
    double c = chord + VolunteerIndex.CHORD_ERROR;
    return Geo.EARTH_RADIUS_KM * c * (1 + c * c / 4) * (1 + 1e-9) + 1e-9;
  }

  /**
   * Decides a volunteer's own limit from a chord: {@link CompiledCriterion#VETO} when surely too far,
   * DEFERRED when surely within it, {@link #EXACT} when only the exact distance can tell.
   */
  private static double limit(double chord, double maxKm) {
    if (bounded(chord) && nearestKm(chord) > maxKm) {
      return CompiledCriterion.VETO;
    }
    if (bounded(chord) && farthestKm(chord) < maxKm) {
      return CompiledCriterion.DEFERRED;
    }
    return EXACT;
  }

  /** The squared chords below which {@link #bounded} surely holds of their square root. */
  private static final double BOUNDED_SQUARED = boundedSquared();

  private static double boundedSquared() {
    double s = (0.5 - VolunteerIndex.CHORD_ERROR) * (0.5 - VolunteerIndex.CHORD_ERROR);
    // Every squared chord below s has a bounded root: sqrt is monotone, so check the largest.
    while (!bounded(Math.sqrt(Math.nextDown(s)))) {
      s = Math.nextDown(s);
    }
    return s;
  }

  /**
   * Returns a squared chord below which {@link #limit} surely answers DEFERRED for a maximum
   * distance: every smaller squared chord has a bounded root whose farthest distance is within the
   * limit ({@link #farthestKm} grows with the chord, so checking the largest suffices); 0 if none.
   */
  private static double deferBelow(double maxKm) {
    double low = 0;
    double high = 0.5;
    for (int step = 0; step < 64; step++) {
      double mid = (low + high) / 2;
      if (bounded(mid) && farthestKm(mid) < maxKm) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double s = low * low;
    while (s > 0 && !(bounded(Math.sqrt(Math.nextDown(s))) && farthestKm(Math.sqrt(Math.nextDown(s))) < maxKm)) {
      s = Math.nextDown(s);
    }
    return s;
  }

  /**
   * Returns a squared chord from which (below {@link #BOUNDED_SQUARED}) {@link #limit} surely
   * answers VETO for a maximum distance: its root's nearest distance is beyond the limit, and
   * {@link #nearestKm} does not fall as the chord grows; infinity if no bounded chord is.
   */
  private static double vetoFrom(double maxKm) {
    double low = 0;
    double high = 0.5;
    if (!(bounded(Math.sqrt(Math.nextDown(BOUNDED_SQUARED))) && nearestKm(Math.sqrt(Math.nextDown(BOUNDED_SQUARED))) > maxKm)) {
      return Double.POSITIVE_INFINITY;
    }
    for (int step = 0; step < 64; step++) {
      double mid = (low + high) / 2;
      if (nearestKm(mid) > maxKm) {
        high = mid;
      } else {
        low = mid;
      }
    }
    double s = high * high;
    while (!(nearestKm(Math.sqrt(s)) > maxKm)) {
      s = Math.nextUp(s);
    }
    return s;
  }

  /** Bounds the score of a pair from the chord between home and place of work. */
  private void chordBounds(double chord, double lower, double[] range) {
    if (!bounded(chord)) {
      range[0] = lower;
      range[1] = 1;
      return;
    }
    scoreBounds(nearestKm(chord), farthestKm(chord), lower, range);
  }

  /** Whether a distance breaks the volunteer's own limit (NaN: none), when limits count: the rule of both paths. */
  private boolean tooFar(double km, double maxKm) {
    return respectMobility && !Double.isNaN(maxKm) && km > maxKm;
  }

  /** The score of a distance: the decay, lifted to the floor for hybrid work. The rule of both paths. */
  private double score(double km, boolean hybrid) {
    double score = decay.apply(km);
    return hybrid ? Math.max(score, hybridFloor) : score;
  }

  /**
   * Bounds the score of a distance known to lie between two values. The decay falls on either side
   * of its origin ({@code |km - origin|}), so the highest score is at the point of the interval
   * nearest the origin and the lowest at one of its ends. The decay is monotone on each side in
   * floating point too (Math.exp is semi-monotonic); the margin of 1e-12 covers the rest. A hybrid
   * vacancy lifts the score to its floor ({@code lower}), and both bounds with it.
   */
  private void scoreBounds(double nearest, double farthest, double lower, double[] range) {
    double near = Math.max(0, nearest);
    double far = Math.max(near, farthest);
    double closest = Math.min(Math.max(decay.origin(), near), far);
    range[0] = Math.max(lower, Math.min(decay.apply(near), decay.apply(far)) - 1e-12);
    range[1] = Math.min(1, Math.max(lower, decay.apply(closest) + 1e-12));
  }

  /** Without a home: a veto when the volunteer set a limit that must be kept, else no say. */
  private double homeUnknown(double maxKm) {
    return respectMobility && !Double.isNaN(maxKm) ? CompiledCriterion.VETO : CompiledCriterion.ABSTAIN;
  }

  @Override
  public CompiledCriterion compile(Vacancy vacancy, CompileContext context, VolunteerIndex index) {
    if (vacancy.workMode() == WorkMode.REMOTE) {
      return CompiledCriterion.constant(1);
    }
    Location place = placeOf(vacancy, context.organisationOf(vacancy));
    if (place == null) {
      return CompiledCriterion.constant(CompiledCriterion.ABSTAIN);
    }
    return new Kernel(place, vacancy.workMode() == WorkMode.HYBRID, index);
  }

  /**
   * The compiled form, a {@link Deferrable}: the block evaluation decides a volunteer's limit from
   * bounds of the distance without trigonometry, and defers the exact score, which the scan
   * computes only where it can change a gate or a ranking.
   */
  private final class Kernel implements Deferrable {
    private final VolunteerIndex index;
    private final double latitude;
    private final double longitude;
    private final boolean hybrid;
    private final double x;
    private final double y;
    private final double z;
    private final double lower;
    /**
     * By code of the volunteers' maximum distance ({@link VolunteerIndex#maxKmCode}): below which
     * squared chord {@link #limit} surely answers DEFERRED, and from which (up to {@link
     * #boundedSquared}) surely VETO; null when the index does not code the distances.
     */
    private final double @Nullable [] deferBelow;
    private final double @Nullable [] vetoFrom;

    Kernel(Location place, boolean hybrid, VolunteerIndex index) {
      this.index = index;
      this.latitude = place.latitude();
      this.longitude = place.longitude();
      this.hybrid = hybrid;
      double phi = Math.toRadians(latitude);
      double lambda = Math.toRadians(longitude);
      this.x = Math.cos(phi) * Math.cos(lambda);
      this.y = Math.cos(phi) * Math.sin(lambda);
      this.z = Math.sin(phi);
      this.lower = hybrid ? hybridFloor : 0;
      int codes = index.maxKmCodes();
      if (codes == 0) {
        deferBelow = null;
        vetoFrom = null;
      } else {
        deferBelow = new double[codes];
        vetoFrom = new double[codes];
        for (int c = 0; c < codes; c++) {
          double max = index.maxKmOfCode(c);
          boolean unlimited = !respectMobility || Double.isNaN(max);
          deferBelow[c] = unlimited ? Double.POSITIVE_INFINITY : deferBelow(max);
          vetoFrom[c] = unlimited ? Double.POSITIVE_INFINITY : vetoFrom(max);
        }
      }
    }

    @Override
    public double evaluate(int i) {
      if (!index.hasHome(i)) {
        return homeUnknown(index.maxKm(i));
      }
      double km = Geo.distanceKm(index.latitude(i), index.longitude(i), latitude, longitude);
      return tooFar(km, index.maxKm(i)) ? VETO : score(km, hybrid);
    }

    @Override
    public double lowerBound() {
      return lower;
    }

    @Override
    public void bounds(int i, double[] range) {
      chordBounds(Math.sqrt(index.chordSquared(i, x, y, z)), lower, range);
    }

    /**
     * Only a candidate near its own limit gets the exact distance here ({@link #limit}). With coded
     * distances, the squared chord is compared with the thresholds of the volunteer's limit, without
     * a square root; between them, {@link #limit} decides as without codes.
     */
    @Override
    public void evaluate(int from, int to, double[] out) {
      double[] defer = deferBelow;
      double[] veto = vetoFrom;
      if (defer != null && veto != null) {
        for (int i = from; i < to; i++) {
          if (!index.hasHome(i)) {
            out[i - from] = homeUnknown(index.maxKm(i));
            continue;
          }
          double squared = index.chordSquared(i, x, y, z);
          int code = index.maxKmCode(i);
          if (squared < defer[code]) {
            out[i - from] = DEFERRED;
          } else if (squared >= veto[code] && squared < BOUNDED_SQUARED) {
            out[i - from] = VETO;
          } else {
            out[i - from] = decide(i, Math.sqrt(squared), index.maxKm(i));
          }
        }
        return;
      }
      for (int i = from; i < to; i++) {
        if (!index.hasHome(i)) {
          out[i - from] = homeUnknown(index.maxKm(i));
          continue;
        }
        double max = index.maxKm(i);
        if (!respectMobility || Double.isNaN(max)) {
          out[i - from] = DEFERRED;
          continue;
        }
        out[i - from] = decide(i, Math.sqrt(index.chordSquared(i, x, y, z)), max);
      }
    }

    /** Returns what {@link #limit} decides for a chord, or the exact evaluation near the limit. */
    private double decide(int i, double chord, double max) {
      if (!respectMobility || Double.isNaN(max)) {
        return DEFERRED;
      }
      double decided = limit(chord, max);
      return decided == EXACT ? evaluate(i) : decided;
    }
  }

  @Override
  public CompiledCriterion compileFor(Volunteer volunteer, CompileContext context, VacancyIndex index) {
    return new VacancyKernel(volunteer, index);
  }

  /** Each vacancy's work mode and the unit vector of its place of work (NaN without one), by position. */
  private record Places(WorkMode[] mode, double[] x, double[] y, double[] z) {}

  private static final Object PLACES = "distance.places";

  /**
   * The kernel of a volunteer's own search, a {@link Deferrable} like the other direction's: the
   * block evaluation decides the volunteer's limit from bounds of the distance without
   * trigonometry, and defers the exact score.
   */
  private final class VacancyKernel implements Deferrable {
    private final VacancyIndex index;
    private final Places places;
    private final @Nullable Location home;
    private final double maxKm;
    private final double x;
    private final double y;
    private final double z;

    VacancyKernel(Volunteer volunteer, VacancyIndex index) {
      this.index = index;
      this.places = index.column(PLACES, ix -> {
        int n = ix.size();
        Places p = new Places(new WorkMode[n], new double[n], new double[n], new double[n]);
        for (int j = 0; j < n; j++) {
          p.mode()[j] = ix.vacancy(j).workMode();
          double phi = Math.toRadians(ix.latitude(j));
          double lambda = Math.toRadians(ix.longitude(j));
          p.x()[j] = Math.cos(phi) * Math.cos(lambda);
          p.y()[j] = Math.cos(phi) * Math.sin(lambda);
          p.z()[j] = Math.sin(phi);
        }
        return p;
      });
      this.home = volunteer.home();
      this.maxKm = volunteer.mobility() == null ? Double.NaN : volunteer.mobility().maxDistanceKm();
      double phi = home == null ? Double.NaN : Math.toRadians(home.latitude());
      double lambda = home == null ? Double.NaN : Math.toRadians(home.longitude());
      this.x = Math.cos(phi) * Math.cos(lambda);
      this.y = Math.cos(phi) * Math.sin(lambda);
      this.z = Math.sin(phi);
    }

    @Override
    public double evaluate(int j) {
      WorkMode mode = places.mode()[j];
      if (mode == WorkMode.REMOTE) {
        return 1;
      }
      if (!index.hasPlace(j)) {
        return ABSTAIN;
      }
      Location h = home;
      if (h == null) {
        return homeUnknown(maxKm);
      }
      double km = Geo.distanceKm(h.latitude(), h.longitude(), index.latitude(j), index.longitude(j));
      return tooFar(km, maxKm) ? VETO : score(km, mode == WorkMode.HYBRID);
    }

    @Override
    public double lowerBound() {
      return 0;
    }

    private double chord(int j) {
      double dx = x - places.x()[j];
      double dy = y - places.y()[j];
      double dz = z - places.z()[j];
      return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Override
    public void bounds(int j, double[] range) {
      double lower = places.mode()[j] == WorkMode.HYBRID ? hybridFloor : 0;
      chordBounds(chord(j), lower, range);
    }

    @Override
    public void evaluate(int from, int to, double[] out) {
      for (int j = from; j < to; j++) {
        WorkMode mode = places.mode()[j];
        if (mode == WorkMode.REMOTE || !index.hasPlace(j) || home == null) {
          out[j - from] = evaluate(j);
          continue;
        }
        if (!respectMobility || Double.isNaN(maxKm)) {
          out[j - from] = DEFERRED;
          continue;
        }
        double decided = limit(chord(j), maxKm);
        out[j - from] = decided == EXACT ? evaluate(j) : decided;
      }
    }
  }
}
