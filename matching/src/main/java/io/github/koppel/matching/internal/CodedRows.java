package io.github.koppel.matching.internal;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A column of variable-length rows (a volunteer's languages, interests, ...) stored once per
 * distinct row: a code per volunteer and the distinct rows in compressed form. When there are more
 * than {@value #MAX_CODES} distinct rows, every volunteer keeps a row of their own. Equal rows have
 * equal codes, so a coded column compares and hashes by code. Immutable.
 */
final class CodedRows {
  /** The most distinct rows a coded column holds: a code is a char. */
  static final int MAX_CODES = 1 << 16;

  /** Per volunteer, the row; null when each volunteer has their own. */
  private final char @Nullable [] code;
  /** Per row, where its entries start; one more than the rows. */
  private final int[] start;
  /** Per distinct row, the first volunteer with it; null when not coded. */
  private final int @Nullable [] representatives;

  private CodedRows(char @Nullable [] code, int[] start, int @Nullable [] representatives) {
    this.code = code;
    this.start = start;
    this.representatives = representatives;
  }

  /** Returns whether rows are shared by code, so that equal codes mean equal rows and back. */
  boolean coded() {
    return code != null;
  }

  /** Returns a volunteer's row: a code, or the volunteer itself. */
  int row(int i) {
    char[] c = code;
    return c == null ? i : c[i];
  }

  /** Returns where a volunteer's entries start. */
  int start(int i) {
    return start[row(i)];
  }

  /** Returns where a volunteer's entries end (exclusive). */
  int end(int i) {
    return start[row(i) + 1];
  }

  /** Returns the number of rows stored. */
  int rows() {
    return start.length - 1;
  }

  /**
   * Codes the rows of n volunteers, given in compressed form (one row per volunteer), or keeps
   * them one per volunteer when there are too many distinct rows.
   *
   * @param start where each volunteer's entries start, n + 1 values
   * @param entry the entry at a position
   * @return the coded rows; {@link #compact} gives the entries to keep
   */
  static CodedRows of(int[] start, IntUnaryOperator entry) {
    int n = start.length - 1;
    int slots = Integer.highestOneBit(Math.max(1, Math.min(MAX_CODES, n)) * 2 - 1) << 1;
    int mask = slots - 1;
    long[] slotHash = new long[slots];
    int[] slotCode = new int[slots];
    Arrays.fill(slotCode, -1);
    int[] first = new int[Math.min(MAX_CODES, n)];
    char[] code = new char[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      long h = 0x9E3779B97F4A7C15L + start[i + 1] - start[i];
      for (int k = start[i]; k < start[i + 1]; k++) {
        h = mix(h + entry.applyAsInt(k));
      }
      int slot = (int) (h ^ (h >>> 32)) & mask;
      int c;
      while (true) {
        c = slotCode[slot];
        if (c < 0) {
          if (size == MAX_CODES) {
            return new CodedRows(null, start, null);
          }
          c = size++;
          first[c] = i;
          slotHash[slot] = h;
          slotCode[slot] = c;
          break;
        }
        if (slotHash[slot] == h && same(start, entry, i, first[c])) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      code[i] = (char) c;
    }
    int[] representatives = Arrays.copyOf(first, size);
    int[] rowStart = new int[size + 1];
    for (int r = 0; r < size; r++) {
      int v = representatives[r];
      rowStart[r + 1] = rowStart[r] + start[v + 1] - start[v];
    }
    return new CodedRows(code, rowStart, representatives);
  }

  /** Returns the entries of the stored rows, taken from the volunteers' entries given to {@link #of}. */
  int[] compact(int[] volunteerStart, int[] entries) {
    if (representatives == null) {
      return entries;
    }
    int[] out = new int[start[rows()]];
    for (int r = 0; r < representatives.length; r++) {
      int v = representatives[r];
      System.arraycopy(entries, volunteerStart[v], out, start[r], volunteerStart[v + 1] - volunteerStart[v]);
    }
    return out;
  }

  /** {@link #compact(int[], int[])} for entries held in chars. */
  char[] compact(int[] volunteerStart, char[] entries) {
    if (representatives == null) {
      return entries;
    }
    char[] out = new char[start[rows()]];
    for (int r = 0; r < representatives.length; r++) {
      int v = representatives[r];
      System.arraycopy(entries, volunteerStart[v], out, start[r], volunteerStart[v + 1] - volunteerStart[v]);
    }
    return out;
  }

  private static boolean same(int[] start, IntUnaryOperator entry, int i, int j) {
    int n = start[i + 1] - start[i];
    if (n != start[j + 1] - start[j]) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (entry.applyAsInt(start[i] + k) != entry.applyAsInt(start[j] + k)) {
        return false;
      }
    }
    return true;
  }

  /** A 64-bit finaliser (after SplitMix64). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
