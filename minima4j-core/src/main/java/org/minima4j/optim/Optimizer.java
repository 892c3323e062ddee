package org.minima4j.optim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.minima4j.autograd.GradMode;
import org.minima4j.tensor.Tensor;

/**
 * Base class of the gradient optimizers, as {@code torch.optim.Optimizer}: parameter groups with
 * their own hyperparameters, lazily created per-parameter state, {@link #zeroGrad()} (set to none
 * by default, as torch 2.x), {@link #step()} and {@link #step(Closure)}, and state dicts in torch's
 * positional layout or keyed by parameter name.
 *
 * <p>A parameter whose gradient is {@code null} is skipped by a step and gets no state (Adagrad,
 * like torch, creates its state eagerly). The state dict's {@code state} maps a parameter's
 * position (numbered across groups in order) to its state; {@code param_groups} lists each
 * group's hyperparameters under torch's names and its {@code params} positions.
 *
 * @param <O> the options record
 * @param <S> the per-parameter state type
 */
public abstract class Optimizer<O extends OptimizerOptions<O>, S extends ParamState> {
  private final O defaults;
  private final List<ParamGroup<O>> groups = new ArrayList<>();
  private final Map<Tensor, S> state = new IdentityHashMap<>();

  protected Optimizer(List<? extends Tensor> params, O defaults) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    if (params == null || params.isEmpty()) {
      throw new IllegalArgumentException("optimizer got an empty parameter list");
    }
    addParamGroup(params, defaults);
  }

  /** The options given to the constructor; {@link #addParamGroup(List)} uses them. */
  public final O defaults() {
    return defaults;
  }

  /** The parameter groups (the list is read-only; each group's options can be replaced). */
  public final List<ParamGroup<O>> paramGroups() {
    return Collections.unmodifiableList(groups);
  }

  /** Adds a group with the constructor's options. */
  public final void addParamGroup(List<? extends Tensor> params) {
    addParamGroup(params, defaults);
  }

  /** Adds a group with its own options ({@code add_param_group}). */
  public final void addParamGroup(List<? extends Tensor> params, O options) {
    Objects.requireNonNull(options, "options");
    if (params == null || params.isEmpty()) {
      throw new IllegalArgumentException("optimizer got an empty parameter list");
    }
    Map<Tensor, Boolean> seen = new IdentityHashMap<>();
    for (ParamGroup<O> g : groups) {
      for (Tensor p : g.params()) {
        seen.put(p, Boolean.TRUE);
      }
    }
    Map<Tensor, Boolean> inGroup = new IdentityHashMap<>();
    List<Tensor> list = new ArrayList<>(params.size());
    for (Tensor p : params) {
      Objects.requireNonNull(p, "parameter");
      if (!p.isLeaf()) {
        throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
      }
      if (inGroup.put(p, Boolean.TRUE) != null) {
        throw new IllegalArgumentException("a parameter appears twice in one parameter group");
      }
      if (seen.containsKey(p)) {
        throw new IllegalArgumentException("some parameters appear in more than one parameter group");
      }
      list.add(p);
    }
    ParamGroup<O> group = new ParamGroup<>(list, options);
    checkNewGroup(group);
    groups.add(group);
    onParamGroupAdded(group);
  }

  /** Lets a subclass refuse a group (LBFGS allows only one). */
  protected void checkNewGroup(ParamGroup<O> group) {}

  /** Lets a subclass create state eagerly (Adagrad). */
  protected void onParamGroupAdded(ParamGroup<O> group) {}

  /** Sets every parameter's gradient to none ({@code zero_grad(set_to_none=True)}). */
  public void zeroGrad() {
    zeroGrad(true);
  }

  /** Sets gradients to none, or fills them with zeros when {@code setToNone} is false. */
  public void zeroGrad(boolean setToNone) {
    for (ParamGroup<O> g : groups) {
      for (Tensor p : g.params()) {
        if (setToNone) {
          p.setGrad(null);
        } else if (p.grad() != null) {
          java.util.Arrays.fill(p.grad().data(), 0.0);
        }
      }
    }
  }

  /** One optimization step with the gradients already in the parameters. */
  public void step() {
    step(null);
  }

  /**
   * One optimization step. A non-null closure is called first (with grad mode on) to recompute
   * the loss and gradients; its value is returned ({@code NaN} without a closure).
   */
  public double step(Closure closure) {
    double loss = Double.NaN;
    if (closure != null) {
      loss = evaluate(closure);
    }
    boolean previous = GradMode.setEnabled(false);
    try {
      for (ParamGroup<O> g : groups) {
        update(g);
        for (Tensor p : g.params()) {
          if (p.grad() != null) {
            p.markModified();
          }
        }
      }
    } finally {
      GradMode.setEnabled(previous);
    }
    return loss;
  }

  /** Calls the closure with grad mode on. */
  protected static double evaluate(Closure closure) {
    boolean previous = GradMode.setEnabled(true);
    try {
      return closure.call();
    } finally {
      GradMode.setEnabled(previous);
    }
  }

  /** Updates the parameters of one group that have a gradient. */
  protected abstract void update(ParamGroup<O> group);

  /** Rebuilds one parameter's state from its saved map, checking sizes (null: no state). */
  protected abstract S loadState(Tensor param, Map<String, ?> saved, String where);

  /** The parameter's state, or null when it has none yet. */
  public final S state(Tensor param) {
    return state.get(param);
  }

  /** Stores a parameter's state (subclasses create it lazily). */
  protected final void putState(Tensor param, S s) {
    state.put(param, s);
  }

  /** The gradient values of {@code p}, or null when it has no gradient. */
  protected static double[] gradData(Tensor p) {
    Tensor g = p.grad();
    return g == null ? null : g.data();
  }

  // ---------------------------------------------------------------- state dicts

  /**
   * torch's positional state dict: {@code state} maps each parameter's position (across groups,
   * in order) to its state map; {@code param_groups} holds each group's hyperparameters, scheduler
   * entries and {@code params} positions. Arrays are copies: later steps do not change it.
   */
  public final Map<String, Object> stateDict() {
    return buildStateDict(null);
  }

  /**
   * The state dict keyed by parameter name ({@code Module.namedParameters()}): {@code state} maps
   * names to state, each group's {@code params} lists names. Every parameter must be named.
   */
  public final Map<String, Object> stateDict(Map<String, ? extends Tensor> namedParameters) {
    Map<Tensor, String> names = new IdentityHashMap<>();
    for (Map.Entry<String, ? extends Tensor> e : namedParameters.entrySet()) {
      names.put(e.getValue(), e.getKey());
    }
    for (ParamGroup<O> g : groups) {
      for (Tensor p : g.params()) {
        if (!names.containsKey(p)) {
          throw new IllegalArgumentException("a parameter of group " + groups.indexOf(g)
              + " has no name in the given named parameters");
        }
      }
    }
    return buildStateDict(names);
  }

  private Map<String, Object> buildStateDict(Map<Tensor, String> names) {
    Map<Object, Object> st = new LinkedHashMap<>();
    List<Object> pgs = new ArrayList<>();
    int index = 0;
    for (ParamGroup<O> g : groups) {
      Map<String, Object> m = new LinkedHashMap<>(g.options().toMap());
      m.putAll(g.extras());
      List<Object> ids = new ArrayList<>();
      for (Tensor p : g.params()) {
        Object key = names == null ? (Object) index : names.get(p);
        ids.add(key);
        S s = state.get(p);
        if (s != null) {
          st.put(key, s.toMap());
        }
        index++;
      }
      m.put("params", ids);
      pgs.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("state", st);
    out.put("param_groups", pgs);
    return out;
  }

  /**
   * Loads a positional state dict: the groups and their sizes must match (the message names the
   * group and both sizes); state is paired with parameters by position and its arrays must fit the
   * parameters. As in torch, the saved hyperparameters replace the current ones. Nothing changes
   * when loading fails.
   */
  public final void loadStateDict(Map<String, ?> stateDict) {
    loadInternal(stateDict, null);
  }

  /** Loads a state dict saved by {@link #stateDict(Map)}, pairing state with parameters by name. */
  public final void loadStateDict(Map<String, ?> stateDict, Map<String, ? extends Tensor> namedParameters) {
    Objects.requireNonNull(namedParameters, "namedParameters");
    loadInternal(stateDict, namedParameters);
  }

  private void loadInternal(Map<String, ?> sd, Map<String, ? extends Tensor> named) {
    Object pgObj = sd.get("param_groups");
    Object stObj = sd.get("state");
    if (!(pgObj instanceof List) || !(stObj instanceof Map)) {
      throw new IllegalArgumentException("a state dict needs 'state' (a map) and 'param_groups' (a list)");
    }
    List<?> savedGroups = (List<?>) pgObj;
    Map<?, ?> savedState = (Map<?, ?>) stObj;
    if (savedGroups.size() != groups.size()) {
      throw new IllegalArgumentException("loaded state dict has a different number of parameter groups: "
          + savedGroups.size() + " in the state dict, " + groups.size() + " in the optimizer");
    }
    Map<String, Object> stateByKey = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : savedState.entrySet()) {
      stateByKey.put(String.valueOf(e.getKey()), e.getValue());
    }
    Map<Tensor, String> names = null;
    if (named != null) {
      names = new IdentityHashMap<>();
      for (Map.Entry<String, ? extends Tensor> e : named.entrySet()) {
        names.put(e.getValue(), e.getKey());
      }
    }
    List<O> newOptions = new ArrayList<>();
    List<Map<String, Double>> newExtras = new ArrayList<>();
    Map<Tensor, S> newState = new IdentityHashMap<>();
    int index = 0;
    for (int gi = 0; gi < groups.size(); gi++) {
      ParamGroup<O> g = groups.get(gi);
      if (!(savedGroups.get(gi) instanceof Map)) {
        throw new IllegalArgumentException("param_groups[" + gi + "] is not a map");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> sg = (Map<String, Object>) savedGroups.get(gi);
      Object idsObj = sg.get("params");
      if (!(idsObj instanceof List)) {
        throw new IllegalArgumentException("param_groups[" + gi + "] lacks its 'params' list");
      }
      List<?> ids = (List<?>) idsObj;
      if (ids.size() != g.params().size()) {
        throw new IllegalArgumentException("loaded state dict contains a parameter group that doesn't match the size of "
            + "optimizer's group: group " + gi + " has " + ids.size() + " parameters in the state dict and "
            + g.params().size() + " in the optimizer");
      }
      List<String> savedKeys = new ArrayList<>();
      for (Object id : ids) {
        savedKeys.add(id instanceof Number ? String.valueOf(((Number) id).longValue()) : String.valueOf(id));
      }
      for (int k = 0; k < g.params().size(); k++) {
        Tensor p = g.params().get(k);
        String key;
        if (names == null) {
          key = savedKeys.get(k);
        } else {
          key = names.get(p);
          if (key == null) {
            throw new IllegalArgumentException("a parameter of group " + gi + " has no name in the given named parameters");
          }
          if (!savedKeys.contains(key)) {
            throw new IllegalArgumentException("parameter '" + key + "' of group " + gi
                + " is not in the state dict's group " + gi + " " + savedKeys);
          }
        }
        Object saved = stateByKey.get(key);
        if (saved != null) {
          if (!(saved instanceof Map)) {
            throw new IllegalArgumentException("state of parameter " + key + " is not a map");
          }
          @SuppressWarnings("unchecked")
          Map<String, ?> sm = (Map<String, ?>) saved;
          String where = "state of parameter " + (names == null ? String.valueOf(index) : "'" + key + "'")
              + " (group " + gi + ", shape " + java.util.Arrays.toString(p.shape()) + ")";
          S loaded = loadState(p, sm, where);
          if (loaded != null) {
            newState.put(p, loaded);
          }
        }
        index++;
      }
      newOptions.add(g.options().fromMap(sg));
      Map<String, Double> extras = new LinkedHashMap<>();
      Map<String, Object> known = g.options().toMap();
      for (Map.Entry<String, Object> e : sg.entrySet()) {
        String k = e.getKey();
        if (!known.containsKey(k) && !"params".equals(k) && !"param_names".equals(k)
            && (e.getValue() instanceof Number || e.getValue() instanceof String)) {
          try {
            extras.put(k, Hyper.num(e.getValue(), k));
          } catch (IllegalArgumentException ignored) {
            // a non-numeric entry that is not ours (for example torch's 'foreach': null)
          }
        }
      }
      newExtras.add(extras);
    }
    for (int gi = 0; gi < groups.size(); gi++) {
      ParamGroup<O> g = groups.get(gi);
      g.setOptions(newOptions.get(gi));
      g.clearExtras();
      for (Map.Entry<String, Double> e : newExtras.get(gi).entrySet()) {
        g.setExtra(e.getKey(), e.getValue());
      }
    }
    state.clear();
    state.putAll(newState);
    afterLoad();
  }

  /** Hook run after a successful load. */
  protected void afterLoad() {}

  /** Writes {@link #stateDict()} to a JSON file. */
  public final void saveStateDict(Path file) throws IOException {
    StateDicts.write(stateDict(), file);
  }

  /** Reads a JSON file written by {@link #saveStateDict} and loads it. */
  public final void loadStateDict(Path file) throws IOException {
    loadStateDict(StateDicts.read(file));
  }
}
