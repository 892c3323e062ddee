/**
 * CMA-ES: {@link org.minima4j.optimize.global.cmaes.CMA} (ask/tell, after CyberAgentAILab/cmaes 0.9.1),
 * {@link org.minima4j.optimize.global.cmaes.CmaParameters} (strategy constants),
 * {@link org.minima4j.optimize.global.cmaes.SepCMA} (diagonal covariance) and
 * {@link org.minima4j.optimize.global.cmaes.RestartCMA} (REPEAT, IPOP and BIPOP restarts).
 */
package org.minima4j.optimize.global.cmaes;
