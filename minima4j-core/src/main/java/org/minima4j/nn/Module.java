package org.minima4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.minima4j.tensor.Tensor;

/**
 * Base class of layers and models, as {@code torch.nn.Module}: owns parameters, buffers and
 * child modules in registration order, switches between training and evaluation mode, and saves
 * and loads its state by dotted names ({@code "0.weight"}, {@code "2.bias"}).
 */
public abstract class Module {
  private final Map<String, Parameter> params = new LinkedHashMap<>();
  private final Map<String, Tensor> buffers = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();
  private boolean training = true;

  /** The forward computation. */
  public abstract Tensor forward(Tensor input);

  /** Registers a parameter (null means "declared but absent", e.g. a disabled bias). */
  protected final <P extends Parameter> P registerParameter(String name, P p) {
    checkName(name);
    params.put(name, p);
    return p;
  }

  /** Registers a buffer: state saved in the state dict but not trained (e.g. running statistics). */
  protected final <T extends Tensor> T registerBuffer(String name, T t) {
    checkName(name);
    buffers.put(name, t);
    return t;
  }

  /** Registers a child module. */
  protected final <M extends Module> M registerModule(String name, M m) {
    checkName(name);
    if (m == null) {
      throw new IllegalArgumentException("module " + name + " must not be null");
    }
    children.put(name, m);
    return m;
  }

  private void checkName(String name) {
    if (name == null || name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException("invalid name \"" + name + "\": names must be non-empty and contain no '.'");
    }
    if (params.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
      throw new IllegalArgumentException("attribute \"" + name + "\" already exists");
    }
  }

  /** All parameters of this module and its descendants, in registration order (no duplicates). */
  public final List<Parameter> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** Parameters by dotted name, in registration order; a parameter shared by two modules appears once. */
  public final Map<String, Parameter> namedParameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    Set<Parameter> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    collectParameters("", out, seen);
    return out;
  }

  private void collectParameters(String prefix, Map<String, Parameter> out, Set<Parameter> seen) {
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      if (e.getValue() != null && seen.add(e.getValue())) {
        out.put(prefix + e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, Module> e : children.entrySet()) {
      e.getValue().collectParameters(prefix + e.getKey() + ".", out, seen);
    }
  }

  /** Buffers by dotted name, in registration order. */
  public final Map<String, Tensor> namedBuffers() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collectBuffers("", out);
    return out;
  }

  private void collectBuffers(String prefix, Map<String, Tensor> out) {
    for (Map.Entry<String, Tensor> e : buffers.entrySet()) {
      if (e.getValue() != null) {
        out.put(prefix + e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, Module> e : children.entrySet()) {
      e.getValue().collectBuffers(prefix + e.getKey() + ".", out);
    }
  }

  /** Direct children by name, in registration order. */
  public final Map<String, Module> namedChildren() {
    return Collections.unmodifiableMap(children);
  }

  /** Sets training mode on this module and all descendants; returns this. */
  public Module train(boolean mode) {
    training = mode;
    for (Module m : children.values()) {
      m.train(mode);
    }
    return this;
  }

  public final Module train() {
    return train(true);
  }

  public final Module eval() {
    return train(false);
  }

  public final boolean isTraining() {
    return training;
  }

  /** Clears the gradient of every parameter (set to none, as torch 2.x). */
  public final void zeroGrad() {
    for (Parameter p : parameters()) {
      p.setGrad(null);
    }
  }

  /**
   * Parameters and buffers by dotted name, as copies (a snapshot: later training does not change
   * it). Parameters first in registration order, then buffers, per module, as torch orders them.
   */
  public final Map<String, Tensor> stateDict() {
    Map<String, Tensor> refs = new LinkedHashMap<>();
    collectStateRefs("", refs);
    Map<String, Tensor> out = new LinkedHashMap<>();
    refs.forEach((k, v) -> out.put(k, Tensor.of(v.toArray(), v.shape())));
    return out;
  }

  /** Loads a state dict strictly: every key must match and every shape must agree. */
  public final void loadStateDict(Map<String, Tensor> state) {
    loadStateDict(state, true);
  }

  /**
   * Copies values from {@code state} into this module's parameters and buffers. With
   * {@code strict}, missing and unexpected keys are an error listing them; shape mismatches are
   * always an error naming the key and both shapes. Nothing is changed when the load fails.
   */
  public final void loadStateDict(Map<String, Tensor> state, boolean strict) {
    Map<String, Tensor> expected = new LinkedHashMap<>();
    collectStateRefs("", expected);
    Set<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(state.keySet());
    Set<String> unexpected = new TreeSet<>(state.keySet());
    unexpected.removeAll(expected.keySet());
    List<String> errors = new ArrayList<>();
    if (strict && !missing.isEmpty()) {
      errors.add("Missing key(s) in state_dict: " + missing);
    }
    if (strict && !unexpected.isEmpty()) {
      errors.add("Unexpected key(s) in state_dict: " + unexpected);
    }
    for (Map.Entry<String, Tensor> e : expected.entrySet()) {
      Tensor src = state.get(e.getKey());
      if (src != null && !Arrays.equals(src.shape(), e.getValue().shape())) {
        errors.add("size mismatch for " + e.getKey() + ": copying a param with shape " + Arrays.toString(src.shape())
            + " from checkpoint, the shape in current model is " + Arrays.toString(e.getValue().shape()));
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("Error(s) in loading state_dict for " + getClass().getSimpleName() + ": "
          + String.join("; ", errors));
    }
    for (Map.Entry<String, Tensor> e : expected.entrySet()) {
      Tensor src = state.get(e.getKey());
      if (src != null) {
        System.arraycopy(src.data(), 0, e.getValue().data(), 0, src.numel());
        e.getValue().markModified();
      }
    }
  }

  private void collectStateRefs(String prefix, Map<String, Tensor> out) {
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      if (e.getValue() != null) {
        out.put(prefix + e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, Tensor> e : buffers.entrySet()) {
      if (e.getValue() != null) {
        out.put(prefix + e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, Module> e : children.entrySet()) {
      e.getValue().collectStateRefs(prefix + e.getKey() + ".", out);
    }
  }

  @Override
  public String toString() {
    if (children.isEmpty()) {
      return getClass().getSimpleName() + "(" + extraRepr() + ")";
    }
    StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("(\n");
    for (Map.Entry<String, Module> e : children.entrySet()) {
      sb.append("  (").append(e.getKey()).append("): ")
          .append(e.getValue().toString().replace("\n", "\n  ")).append('\n');
    }
    return sb.append(')').toString();
  }

  /** Extra text for {@link #toString()} (layer sizes and options). */
  protected String extraRepr() {
    return "";
  }
}
