package org.minima4j.cli.walkthrough;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of the walkthrough for the command line: runs one named search and reports it. */
public final class WalkthroughRunner {
  /** The searches, in the walkthrough's order. */
  public static final List<String> SEARCHES = List.of("grid", "random", "tpe", "gp", "successive-halving", "hyperband",
      "nas-evolution", "nas-reinforce");

  /** A finished search. */
  public record Outcome(String name, List<Row> rows, Row best, long epochs, double seconds, double[] bestSoFar) {
    /** One trial or candidate. */
    public record Row(int number, String config, String state, double valAccuracy, double valLoss, int epochs) {}

    /** An outcome with its best row (highest validation accuracy, ties by lower loss) and best-so-far curve. */
    static Outcome of(String name, List<Row> rows, long epochs, double seconds) {
      Row best = null;
      double[] bestSoFar = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        Row r = rows.get(i);
        boolean usable = r.state().equals("COMPLETE") && !Double.isNaN(r.valAccuracy());
        if (usable && (best == null || r.valAccuracy() > best.valAccuracy()
            || (r.valAccuracy() == best.valAccuracy() && r.valLoss() < best.valLoss()))) {
          best = r;
        }
        bestSoFar[i] = best == null ? Double.NaN : best.valAccuracy();
      }
      return new Outcome(name, List.copyOf(rows), best, epochs, seconds, bestSoFar);
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("search", name);
      m.put("epochs_trained", epochs);
      m.put("seconds", seconds);
      m.put("best", best);
      m.put("trials", rows);
      m.put("best_so_far", bestSoFar);
      return m;
    }
  }

  private final Walkthrough walkthrough;

  public WalkthroughRunner(String dataset, int trials, int epochs, int nasCandidates, int nasEpochs, long seed) {
    this(dataset, trials, epochs, nasCandidates, nasEpochs, seed, Math.max(1, epochs / 4), 2);
  }

  public WalkthroughRunner(String dataset, int trials, int epochs, int nasCandidates, int nasEpochs, long seed,
      int shMinResource, int shReductionFactor) {
    ClassificationTask task;
    switch (dataset) {
      case "classify":
        task = ClassificationTask.reference();
        break;
      case "iris":
        task = ClassificationTask.iris(seed);
        break;
      default:
        throw new IllegalArgumentException("unknown dataset '" + dataset + "'; valid datasets: classify, iris");
    }
    walkthrough = new Walkthrough(task, new Walkthrough.Options(trials, epochs, nasCandidates, nasEpochs, seed, shMinResource, shReductionFactor));
  }

  public Outcome run(String search) {
    switch (search) {
      case "grid": return walkthrough.grid();
      case "random": return walkthrough.random();
      case "tpe": return walkthrough.tpe();
      case "gp": return walkthrough.gp();
      case "successive-halving": return walkthrough.successiveHalving();
      case "hyperband": return walkthrough.hyperband();
      case "nas-evolution": return walkthrough.regularizedEvolution();
      case "nas-reinforce": return walkthrough.reinforce();
      default:
        throw new IllegalArgumentException("unknown search '" + search + "'; valid searches: " + String.join(", ", SEARCHES));
    }
  }
}
