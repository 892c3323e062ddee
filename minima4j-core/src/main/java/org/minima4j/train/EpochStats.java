package org.minima4j.train;

/**
 * One epoch's figures: the training loss (the sample-weighted mean of the batch losses computed
 * before each step), training accuracy over the same batches (NaN for regression), and the
 * validation loss and accuracy after the epoch (NaN without a validation set).
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy) {}
