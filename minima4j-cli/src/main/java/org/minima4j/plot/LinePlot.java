package org.minima4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart with a legend, axis titles and an optional log-scale y axis, written as PNG and
 * SVG with XChart. Series are drawn in a fixed, colour-blind-friendly palette (Okabe-Ito).
 */
public final class LinePlot {
  private static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
      new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

  /** One curve: name, x values, y values; {@code markersOnly} draws points without a line. */
  public record Series(String name, double[] x, double[] y, boolean markersOnly) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length + " y values");
      }
    }
  }

  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final boolean logY;
  private final List<Series> series = new ArrayList<>();

  public LinePlot(String title, String xTitle, String yTitle, boolean logY) {
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    this.logY = logY;
  }

  public LinePlot add(Series s) {
    series.add(s);
    return this;
  }

  /** Builds the XChart chart (800 x 500). */
  public XYChart chart() {
    XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    Styler.ChartTheme theme = Styler.ChartTheme.XChart;
    chart.getStyler().setTheme(theme.newInstance(theme));
    chart.getStyler().setYAxisLogarithmic(logY);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(0xDDDDDD));
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.getStyler().setMarkerSize(6);
    chart.getStyler().setXAxisDecimalPattern("#,##0.##");
    chart.getStyler().setYAxisDecimalPattern(logY ? "0.#E0" : "#,##0.##");
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      double[] y = s.y();
      if (logY) {
        y = positive(y);
      }
      XYSeries xy = chart.addSeries(s.name(), s.x(), y);
      xy.setLineColor(PALETTE[i % PALETTE.length]);
      xy.setMarkerColor(PALETTE[i % PALETTE.length]);
      if (s.markersOnly()) {
        xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        xy.setMarker(SeriesMarkers.CIRCLE);
      } else {
        xy.setMarker(SeriesMarkers.NONE);
        xy.setLineStyle(new BasicStroke(2.0f));
      }
    }
    return chart;
  }

  /** Log axes cannot show values <= 0 or non-finite ones: clamp to the smallest positive value. */
  private static double[] positive(double[] y) {
    double min = Double.POSITIVE_INFINITY;
    for (double v : y) {
      if (v > 0 && v < min) {
        min = v;
      }
    }
    double floor = Double.isInfinite(min) ? 1e-300 : min;
    double[] out = y.clone();
    for (int i = 0; i < out.length; i++) {
      if (!(out[i] > 0) || Double.isInfinite(out[i])) {
        out[i] = Double.isInfinite(out[i]) && out[i] > 0 ? Double.MAX_VALUE : floor;
      }
    }
    return out;
  }

  /** Writes {@code base.png} and {@code base.svg} (the two encoders run in parallel). */
  public void save(Path base) throws IOException {
    XYChart png = chart();
    XYChart svg = chart();
    CompletableFuture<Void> vector = CompletableFuture.runAsync(() -> {
      try {
        VectorGraphicsEncoder.saveVectorGraphic(svg, base.toString() + ".svg", VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    BitmapEncoder.saveBitmap(png, base.toString() + ".png", BitmapEncoder.BitmapFormat.PNG);
    try {
      vector.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw e;
    }
  }

  /** The warm-up thread, once started (at most one per JVM). */
  private static Thread warmUp;

  /**
   * Starts loading Java2D, fonts and the encoders on a daemon thread, so that a command can
   * overlap that one-time cost (hundreds of milliseconds) with its own start-up. Only the first
   * call in a JVM starts it.
   */
  public static synchronized void warmUpInBackground() {
    if (warmUp != null) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        LinePlot p = new LinePlot("warm-up", "x", "y", true);
        p.add(new Series("s", new double[] {1, 2}, new double[] {1, 10}, false));
        XYChart c = p.chart();
        BitmapEncoder.getBufferedImage(c);
        VectorGraphicsEncoder.saveVectorGraphic(c, OutputStream.nullOutputStream(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      } catch (IOException | RuntimeException e) {
        // a failed warm-up only means the real save pays the start-up cost
      }
    }, "plot-warm-up");
    t.setDaemon(true);
    t.start();
    warmUp = t;
  }

  /**
   * Waits (at most {@code timeoutMillis}) for a started warm-up to finish, so that work timed
   * afterwards does not share the processor with it; returns at once when none was started.
   */
  public static void awaitWarmUp(long timeoutMillis) throws InterruptedException {
    Thread t;
    synchronized (LinePlot.class) {
      t = warmUp;
    }
    if (t != null) {
      t.join(timeoutMillis);
    }
  }
}
