/**
 * Learning-rate schedulers ported from {@code torch.optim.lr_scheduler} (torch 1.13.1's chainable
 * forms) and {@code swa_utils.SWALR}: {@link org.minima4j.optim.lr.LRScheduler} subclasses, the
 * composites {@link org.minima4j.optim.lr.SequentialLR} and {@link org.minima4j.optim.lr.ChainedScheduler},
 * and {@link org.minima4j.optim.lr.ReduceLROnPlateau}, all behind {@link org.minima4j.optim.lr.Scheduler}.
 */
package org.minima4j.optim.lr;
