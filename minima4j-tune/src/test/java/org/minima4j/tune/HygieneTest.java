package org.minima4j.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Library code never prints, never uses unseeded randomness, and exposes no internal type publicly. */
class HygieneTest {
  private static final Path MAIN = Path.of("src/main/java/org/minima4j/tune");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.toString().contains("/bench/")).toList();
    }
  }

  @Test
  void noPrintingNoUnseededRandomnessNoTodo() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Path p : sources()) {
      String src = Files.readString(p);
      for (String bad : List.of("System.out", "System.err", "printStackTrace", "Math.random", "new Random()",
          "ThreadLocalRandom", "TODO", "FIXME")) {
        if (src.contains(bad)) {
          offenders.add(p + ": " + bad);
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void noInternalTypeInPublicSignatures() throws Exception {
    List<String> offenders = new ArrayList<>();
    for (Path p : sources()) {
      String rel = MAIN.relativize(p).toString();
      if (rel.startsWith("internal/")) {
        continue;
      }
      String cls = "org.minima4j.tune." + rel.replace('/', '.').replace(".java", "");
      Class<?> c = Class.forName(cls);
      if (!Modifier.isPublic(c.getModifiers())) {
        continue;
      }
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        List<Class<?>> types = new ArrayList<>(List.of(m.getParameterTypes()));
        types.add(m.getReturnType());
        for (Class<?> t : types) {
          if (t.getName().contains(".internal.")) {
            offenders.add(cls + "." + m.getName());
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }
}
