package org.minima4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.minima4j.cli.experiments.Ewa;
import org.minima4j.plot.LinePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code minima ewa}: the exponentially weighted average demonstration. */
@Command(name = "ewa", mixinStandardHelpOptions = true,
    description = "Exponentially weighted averages of 30 noisy daily temperatures (beta 0.5 and 0.9): "
        + "writes ewa.png, ewa.svg and ewa.csv.")
final class EwaCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--betas", split = ",", defaultValue = "0.5,0.9", description = "Averaging factors (default: ${DEFAULT-VALUE}).")
  double[] betas;

  @Option(names = "--days", defaultValue = "30", description = "Number of days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the temperature noise (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--bias-correction", description = "Divide by 1 - beta^t (Adam's correction).")
  boolean biasCorrection;

  @Option(names = "--out", defaultValue = "minima-out/ewa", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    if (days < 1) {
      throw new CliException("--days must be at least 1, got " + days);
    }
    for (double b : betas) {
      if (!(b >= 0 && b < 1)) {
        throw new CliException("--betas: each beta must be in [0, 1), got " + b);
      }
    }
    double[] theta = Ewa.temperatures(days, seed);
    double[] x = new double[days];
    for (int i = 0; i < days; i++) {
      x[i] = i + 1;
    }
    double[][] avgs = new double[betas.length][];
    LinePlot plot = new LinePlot("Exponentially weighted averages of daily temperature", "day", "temperature (°C)", false);
    plot.add(new LinePlot.Series("daily temperature", x, theta, true));
    for (int k = 0; k < betas.length; k++) {
      avgs[k] = Ewa.average(theta, betas[k], biasCorrection);
      plot.add(new LinePlot.Series("beta = " + betas[k] + (biasCorrection ? " (bias-corrected)" : ""), x, avgs[k], false));
    }
    try (OutputFolder folder = OutputFolder.open(out)) {
      plot.save(folder.file("ewa.png").resolveSibling("ewa"));
      folder.file("ewa.svg");
      StringBuilder csv = new StringBuilder("day,temperature");
      for (double b : betas) {
        csv.append(",ewa_beta_").append(b);
      }
      csv.append('\n');
      for (int i = 0; i < days; i++) {
        csv.append(i + 1).append(',').append(theta[i]);
        for (double[] a : avgs) {
          csv.append(',').append(a[i]);
        }
        csv.append('\n');
      }
      Files.writeString(folder.file("ewa.csv"), csv);
      for (Path p : folder.commit()) {
        w.println("wrote " + p);
      }
    }
    w.printf(Locale.ROOT, "last day: temperature %.2f", theta[days - 1]);
    for (int k = 0; k < betas.length; k++) {
      w.printf(Locale.ROOT, ", beta %.2f -> %.2f", betas[k], avgs[k][days - 1]);
    }
    w.println();
    return 0;
  }
}
