package org.minima4j.tune;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.minima4j.logging.LazyLogger;
import org.minima4j.tune.pruners.Pruner;
import org.minima4j.tune.samplers.Sampler;
import org.minima4j.tune.storages.Storage;
import org.minima4j.tune.storages.jdbc.Heartbeat;

/**
 * A study: a named optimization task in a {@link Storage}, as Optuna's {@code Study}. Create or load one
 * with {@link Studies}.
 *
 * <pre>{@code
 * Study study = Studies.create(StudyOptions.DEFAULTS.withSampler(new TPESampler(42)));
 * study.optimize(t -> { double x = t.suggestFloat("x", -10, 10); return (x - 2) * (x - 2); }, 100);
 * study.bestParams();   // {x=2.0...}
 * }</pre>
 *
 * <p>{@link #optimize} follows Optuna 3.1's {@code _optimize}: the timeout is checked between trials; an
 * exception whose type is in {@code catchTypes}, or a NaN value, fails that trial (the cause is stored
 * in the system attribute {@value #FAIL_REASON_KEY}) and the study goes on; any other exception fails the
 * trial and is rethrown (unchecked exceptions and errors as they are, checked ones wrapped in
 * {@link TrialFailedException}). With {@code nJobs > 1}
 * trials run on that many threads; sampler calls are serialized, so results depend on scheduling (as
 * in Optuna). With one job and seeded sampler and pruner, a study is reproducible bit for bit.
 */
public final class Study implements AutoCloseable {
  /** System attribute holding why a trial failed. */
  public static final String FAIL_REASON_KEY = "fail_reason";
  /** System attribute holding an enqueued trial's fixed params (Optuna's {@code fixed_params}). */
  public static final String FIXED_PARAMS_KEY = "fixed_params";
  /** System attribute holding constraint values (feasible iff all are {@code <= 0}). */
  public static final String CONSTRAINTS_KEY = "constraints";

  private static final System.Logger LOG = LazyLogger.of(Study.class);

  private final Storage storage;
  private final int studyId;
  private final String studyName;
  private final List<StudyDirection> directions;
  private final Sampler sampler;
  private final Pruner pruner;
  private final Object samplerLock;
  private final Study root;
  private final Predicate<FrozenTrial> filter;
  private volatile boolean stopFlag;
  private final boolean closeStorage;

  Study(Storage storage, int studyId, String studyName, Sampler sampler, Pruner pruner) {
    this(storage, studyId, studyName, sampler, pruner, false);
  }

  Study(Storage storage, int studyId, String studyName, Sampler sampler, Pruner pruner, boolean closeStorage) {
    this.closeStorage = closeStorage;
    this.storage = storage;
    this.studyId = studyId;
    this.studyName = studyName;
    this.directions = storage.getStudyDirections(studyId);
    this.sampler = sampler;
    this.pruner = pruner;
    this.samplerLock = new Object();
    this.root = this;
    this.filter = null;
  }

  private Study(Study parent, Predicate<FrozenTrial> filter) {
    this.closeStorage = false;
    this.storage = parent.storage;
    this.studyId = parent.studyId;
    this.studyName = parent.studyName;
    this.directions = parent.directions;
    this.sampler = parent.sampler;
    this.pruner = parent.pruner;
    this.samplerLock = parent.samplerLock;
    this.root = parent.root;
    Predicate<FrozenTrial> pf = parent.filter;
    this.filter = pf == null ? filter : pf.and(filter);
  }

