package org.minima4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima4j.cli.experiments.Methods;
import org.minima4j.cli.experiments.ReferenceData;
import org.minima4j.cli.experiments.SeedMlpProblem;
import org.minima4j.cli.experiments.SeedRegressionProblem;
import org.minima4j.cli.experiments.Trace;

class CompareCommandTest {
  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void writesTableCsvJsonAndPlot() throws IOException {
    Path out = tmp.resolve("cmp");
    Run r = run("compare", "--methods", "adam,pso,cma", "--maxiter", "5", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("problem seed-mlp").contains("adam").contains("pso").contains("cma")
        .contains("total in-process time");
    for (String f : new String[] {"result.json", "loss.csv", "loss.png", "loss.svg"}) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
    JsonNode json = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    assertThat(json.get("methods")).hasSize(3);
    assertThat(json.get("methods").get(1).get("n_objective_evals").asLong()).isEqualTo(500);
    assertThat(Files.readAllLines(out.resolve("loss.csv"))).hasSize(6).first().asString()
        .isEqualTo("iteration,adam_loss,adam_best_so_far,pso_loss,pso_best_so_far,cma_loss,cma_best_so_far");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".minima-staging"));
    }
  }

  @Test
  void jsonGoesToStdout() throws IOException {
    Run r = run("compare", "--methods", "cma", "--maxiter", "3", "--json", "--no-plot", "--out", tmp.toString());
    assertThat(r.code()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("problem").asText()).isEqualTo("seed-mlp");
    assertThat(json.get("python_total_wall_seconds").asDouble()).isPositive();
    assertThat(tmp.resolve("loss.png")).doesNotExist();
  }

  @Test
  void adamReplaysTheReferenceCurve() {
    SeedMlpProblem p = new SeedMlpProblem();
    Trace t = Methods.get("adam").run(p, 100, 42, 1);
    double[] ref = ReferenceData.vector(p.reference().get("results").get("adam").get("loss_curve"));
    assertThat(t.loss()).hasSize(100);
    for (int i = 0; i < 100; i++) {
      // float64 both sides; the summation orders of torch and minima4j differ in the last bits
      assertThat(Math.abs(t.loss()[i] - ref[i]) / Math.abs(ref[i])).as("iteration %d", i + 1).isLessThan(1e-9);
    }
    assertThat(t.lastLoss()).isCloseTo(91.85612831227456, org.assertj.core.api.Assertions.within(91.86 * 1e-9));
  }

  @Test
  void seedRegressionReplaysTheReferenceRuns() {
    SeedRegressionProblem p = new SeedRegressionProblem();
    JsonNode runs = p.reference().get("runs");
    String[] methods = {"sgd", "momentum", "rmsprop", "adam"};
    for (int k = 0; k < 4; k++) {
      Trace t = Methods.get(methods[k]).run(p, 12, 0, 1);
      double[] ref = ReferenceData.vector(runs.get(k).get("step_losses"));
      assertThat(t.loss()).hasSize(384);
      for (int i = 0; i < ref.length; i++) {
        assertThat(Math.abs(t.loss()[i] - ref[i]) / Math.abs(ref[i])).as("%s step %d", methods[k], i + 1).isLessThan(1e-9);
      }
      double fullLoss = runs.get(k).get("final_full_data_loss").asDouble();
      assertThat(Math.abs(t.finalLoss() - fullLoss) / fullLoss).as("%s final full-data loss", methods[k]).isLessThan(1e-9);
    }
  }

  @Test
  void sameSeedSameRunAndThreadCountDoesNotMatter() {
    SeedMlpProblem p = new SeedMlpProblem();
    Trace a = Methods.get("pso").run(p, 10, 7, 1);
    Trace b = Methods.get("pso").run(p, 10, 7, 4);
    Trace c = Methods.get("pso").run(p, 10, 8, 1);
    assertThat(a.bestSoFar()).containsExactly(b.bestSoFar());
    assertThat(a.bestX()).containsExactly(b.bestX());
    assertThat(a.bestSoFar()).isNotEqualTo(c.bestSoFar());
  }

  @Test
  void methodsSideBySideGiveTheSameResultsAsOneAfterTheOther() throws IOException {
    String[] common = {"compare", "--methods", "adam,slsqp,pso,cma,dual-annealing", "--maxiter", "6", "--json", "--no-plot",
        "--out", tmp.toString(), "--threads"};
    JsonNode seq = new ObjectMapper().readTree(run(concat(common, "1")).out());
    JsonNode par = new ObjectMapper().readTree(run(concat(common, "4")).out());
    assertThat(seq.get("threads").asInt()).isEqualTo(1);
    assertThat(par.get("threads").asInt()).isEqualTo(4);
    for (int k = 0; k < 5; k++) {
      JsonNode a = seq.get("methods").get(k);
      JsonNode b = par.get("methods").get(k);
      assertThat(b.get("method")).isEqualTo(a.get("method"));
      assertThat(b.get("best_so_far")).isEqualTo(a.get("best_so_far"));
      assertThat(b.get("best_x")).isEqualTo(a.get("best_x"));
      assertThat(b.get("n_objective_evals")).isEqualTo(a.get("n_objective_evals"));
      assertThat(b.get("cpu_seconds").asDouble()).isPositive();
    }
    assertThat(par.get("total_seconds").asDouble()).isPositive();
    assertThat(par.get("first_pass_seconds").asDouble()).isEqualTo(par.get("total_seconds").asDouble());
  }

  @Test
  void repeatedPassesReportEveryPassAndTheWarmMedian() throws IOException {
    JsonNode r = new ObjectMapper().readTree(run("compare", "--methods", "adam,cma", "--maxiter", "5", "--repeat", "4",
        "--json", "--no-plot", "--out", tmp.toString()).out());
    JsonNode passes = r.get("total_seconds_per_pass");
    assertThat(passes).hasSize(4);
    assertThat(r.get("first_pass_seconds").asDouble()).isEqualTo(passes.get(0).asDouble());
    assertThat(r.get("total_seconds").asDouble()).isEqualTo(passes.get(3).asDouble());
    double late = 0.5 * (passes.get(2).asDouble() + passes.get(3).asDouble());
    assertThat(r.get("warm_pass_seconds").asDouble()).isEqualTo(late);
    assertThat(r.get("warm_speedup_vs_python").asDouble())
        .isEqualTo(r.get("python_total_wall_seconds").asDouble() / late);
  }

  @Test
  void thePlotWarmUpStartsOnlyForACompareThatPlots() {
    assertThat(CompareCommand.willPlot(new String[] {"compare"})).isTrue();
    assertThat(CompareCommand.willPlot(new String[] {"compare", "--json", "--seed", "3"})).isTrue();
    assertThat(CompareCommand.willPlot(new String[] {"compare", "--no-plot"})).isFalse();
    assertThat(CompareCommand.willPlot(new String[] {"compare", "--list"})).isFalse();
    assertThat(CompareCommand.willPlot(new String[] {"compare", "-h"})).isFalse();
    assertThat(CompareCommand.willPlot(new String[] {"ewa"})).isFalse();
    assertThat(CompareCommand.willPlot(new String[0])).isFalse();
  }

  @Test
  void warmPassIsTheMedianOfTheSecondHalf() {
    assertThat(CompareCommand.warmPassSeconds(java.util.List.of(9.0, 1.0, 5.0, 3.0, 4.0))).isEqualTo(4.0);
    assertThat(CompareCommand.warmPassSeconds(java.util.List.of(7.0))).isEqualTo(7.0);
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  @Test
  void unknownProblemOrMethodListsTheValidOnes() {
    Run r = run("compare", "--problem", "nope", "--out", tmp.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown problem 'nope'").contains("seed-mlp").contains("seed-regression").contains("rastrigin");
    Run m = run("compare", "--methods", "adam,magic", "--out", tmp.toString());
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err()).contains("unknown method 'magic'").contains("adam").contains("cma");
  }

  @Test
  void unwritableOutputFolderSaysSo() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    Run r = run("compare", "--methods", "cma", "--maxiter", "2", "--out", file.resolve("sub").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cannot").contains("plain-file");
    Run r2 = run("compare", "--methods", "cma", "--maxiter", "2", "--out", file.toString());
    assertThat(r2.err()).contains("exists and is not a directory");
  }

  @Test
  void badNumbersAreRejected() {
    assertThat(run("compare", "--maxiter", "0", "--out", tmp.toString()).err()).contains("--maxiter must be at least 1, got 0");
    assertThat(run("compare", "--threads", "0", "--out", tmp.toString()).err()).contains("--threads must be at least 1");
    assertThat(run("compare", "--seed", "-1", "--out", tmp.toString()).err())
        .contains("--seed must be between 0 and 4294967295").contains("got -1");
  }

  @Test
  void benchmarkProblemsRun() {
    Run r = run("compare", "--problem", "rastrigin-5", "--methods", "cma,de", "--maxiter", "5", "--no-plot", "--out", tmp.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("rastrigin-5");
  }

  @Test
  void listShowsProblemsAndMethods() {
    Run r = run("compare", "--list");
    assertThat(r.out()).contains("seed-mlp").contains("seed-regression").contains("dual-annealing");
  }
}
