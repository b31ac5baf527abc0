package io.github.koppel.core.io;

import io.github.koppel.core.InvalidDataException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Opens the text files of a counter: their encoding decided from a byte-order mark or from the
 * bytes, and their size bounded while they are read, never after.
 *
 * <p>Without a byte-order mark a file is UTF-8 when all of it is valid UTF-8, else Windows-1252 (what
 * Excel writes in Flanders as "CSV (puntkomma gescheiden)") when it holds none of the five bytes
 * Windows-1252 leaves undefined; anything else, or a NUL byte, is not such a text and is refused with
 * the line where it shows. UTF-16 needs its byte-order mark. A charset given explicitly is checked
 * the same way: a byte it cannot decode is an error with its line.
 *
 * <p>Deciding reads the file once, in blocks of {@value #BLOCK} bytes; opening reads it again. Both
 * stop at {@value #MAX_BYTES_TEXT}.
 */
final class TextFiles {
  private TextFiles() {}

  /** The largest file read: about 300 times a city of 100,000 volunteers at 300 bytes a row. */
  static final long MAX_BYTES = 1L << 30;

  /** {@link #MAX_BYTES} as people read it, for messages and Javadoc. */
  static final String MAX_BYTES_TEXT = "1 GiB";

  private static final int BLOCK = 1 << 16;

  /** Windows-1252 leaves these bytes undefined. */
  private static boolean undefinedInWindows1252(int b) {
    return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
  }

  /** The Windows-1252 charset, present in every JDK that Koppel runs on. */
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /**
   * The encoding of a file, and how many bytes its byte-order mark takes.
   *
   * @param charset the charset
   * @param bom the length of the byte-order mark, 0 when there is none
   */
  record Encoding(Charset charset, int bom) {}

  /**
   * Decides the encoding of a file, or checks that it is in the given charset.
   *
   * @param file the file
   * @param forced the charset to use, or {@code null} to decide
   * @return the encoding
   * @throws InvalidDataException if the file is too large, holds a NUL byte, or is in no encoding
   *     that Koppel reads (or not in the forced one), naming the line
   * @throws UncheckedIOException if the file cannot be read
   */
  static Encoding encoding(Path file, @Nullable Charset forced) {
    return encoding(file, forced, MAX_BYTES);
  }

  /** {@link #encoding(Path, Charset)} with another size limit, for tests. */
  static Encoding encoding(Path file, @Nullable Charset forced, long maxBytes) {
    return encoding(Source.of(file), forced, maxBytes);
  }

  /**
   * Bytes that can be read more than once: a file, or bytes already in memory (a request body).
   *
   * @param name the name of the source, for messages
   */
  record Source(String name, Opener opener) {
    /** Opens the bytes from their start. */
    @FunctionalInterface
    interface Opener {
      InputStream open() throws IOException;
    }

    static Source of(Path file) {
      return new Source(file.toString(), () -> Files.newInputStream(file));
    }

    static Source of(byte[] bytes, String name) {
      return new Source(name, () -> new java.io.ByteArrayInputStream(bytes));
    }

    InputStream open() throws IOException {
      return opener.open();
    }
  }

  /** {@link #encoding(Path, Charset)} of any source of bytes. */
  static Encoding encoding(Source source, @Nullable Charset forced, long maxBytes) {
    String name = source.name();
    try (InputStream in = source.open()) {
      byte[] head = in.readNBytes(4);
      int bom = bomLength(head);
      Charset fromBom = bomCharset(head);
      if (head.length >= 4 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE && head[2] == 0 && head[3] == 0) {
        throw new InvalidDataException(
            name, "line 1", null, 1, -1,
            "the file is in UTF-32, which Koppel does not read\nSave it as \"CSV UTF-8\".", null);
      }
      Charset charset = forced != null ? forced : fromBom;
      Scan scan = new Scan(name, charset == null ? StandardCharsets.UTF_8 : charset, charset == null, maxBytes);
      scan.feed(head, bom, head.length);
      byte[] buffer = new byte[BLOCK];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        scan.feed(buffer, 0, n);
      }
      return new Encoding(scan.finish(charset), forced == null || forced.equals(fromBom) ? bom : 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Opens a file for reading as text in its encoding, the byte-order mark skipped. */
  static Reader open(Path file, Encoding encoding) throws IOException {
    return open(Source.of(file), encoding);
  }

  /** Opens a source for reading as text in its encoding, the byte-order mark skipped. */
  static Reader open(Source source, Encoding encoding) throws IOException {
    InputStream in = new Bounded(source.open(), source.name());
    in.skipNBytes(encoding.bom());
    CharsetDecoder decoder =
        encoding.charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new InputStreamReader(in, decoder);
  }

  private static int bomLength(byte[] head) {
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      return 3;
    }
    return bomCharset(head) != null ? 2 : 0;
  }

  private static @Nullable Charset bomCharset(byte[] head) {
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** One pass over the bytes: the size, NUL bytes, and validity in the candidate encodings. */
  private static final class Scan {
    private final String source;
    private final Charset charset;
    private final boolean deciding;
    private final long maxBytes;
    private final CharsetDecoder decoder;
    private final CharBuffer sink = CharBuffer.allocate(BLOCK);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private long bytes;
    private int line = 1;
    private int invalidLine = -1;
    private int undefinedLine = -1;

    Scan(String source, Charset charset, boolean deciding, long maxBytes) {
      this.source = source;
      this.charset = charset;
      this.deciding = deciding;
      this.maxBytes = maxBytes;
      this.decoder =
          charset.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    void feed(byte[] data, int from, int to) {
      bytes += to - from;
      if (bytes > maxBytes) {
        throw new InvalidDataException(
            source, "line " + line, null, line, -1,
            "the file is larger than the limit of "
                + (maxBytes == MAX_BYTES ? MAX_BYTES_TEXT : maxBytes + " bytes"),
            null);
      }
      boolean single = !charset.equals(StandardCharsets.UTF_16LE) && !charset.equals(StandardCharsets.UTF_16BE);
      int lineAtStart = line;
      for (int i = from; i < to; i++) {
        int b = data[i] & 0xFF;
        if (single && b == 0) {
          throw nul(bytes - (to - i) + 1);
        }
        if (b == '\n') {
          line++;
        }
        if (deciding && undefinedLine < 0 && undefinedInWindows1252(b)) {
          undefinedLine = line;
        }
      }
      if (invalidLine < 0) {
        decode(data, from, to, lineAtStart);
      }
    }

    /** Decodes a block after what was left of the last one, noting the line of a first error. */
    private void decode(byte[] data, int from, int to, int lineAtStart) {
      ByteBuffer in = ByteBuffer.allocate(pending.remaining() + to - from);
      int carried = pending.remaining();
      in.put(pending).put(data, from, to - from).flip();
      while (true) {
        sink.clear();
        CoderResult r = decoder.decode(in, sink, false);
        if (r.isError()) {
          invalidLine = lineAt(data, from, lineAtStart, in.position() - carried);
          if (!deciding) {
            throw notIn(charset, invalidLine);
          }
          return;
        }
        if (r.isUnderflow()) {
          break;
        }
      }
      pending = in.slice();
    }

    private static int lineAt(byte[] data, int from, int lineAtStart, int offset) {
      int line = lineAtStart;
      for (int i = from; i < from + Math.max(0, offset); i++) {
        if (data[i] == '\n') {
          line++;
        }
      }
      return line;
    }

    Charset finish(@Nullable Charset chosen) {
      if (invalidLine < 0 && pending.hasRemaining()) {
        invalidLine = line;
        if (!deciding) {
          throw notIn(charset, line);
        }
      }
      if (chosen != null || invalidLine < 0) {
        return chosen != null ? chosen : StandardCharsets.UTF_8;
      }
      if (undefinedLine < 0) {
        return WINDOWS_1252;
      }
      throw new InvalidDataException(
          source, "line " + invalidLine, null, invalidLine, -1,
          "the file is not text in UTF-8, UTF-16 with a byte-order mark or Windows-1252: line "
              + invalidLine + " is not UTF-8, and line " + undefinedLine
              + " holds a byte that Windows-1252 does not define"
              + "\nSave it again as \"CSV UTF-8\", or give its charset (--charset).",
          null);
    }

    private InvalidDataException notIn(Charset c, int at) {
      return new InvalidDataException(
          source, "line " + at, null, at, -1,
          "the file is not valid " + c.name() + " at line " + at
              + "\nGive its right charset (--charset), or leave it out to let Koppel decide.",
          null);
    }

    private InvalidDataException nul(long at) {
      String hint =
          line == 1
              ? "\nIt looks like UTF-16 without a byte-order mark, or not a text file at all: save it"
                  + " again as \"CSV UTF-8\", or give its charset (--charset UTF-16LE)."
              : "\nSave it again as \"CSV UTF-8\".";
      return new InvalidDataException(
          source, "line " + line, null, line, -1,
          String.format(
              Locale.ROOT, "the file is not text: it holds a NUL byte (byte %d, line %d)", at, line)
              + hint,
          null);
    }
  }

  /** A stream that stops with an error past {@link #MAX_BYTES}. */
  private static final class Bounded extends FilterInputStream {
    private final String source;
    private long read;

    Bounded(InputStream in, String source) {
      super(in);
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BYTES) {
        throw new InvalidDataException(
            source, "the file", null, -1, -1, "the file is larger than the limit of " + MAX_BYTES_TEXT, null);
      }
    }
  }
}
