/**
 * scipy-style local minimization ({@code Minimize.minimize}) and dict-minimize over named tensors;
 * gradient-free global optimizers live in {@code org.minima4j.optimize.global}.
 */
package org.minima4j.optimize;
