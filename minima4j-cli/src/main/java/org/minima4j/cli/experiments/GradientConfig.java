package org.minima4j.cli.experiments;

/** Hyperparameters of the gradient methods for one problem (torch names in camelCase). */
public record GradientConfig(double lr, double momentum, double alpha, double beta1, double beta2) {}