  /**
   * Closes the storage when the study opened it ({@link StudyOptions#withStorage(String)} with a
   * database URL); a storage passed in as an object stays open for its owner. Idempotent.
   */
  @Override
  public void close() {
    if (root.closeStorage && storage instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("closing the storage of study " + studyName + " failed: " + e.getMessage(), e);
      }
    }
  }

  /**
   * A view of this study whose {@link #getTrials} only returns trials matching {@code keep}; everything
   * else (storage, stop) is shared. Used by pruners that partition trials (Hyperband brackets).
   */
  public Study filteredView(Predicate<FrozenTrial> keep) {
    return new Study(this, Objects.requireNonNull(keep, "keep"));
  }

  /** The view of this study that the sampler and pruner of {@code trial} work on. */
  Study viewFor(FrozenTrial trial) {
    Predicate<FrozenTrial> f = pruner.trialFilter(root, trial);
    return f == null ? root : root.filteredView(f);
  }

  Object samplerLock() {
    return samplerLock;
  }

  // ------------------------------------------------------------------ properties

  public String studyName() {
    return studyName;
  }

  public int studyId() {
    return studyId;
  }

  public Storage storage() {
    return storage;
  }

  public Sampler sampler() {
    return sampler;
  }

  public Pruner pruner() {
    return pruner;
  }

  public List<StudyDirection> directions() {
    return directions;
  }

  /** The direction of a single-objective study. */
  public StudyDirection direction() {
    if (directions.size() != 1) {
      throw new IllegalStateException("A single direction cannot be retrieved from a multi-objective study. "
          + "Consider using directions() instead.");
    }
    return directions.get(0);
  }

  public boolean isMultiObjective() {
    return directions.size() > 1;
  }

  /** All trials in number order. */
  public List<FrozenTrial> trials() {
    return getTrials(null);
  }

  /** Trials in the given states (all when null), in number order. */
  public List<FrozenTrial> getTrials(Set<TrialState> states) {
    List<FrozenTrial> all = storage.getAllTrials(studyId, states);
    if (filter == null) {
      return all;
    }
    List<FrozenTrial> out = new ArrayList<>(all.size());
    for (FrozenTrial t : all) {
      if (filter.test(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Trials in the given states. */
  public List<FrozenTrial> getTrials(TrialState first, TrialState... rest) {
    return getTrials(EnumSet.of(first, rest));
  }

  public Map<String, Object> userAttrs() {
    return storage.getStudyUserAttrs(studyId);
  }

  public void setUserAttr(String key, Object value) {
    storage.setStudyUserAttr(studyId, key, value);
  }

  public Map<String, Object> systemAttrs() {
    return storage.getStudySystemAttrs(studyId);
  }

  public void setSystemAttr(String key, Object value) {
    storage.setStudySystemAttr(studyId, key, value);
  }

  /** Asks a running {@link #optimize} to stop after the trials in flight. */
  public void stop() {
    root.stopFlag = true;
  }

  // ------------------------------------------------------------------ best trials

  static boolean isFeasible(FrozenTrial t) {
    Object c = t.systemAttrs().get(CONSTRAINTS_KEY);
    if (c == null) {
      return true;
    }
    for (Object v : (List<?>) c) {
      if (((Number) v).doubleValue() > 0) {
        return false;
      }
    }
    return true;
  }

  private List<FrozenTrial> completeCandidates() {
    List<FrozenTrial> complete = getTrials(EnumSet.of(TrialState.COMPLETE));
    boolean anyConstraints = false;
    for (FrozenTrial t : complete) {
      if (t.systemAttrs().containsKey(CONSTRAINTS_KEY)) {
        anyConstraints = true;
        break;
      }
    }
    if (!anyConstraints) {
      return complete;
    }
    List<FrozenTrial> feasible = new ArrayList<>();
    for (FrozenTrial t : complete) {
      if (isFeasible(t)) {
        feasible.add(t);
      }
    }
    return feasible;
  }

  /**
   * The best COMPLETE trial of a single-objective study (the first of equal ones). When trials carry
   * constraints, only feasible trials count.
   */
  public FrozenTrial bestTrial() {
    if (isMultiObjective()) {
      throw new IllegalStateException("A single best trial cannot be retrieved from a multi-objective study. "
          + "Consider using bestTrials() instead.");
    }
    boolean max = directions.get(0) == StudyDirection.MAXIMIZE;
    FrozenTrial best = null;
    for (FrozenTrial t : completeCandidates()) {
      double v = t.values().get(0);
      if (best == null || (max ? v > best.values().get(0) : v < best.values().get(0))) {
        best = t;
      }
    }
    if (best == null) {
      throw new IllegalStateException("No trials are completed yet.");
    }
    return best;
  }

  public double bestValue() {
    return bestTrial().values().get(0);
  }

  public Map<String, Object> bestParams() {
    return bestTrial().params();
  }

  /** The Pareto front of COMPLETE (feasible, when constrained) trials, in number order. */
  public List<FrozenTrial> bestTrials() {
    List<FrozenTrial> cand = completeCandidates();
    int m = directions.size();
    double[][] v = new double[cand.size()][m];
    for (int i = 0; i < cand.size(); i++) {
      for (int k = 0; k < m; k++) {
        double x = cand.get(i).values().get(k);
        v[i][k] = directions.get(k) == StudyDirection.MAXIMIZE ? -x : x;
      }
    }
    List<FrozenTrial> front = new ArrayList<>();
    for (int i = 0; i < cand.size(); i++) {
      boolean dominated = false;
      for (int j = 0; j < cand.size() && !dominated; j++) {
        if (j != i && dominates(v[j], v[i])) {
          dominated = true;
        }
      }
      if (!dominated) {
        front.add(cand.get(i));
      }
    }
    return front;
  }

  /** Whether {@code a} Pareto-dominates {@code b} (both minimized). */
  public static boolean dominates(double[] a, double[] b) {
    boolean strictly = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
      if (a[k] < b[k]) {
        strictly = true;
      }
    }
    return strictly;
  }

  // ------------------------------------------------------------------ ask / tell

  /** Starts a trial (popping an enqueued one first, if any), as Optuna's {@code Study.ask}. */
  public Trial ask() {
    return ask(Map.of());
  }

  /** Starts a trial and suggests the given parameters from the given distributions right away. */
  public Trial ask(Map<String, Distribution> fixedDistributions) {
    Integer trialId = popWaitingTrialId();
    if (trialId == null) {
      trialId = storage.createNewTrial(studyId, null);
    }
    Trial trial = new Trial(root, trialId);
    for (Map.Entry<String, Distribution> e : fixedDistributions.entrySet()) {
      trial.suggest(e.getKey(), e.getValue());
    }
    return trial;
  }

  private Integer popWaitingTrialId() {
    for (FrozenTrial t : storage.getAllTrials(studyId, EnumSet.of(TrialState.WAITING))) {
      if (storage.setTrialStateValues(t.trialId(), TrialState.RUNNING, null)) {
        return t.trialId();
      }
    }
    return null;
  }

  /** Finishes {@code trial} as COMPLETE with one value (NaN fails it). */
  public FrozenTrial tell(Trial trial, double value) {
    return tell(trial.number(), List.of(value), null, false);
  }

  /** Finishes {@code trial} as COMPLETE with one value per direction (NaN fails it). */
  public FrozenTrial tell(Trial trial, double... values) {
    List<Double> vs = new ArrayList<>(values.length);
    for (double v : values) {
      vs.add(v);
    }
    return tell(trial.number(), vs, null, false);
  }

  /** Finishes {@code trial} in {@code state} (PRUNED or FAIL, no values). */
  public FrozenTrial tell(Trial trial, TrialState state) {
    return tell(trial.number(), null, state, false);
  }

  /**
   * Finishes the trial numbered {@code trialNumber}, as Optuna's {@code Study.tell}.
   *
   * @param trialNumber the trial's number
   * @param values objective values (COMPLETE) or null
   * @param state COMPLETE, PRUNED, FAIL, or null to infer COMPLETE from valid values and FAIL otherwise
   * @param skipIfFinished return the finished trial unchanged instead of throwing
   * @return the stored trial
   */
  public FrozenTrial tell(int trialNumber, List<Double> values, TrialState state, boolean skipIfFinished) {
    int trialId = storage.getTrialIdFromStudyIdTrialNumber(studyId, trialNumber);
    return tellById(trialId, values, state, skipIfFinished, null);
  }

  private FrozenTrial tellById(int trialId, List<Double> values, TrialState state, boolean skipIfFinished,
      String failReason) {
    FrozenTrial ft = storage.getTrial(trialId);
    if (ft.state().isFinished() && skipIfFinished) {
      return ft;
    }
    if (ft.state() != TrialState.RUNNING) {
      throw new IllegalStateException("Cannot tell a " + ft.state() + " trial.");
    }
    if (state == TrialState.RUNNING || state == TrialState.WAITING) {
      throw new IllegalArgumentException("Cannot tell with state " + state + ".");
    }
    if ((state == TrialState.PRUNED || state == TrialState.FAIL) && values != null) {
      throw new IllegalArgumentException("values should be null for state " + state + ", got " + values + ".");
    }
    String reason = failReason;
    if (state == TrialState.COMPLETE) {
      String msg = checkValues(values);
      if (msg != null) {
        throw new IllegalArgumentException(msg);
      }
    } else if (state == TrialState.PRUNED) {
      Integer last = ft.lastStep();
      if (last != null && checkValues(List.of(ft.intermediateValues().get(last))) == null) {
        values = List.of(ft.intermediateValues().get(last));
      }
    } else if (state == null) {
      String msg = checkValues(values);
      if (msg == null) {
        state = TrialState.COMPLETE;
      } else {
        state = TrialState.FAIL;
        values = null;
        reason = reason == null ? msg : reason;
        LOG.log(System.Logger.Level.WARNING, "Trial " + ft.number() + " failed because " + msg);
      }
    }
    if (reason != null) {
      storage.setTrialSystemAttr(trialId, FAIL_REASON_KEY, reason);
      ft = storage.getTrial(trialId);
    }
    try {
      Study view = viewFor(ft);
      synchronized (samplerLock) {
        sampler.afterTrial(view, ft, state, values);
      }
    } finally {
      storage.setTrialStateValues(trialId, state, values);
    }
    return storage.getTrial(trialId);
  }

  private String checkValues(List<Double> values) {
    if (values == null) {
      return "The value None could not be cast to float.";
    }
    if (values.size() != directions.size()) {
      return "The number of the values " + values.size() + " did not match the number of the objectives "
          + directions.size() + ".";
    }
    for (Double v : values) {
      if (v == null || Double.isNaN(v)) {
        return "The value " + v + " is not acceptable.";
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ enqueue / add

  /** Enqueues a trial with fixed params (external values), as Optuna's {@code enqueue_trial}. */
  public void enqueueTrial(Map<String, Object> params) {
    enqueueTrial(params, Map.of(), false);
  }

  /**
   * Enqueues a WAITING trial whose {@code suggest*} calls return {@code params}; with {@code skipIfExists}
   * nothing is enqueued when a trial with the same params already exists (or is waiting).
   */
  public void enqueueTrial(Map<String, Object> params, Map<String, Object> userAttrs, boolean skipIfExists) {
    Map<String, Object> fixed = new LinkedHashMap<>(params);
    if (skipIfExists) {
      for (FrozenTrial t : storage.getAllTrials(studyId, null)) {
        Object fp = t.state() == TrialState.WAITING ? t.systemAttrs().get(FIXED_PARAMS_KEY) : t.params();
        if (fp instanceof Map<?, ?> m && sameParams(m, fixed)) {
          LOG.log(System.Logger.Level.INFO, "Trial " + t.number() + " already has params " + fixed
              + "; not enqueued.");
          return;
        }
      }
    }
    FrozenTrial template = new FrozenTrial(-1, -1, TrialState.WAITING, null, null, null, Map.of(), Map.of(),
        userAttrs, Map.of(FIXED_PARAMS_KEY, java.util.Collections.unmodifiableMap(fixed)), Map.of());
    storage.createNewTrial(studyId, template);
  }

  private static boolean sameParams(Map<?, ?> have, Map<String, Object> want) {
    if (!have.keySet().containsAll(want.keySet())) {
      return false;
    }
    for (Map.Entry<String, Object> e : want.entrySet()) {
      Object a = have.get(e.getKey());
      Object b = e.getValue();
      if (a instanceof Number x && b instanceof Number y) {
        if (x.doubleValue() != y.doubleValue()) {
          return false;
        }
      } else if (!Objects.equals(a, b)) {
        return false;
      }
    }
    return true;
  }

  /** Adds a finished (or WAITING) trial, as Optuna's {@code add_trial}: the warm-start mechanism. */
  public void addTrial(FrozenTrial trial) {
    if (trial.state() == TrialState.RUNNING) {
      throw new IllegalArgumentException("Cannot add a RUNNING trial.");
    }
    if (trial.state() == TrialState.COMPLETE) {
      String msg = checkValues(trial.values());
      if (msg != null) {
        throw new IllegalArgumentException(msg);
      }
    }
    storage.createNewTrial(studyId, trial);
  }

  /** Adds several trials. */
  public void addTrials(Collection<FrozenTrial> trials) {
    for (FrozenTrial t : trials) {
      addTrial(t);
    }
  }

  /** Fails RUNNING trials whose heartbeat is older than {@code gracePeriod}; returns their numbers. */
  public List<Integer> failStaleTrials(Duration gracePeriod) {
    List<Integer> out = new ArrayList<>();
    for (int tid : storage.getStaleTrialIds(studyId, gracePeriod)) {
      try {
        storage.setTrialSystemAttr(tid, FAIL_REASON_KEY, "stale heartbeat (older than " + gracePeriod + ")");
        storage.setTrialStateValues(tid, TrialState.FAIL, null);
        FrozenTrial failed = storage.getTrial(tid);
        out.add(failed.number());
        StudyCallback cb = storage.staleTrialCallback();
        if (cb != null) {
          cb.accept(this, failed);
        }
      } catch (IllegalStateException finishedMeanwhile) {
        LOG.log(System.Logger.Level.DEBUG, "stale trial finished meanwhile: " + finishedMeanwhile.getMessage());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ optimize

  /** Runs {@code nTrials} trials of a single-objective function on this thread. */
  public void optimize(Objective objective, int nTrials) {
    optimize(objective, nTrials, null, 1, List.of(), List.of());
  }

  /**
   * Optimizes a single-objective function, as Optuna's {@code Study.optimize}.
   *
   * @param objective the function
   * @param nTrials trials to run in this call, or null for no limit (then a timeout or {@link #stop} ends it)
   * @param timeout wall-clock limit checked between trials, or null
   * @param nJobs threads; -1 for one per available processor
   * @param catchTypes exception types that fail a trial without stopping the study
   * @param callbacks called after each trial
   */
  public void optimize(Objective objective, Integer nTrials, Duration timeout, int nJobs,
      Collection<Class<? extends Throwable>> catchTypes, List<StudyCallback> callbacks) {
    Objects.requireNonNull(objective, "objective");
    if (isMultiObjective()) {
      throw new IllegalStateException("This study has " + directions.size()
          + " objectives; use optimizeMulti with a MultiObjective.");
    }
    run(t -> new double[] {objective.apply(t)}, nTrials, timeout, nJobs, catchTypes, callbacks);
  }

  /** Runs {@code nTrials} trials of a multi-objective function on this thread. */
  public void optimizeMulti(MultiObjective objective, int nTrials) {
    optimizeMulti(objective, nTrials, null, 1, List.of(), List.of());
  }

  /** As {@link #optimize(Objective, Integer, Duration, int, Collection, List)} for several objectives. */
  public void optimizeMulti(MultiObjective objective, Integer nTrials, Duration timeout, int nJobs,
      Collection<Class<? extends Throwable>> catchTypes, List<StudyCallback> callbacks) {
    Objects.requireNonNull(objective, "objective");
    run(objective, nTrials, timeout, nJobs, catchTypes, callbacks);
  }

  private void run(MultiObjective f, Integer nTrials, Duration timeout, int nJobs,
      Collection<Class<? extends Throwable>> catchTypes, List<StudyCallback> callbacks) {
    if (nTrials != null && nTrials < 0) {
      throw new IllegalArgumentException("n_trials must be >= 0, got " + nTrials);
    }
    if (nJobs == 0 || nJobs < -1) {
      throw new IllegalArgumentException("n_jobs must be a positive number or -1, got " + nJobs);
    }
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
    List<Class<? extends Throwable>> catches = catchTypes == null ? List.of() : List.copyOf(catchTypes);
    List<StudyCallback> cbs = callbacks == null ? List.of() : List.copyOf(callbacks);
    int jobs = nJobs == -1 ? Runtime.getRuntime().availableProcessors() : nJobs;
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    stopFlag = false;
    AtomicInteger started = new AtomicInteger();
    AtomicReference<Throwable> abort = new AtomicReference<>();
    Runnable worker = () -> {
      while (true) {
        if (stopFlag || abort.get() != null || System.nanoTime() > deadline) {
          return;
        }
        if (nTrials != null && started.getAndIncrement() >= nTrials) {
          return;
        }
        try {
          FrozenTrial done = runTrial(f, catches);
          for (StudyCallback cb : cbs) {
            cb.accept(this, done);
          }
        } catch (RuntimeException | Error e) {
          abort.compareAndSet(null, e);
          return;
        }
      }
    };
    if (jobs == 1) {
      worker.run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(jobs);
      try {
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
          fs.add(pool.submit(worker));
        }
        for (Future<?> fu : fs) {
          fu.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopFlag = true;
      } catch (java.util.concurrent.ExecutionException e) {
        abort.compareAndSet(null, new TrialFailedException(-1, e.getCause()));
      } finally {
        pool.shutdown();
        try {
          pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    stopFlag = false;
    Throwable e = abort.get();
    if (e instanceof RuntimeException re) {
      throw re;
    }
    if (e instanceof Error er) {
      throw er;
    }
    if (e != null) {
      throw new TrialFailedException(-1, e);
    }
  }

  private FrozenTrial runTrial(MultiObjective f, List<Class<? extends Throwable>> catches) {
    Duration interval = storage.heartbeatInterval();
    if (interval != null) {
      List<Integer> stale = failStaleTrials(storage.gracePeriod());
      if (!stale.isEmpty()) {
        LOG.log(System.Logger.Level.WARNING, "Failed stale trials (no heartbeat within " + storage.gracePeriod()
            + "): " + stale);
      }
    }
    Trial trial = ask();
    int trialId = trial.trialId();
    if (interval == null) {
      storage.recordHeartbeat(trialId);
      return runStarted(f, catches, trial, trialId);
    }
    Heartbeat beat = Heartbeat.start(storage, trialId, interval);
    try {
      return runStarted(f, catches, trial, trialId);
    } finally {
      beat.close();
    }
  }

  private FrozenTrial runStarted(MultiObjective f, List<Class<? extends Throwable>> catches, Trial trial,
      int trialId) {
    double[] result = null;
    Throwable error = null;
    boolean pruned = false;
    try {
      result = f.apply(trial);
    } catch (TrialPruned p) {
      pruned = true;
    } catch (Exception ex) {
      error = ex;
    } catch (Error er) {
      error = er;
    }
    if (pruned) {
      return tellById(trialId, null, TrialState.PRUNED, true, null);
    }
    if (error != null) {
      FrozenTrial ft = tellById(trialId, null, TrialState.FAIL, true, error.toString());
      for (Class<? extends Throwable> c : catches) {
        if (c.isInstance(error)) {
          LOG.log(System.Logger.Level.WARNING, "Trial " + ft.number() + " failed because of the following error: "
              + error);
          return ft;
        }
      }
      if (error instanceof RuntimeException re) {
        throw re;
      }
      if (error instanceof Error er) {
        throw er;
      }
      throw new TrialFailedException(ft.number(), error);
    }
    List<Double> vs = null;
    if (result != null) {
      vs = new ArrayList<>(result.length);
      for (double v : result) {
        vs.add(v);
      }
    }
    // skipIfFinished: a trial failed meanwhile as stale (heartbeat) keeps that state
    return tellById(trialId, vs, null, true, null);
  }
}
