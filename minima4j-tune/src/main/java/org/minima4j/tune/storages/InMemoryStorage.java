package org.minima4j.tune.storages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.StudyDirection;
import org.minima4j.tune.TrialState;

/**
 * A thread-safe storage in memory, as Optuna's {@code InMemoryStorage}: every operation holds one lock,
 * trials are immutable {@link FrozenTrial} snapshots replaced on update, so readers never copy a trial.
 */
public final class InMemoryStorage implements Storage {

  private static final class StudyRecord {
    final String name;
    final List<StudyDirection> directions;
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    final List<Integer> trialIds = new ArrayList<>();
    final Map<String, Distribution> paramDistributions = new HashMap<>();

    StudyRecord(String name, List<StudyDirection> directions) {
      this.name = name;
      this.directions = List.copyOf(directions);
    }
  }

  private final Clock clock;
  private final Duration heartbeatInterval;
  private final Duration gracePeriod;
  private final org.minima4j.tune.StudyCallback staleTrialCallback;
  private final Map<Integer, StudyRecord> studies = new LinkedHashMap<>();
  private final Map<String, Integer> studyIdByName = new HashMap<>();
  private final List<FrozenTrial> trials = new ArrayList<>();
  private final List<Integer> trialStudy = new ArrayList<>();
  private final Map<Integer, Instant> heartbeats = new HashMap<>();
  private int nextStudyId;

  /** A storage on the system UTC clock. */
  public InMemoryStorage() {
    this(Clock.systemUTC());
  }

  /** A storage whose timestamps (start, completion, heartbeats) come from {@code clock}. */
  public InMemoryStorage(Clock clock) {
    this(clock, null, null);
  }

  /**
   * A storage with heartbeats: {@code Study.optimize} records one every {@code heartbeatInterval} for each
   * running trial and fails trials whose last heartbeat is older than {@code gracePeriod} (null: twice the
   * interval) before starting a new one.
   */
  public InMemoryStorage(Clock clock, Duration heartbeatInterval, Duration gracePeriod) {
    this(clock, heartbeatInterval, gracePeriod, null);
  }

  /** As {@link #InMemoryStorage(Clock, Duration, Duration)}, calling {@code staleTrialCallback} for each stale trial. */
  public InMemoryStorage(Clock clock, Duration heartbeatInterval, Duration gracePeriod,
      org.minima4j.tune.StudyCallback staleTrialCallback) {
    if (clock == null) {
      throw new IllegalArgumentException("clock must not be null");
    }
    if (heartbeatInterval != null && (heartbeatInterval.isNegative() || heartbeatInterval.isZero())) {
      throw new IllegalArgumentException("The value of `heartbeat_interval` should be a positive duration, got "
          + heartbeatInterval);
    }
    if (gracePeriod != null && (gracePeriod.isNegative() || gracePeriod.isZero())) {
      throw new IllegalArgumentException("The value of `grace_period` should be a positive duration, got "
          + gracePeriod);
    }
    this.clock = clock;
    this.heartbeatInterval = heartbeatInterval;
    this.gracePeriod = gracePeriod;
    this.staleTrialCallback = staleTrialCallback;
  }

  @Override
  public org.minima4j.tune.StudyCallback staleTrialCallback() {
    return staleTrialCallback;
  }

  @Override
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  @Override
  public Duration gracePeriod() {
    if (heartbeatInterval == null) {
      return null;
    }
    return gracePeriod != null ? gracePeriod : heartbeatInterval.multipliedBy(2);
  }

  private StudyRecord study(int studyId) {
    StudyRecord s = studies.get(studyId);
    if (s == null) {
      throw new NoSuchElementException("No study with study_id " + studyId + " exists.");
    }
    return s;
  }

  private FrozenTrial trial(int trialId) {
    if (trialId < 0 || trialId >= trials.size() || trials.get(trialId) == null) {
      throw new NoSuchElementException("No trial with trial_id " + trialId + " exists.");
    }
    return trials.get(trialId);
  }

  private FrozenTrial updatable(int trialId) {
    FrozenTrial t = trial(trialId);
    if (t.state().isFinished()) {
      throw new IllegalStateException("Trial#" + t.number() + " has already finished and can not be updated.");
    }
    return t;
  }

