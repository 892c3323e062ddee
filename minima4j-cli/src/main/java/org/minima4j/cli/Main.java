package org.minima4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.minima4j.plot.LinePlot;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ./minima} command line. */
@Command(
    name = "minima",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "minima4j: optimizers for machine learning on the JVM.")
public final class Main implements Callable<Integer> {
  /**
   * The subcommands, in the order the help lists them. Only the one named on the command line is
   * built (picocli reads every option of every command it is given, a few hundred milliseconds on a
   * fresh JVM); help, an unknown name or no name gets them all.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("compare", CompareCommand::new);
    SUBCOMMANDS.put("walkthrough", WalkthroughCommand::new);
    SUBCOMMANDS.put("bench", BenchCommand::new);
    SUBCOMMANDS.put("ewa", EwaCommand::new);
    SUBCOMMANDS.put("study", org.minima4j.cli.study.StudyCommand::new);
    SUBCOMMANDS.put("version", VersionCommand::new);
    SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (CompareCommand.willPlot(args)) {
      // the plot's one-time Java2D start-up overlaps the command line's own start-up (two cores: the
      // main thread parses while this thread loads the plotting code); compare waits for it to end
      // before it times the methods
      LinePlot.warmUpInBackground();
    }
    CommandLine cl = new CommandLine(new Main());
    String named = args.length > 0 ? args[0] : "";
    for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
      if (!SUBCOMMANDS.containsKey(named) || named.equals("help") || e.getKey().equals(named)) {
        cl.addSubcommand(e.getKey(), e.getValue().get());
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, line, parse) -> {
      if (ex instanceof CliException || ex instanceof IllegalArgumentException) {
        line.getErr().println("minima: " + ex.getMessage());
        return 2;
      }
      throw ex;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** The project version, from the build. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/minima4j-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"minima4j " + version()};
    }
  }

  @Command(name = "version", description = "Print the minima4j version.")
  static final class VersionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println("minima4j " + version());
      return 0;
    }
  }
}
