package org.minima4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima4j.cli.walkthrough.WalkthroughRunner;

class WalkthroughCommandTest {
  @TempDir
  Path tmp;

  @Test
  void everySearchRunsAndReports() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"walkthrough", "--dataset", "iris", "--trials", "3", "--epochs", "20", "--nas-candidates", "4",
        "--nas-epochs", "5", "--out", tmp.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    for (String s : WalkthroughRunner.SEARCHES) {
      assertThat(out.toString()).contains("== " + s);
    }
    assertThat(out.toString()).contains("successive halving trained");
    JsonNode json = new ObjectMapper().readTree(tmp.resolve("walkthrough.json").toFile());
    assertThat(json.get("searches")).hasSize(8);
    assertThat(tmp.resolve("hpo.png")).isNotEmptyFile();
    assertThat(tmp.resolve("nas.png")).isNotEmptyFile();
  }

  @Test
  void successiveHalvingTrainsLessThanTheGridForAnEqualBest() {
    WalkthroughRunner r = new WalkthroughRunner("iris", 5, 60, 2, 2, 0);
    WalkthroughRunner.Outcome grid = r.run("grid");
    WalkthroughRunner.Outcome sh = r.run("successive-halving");
    assertThat(grid.epochs()).isEqualTo(12 * 60);
    assertThat(sh.epochs()).isLessThan(grid.epochs());
    assertThat(sh.best().valAccuracy()).isGreaterThanOrEqualTo(grid.best().valAccuracy());
  }

  @Test
  void tunedIrisNetworkReaches95Percent() {
    WalkthroughRunner.Outcome tpe = new WalkthroughRunner("iris", 12, 200, 2, 2, 0).run("tpe");
    assertThat(tpe.best().valAccuracy()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void unknownDatasetOrSearchIsRejected() {
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"walkthrough", "--dataset", "mnist", "--out", tmp.toString()}, new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown dataset 'mnist'; valid datasets: classify, iris");
    StringWriter err2 = new StringWriter();
    Main.run(new String[] {"walkthrough", "--dataset", "iris", "--searches", "bayes", "--out", tmp.toString()},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true));
    assertThat(err2.toString()).contains("unknown search 'bayes'");
  }
}
