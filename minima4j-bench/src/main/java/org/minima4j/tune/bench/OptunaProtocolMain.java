package org.minima4j.tune.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code OptunaProtocolMain [optuna.json] [out.md] [sampler,sampler,...]}: reruns the optuna.json
 * protocol with {@link OptunaProtocol}, prints each row as it finishes and writes the table.
 */
public final class OptunaProtocolMain {
  private OptunaProtocolMain() {}

  public static void main(String[] args) throws Exception {
    Path ref = Path.of(args.length > 0 ? args[0] : "minima4j-tune/src/test/resources/reference/optuna.json");
    Path out = Path.of(args.length > 1 ? args[1] : "optuna-protocol.md");
    List<String> names = args.length > 2 ? Arrays.asList(args[2].split(",")) : OptunaProtocol.samplerNames();
    String md = OptunaProtocol.report(ref, names, System.out::println);
    Files.writeString(out, md, StandardCharsets.UTF_8);
    System.out.println("wrote " + out.toAbsolutePath());
  }
}
