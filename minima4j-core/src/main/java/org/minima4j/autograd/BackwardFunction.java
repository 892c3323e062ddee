package org.minima4j.autograd;

/**
 * The backward rule of one differentiable operation (a custom {@code torch.autograd.Function}).
 *
 * <p>{@code gradOutput} is the gradient of the loss with respect to the operation's output, in the
 * output's row-major layout. {@code gradInputs[i]} is the gradient buffer of input {@code i} (same
 * length as that input), or {@code null} when input {@code i} does not require a gradient. The
 * rule must <em>add</em> its contribution into the buffers, never overwrite them: one tensor may
 * be an input several times. Use {@link org.minima4j.tensor.Tensor#fromFunction} to build the
 * output tensor.
 */
@FunctionalInterface
public interface BackwardFunction {
  void backward(double[] gradOutput, double[][] gradInputs);
}
