package io.github.koppel.matching.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A column of one 64-bit value per volunteer (a day, an amount as the bits of a double) stored as a
 * code per volunteer and the distinct values, when there are at most {@value #MAX_CODES} of them;
 * otherwise as the values themselves. Equal values have equal codes. Immutable.
 */
final class CodedValues {
  /** The most distinct values a coded column holds: a code is a char. */
  static final int MAX_CODES = 1 << 16;

  private final char @Nullable [] code;
  private final long[] values;

  private CodedValues(char @Nullable [] code, long[] values) {
    this.code = code;
    this.values = values;
  }

  /** Returns a volunteer's value. */
  long get(int i) {
    char[] c = code;
    return c == null ? values[i] : values[c[i]];
  }

  /** Returns a volunteer's code; the column must be coded. */
  int code(int i) {
    return code[i];
  }

  /** Returns the value of a code; the column must be coded. */
  long value(int code) {
    return values[code];
  }

  /** Returns whether the column is coded. */
  boolean coded() {
    return code != null;
  }

  /** Returns the number of values stored. */
  int stored() {
    return values.length;
  }

  /** Codes a column of values, one per volunteer; the array is not kept when the column is coded. */
  static CodedValues of(long[] raw) {
    int n = raw.length;
    int cap = Math.min(MAX_CODES, n);
    int slots = Integer.highestOneBit(Math.max(1, cap) * 2 - 1) << 1;
    int mask = slots - 1;
    long[] slotValue = new long[slots];
    int[] slotCode = new int[slots];
    Arrays.fill(slotCode, -1);
    long[] distinct = new long[cap];
    char[] code = new char[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      long v = raw[i];
      long h = CodedRows.mix(v);
      int slot = (int) (h ^ (h >>> 32)) & mask;
      int c;
      while (true) {
        c = slotCode[slot];
        if (c < 0) {
          if (size == MAX_CODES) {
            return new CodedValues(null, raw);
          }
          c = size++;
          distinct[c] = v;
          slotValue[slot] = v;
          slotCode[slot] = c;
          break;
        }
        if (slotValue[slot] == v) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      code[i] = (char) c;
    }
    return new CodedValues(code, Arrays.copyOf(distinct, size));
  }

  /** Codes a column of doubles by their bits, so that NaN and -0.0 are kept as they are. */
  static CodedValues ofDoubles(double[] raw) {
    long[] bits = new long[raw.length];
    for (int i = 0; i < raw.length; i++) {
      bits[i] = Double.doubleToRawLongBits(raw[i]);
    }
    return of(bits);
  }

  /** Codes a column of ints. */
  static CodedValues ofInts(int[] raw) {
    long[] values = new long[raw.length];
    for (int i = 0; i < raw.length; i++) {
      values[i] = raw[i];
    }
    return of(values);
  }
}
