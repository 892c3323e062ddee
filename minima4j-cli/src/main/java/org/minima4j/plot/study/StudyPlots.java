package org.minima4j.plot.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;

/**
 * Plots of a study, after Optuna's {@code optuna.visualization}: optimization history, parameter importances
 * (PED-ANOVA), parallel coordinates, slice, contour, intermediate values and Pareto front. Each returns an
 * XChart chart (800 x 500, the style of {@link org.minima4j.plot.LinePlot}); {@link #save} writes PNG and SVG.
 * For a multi-objective study the single-objective plots use objective {@code target}.
 */
public final class StudyPlots {
  private static final Color BLUE = new Color(0x0072B2);
  private static final Color ORANGE = new Color(0xD55E00);
  private static final Color GREEN = new Color(0x009E73);
  private static final Color GREY = new Color(0x999999);

  private StudyPlots() {
  }

  private static void style(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
      a.setPlotGridLinesColor(new Color(0xDDDDDD));
    }
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
  }

  private static XYChart xy(String title, String x, String y) {
    XYChart c = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(x).yAxisTitle(y).build();
    style(c.getStyler());
    c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    c.getStyler().setMarkerSize(6);
    c.getStyler().setXAxisDecimalPattern("#,##0.###");
    c.getStyler().setYAxisDecimalPattern("#,##0.###");
    return c;
  }

  private static List<FrozenTrial> complete(Study study, int target) {
    List<FrozenTrial> out = new ArrayList<>();
    for (FrozenTrial t : study.getTrials(EnumSet.of(TrialState.COMPLETE))) {
      if (t.values() != null && Double.isFinite(t.values().get(target))) {
        out.add(t);
      }
    }
    return out;
  }

  private static void requireData(List<?> l, String what) {
    if (l.isEmpty()) {
      throw new IllegalArgumentException("The study has no complete trials to plot " + what + ".");
    }
  }

  /** Objective value of every complete trial by number, and the best value so far. */
  public static XYChart optimizationHistory(Study study, int target) {
    List<FrozenTrial> ts = complete(study, target);
    requireData(ts, "an optimization history");
    boolean max = study.directions().get(target) == StudyDirection.MAXIMIZE;
    double[] x = new double[ts.size()];
    double[] y = new double[ts.size()];
    double[] best = new double[ts.size()];
    for (int i = 0; i < ts.size(); i++) {
      x[i] = ts.get(i).number();
      y[i] = ts.get(i).values().get(target);
      best[i] = i == 0 ? y[i] : max ? Math.max(best[i - 1], y[i]) : Math.min(best[i - 1], y[i]);
    }
    XYChart c = xy("Optimization history: " + study.studyName(), "trial", "objective value");
    XYSeries s = c.addSeries("objective value", x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(BLUE);
    XYSeries b = c.addSeries("best value", x, best);
    b.setMarker(SeriesMarkers.NONE);
    b.setLineColor(ORANGE);
    b.setLineStyle(new BasicStroke(2f));
    return c;
  }

  /** PED-ANOVA importances as bars, largest first. */
  public static CategoryChart paramImportances(Study study, int target) {
    List<FrozenTrial> ts = complete(study, target);
    requireData(ts, "parameter importances");
    Map<String, Double> imp = PedAnova.importances(ts, study.directions().get(target), target, 0.1);
    if (imp.isEmpty()) {
      throw new IllegalArgumentException("Parameter importances need at least 3 complete trials.");
    }
    CategoryChart c = new CategoryChartBuilder().width(800).height(500)
        .title("Parameter importances (PED-ANOVA): " + study.studyName()).xAxisTitle("parameter")
        .yAxisTitle("importance").build();
    style(c.getStyler());
    c.getStyler().setLegendVisible(false);
    c.getStyler().setYAxisDecimalPattern("0.00");
    c.addSeries("importance", new ArrayList<>(imp.keySet()), new ArrayList<>(imp.values())).setFillColor(BLUE);
    return c;
  }

  /** Parameter names of the complete trials, in first-seen order. */
  public static List<String> paramNames(Study study) {
    Set<String> names = new LinkedHashSet<>();
    for (FrozenTrial t : study.getTrials(EnumSet.of(TrialState.COMPLETE))) {
      names.addAll(t.params().keySet());
    }
    return new ArrayList<>(names);
  }

  /** A parameter's internal value scaled to [0, 1] (log scale when the distribution is; choices by index). */
  static double unit(Distribution d, double v) {
    if (d instanceof CategoricalDistribution c) {
      return c.choices().size() == 1 ? 0.5 : v / (c.choices().size() - 1);
    }
    return PedAnova.scale(List.of(v), d)[0];
  }

  /**
   * One line per complete trial across the objective and every parameter, each axis scaled to [0, 1]; better
   * trials are drawn darker and on top.
   */
  public static XYChart parallelCoordinate(Study study, int target) {
    List<FrozenTrial> ts = complete(study, target);
    requireData(ts, "parallel coordinates");
    List<String> names = paramNames(study);
    boolean max = study.directions().get(target) == StudyDirection.MAXIMIZE;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (FrozenTrial t : ts) {
      lo = Math.min(lo, t.values().get(target));
      hi = Math.max(hi, t.values().get(target));
    }
    List<String> axes = new ArrayList<>();
    axes.add("objective");
    axes.addAll(names);
    XYChart c = xy("Parallel coordinates: " + study.studyName(), "", "scaled value (0 = low, 1 = high)");
    c.getStyler().setLegendVisible(false);
    c.getStyler().setXAxisTickLabelsFormattingFunction(v -> {
      int i = (int) Math.round(v);
      return Math.abs(v - i) < 1e-9 && i >= 0 && i < axes.size() ? axes.get(i) : "";
    });
    List<FrozenTrial> order = new ArrayList<>(ts);
    double span = hi > lo ? hi - lo : 1;
    // Worst first, so that the best lines end up on top.
    order.sort((a, b) -> max ? Double.compare(a.values().get(target), b.values().get(target))
        : Double.compare(b.values().get(target), a.values().get(target)));
    for (FrozenTrial t : order) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      double q = (t.values().get(target) - lo) / span;
      xs.add(0.0);
      ys.add(q);
      for (int k = 0; k < names.size(); k++) {
        Double v = t.internalParams().get(names.get(k));
        if (v != null) {
          xs.add(k + 1.0);
          ys.add(unit(t.distributions().get(names.get(k)), v));
        }
      }
      double goodness = max ? q : 1 - q;
      XYSeries s = c.addSeries("trial " + t.number(), xs, ys);
      s.setMarker(SeriesMarkers.NONE);
      int shade = (int) Math.round(220 - 200 * goodness);
      s.setLineColor(new Color(shade, shade, Math.min(255, shade + 35)));
      s.setLineStyle(new BasicStroke(1.2f));
    }
    return c;
  }

  /** Objective value against one parameter's value. */
  public static XYChart slice(Study study, String param, int target) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    Distribution dist = null;
    for (FrozenTrial t : complete(study, target)) {
      Double v = t.internalParams().get(param);
      if (v != null) {
        dist = t.distributions().get(param);
        Object ext = t.params().get(param);
        xs.add(ext instanceof Number n ? n.doubleValue() : v);
        ys.add(t.values().get(target));
      }
    }
    if (dist == null) {
      throw new IllegalArgumentException("No complete trial has the parameter '" + param + "'.");
    }
    XYChart c = xy("Slice: " + param + " (" + study.studyName() + ")", param, "objective value");
    c.getStyler().setLegendVisible(false);
    boolean log = dist instanceof FloatDistribution f && f.log() || dist instanceof IntDistribution i && i.log();
    c.getStyler().setXAxisLogarithmic(log);
    if (dist instanceof CategoricalDistribution cat && !(cat.choices().stream().allMatch(o -> o instanceof Number))) {
      List<Object> choices = cat.choices();
      c.getStyler().setXAxisTickLabelsFormattingFunction(v -> {
        int i = (int) Math.round(v);
        return Math.abs(v - i) < 1e-9 && i >= 0 && i < choices.size() ? String.valueOf(choices.get(i)) : "";
      });
    }
    XYSeries s = c.addSeries(param, xs, ys);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(BLUE);
    return c;
  }

  /**
   * The objective over two parameters as a heat map: a 25 x 25 grid over the parameters' scaled ranges,
   * each cell the inverse-distance-weighted mean of the complete trials' values (power 2). Cells hold the
   * grid values; axis labels are the scaled [0, 1] positions.
   */
  public static HeatMapChart contour(Study study, String px, String py, int target) {
    List<double[]> pts = new ArrayList<>();
    for (FrozenTrial t : complete(study, target)) {
      Double a = t.internalParams().get(px);
      Double b = t.internalParams().get(py);
      if (a != null && b != null) {
        pts.add(new double[] {unit(t.distributions().get(px), a), unit(t.distributions().get(py), b),
            t.values().get(target)});
      }
    }
    if (pts.size() < 2) {
      throw new IllegalArgumentException("A contour of '" + px + "' and '" + py + "' needs at least 2 complete"
          + " trials with both parameters.");
    }
    int n = 25;
    List<String> xs = new ArrayList<>();
    List<String> ys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(String.format(java.util.Locale.ROOT, "%.2f", (i + 0.5) / n));
      ys.add(String.format(java.util.Locale.ROOT, "%.2f", (i + 0.5) / n));
    }
    List<Number[]> cells = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double gx = (i + 0.5) / n;
        double gy = (j + 0.5) / n;
        double num = 0;
        double den = 0;
        for (double[] p : pts) {
          double d2 = (p[0] - gx) * (p[0] - gx) + (p[1] - gy) * (p[1] - gy) + 1e-9;
          num += p[2] / d2;
          den += 1 / d2;
        }
        double v = num / den;
        min = Math.min(min, v);
        max = Math.max(max, v);
        cells.add(new Number[] {i, j, v});
      }
    }
    HeatMapChart c = new HeatMapChartBuilder().width(800).height(500)
        .title("Contour: " + px + " x " + py + " (" + study.studyName() + ")").xAxisTitle(px + " (scaled)")
        .yAxisTitle(py + " (scaled)").build();
    style(c.getStyler());
    c.getStyler().setLegendVisible(true);
    c.getStyler().setShowValue(false);
    c.getStyler().setMin(min);
    c.getStyler().setMax(max > min ? max : min + 1);
    c.getStyler().setRangeColors(new Color[] {new Color(0x08306B), new Color(0x4292C6), new Color(0xDEEBF7)});
    c.getStyler().setHeatMapValueDecimalPattern("#,##0.###");
    c.addSeries("objective", xs, ys, cells);
    return c;
  }

  /** Every trial's reported values by step (Optuna's plot_intermediate_values). */
  public static XYChart intermediateValues(Study study) {
    XYChart c = xy("Intermediate values: " + study.studyName(), "step", "intermediate value");
    int shown = 0;
    for (FrozenTrial t : study.trials()) {
      if (t.intermediateValues().isEmpty()) {
        continue;
      }
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      t.intermediateValues().forEach((k, v) -> {
        if (Double.isFinite(v)) {
          xs.add(k.doubleValue());
          ys.add(v);
        }
      });
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries s = c.addSeries("trial " + t.number() + " (" + t.state().name().toLowerCase(java.util.Locale.ROOT) + ")",
          xs, ys);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineColor(t.state() == TrialState.PRUNED ? GREY : BLUE);
      s.setMarkerColor(t.state() == TrialState.PRUNED ? GREY : BLUE);
      shown++;
    }
    if (shown == 0) {
      throw new IllegalArgumentException("No trial of " + study.studyName() + " reported intermediate values.");
    }
    c.getStyler().setLegendVisible(shown <= 20);
    return c;
  }

  /** Two objectives of a multi-objective study: every complete trial, the Pareto front highlighted. */
  public static XYChart paretoFront(Study study, int first, int second) {
    if (study.directions().size() < 2) {
      throw new IllegalArgumentException("A Pareto front needs a study with at least two objectives.");
    }
    List<FrozenTrial> all = complete(study, first);
    requireData(all, "a Pareto front");
    Set<Integer> front = new LinkedHashSet<>();
    study.bestTrials().forEach(t -> front.add(t.number()));
    List<Double> ax = new ArrayList<>();
    List<Double> ay = new ArrayList<>();
    List<Double> fx = new ArrayList<>();
    List<Double> fy = new ArrayList<>();
    for (FrozenTrial t : all) {
      boolean onFront = front.contains(t.number());
      (onFront ? fx : ax).add(t.values().get(first));
      (onFront ? fy : ay).add(t.values().get(second));
    }
    XYChart c = xy("Pareto front: " + study.studyName(), "objective " + first, "objective " + second);
    if (!ax.isEmpty()) {
      XYSeries s = c.addSeries("dominated", ax, ay);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(GREY);
    }
    XYSeries f = c.addSeries("Pareto front", fx, fy);
    f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    f.setMarker(SeriesMarkers.DIAMOND);
    f.setMarkerColor(GREEN);
    return c;
  }

  /** Writes {@code base.png} and {@code base.svg}. */
  public static void save(Chart<?, ?> chart, Path base) throws IOException {
    BitmapEncoder.saveBitmap(chart, base.toString() + ".png", BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString() + ".svg",
        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }
}
