package io.github.koppel.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in a process of its own, started as {@code koppel serve} starts it, so that a test can
 * kill it with SIGKILL or run two side by side.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern ADDRESS = Pattern.compile("Koppel server on http://127\\.0\\.0\\.1:(\\d+) ");

  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code Main} with these arguments (a free port is added) and waits until it listens.
   *
   * @param args the options of {@code koppel serve}
   * @param env the environment added, such as the PostgreSQL user
   * @param log where the process writes what it prints
   */
  static ServerProcess start(List<String> args, Map<String, String> env, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("--port", "0"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a server process", e);
    }
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuilder printed = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (out) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          synchronized (printed) {
            printed.append(line).append('\n');
          }
          Matcher m = ADDRESS.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        // The process ended.
      } finally {
        port.completeExceptionally(new IllegalStateException("the server process ended before it listened:\n" + printed));
        try {
          java.nio.file.Files.writeString(log, printed);
        } catch (IOException ignored) {
          // Only for reading after a failure.
        }
      }
    }, "server-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServerProcess(process, port.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the server process did not start: " + e.getMessage(), e);
    }
  }

  int port() {
    return port;
  }

  /** Kills the process with SIGKILL, as a crash or the kernel's out-of-memory killer would. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }
}
