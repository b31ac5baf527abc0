package io.github.koppel.core.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as people read them in Dutch, French and English, the same on every machine: a decimal
 * comma in nl and fr and a point in en; thousands grouped with a point in nl, a narrow no-break
 * space in fr and a comma in en, as Belgian usage (CLDR's nl-BE and fr-BE) writes them, where a
 * number is an amount or a total (a fact such as a year or a postcode is never grouped). The JVM's
 * own locale data is not used, so that output stays byte-identical across JDK versions. Not an
 * API: the library's texts, the command line and the reports use it.
 */
public final class Numbers {
  private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

  private Numbers() {}

  /**
   * A number with a fixed count of decimals, grouped: {@code fixed(1712.478, 2, "nl")} is {@code
   * 1.712,48}.
   *
   * @param value the number
   * @param decimals the decimals, in [0, 6]
   * @param language nl, fr or en (any other reads as en)
   * @return the text
   */
  public static String fixed(double value, int decimals, String language) {
    if (decimals < 0 || decimals > 6) {
      throw new IllegalArgumentException("decimals must be in [0, 6]: " + decimals);
    }
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return localise(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString(), language, true);
  }

  /**
   * A number with at most two decimals and no trailing zeros, not grouped: {@code 0.5} is {@code
   * 0,5} in nl.
   *
   * @param value the number
   * @param language nl, fr or en
   * @return the text
   */
  public static String decimal(double value, String language) {
    return localise(plain(value), language, false);
  }

  /**
   * A number with at most two decimals, no trailing zeros and a decimal point, as a fact of a
   * message holds it before it is shown: {@code plain(44.0)} is {@code 44}.
   *
   * @param value the number
   * @return the text
   */
  public static String plain(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    String text = d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    return text.equals("-0") ? "0" : text;
  }

  /**
   * An amount as written, with its own decimals, grouped: {@code 1762.61} is {@code 1.762,61} in
   * nl.
   *
   * @param amount the amount
   * @param language nl, fr or en
   * @return the text
   */
  public static String amount(BigDecimal amount, String language) {
    return localise(amount.toPlainString(), language, true);
  }

  /**
   * A whole number, grouped: {@code 2404} is {@code 2.404} in nl.
   *
   * @param value the number
   * @param language nl, fr or en
   * @return the text
   */
  public static String integer(long value, String language) {
    return localise(Long.toString(value), language, true);
  }

  /**
   * A plain decimal text ({@code -1762.61}, as {@link BigDecimal#toPlainString} writes it) in a
   * language; any other text is returned as it is.
   *
   * @param plain the text
   * @param language nl, fr or en
   * @param grouped whether thousands are grouped: for amounts and totals, never for facts such as
   *     years and postcodes
   * @return the text in the language
   */
  public static String localise(String plain, String language, boolean grouped) {
    if (!PLAIN.matcher(plain).matches()) {
      return plain;
    }
    boolean negative = plain.startsWith("-");
    String digits = negative ? plain.substring(1) : plain;
    int point = digits.indexOf('.');
    String whole = point < 0 ? digits : digits.substring(0, point);
    String fraction = point < 0 ? "" : digits.substring(point + 1);
    String group;
    String decimalMark;
    switch (language.toLowerCase(Locale.ROOT)) {
      case "nl" -> {
        group = ".";
        decimalMark = ",";
      }
      case "fr" -> {
        group = "\u202F";
        decimalMark = ",";
      }
      default -> {
        group = ",";
        decimalMark = ".";
      }
    }
    StringBuilder sb = new StringBuilder(plain.length() + 4);
    if (negative) {
      sb.append('-');
    }
    for (int i = 0; i < whole.length(); i++) {
      if (grouped && i > 0 && (whole.length() - i) % 3 == 0) {
        sb.append(group);
      }
      sb.append(whole.charAt(i));
    }
    if (!fraction.isEmpty()) {
      sb.append(decimalMark).append(fraction);
    }
    return sb.toString();
  }
}
