package org.minima4j.cli.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.internal.chartpart.Chart;
import org.minima4j.plot.study.StudyPlots;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.storages.jdbc.JdbcStorage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code minima study plot}: PNG and SVG plots of a study. */
@Command(name = "plot", mixinStandardHelpOptions = true,
    description = "Plot a study as PNG and SVG: history, importance (PED-ANOVA), parallel, slice, contour,"
        + " intermediate, pareto, or all that apply.")
final class PlotCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;
  @CommandLine.Mixin
  StudyCommand.StorageOption storage;
  @Option(names = "--study", required = true, description = "Study name.")
  String name;
  @Option(names = "--kind", split = ",", defaultValue = "all",
      description = "history, importance, parallel, slice, contour, intermediate, pareto or all (default: ${DEFAULT-VALUE}).")
  List<String> kinds;
  @Option(names = "--params", split = ",", description = "Parameters for slice (each) and contour (the first two);"
      + " default: all (slice), the two most important (contour).")
  List<String> params;
  @Option(names = "--target", defaultValue = "0", description = "Objective index for single-objective plots of a"
      + " multi-objective study (default: ${DEFAULT-VALUE}).")
  int target;
  @Option(names = "--out", defaultValue = "minima-out/study-plots", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    return StudyIo.userErrors(() -> {
      try (JdbcStorage s = StudyIo.open(storage.url)) {
        Study study = Studies.load(name, s, null, null);
        if (target < 0 || target >= study.directions().size()) {
          throw new IllegalArgumentException("--target must be in [0, " + study.directions().size() + "), got " + target);
        }
        Files.createDirectories(out);
        List<String> wanted = new ArrayList<>();
        boolean all = kinds.stream().anyMatch(k -> k.equalsIgnoreCase("all"));
        if (all) {
          wanted.addAll(List.of("history", "importance", "parallel", "slice", "contour", "intermediate", "pareto"));
        } else {
          kinds.forEach(k -> wanted.add(k.toLowerCase(Locale.ROOT)));
        }
        PrintWriter w = spec.commandLine().getOut();
        List<String> names = params == null || params.isEmpty() ? StudyPlots.paramNames(study) : params;
        for (String kind : wanted) {
          try {
            switch (kind) {
              case "history" -> write(w, StudyPlots.optimizationHistory(study, target), "history");
              case "importance" -> write(w, StudyPlots.paramImportances(study, target), "importance");
              case "parallel" -> write(w, StudyPlots.parallelCoordinate(study, target), "parallel");
              case "slice" -> {
                for (int i = 0; i < names.size(); i++) {
                  write(w, StudyPlots.slice(study, names.get(i), target), "slice-" + (i + 1));
                }
              }
              case "contour" -> {
                List<String> two = params != null && params.size() >= 2 ? params : topTwo(study);
                write(w, StudyPlots.contour(study, two.get(0), two.get(1), target), "contour");
              }
              case "intermediate" -> write(w, StudyPlots.intermediateValues(study), "intermediate");
              case "pareto" -> write(w, StudyPlots.paretoFront(study, 0, 1), "pareto");
              default -> throw new IllegalArgumentException("Unknown --kind '" + kind + "': use history, importance,"
                  + " parallel, slice, contour, intermediate, pareto or all.");
            }
          } catch (IllegalArgumentException e) {
            if (!all || e.getMessage().startsWith("Unknown --kind")) {
              throw e;
            }
            w.println("skipped " + kind + ": " + e.getMessage());
          }
        }
        return 0;
      }
    });
  }

  private List<String> topTwo(Study study) {
    List<String> names = new ArrayList<>(org.minima4j.plot.study.PedAnova.importances(study.trials(),
        study.directions().get(target), target, 0.1).keySet());
    if (names.size() < 2) {
      names = StudyPlots.paramNames(study);
    }
    if (names.size() < 2) {
      throw new IllegalArgumentException("A contour needs two parameters; the study has " + names.size() + ".");
    }
    return names.subList(0, 2);
  }

  private void write(PrintWriter w, Chart<?, ?> chart, String base) throws IOException {
    Path p = out.resolve(base);
    StudyPlots.save(chart, p);
    w.println("wrote " + p + ".png and .svg");
  }
}
