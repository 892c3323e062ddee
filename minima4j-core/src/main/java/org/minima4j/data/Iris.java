package org.minima4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.minima4j.tensor.Tensor;

/**
 * The Iris data set, bundled: 150 flowers, 4 features in cm (sepal length, sepal width, petal
 * length, petal width), 3 classes (0 setosa, 1 versicolor, 2 virginica), 50 each.
 *
 * <p>R. A. Fisher (1936), "The use of multiple measurements in taxonomic problems"; UCI Machine
 * Learning Repository, https://doi.org/10.24432/C56C76, CC BY 4.0. The bundled file is the one
 * scikit-learn distributes (sha256 f13ffa8f...1449), which carries Fisher's published values for
 * samples 35 and 38.
 */
public final class Iris {
  public static final List<String> FEATURES = List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)",
      "petal width (cm)");
  public static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");

  private Iris() {}

  /** {@code {features (150 x 4), labels (150)}}. */
  public static Tensor[] load() {
    try (InputStream in = Iris.class.getResourceAsStream("iris.csv")) {
      if (in == null) {
        throw new IllegalStateException("the bundled iris.csv is missing from the jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      // first line: "150,4,setosa,versicolor,virginica" (counts and class names), then the rows
      CsvTable t = CsvTable.parse(text.substring(text.indexOf('\n') + 1), false);
      return new Tensor[] {t.columns(0, 1, 2, 3), t.columns(4).reshape(-1)};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data as a dataset of (features, label) samples. */
  public static TensorDataset dataset() {
    Tensor[] d = load();
    return new TensorDataset(d[0], d[1]);
  }
}
