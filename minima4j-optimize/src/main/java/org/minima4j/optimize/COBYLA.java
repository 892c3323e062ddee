package org.minima4j.optimize;

import java.util.List;
import org.minima4j.optimize.internal.Trstlp;

/**
 * COBYLA: constrained optimization by linear approximations (M. J. D. Powell, "A direct search
 * optimization method that models the objective and constraint functions by linear
 * interpolation", Advances in Optimization and Numerical Analysis, Kluwer, 1994), following scipy
 * 1.10.1 {@code scipy/optimize/cobyla/cobyla2.f} ({@code COBYLB}) and {@code _cobyla_py.py}:
 * inequality constraints only, no bounds (as in 1.10), {@code rhobeg} 1.0, {@code tol} (rhoend)
 * 1e-4, {@code maxiter} (= maxfun) 1000, {@code catol} 2e-4; status 1 success, 2 maxfun,
 * 3 rounding errors, 4 constraints violated by more than catol, 5 NaN step.
 */
final class COBYLA {
  static final String[] MESSAGES = {
    "Unknown exit status.",
    "Optimization terminated successfully.",
    "Maximum number of function evaluations has been exceeded.",
    "Rounding errors are becoming damaging in COBYLA subroutine.",
    "Did not converge to a solution satisfying the constraints. See `maxcv` for magnitude of violation.",
    "NaN result encountered."};

  private COBYLA() {}

  static OptimizeResult minimize(Problem pb) {
    MinimizeOptions o = pb.options;
    List<Constraint> cons = o.constraints();
    for (Constraint c : cons) {
      if (c.type() != Constraint.Type.INEQ) {
        throw new IllegalArgumentException("Constraints of type 'eq' not handled by COBYLA.");
      }
    }
    SLSQP.Constraints stack = new SLSQP.Constraints(List.of(), cons, pb.n, pb, o);
    int n = pb.n;
    int m = stack.mineq;
    double rhobeg = o.rhobeg() != null ? o.rhobeg() : 1.0;
    double rhoend = o.rhoend() != null ? o.rhoend() : 1e-4;
    double catol = o.catol() != null ? o.catol() : 2e-4;
    int maxfun = o.maxfun() != null ? o.maxfun() : o.maxiterOr(1000);
    double[] x = new double[n + 1];
    System.arraycopy(pb.x0, 0, x, 1, n);
    double[] info = cobylb(pb, stack, n, m, x, rhobeg, rhoend, maxfun);
    int status = (int) info[0];
    if (info[3] > catol) {
      status = 4;
    }
    double[] xs = new double[n];
    System.arraycopy(x, 1, xs, 0, n);
    return new OptimizeResult(xs, info[2], null, (int) info[1], (int) info[1], 0, 0, status, status == 1,
        MESSAGES[status], info[3]);
  }

