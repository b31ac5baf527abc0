package io.github.koppel.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Every benchmark of the module runs: its state is set up at a small size, each {@code @Benchmark}
 * method is called once and returns, and the state is torn down. A benchmark whose setup no
 * longer works with the library (a form that now refuses what it used to write, say) fails the
 * build here rather than in the hands of the next person who runs it. This measures nothing: the
 * figures come from JMH.
 */
final class EveryBenchmarkRunsTest {
  /** The size given to every {@code int} parameter: small, so that the whole module runs in seconds. */
  private static final String SMALL = "400";

  @TestFactory
  Stream<DynamicTest> everyBenchmarkRuns() throws IOException, URISyntaxException {
    List<Class<?>> benchmarks = benchmarkClasses();
    assertFalse(benchmarks.isEmpty(), "no benchmark found");
    return benchmarks.stream().map(c -> DynamicTest.dynamicTest(c.getSimpleName(), () -> run(c)));
  }

  private static List<Class<?>> benchmarkClasses() throws IOException, URISyntaxException {
    Path classes = Path.of(CsvReadBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path folder = classes.resolve(CsvReadBenchmark.class.getPackageName().replace('.', '/'));
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        try {
          Class<?> c = Class.forName(CsvReadBenchmark.class.getPackageName() + "." + name.replace(".class", ""));
          if (Stream.of(c.getMethods()).anyMatch(m -> m.isAnnotationPresent(Benchmark.class))) {
            found.add(c);
          }
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return found;
  }

  private static void run(Class<?> type) throws ReflectiveOperationException {
    Object state = type.getConstructor().newInstance();
    for (Field f : type.getFields()) {
      Param param = f.getAnnotation(Param.class);
      if (param != null) {
        String value = f.getType() == int.class ? SMALL : param.value()[0];
        f.set(state, f.getType() == int.class ? Integer.parseInt(value)
            : f.getType() == long.class ? Long.parseLong(value) : value);
      }
    }
    List<Method> methods = Stream.of(type.getMethods()).sorted(Comparator.comparing(Method::getName)).toList();
    call(state, methods, Setup.class);
    try {
      int ran = 0;
      for (Method m : methods) {
        if (m.isAnnotationPresent(Benchmark.class)) {
          assertTrue(m.getParameterCount() == 0, m + " takes parameters");
          Object result = invoke(state, m);
          if (m.getReturnType() != void.class) {
            assertNotNull(result, m + " returned null");
          }
          ran++;
        }
      }
      assertTrue(ran > 0);
    } finally {
      call(state, methods, TearDown.class);
    }
  }

  private static void call(Object state, List<Method> methods, Class<? extends java.lang.annotation.Annotation> kind)
      throws ReflectiveOperationException {
    for (Method m : methods) {
      if (m.isAnnotationPresent(kind)) {
        invoke(state, m);
      }
    }
  }

  private static Object invoke(Object state, Method m) throws ReflectiveOperationException {
    try {
      return m.invoke(state);
    } catch (InvocationTargetException e) {
      throw new AssertionError(m.getDeclaringClass().getSimpleName() + "." + m.getName() + " failed", e.getCause());
    }
  }
}
