package org.minima4j.cli.walkthrough;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.minima4j.nn.Losses;
import org.minima4j.nn.Sequential;
import org.minima4j.optim.SGD;
import org.minima4j.train.Trainer;
import org.minima4j.cli.walkthrough.WalkthroughRunner.Outcome;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.Objective;
import org.minima4j.tune.Studies;
import org.minima4j.tune.Study;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.StudyOptions;
import org.minima4j.tune.TrialPruned;
import org.minima4j.tune.nas.ArchitectureEvaluator;
import org.minima4j.tune.nas.RegularizedEvolution;
import org.minima4j.tune.nas.ReinforceSearch;
import org.minima4j.tune.nas.SearchSpace;
import org.minima4j.tune.pruners.HyperbandPruner;
import org.minima4j.tune.pruners.Pruner;
import org.minima4j.tune.pruners.SuccessiveHalvingPruner;
import org.minima4j.tune.samplers.GPSampler;
import org.minima4j.tune.samplers.GridSampler;
import org.minima4j.tune.samplers.RandomSampler;
import org.minima4j.tune.samplers.Sampler;
import org.minima4j.tune.samplers.TPESampler;

/**
 * The tuning walkthrough of the seed article: a one-hidden-layer network (hidden size h in
 * [8, 128], SGD learning rate in [1e-3, 1] log-uniform) tuned by grid, random, TPE and GP search,
 * then with epochs as the resource by successive halving (over the grid) and Hyperband (with
 * TPE), then an architecture search by regularized evolution and by a REINFORCE policy.
 */
final class Walkthrough {
  /** The reference grid: h in {16, 64, 128} x lr in {0.001, 0.01, 0.1, 0.5}. */
  static final Map<String, List<?>> GRID = new LinkedHashMap<>();

  static {
    GRID.put("h", List.of(16, 64, 128));
    GRID.put("lr", List.of(0.001, 0.01, 0.1, 0.5));
  }

  /**
   * @param shMinResource epochs of successive halving's first rung
   * @param shReductionFactor successive halving's eta
   */
  record Options(int trials, int epochs, int nasCandidates, int nasEpochs, long seed, int shMinResource, int shReductionFactor) {}

  private final ClassificationTask task;
  private final Options options;

  Walkthrough(ClassificationTask task, Options options) {
    this.task = task;
    this.options = options;
  }

  Outcome grid() {
    return hpo("grid", new GridSampler(GRID, options.seed()), null, 12);
  }

  Outcome random() {
    return hpo("random", new RandomSampler(options.seed()), null, options.trials());
  }

  Outcome tpe() {
    return hpo("tpe", new TPESampler(options.seed()), null, options.trials());
  }

  Outcome gp() {
    return hpo("gp", new GPSampler(options.seed()), null, options.trials());
  }

  /**
   * Successive halving over the reference grid with epochs as the resource: a trial continues past
   * a rung (the first at {@code shMinResource} epochs, then every factor {@code shReductionFactor})
   * when it is in the best 1/eta of the trials that reached that rung.
   */
  Outcome successiveHalving() {
    return hpo("successive-halving", new GridSampler(GRID, options.seed()),
        new SuccessiveHalvingPruner(options.shMinResource(), options.shReductionFactor(), 0, 0), 12);
  }

  /** Hyperband (min resource epochs/20, max resource epochs, eta 3) with TPE. */
  Outcome hyperband() {
    return hpo("hyperband", new TPESampler(options.seed()),
        new HyperbandPruner(Math.max(1, options.epochs() / 20), options.epochs(), 3, 0), options.trials());
  }

