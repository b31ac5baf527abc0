package io.github.koppel.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A limit on the requests of each key: a bucket of {@code burst} requests that refills at {@code
 * perSecond}. A request beyond it gets {@code 429} with the seconds to wait. Thread-safe.
 *
 * @param perSecond the requests a key may make per second on average, &gt; 0
 * @param burst the requests a key may make at once, &ge; 1
 */
public record RateLimit(double perSecond, int burst) {
  /** The default: 50 requests per second and key, 100 at once. */
  public static final RateLimit DEFAULT = new RateLimit(50, 100);

  /**
   * A limit.
   *
   * @throws IllegalArgumentException if a bound is not positive
   */
  public RateLimit {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("perSecond must be a positive number: " + perSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be >= 1: " + burst);
    }
  }

  /** The buckets of the keys of one server. */
  static final class Buckets {
    private final RateLimit limit;
    private final ConcurrentMap<String, Bucket> byKey = new ConcurrentHashMap<>();

    Buckets(RateLimit limit) {
      this.limit = Objects.requireNonNull(limit, "limit");
    }

    /**
     * Takes one request of a key's bucket.
     *
     * @return zero if the request may go on, else how long to wait before the next one may
     */
    Duration take(String keyId, long nowNanos) {
      return byKey.computeIfAbsent(keyId, k -> new Bucket(limit, nowNanos)).take(nowNanos);
    }

    /**
     * Takes one request of a key's bucket, now.
     *
     * @return 0 if the request may go on, else the whole seconds to wait (at least 1), as
     *     {@code Retry-After} gives them
     */
    long retryAfter(String keyId) {
      Duration wait = take(keyId, System.nanoTime());
      return wait.isZero() ? 0 : Math.max(1, (wait.toMillis() + 999) / 1000);
    }
  }

  private static final class Bucket {
    private final RateLimit limit;
    private double tokens;
    private long last;

    Bucket(RateLimit limit, long now) {
      this.limit = limit;
      this.tokens = limit.burst();
      this.last = now;
    }

    synchronized Duration take(long now) {
      tokens = Math.min(limit.burst(), tokens + (now - last) / 1e9 * limit.perSecond());
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9));
    }
  }
}
