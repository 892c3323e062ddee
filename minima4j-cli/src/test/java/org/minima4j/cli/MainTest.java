package org.minima4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void versionPrintsTheBuildVersion() {
    String[] r = run("version");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).startsWith("minima4j ").doesNotContain("${").doesNotContain("unknown");
  }

  @Test
  void helpListsTheCommands() {
    String[] r = run("--help");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("version").contains("Usage: minima");
    for (String c : new String[] {"compare", "walkthrough", "bench", "ewa", "study", "version", "help"}) {
      assertThat(r[1]).contains("  " + c + " ");
    }
    assertThat(run()[1]).isEqualTo(r[1]);
  }

  @Test
  void helpOfOneCommandAndTheHelpCommandWork() {
    String[] r = run("help", "ewa");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("Usage: minima ewa");
    String[] s = run("study", "--help");
    assertThat(s[0]).isEqualTo("0");
    assertThat(s[1]).contains("Usage: minima study").contains("create");
  }

  @Test
  void unknownCommandFailsWithAMessage() {
    String[] r = run("no-such-command");
    assertThat(r[0]).isNotEqualTo("0");
    assertThat(r[2]).contains("no-such-command");
  }

  @Test
  void benchReportsSpreadOverSeeds() {
    String[] r = run("bench", "--seeds", "2", "--maxiter", "5", "--methods", "pso,cma", "--targets", "1e9,1e9");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("pso").contains("cma").contains("2/2");
    String[] bad = run("bench", "--methods", "pso", "--targets", "1,2");
    assertThat(bad[0]).isEqualTo("2");
    assertThat(bad[2]).contains("--targets needs one value per method");
  }
}