  private Outcome hpo(String name, Sampler sampler, Pruner pruner, int nTrials) {
    long t0 = System.nanoTime();
    long epochsBefore = task.epochsTrained;
    StudyOptions so = StudyOptions.DEFAULTS.withStudyName(name).withDirection(StudyDirection.MAXIMIZE).withSampler(sampler);
    if (pruner != null) {
      so = so.withPruner(pruner);
    }
    Study study = Studies.create(so);
    Objective objective = trial -> {
      int h = trial.suggestInt("h", 8, 128);
      double lr = trial.suggestFloat("lr", 1e-3, 1.0, true);
      Sequential model = task.simpleNN(h);
      int[] trained = {0};
      boolean[] pruned = {false};
      double[] res = task.fit(model, lr, options.epochs(), s -> {
        trained[0] = s.epoch();
        if (pruner != null) {
          trial.report(s.valAccuracy(), s.epoch());
          if (trial.shouldPrune()) {
            pruned[0] = true;
            return true;
          }
        }
        return false;
      });
      trial.setUserAttr("epochs", trained[0]);
      trial.setUserAttr("val_loss", res[1]);
      if (pruned[0]) {
        throw new TrialPruned("pruned after epoch " + trained[0]);
      }
      return res[0];
    };
    study.optimize(objective, nTrials);
    List<Outcome.Row> rows = new ArrayList<>();
    for (FrozenTrial t : study.trials()) {
      Object ep = t.userAttrs().get("epochs");
      Object vl = t.userAttrs().get("val_loss");
      double acc = t.state().name().equals("COMPLETE") ? t.value() : lastIntermediate(t);
      rows.add(new Outcome.Row(t.number(), String.format(Locale.ROOT, "h=%s lr=%.4g", t.params().get("h"),
          ((Number) t.params().get("lr")).doubleValue()), t.state().name(), acc,
          vl == null ? Double.NaN : ((Number) vl).doubleValue(), ep == null ? 0 : ((Number) ep).intValue()));
    }
    return Outcome.of(name, rows, task.epochsTrained - epochsBefore, (System.nanoTime() - t0) * 1e-9);
  }

  private static double lastIntermediate(FrozenTrial t) {
    return t.intermediateValues().isEmpty() ? Double.NaN : t.intermediateValues().get(t.intermediateValues().lastKey());
  }

  /** Architecture search candidates: the search space's networks trained full-batch by SGD (lr 0.1). */
  private ArchitectureEvaluator evaluator(List<Outcome.Row> rows, int[] epochs) {
    return (arch, seed) -> {
      Sequential model = arch.build(task.features, task.classes, new SplittableRandom(seed));
      Trainer t = new Trainer(model, new SGD(model.parameters(), SGD.Options.DEFAULTS.withLr(0.1)), Losses::crossEntropy,
          Trainer.Options.DEFAULTS.withEpochs(options.nasEpochs()).withBatchSize(0).withShuffle(false));
      Trainer.Result r = t.fit(task.train, task.validation, null);
      epochs[0] += r.history().size();
      double acc = r.last().valAccuracy();
      rows.add(new Outcome.Row(rows.size(), arch.toString(), Double.isNaN(acc) ? "FAIL" : "COMPLETE", acc,
          r.last().valLoss(), r.history().size()));
      return acc;
    };
  }

  Outcome regularizedEvolution() {
    long t0 = System.nanoTime();
    List<Outcome.Row> rows = new ArrayList<>();
    int[] epochs = {0};
    int population = Math.max(2, Math.min(10, options.nasCandidates() / 3));
    new RegularizedEvolution(SearchSpace.DEFAULT, population, Math.max(1, population / 3), options.seed())
        .search(evaluator(rows, epochs), Math.max(population, options.nasCandidates()));
    return Outcome.of("nas-evolution", rows, epochs[0], (System.nanoTime() - t0) * 1e-9);
  }

  Outcome reinforce() {
    long t0 = System.nanoTime();
    List<Outcome.Row> rows = new ArrayList<>();
    int[] epochs = {0};
    new ReinforceSearch(SearchSpace.DEFAULT, 0.5, 0.9, options.seed())
        .search(evaluator(rows, epochs), options.nasCandidates());
    return Outcome.of("nas-reinforce", rows, epochs[0], (System.nanoTime() - t0) * 1e-9);
  }

}
