package org.minima4j.optimize.global.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code GlobalBenchmarkMain [anchor.json] [out.md] [threads] [seeds] [dims, comma separated]}: runs
 * {@link GlobalBenchmark} (the global.json protocol), writes the report and prints it.
 */
public final class GlobalBenchmarkMain {
  private GlobalBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    Path anchor = Path.of(args.length > 0 ? args[0] : "minima4j-optimize/src/test/resources/reference/global_runs.json");
    Path out = Path.of(args.length > 1 ? args[1] : "minima4j-optimize/target/global-benchmark.md");
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Math.max(1, Runtime.getRuntime().availableProcessors());
    int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int[] dims = args.length > 4 ? Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {2, 5, 10};
    String md = GlobalBenchmark.run(anchor, threads, seeds, dims);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, md, StandardCharsets.UTF_8);
    System.out.println(md);
    System.out.println("written to " + out.toAbsolutePath());
  }
}
