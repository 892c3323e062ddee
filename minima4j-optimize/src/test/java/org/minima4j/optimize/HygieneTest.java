package org.minima4j.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Project rules on this package's classes and sources (org.minima4j.optimize and its internal
 * package): no internal type in a public signature, no printing, no unseeded randomness, no
 * TODO/FIXME markers.
 */
class HygieneTest {
  private static final Path CLASSES = Path.of("target", "classes", "org", "minima4j", "optimize");
  private static final Path SOURCES = Path.of("src", "main", "java", "org", "minima4j", "optimize");

  private static boolean internal(Type t) {
    return t.getTypeName().contains(".internal.");
  }

  @Test
  void noInternalTypeInAPublicSignature() throws Exception {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.list(CLASSES)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = "org.minima4j.optimize." + p.getFileName().toString().replace(".class", "");
        if (name.endsWith("package-info")) {
          continue;
        }
        Class<?> c = Class.forName(name, false, HygieneTest.class.getClassLoader());
        if (!Modifier.isPublic(c.getModifiers())) {
          continue;
        }
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
          if (Modifier.isPublic(m.getModifiers()) && (internal(m.getGenericReturnType())
              || Stream.of(m.getGenericParameterTypes()).anyMatch(HygieneTest::internal))) {
            offenders.add(c.getName() + "." + m.getName());
          }
        }
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isPublic(f.getModifiers()) && internal(f.getGenericType())) {
            offenders.add(c.getName() + "." + f.getName());
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void sourcesNeitherPrintNorDrawUnseededRandomnessNorLeaveMarkers() throws IOException {
    List<String> offenders = new ArrayList<>();
    List<Path> dirs = List.of(SOURCES, SOURCES.resolve("internal"));
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
          String src = Files.readString(p);
          for (String bad : new String[] {"System.out.", "System.err.", "printStackTrace(", "Math.random(",
              "new Random()", "TODO", "FIXME"}) {
            if (src.contains(bad)) {
              offenders.add(p + ": " + bad);
            }
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }
}
