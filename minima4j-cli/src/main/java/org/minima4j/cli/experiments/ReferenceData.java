package org.minima4j.cli.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the reference files bundled in the CLI jar (copied from the project's shared reference data). */
public final class ReferenceData {
  private ReferenceData() {}

  public static JsonNode load(String name) {
    try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + name)) {
      if (in == null) {
        throw new IllegalStateException("bundled reference file " + name + " is missing from the jar");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled reference file " + name, e);
    }
  }

  public static double[] vector(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }

  public static double[][] matrix(JsonNode rows) {
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(rows.get(i));
    }
    return m;
  }
}
