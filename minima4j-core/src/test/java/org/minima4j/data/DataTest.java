package org.minima4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minima4j.tensor.Tensor;

class DataTest {
  @TempDir
  Path tmp;

  private static TensorDataset ten() {
    return new TensorDataset(Tensor.arange(20).reshape(10, 2), Tensor.arange(10));
  }

  @Test
  void tensorDatasetAndLoader() {
    TensorDataset ds = ten();
    assertThat(ds.size()).isEqualTo(10);
    assertThat(ds.get(3)[0].toArray()).containsExactly(6, 7);
    DataLoader dl = new DataLoader(ds, 4);
    List<Tensor[]> batches = new ArrayList<>();
    dl.forEach(batches::add);
    assertThat(dl.size()).isEqualTo(3);
    assertThat(batches).hasSize(3);
    assertThat(batches.get(2)[1].toArray()).containsExactly(8, 9);
    assertThat(new DataLoader(ds, 4, false, true, null).size()).isEqualTo(2);
  }

  @Test
  void shuffleIsSeededAndCoversEverySampleOncePerEpoch() {
    DataLoader a = new DataLoader(ten(), 3, true, false, new SplittableRandom(1));
    DataLoader b = new DataLoader(ten(), 3, true, false, new SplittableRandom(1));
    List<Double> epochA = new ArrayList<>();
    for (Tensor[] t : a) {
      for (double v : t[1].toArray()) {
        epochA.add(v);
      }
    }
    List<Double> epochB = new ArrayList<>();
    for (Tensor[] t : b) {
      for (double v : t[1].toArray()) {
        epochB.add(v);
      }
    }
    assertThat(epochA).isEqualTo(epochB).containsExactlyInAnyOrder(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0)
        .isNotEqualTo(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0));
  }

  @Test
  void splits() {
    List<Subset> parts = Datasets.randomSplit(ten(), new int[] {7, 3}, new SplittableRandom(2));
    assertThat(parts.get(0).size()).isEqualTo(7);
    assertThat(parts.get(1).size()).isEqualTo(3);
    List<Integer> all = new ArrayList<>();
    for (Subset s : parts) {
      for (int i : s.indices()) {
        all.add(i);
      }
    }
    assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(Datasets.trainValidationSplit(ten(), 0.2, new SplittableRandom(3)).get(1).size()).isEqualTo(2);
    assertThatThrownBy(() -> Datasets.randomSplit(ten(), new int[] {5, 4}, new SplittableRandom(1)))
        .hasMessageContaining("does not equal the length of the input dataset (10)");
  }

  @Test
  void iris() {
    Tensor[] d = Iris.load();
    assertThat(d[0].shape()).containsExactly(150, 4);
    assertThat(d[1].sum().item()).isEqualTo(150.0);
    assertThat(d[0].select(0, 0).toArray()).containsExactly(5.1, 3.5, 1.4, 0.2);
    // Fisher's values for samples 35 and 38 (1-based)
    assertThat(d[0].select(0, 34).toArray()).containsExactly(4.9, 3.1, 1.5, 0.2);
    assertThat(d[0].select(0, 37).toArray()).containsExactly(4.9, 3.6, 1.4, 0.1);
  }

  @Test
  void csvReadsNumbersAndMissingValues() throws IOException {
    Path f = Files.writeString(tmp.resolve("a.csv"), "a,b,c\n1,2,3\n4,,NA\n\n7.5,-1e3,nan\n");
    CsvTable t = CsvTable.read(f, true);
    assertThat(t.header()).containsExactly("a", "b", "c");
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(t.toTensor().toArray()).containsExactly(1, 2, 3, 4, Double.NaN, Double.NaN, 7.5, -1000, Double.NaN);
  }

  @Test
  void csvErrorsNameLineAndColumn() throws IOException {
    Path ragged = Files.writeString(tmp.resolve("r.csv"), "1,2,3\n4,5\n");
    assertThatThrownBy(() -> CsvTable.read(ragged, false)).hasMessageContaining("line 2 has 2 columns, expected 3");
    Path text = Files.writeString(tmp.resolve("t.csv"), "x,y\n1,2\n3,abc\n");
    assertThatThrownBy(() -> CsvTable.read(text, true)).hasMessageContaining("line 3, column 2: \"abc\" is not a number");
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> new DataLoader(ten(), 0)).hasMessage("batch_size should be a positive integer value, but got batch_size=0");
    assertThatThrownBy(() -> new DataLoader(ten(), 2, true, false, null)).hasMessageContaining("RandomGenerator");
    assertThatThrownBy(() -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4)))
        .hasMessageContaining("[3, 2]").hasMessageContaining("[4]");
  }

  @Test
  void syntheticGeneratorsAreSeeded() {
    Tensor[] a = Synthetic.classification(100, 4, 3, 3.0, new SplittableRandom(5));
    Tensor[] b = Synthetic.classification(100, 4, 3, 3.0, new SplittableRandom(5));
    assertThat(a[0].toArray()).containsExactly(b[0].toArray());
    assertThat(a[1].max().item()).isEqualTo(2.0);
    assertThat(Synthetic.regression(50, 3, 0.1, 1.0, new SplittableRandom(1))[1].shape()).containsExactly(50);
    assertThat(Synthetic.squares(11, 0.0, new SplittableRandom(1))[1].toArray()[0]).isEqualTo(1.0);
  }
}
