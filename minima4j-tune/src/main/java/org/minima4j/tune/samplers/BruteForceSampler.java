package org.minima4j.tune.samplers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.minima4j.optimize.global.SeededRandom;
import org.minima4j.tune.CategoricalDistribution;
import org.minima4j.tune.Distribution;
import org.minima4j.tune.FloatDistribution;
import org.minima4j.tune.FrozenTrial;
import org.minima4j.tune.IntDistribution;
import org.minima4j.tune.Study;
import org.minima4j.tune.TrialState;

/**
 * Exhaustive search of a finite define-by-run space, as Optuna's {@code BruteForceSampler}: the trials seen so
 * far form a tree (parameters in suggestion order); each suggestion picks uniformly among the values whose
 * subtrees are not yet fully explored, and the study stops once the whole tree is. Every distribution must be
 * finite (categorical, int, or float with a step).
 */
public final class BruteForceSampler implements Sampler {
  private final RandomGenerator rng;

  public BruteForceSampler(long seed) {
    this.rng = new SeededRandom(seed);
  }

  private static final class Node {
    String param;
    Map<Double, Node> children;
    boolean leafVisited;

    void expand(String name, List<Double> values) {
      if (param == null && children == null) {
        param = name;
        children = new LinkedHashMap<>();
        for (double v : values) {
          children.put(v, new Node());
        }
      } else if (!name.equals(param)) {
        throw new IllegalArgumentException("BruteForceSampler found parameter '" + name + "' where earlier trials had '"
            + param + "'; the search space must be the same for the same earlier choices.");
      }
    }

    boolean exhausted() {
      if (children == null) {
        return leafVisited;
      }
      for (Node c : children.values()) {
        if (!c.exhausted()) {
          return false;
        }
      }
      return true;
    }
  }

  static List<Double> values(Distribution d) {
    List<Double> out = new ArrayList<>();
    if (d instanceof CategoricalDistribution c) {
      for (int i = 0; i < c.choices().size(); i++) {
        out.add((double) i);
      }
    } else if (d instanceof IntDistribution i) {
      if (i.log()) {
        for (long v = i.low(); v <= i.high(); v++) {
          out.add((double) v);
        }
      } else {
        for (long v = i.low(); v <= i.high(); v += i.step()) {
          out.add((double) v);
        }
      }
    } else {
      FloatDistribution f = (FloatDistribution) d;
      if (f.step() == null) {
        if (f.single()) {
          out.add(f.low());
          return out;
        }
        throw new IllegalArgumentException("FloatDistribution.step must be given for BruteForceSampler"
            + " (otherwise, the search space will be infinite).");
      }
      long k = Math.round((f.high() - f.low()) / f.step());
      for (long j = 0; j <= k; j++) {
        out.add(Math.min(f.low() + j * f.step(), f.high()));
      }
    }
    return out;
  }

  private Node buildTree(Study study) {
    Node root = new Node();
    for (FrozenTrial t : study.getTrials((java.util.Set<TrialState>) null)) {
      if (t.state() == TrialState.WAITING) {
        continue;
      }
      Node node = root;
      for (Map.Entry<String, Double> e : t.internalParams().entrySet()) {
        node.expand(e.getKey(), values(t.distributions().get(e.getKey())));
        Node next = node.children.get(e.getValue());
        if (next == null) {
          next = new Node();
          node.children.put(e.getValue(), next);
        }
        node = next;
      }
      if (t.state().isFinished()) {
        node.leafVisited = true;
      }
    }
    return root;
  }

  @Override
  public double sampleIndependent(Study study, FrozenTrial trial, String paramName, Distribution distribution) {
    Node node = buildTree(study);
    FrozenTrial current = study.storage().getTrial(trial.trialId());
    for (Map.Entry<String, Double> e : current.internalParams().entrySet()) {
      node.expand(e.getKey(), values(current.distributions().get(e.getKey())));
      node = node.children.get(e.getValue());
    }
    node.expand(paramName, values(distribution));
    List<Double> open = new ArrayList<>();
    for (Map.Entry<Double, Node> c : node.children.entrySet()) {
      if (!c.getValue().exhausted()) {
        open.add(c.getKey());
      }
    }
    if (open.isEmpty()) {
      open.addAll(node.children.keySet());
    }
    return open.get(rng.nextInt(open.size()));
  }

  @Override
  public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    Node root = buildTree(study);
    Node node = root;
    for (Map.Entry<String, Double> e : trial.internalParams().entrySet()) {
      node = node.children.get(e.getValue());
    }
    node.leafVisited = true;
    if (root.exhausted()) {
      study.stop();
    }
  }
}
