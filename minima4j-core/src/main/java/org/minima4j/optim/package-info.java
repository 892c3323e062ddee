/**
 * Gradient optimizers ported from {@code torch.optim} (numerics of torch 1.13.1, API of torch 2.x):
 * {@link org.minima4j.optim.Optimizer} with parameter groups and torch-compatible state dicts,
 * {@link org.minima4j.optim.SGD}, {@link org.minima4j.optim.Adam}, {@link org.minima4j.optim.AdamW},
 * {@link org.minima4j.optim.RMSprop}, {@link org.minima4j.optim.Adagrad}, {@link org.minima4j.optim.Adadelta},
 * {@link org.minima4j.optim.Adamax}, {@link org.minima4j.optim.NAdam}, {@link org.minima4j.optim.RAdam},
 * {@link org.minima4j.optim.ASGD}, {@link org.minima4j.optim.Rprop}, {@link org.minima4j.optim.LBFGS},
 * {@link org.minima4j.optim.SparseAdam}, {@link org.minima4j.optim.Adafactor} and
 * {@link org.minima4j.optim.Lion}; gradient clipping ({@link org.minima4j.optim.GradClipping}),
 * weight averaging ({@link org.minima4j.optim.AveragedModel}) and JSON state-dict files
 * ({@link org.minima4j.optim.StateDicts}). Learning-rate schedulers are in
 * {@link org.minima4j.optim.lr}. docs/porting/optim.md lists the torch names and every deviation.
 */
package org.minima4j.optim;