  /** {@code COBYLB}; returns DINFO = {status, nfvals, f, resmax}; x[1..n] holds the result. */
  private static double[] cobylb(Problem pb, SLSQP.Constraints stack, int n, int m, double[] x, double rhobeg,
      double rhoend, int maxfun) {
    int mpp = m + 2;
    int np = n + 1;
    int mp = m + 1;
    final double alpha = 0.25;
    final double beta = 2.1;
    final double gamma = 0.5;
    final double delta = 1.1;
    double[] con = new double[mpp + 1];
    double[][] sim = new double[n + 1][np + 1];
    double[][] simi = new double[n + 1][n + 1];
    double[][] datmat = new double[mpp + 1][np + 1];
    double[][] a = new double[n + 1][mp + 1];
    double[] vsig = new double[n + 1];
    double[] veta = new double[n + 1];
    double[] sigbar = new double[n + 1];
    double[] dx = new double[n + 1];
    double[] w = new double[n + 1];
    int[] iact = new int[mp + 2];
    double rho = rhobeg;
    double parmu = 0.0;
    double status = 1.0;
    int iflag = 1;
    double parsig = 0;
    double pareta = 0;
    double prerec = 0;
    double prerem = 0;
    int nfvals = 0;
    double temp = 1.0 / rho;
    for (int i = 1; i <= n; i++) {
      sim[i][np] = x[i];
      for (int j = 1; j <= n; j++) {
        sim[i][j] = 0.0;
        simi[i][j] = 0.0;
      }
      sim[i][i] = rho;
      simi[i][i] = temp;
    }
    int jdrop = np;
    int ibrnch = 0;
    int ifull = 0;
    double f = 0;
    double resmax = 0;
    int label = 40;
    while (true) {
      switch (label) {
        case 40 -> {
          if (nfvals >= maxfun && nfvals > 0) {
            status = 2.0;
            label = 600;
            break;
          }
          nfvals++;
          double[] xs = new double[n];
          System.arraycopy(x, 1, xs, 0, n);
          f = pb.fn.evaluate(xs);
          double[] c = stack.values(xs);
          System.arraycopy(c, 0, con, 1, m);
          pb.callback(xs, f, nfvals);
          resmax = 0.0;
          for (int k = 1; k <= m; k++) {
            resmax = Math.max(resmax, -con[k]);
          }
          con[mp] = f;
          con[mpp] = resmax;
          if (ibrnch == 1) {
            label = 440;
            break;
          }
          for (int k = 1; k <= mpp; k++) {
            datmat[k][jdrop] = con[k];
          }
          if (nfvals > np) {
            label = 130;
            break;
          }
          if (jdrop <= n) {
            if (datmat[mp][np] <= f) {
              x[jdrop] = sim[jdrop][np];
            } else {
              sim[jdrop][np] = x[jdrop];
              for (int k = 1; k <= mpp; k++) {
                datmat[k][jdrop] = datmat[k][np];
                datmat[k][np] = con[k];
              }
              for (int k = 1; k <= jdrop; k++) {
                sim[jdrop][k] = -rho;
                double t = 0.0;
                for (int i = k; i <= jdrop; i++) {
                  t = t - simi[i][k];
                }
                simi[jdrop][k] = t;
              }
            }
          }
          if (nfvals <= n) {
            jdrop = nfvals;
            x[jdrop] = x[jdrop] + rho;
            label = 40;
            break;
          }
          label = 130;
        }
        case 130 -> {
          ibrnch = 1;
          label = 140;
        }
        case 140 -> {
          double phimin = datmat[mp][np] + parmu * datmat[mpp][np];
          int nbest = np;
          for (int j = 1; j <= n; j++) {
            double t = datmat[mp][j] + parmu * datmat[mpp][j];
            if (t < phimin) {
              nbest = j;
              phimin = t;
            } else if (t == phimin && parmu == 0.0) {
              if (datmat[mpp][j] < datmat[mpp][nbest]) {
                nbest = j;
              }
            }
          }
          if (nbest <= n) {
            for (int i = 1; i <= mpp; i++) {
              double t = datmat[i][np];
              datmat[i][np] = datmat[i][nbest];
              datmat[i][nbest] = t;
            }
            for (int i = 1; i <= n; i++) {
              double t = sim[i][nbest];
              sim[i][nbest] = 0.0;
              sim[i][np] = sim[i][np] + t;
              double tempa = 0.0;
              for (int k = 1; k <= n; k++) {
                sim[i][k] = sim[i][k] - t;
                tempa = tempa - simi[k][i];
              }
              simi[nbest][i] = tempa;
            }
          }
          double error = 0.0;
          for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
              double t = 0.0;
              if (i == j) {
                t = t - 1.0;
              }
              for (int k = 1; k <= n; k++) {
                t = t + simi[i][k] * sim[k][j];
              }
              error = Math.max(error, Math.abs(t));
            }
          }
          if (error > 0.1) {
            status = 3.0;
            label = 600;
            break;
          }
          for (int k = 1; k <= mp; k++) {
            con[k] = -datmat[k][np];
            for (int j = 1; j <= n; j++) {
              w[j] = datmat[k][j] + con[k];
            }
            for (int i = 1; i <= n; i++) {
              double t = 0.0;
              for (int j = 1; j <= n; j++) {
                t = t + w[j] * simi[j][i];
              }
              if (k == mp) {
                t = -t;
              }
              a[i][k] = t;
            }
          }
          iflag = 1;
          parsig = alpha * rho;
          pareta = beta * rho;
          for (int j = 1; j <= n; j++) {
            double wsig = 0.0;
            double weta = 0.0;
            for (int i = 1; i <= n; i++) {
              wsig = wsig + simi[j][i] * simi[j][i];
              weta = weta + sim[i][j] * sim[i][j];
            }
            vsig[j] = 1.0 / Math.sqrt(wsig);
            veta[j] = Math.sqrt(weta);
            if (vsig[j] < parsig || veta[j] > pareta) {
              iflag = 0;
            }
          }
          if (ibrnch == 1 || iflag == 1) {
            label = 370;
            break;
          }
          jdrop = 0;
          double t = pareta;
          for (int j = 1; j <= n; j++) {
            if (veta[j] > t) {
              jdrop = j;
              t = veta[j];
            }
          }
          if (jdrop == 0) {
            for (int j = 1; j <= n; j++) {
              if (vsig[j] < t) {
                jdrop = j;
                t = vsig[j];
              }
            }
          }
          t = gamma * rho * vsig[jdrop];
          for (int i = 1; i <= n; i++) {
            dx[i] = t * simi[jdrop][i];
          }
          double cvmaxp = 0.0;
          double cvmaxm = 0.0;
          double sum = 0.0;
          for (int k = 1; k <= mp; k++) {
            sum = 0.0;
            for (int i = 1; i <= n; i++) {
              sum = sum + a[i][k] * dx[i];
            }
            if (k < mp) {
              double tk = datmat[k][np];
              cvmaxp = Math.max(cvmaxp, -sum - tk);
              cvmaxm = Math.max(cvmaxm, sum - tk);
            }
          }
          double dxsign = 1.0;
          if (parmu * (cvmaxp - cvmaxm) > sum + sum) {
            dxsign = -1.0;
          }
          t = 0.0;
          for (int i = 1; i <= n; i++) {
            dx[i] = dxsign * dx[i];
            sim[i][jdrop] = dx[i];
            t = t + simi[jdrop][i] * dx[i];
          }
          for (int i = 1; i <= n; i++) {
            simi[jdrop][i] = simi[jdrop][i] / t;
          }
          for (int j = 1; j <= n; j++) {
            if (j != jdrop) {
              double tj = 0.0;
              for (int i = 1; i <= n; i++) {
                tj = tj + simi[j][i] * dx[i];
              }
              for (int i = 1; i <= n; i++) {
                simi[j][i] = simi[j][i] - tj * simi[jdrop][i];
              }
            }
            x[j] = sim[j][np] + dx[j];
          }
          label = 40;
        }
        case 370 -> {
          ifull = Trstlp.trstlp(n, m, a, con, rho, dx, iact);
          boolean nan = false;
          for (int i = 1; i <= n; i++) {
            nan |= dx[i] != dx[i];
          }
          if (nan) {
            status = 5.0;
            label = 600;
            break;
          }
          if (ifull == 0) {
            double t = 0.0;
            for (int i = 1; i <= n; i++) {
              t = t + dx[i] * dx[i];
            }
            if (t < 0.25 * rho * rho) {
              ibrnch = 1;
              label = 550;
              break;
            }
          }
          double resnew = 0.0;
          con[mp] = 0.0;
          double sum = 0.0;
          for (int k = 1; k <= mp; k++) {
            sum = con[k];
            for (int i = 1; i <= n; i++) {
              sum = sum - a[i][k] * dx[i];
            }
            if (k < mp) {
              resnew = Math.max(resnew, sum);
            }
          }
          double barmu = 0.0;
          prerec = datmat[mpp][np] - resnew;
          if (prerec > 0.0) {
            barmu = sum / prerec;
          }
          if (parmu < 1.5 * barmu) {
            parmu = 2.0 * barmu;
            double phi = datmat[mp][np] + parmu * datmat[mpp][np];
            boolean restart = false;
            for (int j = 1; j <= n; j++) {
              double t = datmat[mp][j] + parmu * datmat[mpp][j];
              if (t < phi) {
                restart = true;
                break;
              }
              if (t == phi && parmu == 0.0 && datmat[mpp][j] < datmat[mpp][np]) {
                restart = true;
                break;
              }
            }
            if (restart) {
              label = 140;
              break;
            }
          }
          prerem = parmu * prerec - sum;
          for (int i = 1; i <= n; i++) {
            x[i] = sim[i][np] + dx[i];
          }
          ibrnch = 1;
          label = 40;
        }
        case 440 -> {
          double vmold = datmat[mp][np] + parmu * datmat[mpp][np];
          double vmnew = f + parmu * resmax;
          double trured = vmold - vmnew;
          if (parmu == 0.0 && f == datmat[mp][np]) {
            prerem = prerec;
            trured = datmat[mpp][np] - resmax;
          }
          double ratio = 0.0;
          if (trured <= 0.0) {
            ratio = 1.0;
          }
          jdrop = 0;
          for (int j = 1; j <= n; j++) {
            double t = 0.0;
            for (int i = 1; i <= n; i++) {
              t = t + simi[j][i] * dx[i];
            }
            t = Math.abs(t);
            if (t > ratio) {
              jdrop = j;
              ratio = t;
            }
            sigbar[j] = t * vsig[j];
          }
          double edgmax = delta * rho;
          int l = 0;
          for (int j = 1; j <= n; j++) {
            if (sigbar[j] >= parsig || sigbar[j] >= vsig[j]) {
              double t = veta[j];
              if (trured > 0.0) {
                t = 0.0;
                for (int i = 1; i <= n; i++) {
                  t = t + (dx[i] - sim[i][j]) * (dx[i] - sim[i][j]);
                }
                t = Math.sqrt(t);
              }
              if (t > edgmax) {
                l = j;
                edgmax = t;
              }
            }
          }
          if (l > 0) {
            jdrop = l;
          }
          if (jdrop == 0) {
            label = 550;
            break;
          }
          double t = 0.0;
          for (int i = 1; i <= n; i++) {
            sim[i][jdrop] = dx[i];
            t = t + simi[jdrop][i] * dx[i];
          }
          for (int i = 1; i <= n; i++) {
            simi[jdrop][i] = simi[jdrop][i] / t;
          }
          for (int j = 1; j <= n; j++) {
            if (j != jdrop) {
              double tj = 0.0;
              for (int i = 1; i <= n; i++) {
                tj = tj + simi[j][i] * dx[i];
              }
              for (int i = 1; i <= n; i++) {
                simi[j][i] = simi[j][i] - tj * simi[jdrop][i];
              }
            }
          }
          for (int k = 1; k <= mpp; k++) {
            datmat[k][jdrop] = con[k];
          }
          if (trured > 0.0 && trured >= 0.1 * prerem) {
            label = 140;
            break;
          }
          label = 550;
        }
        case 550 -> {
          if (iflag == 0) {
            ibrnch = 0;
            label = 140;
            break;
          }
          if (rho > rhoend) {
            rho = 0.5 * rho;
            if (rho <= 1.5 * rhoend) {
              rho = rhoend;
            }
            if (parmu > 0.0) {
              double denom = 0.0;
              double cmin = 0;
              double cmax = 0;
              for (int k = 1; k <= mp; k++) {
                cmin = datmat[k][np];
                cmax = cmin;
                for (int i = 1; i <= n; i++) {
                  cmin = Math.min(cmin, datmat[k][i]);
                  cmax = Math.max(cmax, datmat[k][i]);
                }
                if (k <= m && cmin < 0.5 * cmax) {
                  double t = Math.max(cmax, 0.0) - cmin;
                  if (denom <= 0.0) {
                    denom = t;
                  } else {
                    denom = Math.min(denom, t);
                  }
                }
              }
              if (denom == 0.0) {
                parmu = 0.0;
              } else if (cmax - cmin < parmu * denom) {
                parmu = (cmax - cmin) / denom;
              }
            }
            label = 140;
            break;
          }
          if (ifull == 1) {
            return new double[] {status, nfvals, f, resmax};
          }
          label = 600;
        }
        case 600 -> {
          for (int i = 1; i <= n; i++) {
            x[i] = sim[i][np];
          }
          f = datmat[mp][np];
          resmax = datmat[mpp][np];
          return new double[] {status, nfvals, f, resmax};
        }
        default -> throw new IllegalStateException("cobyla label " + label);
      }
    }
  }
}
