package org.minima4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima4j.cli.experiments.Ewa;

class EwaCommandTest {
  @TempDir
  Path tmp;

  @Test
  void writesPlotAndCsv() throws IOException {
    StringWriter out = new StringWriter();
    int code = Main.run(new String[] {"ewa", "--out", tmp.toString()}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    assertThat(code).isZero();
    assertThat(tmp.resolve("ewa.png")).isNotEmptyFile();
    assertThat(tmp.resolve("ewa.svg")).isNotEmptyFile();
    List<String> csv = Files.readAllLines(tmp.resolve("ewa.csv"));
    assertThat(csv).hasSize(31);
    assertThat(csv.get(0)).isEqualTo("day,temperature,ewa_beta_0.5,ewa_beta_0.9");
    String[] first = csv.get(1).split(",");
    double theta = Double.parseDouble(first[1]);
    assertThat(Double.parseDouble(first[2])).isCloseTo(0.5 * theta, within(1e-12));
    assertThat(Double.parseDouble(first[3])).isCloseTo(0.1 * theta, within(1e-12));
  }

  @Test
  void averageFollowsTheRecursion() {
    double[] v = Ewa.average(new double[] {10, 20, 30}, 0.5, false);
    assertThat(v).containsExactly(5, 12.5, 21.25);
    double[] c = Ewa.average(new double[] {10, 10}, 0.9, true);
    assertThat(c[0]).isCloseTo(10, within(1e-12));
    assertThat(c[1]).isCloseTo(10, within(1e-12));
  }

  @Test
  void badBetaIsRejected() {
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"ewa", "--betas", "1.5", "--out", tmp.toString()}, new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("beta must be in [0, 1), got 1.5");
  }
}
