package org.minima4j.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Project rules checked on this module's own classes and sources: no {@code internal} type in a
 * public signature, library code never prints, no unseeded randomness.
 */
class ApiHygieneTest {
  private static final Path CLASSES = Path.of("target", "classes");
  private static final Path SOURCES = Path.of("src", "main", "java");

  private static List<Class<?>> publicApiClasses() throws IOException, ClassNotFoundException {
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = CLASSES.relativize(p).toString().replace('/', '.').replace(".class", "");
        if (name.contains(".internal.") || name.endsWith("package-info")) {
          continue;
        }
        Class<?> c = Class.forName(name, false, ApiHygieneTest.class.getClassLoader());
        if (Modifier.isPublic(c.getModifiers())) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static boolean internal(Type t) {
    return t.getTypeName().contains(".internal.");
  }

  @Test
  void noInternalTypeInAPublicSignature() throws Exception {
    List<String> offenders = new ArrayList<>();
    List<Class<?>> api = publicApiClasses();
    assertThat(api).isNotEmpty();
    for (Class<?> c : api) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) && !Modifier.isProtected(m.getModifiers())) {
          continue;
        }
        if (internal(m.getGenericReturnType()) || Stream.of(m.getGenericParameterTypes()).anyMatch(ApiHygieneTest::internal)) {
          offenders.add(c.getName() + "." + m.getName());
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if ((Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers())) && internal(f.getGenericType())) {
          offenders.add(c.getName() + "." + f.getName());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void libraryCodeNeitherPrintsNorDrawsUnseededRandomness() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String src = Files.readString(p);
        for (String bad : new String[] {"System.out.", "System.err.", "printStackTrace(", "Math.random(", "new Random()"}) {
          if (src.contains(bad)) {
            offenders.add(p + ": " + bad);
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }
}