  @Override
  public synchronized int createNewStudy(List<StudyDirection> directions, String studyName) {
    if (directions == null || directions.isEmpty()) {
      throw new IllegalArgumentException("directions must not be empty");
    }
    if (studyName == null) {
      throw new IllegalArgumentException("studyName must not be null");
    }
    if (studyIdByName.containsKey(studyName)) {
      throw new IllegalArgumentException("Another study with name '" + studyName + "' already exists.");
    }
    int id = nextStudyId++;
    studies.put(id, new StudyRecord(studyName, directions));
    studyIdByName.put(studyName, id);
    return id;
  }

  @Override
  public synchronized void deleteStudy(int studyId) {
    StudyRecord s = study(studyId);
    for (int tid : s.trialIds) {
      trials.set(tid, null);
      heartbeats.remove(tid);
    }
    studies.remove(studyId);
    studyIdByName.remove(s.name);
  }

  @Override
  public synchronized int getStudyIdFromName(String studyName) {
    Integer id = studyIdByName.get(studyName);
    if (id == null) {
      throw new NoSuchElementException("No such study " + studyName + ".");
    }
    return id;
  }

  @Override
  public synchronized String getStudyNameFromId(int studyId) {
    return study(studyId).name;
  }

  @Override
  public synchronized List<StudyDirection> getStudyDirections(int studyId) {
    return study(studyId).directions;
  }

  @Override
  public synchronized List<String> getAllStudyNames() {
    List<String> out = new ArrayList<>();
    for (StudyRecord s : studies.values()) {
      out.add(s.name);
    }
    return out;
  }

  @Override
  public synchronized void setStudyUserAttr(int studyId, String key, Object value) {
    study(studyId).userAttrs.put(key, value);
  }

  @Override
  public synchronized void setStudySystemAttr(int studyId, String key, Object value) {
    study(studyId).systemAttrs.put(key, value);
  }

