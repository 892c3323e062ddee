/**
 * Plots of a study (optimization history, PED-ANOVA parameter importances, parallel coordinates, slice,
 * contour, intermediate values, Pareto front) with XChart, as PNG and SVG; used by {@code minima study plot}.
 */
package org.minima4j.plot.study;
