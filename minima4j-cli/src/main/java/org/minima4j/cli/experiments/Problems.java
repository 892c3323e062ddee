package org.minima4j.cli.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The problems of the compare command, by name. */
public final class Problems {
  private Problems() {}

  /** Every valid problem name. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(List.of("seed-mlp", "seed-regression"));
    names.addAll(BenchmarkProblem.names());
    return names;
  }

  /** The problem of that name; the error lists the valid names. */
  public static Problem create(String name) {
    switch (name) {
      case "seed-mlp":
        return new SeedMlpProblem();
      case "seed-regression":
        return new SeedRegressionProblem();
      default:
        Problem p = BenchmarkProblem.byName(name);
        if (p == null) {
          throw new IllegalArgumentException("unknown problem '" + name + "'; valid problems: " + String.join(", ", names()));
        }
        return p;
    }
  }

  /** One line about a name of {@link #names()}. */
  public static String describe(String name) {
    if (name.contains("{")) {
      return "benchmark function of the global-optimizer reference (global.json) in dimension d, e.g. "
          + name.substring(0, name.indexOf('{')) + "10";
    }
    return create(name).description();
  }

  /** The Python anchors' total in-process time for this problem's reference run, where recorded. */
  public static OptionalDouble referenceTotalSeconds(Problem p) {
    if (p instanceof SeedMlpProblem s) {
      return OptionalDouble.of(s.reference().get("total_wall_seconds").asDouble());
    }
    return OptionalDouble.empty();
  }
}
