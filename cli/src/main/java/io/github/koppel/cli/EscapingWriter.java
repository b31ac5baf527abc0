package io.github.koppel.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes what the command line prints with every character that could act on a terminal or make
 * one line read as another written as {@code \\uXXXX}: control characters (ESC, BEL, a carriage
 * return not followed by a line break) and invisible or direction characters (U+202E, U+200B). A
 * line break, and a carriage return before one, stay. Inside JSON strings {@code \\uXXXX} is the
 * same character, so JSON output stays valid and equal.
 */
final class EscapingWriter extends FilterWriter {
  private boolean carriageReturn;

  EscapingWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    if (carriageReturn) {
      carriageReturn = false;
      if (c == '\n') {
        out.write("\r\n");
        return;
      }
      escape('\r');
    }
    if (c == '\r') {
      carriageReturn = true;
    } else if (c == '\n' || (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)) {
      out.write(c);
    } else {
      escape(c);
    }
  }

  private void escape(int c) throws IOException {
    out.write(String.format(Locale.ROOT, "\\u%04X", c));
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(buffer[i]);
    }
  }

  @Override
  public void write(String s, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(s.charAt(i));
    }
  }

  @Override
  public void flush() throws IOException {
    if (carriageReturn) {
      carriageReturn = false;
      escape('\r');
    }
    super.flush();
  }
}
