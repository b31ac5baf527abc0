package io.github.koppel.matching.internal;

/**
 * A criterion compiled as a lookup table over a {@link VolunteerIndex.Dictionary}: the kernel's own
 * {@link CompiledCriterion#evaluate(int)} is called once for one representative volunteer of each
 * code, and every candidate then reads its code's result. Exact by construction when the
 * dictionary's key holds everything the kernel reads of a volunteer; the kernel contract property
 * checks it for every built-in. Immutable.
 */
public final class TabledCriterion implements CompiledCriterion {
  private final char[] codes;
  private final double[] table;

  TabledCriterion(VolunteerIndex.Dictionary dictionary, CompiledCriterion kernel) {
    this.codes = dictionary.codes();
    this.table = new double[dictionary.size()];
    for (int c = 0; c < table.length; c++) {
      table[c] = kernel.evaluate(dictionary.representative(c));
    }
  }

  @Override
  public double evaluate(int i) {
    return table[codes[i]];
  }

  @Override
  public void evaluate(int from, int to, double[] out) {
    char[] c = codes;
    double[] t = table;
    for (int i = from; i < to; i++) {
      out[i - from] = t[c[i]];
    }
  }

  /** Returns the number of entries of the table, one per code of the dictionary. */
  public int size() {
    return table.length;
  }

  /** Returns the result for the volunteers of a code. */
  public double result(int code) {
    return table[code];
  }

  /**
   * Returns every volunteer's code, by position: the dictionary's own array, shared and not to be
   * written, for the scan that reads the codes of a block without a call per candidate.
   */
  public char[] codes() {
    return codes;
  }
}
