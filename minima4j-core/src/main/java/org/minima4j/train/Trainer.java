package org.minima4j.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.minima4j.autograd.GradMode;
import org.minima4j.data.DataLoader;
import org.minima4j.data.Dataset;
import org.minima4j.nn.Module;
import org.minima4j.optim.Optimizer;
import org.minima4j.optim.StateDicts;
import org.minima4j.tensor.Tensor;

/**
 * A small training loop: epochs of mini-batch steps ({@code zeroGrad; loss; backward; step}),
 * training metrics, validation after each epoch, optional early stopping, checkpoints that resume
 * exactly ({@link #saveCheckpoint}, {@link #loadCheckpoint}), and an epoch callback that can stop
 * the run (for LR schedulers, checkpoints, or reporting to a study trial so a pruner can stop a
 * bad run).
 *
 * <p>For classification (a prediction with one more dimension than the target), accuracy counts
 * argmax predictions equal to the integer targets, with torch.argmax's first-index rule on ties.
 */
public final class Trainer {
  /** Called after each epoch; returning true stops training. */
  @FunctionalInterface
  public interface EpochCallback {
    boolean afterEpoch(EpochStats stats);
  }

  /**
   * @param epochs number of epochs
   * @param batchSize samples per step; 0 means full batch
   * @param shuffle reshuffle the training set each epoch (with a generator seeded by {@code seed})
   * @param seed seed of the shuffling
   * @param earlyStoppingPatience epochs without improvement before stopping; 0 disables it
   * @param earlyStoppingMinDelta the improvement that counts
   */
  public record Options(int epochs, int batchSize, boolean shuffle, long seed, int earlyStoppingPatience,
      double earlyStoppingMinDelta) {
    public static final Options DEFAULTS = new Options(10, 32, true, 0L, 0, 0.0);

    public Options {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
      }
      if (batchSize < 0) {
        throw new IllegalArgumentException("batch_size should be a positive integer value (or 0 for full batch), but got batch_size="
            + batchSize);
      }
      if (earlyStoppingPatience < 0) {
        throw new IllegalArgumentException("earlyStoppingPatience must be >= 0, got " + earlyStoppingPatience);
      }
    }

    public Options withEpochs(int v) {
      return new Options(v, batchSize, shuffle, seed, earlyStoppingPatience, earlyStoppingMinDelta);
    }

    public Options withBatchSize(int v) {
      return new Options(epochs, v, shuffle, seed, earlyStoppingPatience, earlyStoppingMinDelta);
    }

    public Options withShuffle(boolean v) {
      return new Options(epochs, batchSize, v, seed, earlyStoppingPatience, earlyStoppingMinDelta);
    }

    public Options withSeed(long v) {
      return new Options(epochs, batchSize, shuffle, v, earlyStoppingPatience, earlyStoppingMinDelta);
    }

