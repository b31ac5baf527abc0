package io.github.koppel.core.io;

import io.github.koppel.core.InvalidDataException;
import io.github.koppel.core.geo.Geocoder;
import io.github.koppel.core.internal.Dates;
import io.github.koppel.core.model.CefrLevel;
import io.github.koppel.core.model.LocalizedText;
import io.github.koppel.core.model.Location;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One row of a CSV file, with typed accessors that fail with the row, column and value. */
final class CsvRow {
  private final String source;
  private final int row;
  private final int line;
  private final Map<String, String> cells;
  private final List<String> columns;

  CsvRow(String source, int row, int line, Map<String, String> cells, List<String> columns) {
    this.source = source;
    this.row = row;
    this.line = line;
    this.cells = cells;
    this.columns = columns;
  }

  String source() {
    return source;
  }

  int line() {
    return line;
  }

  int row() {
    return row;
  }

  InvalidDataException error(String column, @Nullable String value, String problem, @Nullable Throwable cause) {
    return new InvalidDataException(
        source, "row " + row + ", column " + column, value, line, columns.indexOf(column) + 1, problem, cause);
  }

  /** Returns the trimmed cell, or null when the column is absent or the cell is blank. */
  @Nullable String text(String column) {
    String value = cells.get(column);
    if (value == null) {
      return null;
    }
    String trimmed = SpreadsheetCells.restore(value.strip());
    return trimmed.isEmpty() ? null : trimmed;
  }

  String required(String column) {
    String value = text(column);
    if (value == null) {
      throw error(column, null, "the column '" + column + "' is required and empty", null);
    }
    return value;
  }

  /** Splits a list cell on commas; an empty cell is an empty list. */
  List<String> list(String column) {
    String value = text(column);
    List<String> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        add(items, current, column, value);
      } else {
        current.append(c);
      }
    }
    add(items, current, column, value);
    return items;
  }

  private void add(List<String> items, StringBuilder current, String column, String value) {
    String item = current.toString().strip();
    if (item.isEmpty()) {
      throw error(column, value, "the list has an empty item (two commas in a row?)", null);
    }
    items.add(item);
    current.setLength(0);
  }

  boolean bool(String column) {
    String value = text(column);
    if (value == null) {
      return false;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true", "1", "ja", "j", "oui", "x":
        return true;
      case "no", "n", "false", "0", "nee", "non":
        return false;
      default:
        throw error(column, value, "expected yes or no (ja/nee, oui/non, true/false, 1/0)", null);
    }
  }

  @Nullable Integer integer(String column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw error(column, value, "expected a whole number", e);
    }
  }

  @Nullable Double decimal(String column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    return decimal(column, value);
  }

  double decimal(String column, String value) {
    try {
      // Flemish spreadsheets write a decimal comma.
      double d = Double.parseDouble(value.replace(',', '.'));
      if (!Double.isFinite(d)) {
        throw error(column, value, "expected a finite number", null);
      }
      return d;
    } catch (NumberFormatException e) {
      throw error(column, value, "expected a number", e);
    }
  }

  BigDecimal money(String column, String value) {
    try {
      return new BigDecimal(value.replace(',', '.'));
    } catch (NumberFormatException e) {
      throw error(column, value, "expected an amount such as 25.00", e);
    }
  }

  @Nullable LocalDate date(String column) {
    String value = text(column);
    return value == null ? null : date(column, value);
  }

  LocalDate date(String column, String value) {
    try {
      return Dates.parse(value);
    } catch (DateTimeParseException e) {
      throw error(column, value, "expected " + Dates.EXPECTED, e);
    }
  }

  <E extends Enum<E>> @Nullable E enumeration(String column, Class<E> type) {
    String value = text(column);
    return value == null ? null : enumeration(column, value, type);
  }

  <E extends Enum<E>> E enumeration(String column, String value, Class<E> type) {
    E constant = EnumWords.of(type, value);
    if (constant != null) {
      return constant;
    }
    List<String> names = new ArrayList<>();
    for (E c : type.getEnumConstants()) {
      names.add(c.name().toLowerCase(Locale.ROOT));
    }
    throw error(
        column, value,
        "expected one of " + String.join(", ", names) + ", or their Dutch or French words (docs/csv.md)",
        null);
  }

  CefrLevel cefr(String column, String value) {
    try {
      return CefrLevel.parse(value);
    } catch (IllegalArgumentException e) {
      throw error(column, value, e.getMessage(), e);
    }
  }

  DayOfWeek day(String column, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      String name = day.name().toLowerCase(Locale.ROOT);
      if (name.equals(v) || name.substring(0, 3).equals(v)) {
        return day;
      }
    }
    throw error(column, value, "expected a day such as mon or monday", null);
  }

  /** Splits {@code key:value}; the value part is null when there is no colon. */
  String[] pair(String column, String item, char separator) {
    int at = item.indexOf(separator);
    if (at < 0) {
      return new String[] {item.strip(), null};
    }
    String key = item.substring(0, at).strip();
    String value = item.substring(at + 1).strip();
    if (key.isEmpty() || value.isEmpty()) {
      throw error(column, item, "expected key" + separator + "value", null);
    }
    return new String[] {key, value};
  }

  /**
   * Returns the location of the row: its coordinates, or, without them, the centre of its
   * postcode or municipality as the geocoder finds it.
   */
  @Nullable Location location(Geocoder geocoder) {
    Double lat = decimal("latitude");
    Double lon = decimal("longitude");
    boolean approximate = bool("approximate");
    if (lat == null && lon == null) {
      String postcode = text("postcode");
      String municipality = text("municipality");
      if (postcode == null && municipality == null) {
        if (text("neighbourhood") != null) {
          throw error("latitude", null, "a neighbourhood alone is no address: give latitude and longitude, a postcode or a municipality", null);
        }
        return null;
      }
      try {
        return Places.locate(geocoder, postcode, municipality, text("neighbourhood"));
      } catch (Places.Unlocated e) {
        throw error(e.field(), text(e.field()), e.getMessage(), e);
      }
    }
    if (lat == null || lon == null) {
      String missing = lat == null ? "latitude" : "longitude";
      throw error(missing, null, "latitude and longitude go together; " + missing + " is empty", null);
    }
    try {
      return new Location(lat, lon, text("postcode"), text("municipality"), text("neighbourhood"), approximate);
    } catch (IllegalArgumentException e) {
      String column = e.getMessage().startsWith("longitude") ? "longitude"
          : e.getMessage().startsWith("postcode") ? "postcode"
          : e.getMessage().startsWith("latitude") ? "latitude" : "municipality";
      throw error(column, text(column), e.getMessage(), e);
    }
  }

  @Nullable LocalizedText localized(String prefix) {
    Map<String, String> texts = new LinkedHashMap<>();
    List<String> languages = new ArrayList<>(List.of("nl", "en", "fr"));
    for (String column : columns) {
      if (column.startsWith(prefix + "_") && !languages.contains(column.substring(prefix.length() + 1))) {
        languages.add(column.substring(prefix.length() + 1));
      }
    }
    for (String language : languages) {
      String value = text(prefix + "_" + language);
      if (value != null) {
        texts.put(language, value);
      }
    }
    return texts.isEmpty() ? null : new LocalizedText(texts);
  }
}
