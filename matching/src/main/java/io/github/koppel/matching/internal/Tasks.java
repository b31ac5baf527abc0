package io.github.koppel.matching.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the tasks of an engine's pool. */
public final class Tasks {
  private Tasks() {}

  /**
   * Waits for a task and returns its result; a runtime exception of the task is thrown as it is.
   *
   * @param future the task
   * @param what what the task does, for the message if the wait is interrupted
   * @param <T> the result's type
   * @return the result
   */
  public static <T> T await(Future<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