    public Options withEarlyStopping(int patience, double minDelta) {
      return new Options(epochs, batchSize, shuffle, seed, patience, minDelta);
    }
  }

  /** What a run produced: per-epoch figures and why it stopped. */
  public record Result(List<EpochStats> history, String stopReason) {
    public EpochStats last() {
      return history.get(history.size() - 1);
    }
  }

  private final Module model;
  private final Optimizer<?, ?> optimizer;
  private final LossFunction loss;
  private final Options options;
  private final List<EpochStats> history = new ArrayList<>();

  public Trainer(Module model, Optimizer<?, ?> optimizer, LossFunction loss, Options options) {
    this.model = model;
    this.optimizer = optimizer;
    this.loss = loss;
    this.options = options;
  }

  /**
   * Trains on {@code train}, validating on {@code validation} (may be null) after each epoch,
   * continuing from the epochs already done (none for a new trainer, some after
   * {@link #loadCheckpoint}) up to {@code options.epochs()}.
   */
  public Result fit(Dataset train, Dataset validation, EpochCallback callback) {
    int bs = options.batchSize() == 0 ? train.size() : options.batchSize();
    EarlyStopping early = options.earlyStoppingPatience() > 0
        ? new EarlyStopping(options.earlyStoppingPatience(), options.earlyStoppingMinDelta()) : null;
    if (early != null) {
      for (EpochStats s : history) {
        early.update(s.epoch(), validation == null ? s.trainLoss() : s.valLoss());
      }
    }
    String reason = "completed " + options.epochs() + " epochs";
    for (int epoch = history.size() + 1; epoch <= options.epochs(); epoch++) {
      // each epoch's order depends only on (seed, epoch), so a resumed run shuffles as an unbroken one
      DataLoader loader = new DataLoader(train, bs, options.shuffle(), false,
          options.shuffle() ? new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + epoch) : null);
      model.train();
      double lossSum = 0;
      long correct = 0;
      int seen = 0;
      boolean classification = false;
      for (Tensor[] batch : loader) {
        optimizer.zeroGrad();
        Tensor pred = model.forward(batch[0]);
        Tensor l = loss.apply(pred, batch[1]);
        double value = l.item();
        if (!Double.isFinite(value)) {
          reason = "stopped at epoch " + epoch + ": the training loss is " + value;
          history.add(new EpochStats(epoch, value, Double.NaN, Double.NaN, Double.NaN));
          return new Result(List.copyOf(history), reason);
        }
        l.backward();
        optimizer.step();
        int n = batch[0].size(0);
        lossSum += value * n;
        seen += n;
        classification = pred.dim() == batch[1].dim() + 1;
        if (classification) {
          correct += correctCount(pred, batch[1]);
        }
      }
      double[] val = validation == null ? new double[] {Double.NaN, Double.NaN} : evaluate(validation);
      EpochStats stats = new EpochStats(epoch, lossSum / seen, classification ? (double) correct / seen : Double.NaN,
          val[0], val[1]);
      history.add(stats);
      if (callback != null && callback.afterEpoch(stats)) {
        reason = "stopped by the callback after epoch " + epoch;
        break;
      }
      if (early != null && early.update(epoch, validation == null ? stats.trainLoss() : stats.valLoss())) {
        reason = "early stopping after epoch " + epoch + " (best epoch " + early.bestEpoch() + ")";
        break;
      }
    }
    return new Result(List.copyOf(history), reason);
  }

  /** The epochs done so far. */
  public List<EpochStats> history() {
    return List.copyOf(history);
  }

  /**
   * Writes the model's state dict, the optimizer's state dict and the epoch history as JSON
   * (written to a temporary file and moved into place, so a crash never leaves half a checkpoint).
   */
  public void saveCheckpoint(Path file) throws IOException {
    Map<String, Object> ckpt = new LinkedHashMap<>();
    ckpt.put("format", "minima4j-trainer-checkpoint-1");
    ckpt.put("epochs_done", (long) history.size());
    Map<String, Object> modelState = new LinkedHashMap<>();
    model.stateDict().forEach((k, v) -> {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("shape", Arrays.stream(v.shape()).mapToObj(i -> (long) i).toList());
      t.put("values", v.toArray());
      modelState.put(k, t);
    });
    ckpt.put("model", modelState);
    ckpt.put("optimizer", optimizer.stateDict());
    List<Object> hist = new ArrayList<>();
    for (EpochStats s : history) {
      hist.add(new double[] {s.epoch(), s.trainLoss(), s.trainAccuracy(), s.valLoss(), s.valAccuracy()});
    }
    ckpt.put("history", hist);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    StateDicts.write(ckpt, tmp);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Restores a checkpoint written by {@link #saveCheckpoint} into this trainer's model and
   * optimizer (which must have the same structure); {@link #fit} then continues after the saved
   * epochs and gives the same results as a run that never stopped.
   */
  @SuppressWarnings("unchecked")
  public void loadCheckpoint(Path file) throws IOException {
    Map<String, Object> ckpt = StateDicts.read(file);
    if (!"minima4j-trainer-checkpoint-1".equals(ckpt.get("format"))) {
      throw new IllegalArgumentException(file + " is not a minima4j trainer checkpoint (format " + ckpt.get("format") + ")");
    }
    Map<String, Tensor> state = new LinkedHashMap<>();
    ((Map<String, Object>) ckpt.get("model")).forEach((k, v) -> {
      Map<String, Object> t = (Map<String, Object>) v;
      int[] shape = ((List<Number>) t.get("shape")).stream().mapToInt(Number::intValue).toArray();
      state.put(k, Tensor.of((double[]) t.get("values"), shape));
    });
    model.loadStateDict(state);
    optimizer.loadStateDict((Map<String, ?>) ckpt.get("optimizer"));
    history.clear();
    for (Object o : (List<Object>) ckpt.get("history")) {
      double[] h = (double[]) o;
      history.add(new EpochStats((int) h[0], h[1], h[2], h[3], h[4]));
    }
  }

  /** {@code {loss, accuracy}} of the model on a dataset, in evaluation mode and without a graph. */
  public double[] evaluate(Dataset data) {
    model.eval();
    try {
      return GradMode.noGrad(() -> {
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
          all[i] = i;
        }
        Tensor[] b = data.batch(all);
        Tensor pred = model.forward(b[0]);
        double l = loss.apply(pred, b[1]).item();
        double acc = pred.dim() == b[1].dim() + 1 ? (double) correctCount(pred, b[1]) / all.length : Double.NaN;
        return new double[] {l, acc};
      });
    } finally {
      model.train();
    }
  }

  /** Argmax predictions equal to integer targets (first index on ties). */
  public static long correctCount(Tensor logits, Tensor target) {
    Tensor predicted = logits.argmax(-1, false);
    double[] p = predicted.data();
    double[] t = target.data();
    long c = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == t[i]) {
        c++;
      }
    }
    return c;
  }
}
