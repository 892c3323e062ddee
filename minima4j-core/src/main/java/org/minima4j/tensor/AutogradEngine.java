package org.minima4j.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reverse-mode accumulation over the recorded graph, as torch.autograd's engine: visit tensors in
 * reverse topological order, hand each node's output gradient to its backward rule, and add the
 * gradients that reach leaves requiring grad into their {@link Tensor#grad()}.
 *
 * <p>The graph is kept after backward (torch's {@code retain_graph=True}), so backward may be
 * called more than once; gradients accumulate.
 */
final class AutogradEngine {
  private static final AtomicInteger MARK = new AtomicInteger();

  private AutogradEngine() {}

  static void backward(Tensor root, double[] seed) {
    if (!root.requiresGrad()) {
      throw new IllegalStateException("element 0 of tensors does not require grad and does not have a grad_fn");
    }
    List<Tensor> order = topologicalOrder(root);
    root.gradAccum = seed;
    try {
      for (int k = order.size() - 1; k >= 0; k--) {
        Tensor t = order.get(k);
        double[] g = t.gradAccum;
        if (g == null) {
          continue;
        }
        if (t.backwardFn == null || t.retainsGrad()) {
          t.accumulateGrad(g);
        }
        if (t.backwardFn != null) {
          checkVersions(t);
          Tensor[] in = t.inputs;
          double[][] gin = new double[in.length][];
          for (int i = 0; i < in.length; i++) {
            Tensor x = in[i];
            if (x.requiresGrad()) {
              if (x.gradAccum == null) {
                x.gradAccum = new double[x.numel];
              }
              gin[i] = x.gradAccum;
            }
          }
          t.backwardFn.backward(g, gin);
        }
        t.gradAccum = null;
      }
    } finally {
      for (Tensor t : order) {
        t.gradAccum = null;
      }
    }
  }

  /** Refuses to backpropagate through an operation whose inputs or output changed in place since it ran. */
  private static void checkVersions(Tensor t) {
    Tensor[] in = t.inputs;
    for (int i = 0; i <= in.length; i++) {
      Tensor x = i < in.length ? in[i] : t;
      int expected = t.savedVersions[i];
      if (x.version[0] != expected) {
        throw new IllegalStateException("one of the variables needed for gradient computation has been modified by an "
            + "inplace operation: [DoubleTensor " + java.util.Arrays.toString(x.shape) + "]"
            + (i < in.length ? ", input " + i + " of " : ", the output of ") + t.op + ", is at version " + x.version[0]
            + "; expected version " + expected + " instead.");
      }
    }
  }

  /** Tensors reachable from {@code root} through grad-requiring inputs; inputs before outputs. */
  private static List<Tensor> topologicalOrder(Tensor root) {
    int mark = MARK.incrementAndGet();
    List<Tensor> order = new ArrayList<>();
    ArrayDeque<Tensor> stack = new ArrayDeque<>();
    ArrayDeque<Integer> next = new ArrayDeque<>();
    root.visitMark = mark;
    stack.push(root);
    next.push(0);
    while (!stack.isEmpty()) {
      Tensor t = stack.peek();
      int i = next.pop();
      Tensor[] in = t.inputs;
      if (in != null && i < in.length) {
        next.push(i + 1);
        Tensor c = in[i];
        if (c.requiresGrad() && c.visitMark != mark) {
          c.visitMark = mark;
          stack.push(c);
          next.push(0);
        }
      } else {
        stack.pop();
        order.add(t);
      }
    }
    return order;
  }
}
