package org.minima4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Smoke-runs every README example (their output is captured, not printed) and checks what it claims. */
class ExamplesTest {
  interface Main {
    void run(String[] args) throws Exception;
  }

  private static String capture(Main main) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      main.run(new String[0]);
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  private static double number(String text, String after) {
    int i = text.indexOf(after) + after.length();
    int j = i;
    while (j < text.length() && "0123456789.-eE+".indexOf(text.charAt(j)) >= 0) {
      j++;
    }
    return Double.parseDouble(text.substring(i, j));
  }

  @Test
  void trainingLoopReducesTheLoss() throws Exception {
    String out = capture(TrainingLoop::main);
    assertThat(number(out, "-> ")).isLessThan(number(out, "loss "));
    assertThat(out).contains("state").contains("param_groups");
  }

  @Test
  void minimizeFindsTheMinimum() throws Exception {
    String out = capture(MinimizeRosenbrock::main);
    assertThat(out).contains("CONVERGENCE");
    assertThat(number(out, "f = ")).isLessThan(1e-8);
  }

  @Test
  void dictMinimizeFindsTheMinimum() throws Exception {
    String out = capture(DictMinimizeRosenbrock::main);
    assertThat(number(out, "a = ")).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(number(out, "b = ")).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
  }

  @Test
  void cmaAskTellRuns() throws Exception {
    String out = capture(CmaAskTell::main);
    assertThat(out).startsWith("best ");
    assertThat(number(out, "best ")).isLessThan(100);
  }

  @Test
  void irisClassifierLearns() throws Exception {
    String out = capture(IrisClassifier::main);
    assertThat(number(out, "validation accuracy ")).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void ewaDemoPrintsThirtyDays() throws Exception {
    String out = capture(EwaDemo::main);
    assertThat(out.lines()).hasSize(31);
  }

  @Test
  void studyQuickStartFindsAGoodRegion() throws Exception {
    String out = capture(StudyQuickStart::main);
    assertThat(number(out, "best value ")).isLessThan(0.1);
    assertThat(out).contains("after 100 trials");
  }

  @Test
  void tuningWalkthroughReportsEverySearch() throws Exception {
    String out = capture(TuningWalkthrough::main);
    assertThat(out.lines()).hasSize(4);
    assertThat(number(out, "grid                 best val acc ")).isGreaterThanOrEqualTo(0.95);
  }
}