  @Override
  public synchronized Map<String, Object> getStudyUserAttrs(int studyId) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(study(studyId).userAttrs));
  }

  @Override
  public synchronized Map<String, Object> getStudySystemAttrs(int studyId) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(study(studyId).systemAttrs));
  }

  @Override
  public synchronized int createNewTrial(int studyId, FrozenTrial template) {
    StudyRecord s = study(studyId);
    int trialId = trials.size();
    int number = s.trialIds.size();
    FrozenTrial t;
    if (template == null) {
      t = new FrozenTrial(number, trialId, TrialState.RUNNING, null, clock.instant(), null, Map.of(), Map.of(),
          Map.of(), Map.of(), Map.of());
    } else {
      for (Map.Entry<String, Distribution> e : template.distributions().entrySet()) {
        checkCompatible(s, e.getKey(), e.getValue());
      }
      Instant start = template.datetimeStart();
      if (start == null && template.state() != TrialState.WAITING) {
        start = clock.instant();
      }
      Instant complete = template.datetimeComplete();
      if (complete == null && template.state().isFinished()) {
        complete = clock.instant();
      }
      t = template.withIds(number, trialId).withState(template.state(), template.values(), start, complete);
      for (Map.Entry<String, Distribution> e : template.distributions().entrySet()) {
        s.paramDistributions.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    trials.add(t);
    trialStudy.add(studyId);
    s.trialIds.add(trialId);
    return trialId;
  }

  private static void checkCompatible(StudyRecord s, String name, Distribution d) {
    checkCompatible(s.paramDistributions.get(name), name, d);
  }

  private static void checkCompatible(Distribution old, String name, Distribution d) {
    if (old == null) {
      return;
    }
    if (old.getClass() != d.getClass()) {
      throw new IllegalArgumentException("Cannot set different distribution kind to the same parameter name ('"
          + name + "': " + old + " then " + d + ").");
    }
    if (old instanceof CategoricalDistribution a && !a.choices().equals(((CategoricalDistribution) d).choices())) {
      throw new IllegalArgumentException("CategoricalDistribution does not support dynamic value space ('" + name
          + "': " + a.choices() + " then " + ((CategoricalDistribution) d).choices() + ").");
    }
  }

  @Override
  public synchronized void setTrialParam(int trialId, String paramName, double internalValue,
      Distribution distribution) {
    FrozenTrial t = updatable(trialId);
    StudyRecord s = study(trialStudy.get(trialId));
    Distribution canonical = s.paramDistributions.get(paramName);
    checkCompatible(canonical, paramName, distribution);
    if (t.distributions().containsKey(paramName)) {
      throw new IllegalArgumentException("Parameter '" + paramName + "' is already set in trial#" + t.number() + ".");
    }
    if (canonical != null && canonical.equals(distribution)) {
      distribution = canonical; // share one instance per distinct distribution (cheap identity checks for readers)
    }
    trials.set(trialId, t.withParam(paramName, internalValue, distribution));
    if (canonical == null) {
      s.paramDistributions.put(paramName, distribution);
    }
  }

  @Override
  public synchronized boolean setTrialStateValues(int trialId, TrialState state, List<Double> values) {
    FrozenTrial t = updatable(trialId);
    if (state == TrialState.RUNNING && t.state() != TrialState.WAITING) {
      return false;
    }
    Instant start = t.datetimeStart();
    Instant complete = t.datetimeComplete();
    if (state == TrialState.RUNNING) {
      start = clock.instant();
    }
    if (state.isFinished()) {
      complete = clock.instant();
      heartbeats.remove(trialId);
    }
    trials.set(trialId, t.withState(state, values, start, complete));
    return true;
  }

  @Override
  public synchronized void setTrialIntermediateValue(int trialId, int step, double value) {
    FrozenTrial t = updatable(trialId);
    if (!t.intermediateValues().containsKey(step)) {
      trials.set(trialId, t.withIntermediateValue(step, value));
    }
  }

  @Override
  public synchronized void setTrialUserAttr(int trialId, String key, Object value) {
    trials.set(trialId, updatable(trialId).withUserAttr(key, value));
  }

  @Override
  public synchronized void setTrialSystemAttr(int trialId, String key, Object value) {
    trials.set(trialId, updatable(trialId).withSystemAttr(key, value));
  }

  @Override
  public synchronized FrozenTrial getTrial(int trialId) {
    return trial(trialId);
  }

  @Override
  public synchronized List<FrozenTrial> getAllTrials(int studyId, Set<TrialState> states) {
    StudyRecord s = study(studyId);
    List<FrozenTrial> out = new ArrayList<>(s.trialIds.size());
    for (int tid : s.trialIds) {
      FrozenTrial t = trials.get(tid);
      if (states == null || states.contains(t.state())) {
        out.add(t);
      }
    }
    return out;
  }

  @Override
  public synchronized int getNTrials(int studyId, Set<TrialState> states) {
    StudyRecord s = study(studyId);
    if (states == null) {
      return s.trialIds.size();
    }
    int n = 0;
    for (int tid : s.trialIds) {
      if (states.contains(trials.get(tid).state())) {
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized int getTrialIdFromStudyIdTrialNumber(int studyId, int trialNumber) {
    StudyRecord s = study(studyId);
    if (trialNumber < 0 || trialNumber >= s.trialIds.size()) {
      throw new NoSuchElementException("No trial with trial number " + trialNumber + " exists in study with study_id "
          + studyId + ".");
    }
    return s.trialIds.get(trialNumber);
  }

  @Override
  public synchronized void recordHeartbeat(int trialId) {
    updatable(trialId);
    heartbeats.put(trialId, clock.instant());
  }

  @Override
  public synchronized List<Integer> getStaleTrialIds(int studyId, Duration gracePeriod) {
    StudyRecord s = study(studyId);
    Instant limit = clock.instant().minus(gracePeriod);
    List<Integer> out = new ArrayList<>();
    for (int tid : s.trialIds) {
      Instant hb = heartbeats.get(tid);
      if (trials.get(tid).state() == TrialState.RUNNING && hb != null && hb.isBefore(limit)) {
        out.add(tid);
      }
    }
    return out;
  }
}
