package org.minima4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minima4j.cli.walkthrough.WalkthroughRunner;
import org.minima4j.cli.walkthrough.WalkthroughRunner.Outcome;
import org.minima4j.plot.LinePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code minima walkthrough}: the tuning walkthrough (grid, random, TPE, GP, successive halving, Hyperband, NAS). */
@Command(name = "walkthrough", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Tune a one-hidden-layer classifier (hidden size, learning rate) by grid, random, TPE and GP search, "
        + "then successive halving and Hyperband with epochs as the resource, then search the architecture by "
        + "regularized evolution and a REINFORCE policy. Prints a table per search; writes walkthrough.json, hpo.png/svg "
        + "and nas.png/svg."})
final class WalkthroughCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--dataset", defaultValue = "classify", description = "classify (the reference data, 800/200 rows) or iris (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--searches", split = ",", defaultValue = "grid,random,tpe,gp,successive-halving,hyperband,nas-evolution,nas-reinforce",
      description = "Searches to run (default: all).")
  List<String> searches;

  @Option(names = "--trials", defaultValue = "20", description = "Trials of the random, TPE, GP and Hyperband searches (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(names = "--epochs", defaultValue = "200", description = "Training epochs per trial (the resource; default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--nas-candidates", defaultValue = "30", description = "Architectures per NAS method (default: ${DEFAULT-VALUE}).")
  int nasCandidates;

  @Option(names = "--nas-epochs", defaultValue = "100", description = "Training epochs per architecture (default: ${DEFAULT-VALUE}).")
  int nasEpochs;

  @Option(names = "--sh-min-resource", description = "Epochs of successive halving's first rung (default: epochs / 4).")
  Integer shMinResource;

  @Option(names = "--sh-reduction-factor", defaultValue = "2", description = "Successive halving's reduction factor (default: ${DEFAULT-VALUE}).")
  int shReductionFactor;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of samplers, splits and searches (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", defaultValue = "minima-out/walkthrough", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--no-plot", description = "Do not write the plots.")
  boolean noPlot;

  @Override
  public Integer call() throws IOException {
    if (trials < 1 || epochs < 1 || nasCandidates < 1 || nasEpochs < 1) {
      throw new CliException("--trials, --epochs, --nas-candidates and --nas-epochs must be at least 1");
    }
    if (!noPlot) {
      LinePlot.warmUpInBackground();
    }
    PrintWriter w = spec.commandLine().getOut();
    int shMin = shMinResource == null ? Math.max(1, epochs / 4) : shMinResource;
    WalkthroughRunner runner = new WalkthroughRunner(dataset, trials, epochs, nasCandidates, nasEpochs, seed, shMin, shReductionFactor);
    List<Outcome> outcomes = new ArrayList<>();
    try (OutputFolder folder = OutputFolder.open(out)) {
      for (String s : searches) {
        Outcome o = runner.run(s.trim());
        outcomes.add(o);
        printSearch(w, o);
      }
      printSummary(w, outcomes);
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("dataset", dataset);
      json.put("trials", trials);
      json.put("epochs", epochs);
      json.put("seed", seed);
      json.put("searches", outcomes.stream().map(Outcome::toMap).toList());
      mapper.writeValue(folder.file("walkthrough.json").toFile(), json);
      if (!noPlot) {
        plot(folder, outcomes, "hpo", "Hyperparameter search: best validation accuracy", false);
        plot(folder, outcomes, "nas", "Architecture search: best validation accuracy", true);
      }
      for (Path p : folder.commit()) {
        w.println("wrote " + p);
      }
    }
    return 0;
  }

  private void plot(OutputFolder folder, List<Outcome> outcomes, String name, String title, boolean nas) throws IOException {
    LinePlot plot = new LinePlot(title + " (" + dataset + ")", nas ? "candidate" : "trial", "validation accuracy", false);
    int n = 0;
    for (Outcome o : outcomes) {
      if (o.name().startsWith("nas") != nas) {
        continue;
      }
      double[] y = o.bestSoFar();
      double[] x = new double[y.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = i + 1;
      }
      plot.add(new LinePlot.Series(o.name(), x, y, false));
      n++;
    }
    if (n > 0) {
      plot.save(folder.file(name + ".png").resolveSibling(name));
      folder.file(name + ".svg");
    }
  }

  private static void printSearch(PrintWriter w, Outcome o) {
    w.printf(Locale.ROOT, "%n== %s: %d trials, %d epochs trained, %.1f s%n", o.name(), o.rows().size(), o.epochs(), o.seconds());
    w.printf(Locale.ROOT, "  %-5s %-44s %-9s %8s %9s %7s%n", "trial", "configuration", "state", "val acc", "val loss", "epochs");
    o.rows().stream()
        .sorted(Comparator.comparingDouble((Outcome.Row r) -> Double.isNaN(r.valAccuracy()) ? -1 : r.valAccuracy()).reversed()
            .thenComparingDouble(r -> Double.isNaN(r.valLoss()) ? Double.MAX_VALUE : r.valLoss()))
        .limit(5)
        .forEach(r -> w.printf(Locale.ROOT, "  %-5d %-44s %-9s %8.4f %9.4f %7d%n", r.number(), r.config(), r.state(),
            r.valAccuracy(), r.valLoss(), r.epochs()));
    if (o.rows().size() > 5) {
      w.printf("  ... %d more in walkthrough.json%n", o.rows().size() - 5);
    }
  }

  private static void printSummary(PrintWriter w, List<Outcome> outcomes) {
    w.printf(Locale.ROOT, "%n== summary%n  %-20s %7s %8s %9s %8s  %s%n", "search", "trials", "val acc", "val loss", "epochs", "best configuration");
    Outcome grid = null;
    Outcome sh = null;
    for (Outcome o : outcomes) {
      Outcome.Row b = o.best();
      w.printf(Locale.ROOT, "  %-20s %7d %8.4f %9.4f %8d  %s%n", o.name(), o.rows().size(), b == null ? Double.NaN : b.valAccuracy(),
          b == null ? Double.NaN : b.valLoss(), o.epochs(), b == null ? "-" : b.config());
      if (o.name().equals("grid")) {
        grid = o;
      } else if (o.name().equals("successive-halving")) {
        sh = o;
      }
    }
    if (grid != null && sh != null && grid.best() != null && sh.best() != null) {
      w.printf(Locale.ROOT, "%nsuccessive halving trained %d epochs against the full grid's %d (%.0f%%) and reached %.4f against %.4f%n",
          sh.epochs(), grid.epochs(), 100.0 * sh.epochs() / grid.epochs(), sh.best().valAccuracy(), grid.best().valAccuracy());
    }
  }
}
