package org.minima4j.plot.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.TrialPruned;
import org.minima4j.tune.samplers.RandomSampler;

class StudyPlotsTest {
  @TempDir
  Path tmp;

  private static Study study(StudyDirection d) {
    Study s = Studies.create(StudyOptions.DEFAULTS.withDirection(d).withSampler(new RandomSampler(5)));
    s.optimize(t -> {
      double x = t.suggestFloat("x", -1, 1);
      double y = t.suggestFloat("y", -1, 1);
      String c = t.suggestCategorical("c", "a", "b");
      t.report(x * x, 0);
      t.report(x * x / 2, 1);
      if (t.number() % 7 == 6) {
        throw new TrialPruned();
      }
      return 100 * x * x + 0.01 * y + (c.equals("a") ? 0 : 0.001);
    }, 80);
    return s;
  }

  @Test
  void pedAnovaRanksTheParameterThatMattersFirst() {
    Study s = study(StudyDirection.MINIMIZE);
    Map<String, Double> imp = PedAnova.importances(s.trials(), StudyDirection.MINIMIZE, 0, 0.1);
    assertThat(new ArrayList<>(imp.keySet()).get(0)).isEqualTo("x");
    assertThat(imp.get("x")).isGreaterThan(imp.get("y")).isGreaterThan(0.5);
    assertThat(imp.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
        org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void historyTracksTheBestValueInTheStudysDirection() {
    Study min = study(StudyDirection.MINIMIZE);
    XYChart c = StudyPlots.optimizationHistory(min, 0);
    double[] best = c.getSeries("best value").getYData();
    for (int i = 1; i < best.length; i++) {
      assertThat(best[i]).isLessThanOrEqualTo(best[i - 1]);
    }
    assertThat(best[best.length - 1]).isEqualTo(min.bestValue());
    Study max = study(StudyDirection.MAXIMIZE);
    double[] bestMax = StudyPlots.optimizationHistory(max, 0).getSeries("best value").getYData();
    assertThat(bestMax[bestMax.length - 1]).isEqualTo(max.bestValue());
  }

  @Test
  void everyPlotRendersToPngAndSvg() throws Exception {
    Study s = study(StudyDirection.MINIMIZE);
    StudyPlots.save(StudyPlots.parallelCoordinate(s, 0), tmp.resolve("p"));
    StudyPlots.save(StudyPlots.slice(s, "c", 0), tmp.resolve("s"));
    StudyPlots.save(StudyPlots.contour(s, "x", "y", 0), tmp.resolve("c"));
    StudyPlots.save(StudyPlots.intermediateValues(s), tmp.resolve("i"));
    StudyPlots.save(StudyPlots.paramImportances(s, 0), tmp.resolve("m"));
    for (String f : new String[] {"p", "s", "c", "i", "m"}) {
      assertThat(tmp.resolve(f + ".png")).isNotEmptyFile();
      assertThat(tmp.resolve(f + ".svg")).isNotEmptyFile();
    }
    assertThatThrownBy(() -> StudyPlots.paretoFront(s, 0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two objectives");
    assertThatThrownBy(() -> StudyPlots.slice(s, "nope", 0)).isInstanceOf(IllegalArgumentException.class);
    Study empty = Studies.create(StudyOptions.DEFAULTS);
    assertThatThrownBy(() -> StudyPlots.optimizationHistory(empty, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no complete trials");
  }
}
