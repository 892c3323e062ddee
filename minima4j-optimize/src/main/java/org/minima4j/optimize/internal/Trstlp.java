package org.minima4j.optimize.internal;

/**
 * COBYLA's trust-region step ({@code TRSTLP} of scipy 1.10.1
 * {@code scipy/optimize/cobyla/trstlp.f}; M. J. D. Powell, "A direct search optimization method that
 * models the objective and constraint functions by linear interpolation", Advances in Optimization
 * and Numerical Analysis, 1994): minimizes the greatest linearized constraint violation, then the
 * linearized objective, inside the ball of radius rho. Arrays are 1-based; {@code a[i][k]} is
 * Fortran's A(I,K). Single-precision Fortran literals ({@code 1.0E-6}, {@code 0.1}, {@code 2.2E-16})
 * keep their float values.
 */
public final class Trstlp {
  private static final double E6 = (double) 1.0e-6f;
  private static final double P1F = (double) 0.1f;
  private static final double P2F = (double) 0.2f;
  private static final double EPSF = (double) 2.2e-16f;

  private Trstlp() {}

  /**
   * Computes the step {@code dx[1..n]}; {@code a} has m+1 columns (the last the objective
   * gradient), {@code b[1..m+1]} the constraint values; returns IFULL (1 full step, 0 otherwise).
   */
  public static int trstlp(int n, int m, double[][] a, double[] b, double rho, double[] dx, int[] iact) {
    double[][] z = new double[n + 1][n + 1];
    double[] zdota = new double[n + 2];
    double[] vmultc = new double[m + 2];
    double[] sdirn = new double[n + 1];
    double[] dxnew = new double[n + 1];
    double[] vmultd = new double[m + 2];
    int icon = 0;
    int nactx = 0;
    double resold = 0;
    int ifull = 1;
    int mcon = m;
    int nact = 0;
    double resmax = 0.0;
    double optold = 0;
    int icount = 0;
    double step = 0;
    double stpful = 0;
    int kk = 0;
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= n; j++) {
        z[i][j] = 0.0;
      }
      z[i][i] = 1.0;
      dx[i] = 0.0;
    }
    if (m >= 1) {
      for (int k = 1; k <= m; k++) {
        if (b[k] > resmax) {
          resmax = b[k];
          icon = k;
        }
      }
      for (int k = 1; k <= m; k++) {
        iact[k] = k;
        vmultc[k] = resmax - b[k];
      }
    }
    int label = resmax == 0.0 ? 480 : 55;
    while (true) {
      switch (label) {
        case 55 -> {
          for (int i = 1; i <= n; i++) {
            sdirn[i] = 0.0;
          }
          label = 60;
        }
        case 60 -> {
          optold = 0.0;
          icount = 0;
          label = 70;
        }
        case 70 -> {
          double optnew;
          if (mcon == m) {
            optnew = resmax;
          } else {
            optnew = 0.0;
            for (int i = 1; i <= n; i++) {
              optnew = optnew - dx[i] * a[i][mcon];
            }
          }
          label = 0;
          if (icount == 0 || optnew < optold) {
            optold = optnew;
            nactx = nact;
            icount = 3;
          } else if (nact > nactx) {
            nactx = nact;
            icount = 3;
          } else {
            icount = icount - 1;
            if (icount == 0) {
              label = 490;
            }
          }
          if (label == 490) {
            break;
          }
          if (icon <= nact) {
            label = 260;
            break;
          }
          kk = iact[icon];
          for (int i = 1; i <= n; i++) {
            dxnew[i] = a[i][kk];
          }
          double tot = 0.0;
          for (int k = n; k > nact; k--) {
            double sp = 0.0;
            double spabs = 0.0;
            for (int i = 1; i <= n; i++) {
              double temp = z[i][k] * dxnew[i];
              sp = sp + temp;
              spabs = spabs + Math.abs(temp);
            }
            double acca = spabs + 0.1 * Math.abs(sp);
            double accb = spabs + 0.2 * Math.abs(sp);
            if (spabs >= acca || acca >= accb) {
              sp = 0.0;
            }
            if (tot == 0.0) {
              tot = sp;
            } else {
              int kp = k + 1;
              double temp = Math.sqrt(sp * sp + tot * tot);
              double alpha = sp / temp;
              double beta = tot / temp;
              tot = temp;
              for (int i = 1; i <= n; i++) {
                double t = alpha * z[i][k] + beta * z[i][kp];
                z[i][kp] = alpha * z[i][kp] - beta * z[i][k];
                z[i][k] = t;
              }
            }
          }
          if (tot != 0.0) {
            nact = nact + 1;
            zdota[nact] = tot;
            vmultc[icon] = vmultc[nact];
            vmultc[nact] = 0.0;
            label = 210;
            break;
          }
          double ratio = -1.0;
          int iout = 0;
          for (int k = nact; k >= 1; k--) {
            double zdotv = 0.0;
            double zdvabs = 0.0;
            for (int i = 1; i <= n; i++) {
              double temp = z[i][k] * dxnew[i];
              zdotv = zdotv + temp;
              zdvabs = zdvabs + Math.abs(temp);
            }
            double acca = zdvabs + 0.1 * Math.abs(zdotv);
            double accb = zdvabs + 0.2 * Math.abs(zdotv);
            if (zdvabs < acca && acca < accb) {
              double temp = zdotv / zdota[k];
              if (temp > 0.0 && iact[k] <= m) {
                double tempa = vmultc[k] / temp;
                if (ratio < 0.0 || tempa < ratio) {
                  ratio = tempa;
                  iout = k;
                }
              }
              if (k >= 2) {
                int kw = iact[k];
                for (int i = 1; i <= n; i++) {
                  dxnew[i] = dxnew[i] - temp * a[i][kw];
                }
              }
              vmultd[k] = temp;
            } else {
              vmultd[k] = 0.0;
            }
          }
          if (ratio < 0.0) {
            label = 490;
            break;
          }
          for (int k = 1; k <= nact; k++) {
            vmultc[k] = Math.max(0.0, vmultc[k] - ratio * vmultd[k]);
          }
          if (icon < nact) {
            int isave = iact[icon];
            double vsave = vmultc[icon];
            int k = icon;
            do {
              int kp = k + 1;
              int kw = iact[kp];
              double sp = 0.0;
              for (int i = 1; i <= n; i++) {
                sp = sp + z[i][k] * a[i][kw];
              }
              double temp = Math.sqrt(sp * sp + zdota[kp] * zdota[kp]);
              double alpha = zdota[kp] / temp;
              double beta = sp / temp;
              zdota[kp] = alpha * zdota[k];
              zdota[k] = temp;
              for (int i = 1; i <= n; i++) {
                double t = alpha * z[i][kp] + beta * z[i][k];
                z[i][kp] = alpha * z[i][k] - beta * z[i][kp];
                z[i][k] = t;
              }
              iact[k] = kw;
              vmultc[k] = vmultc[kp];
              k = kp;
            } while (k < nact);
            iact[k] = isave;
            vmultc[k] = vsave;
          }
          double temp = 0.0;
          for (int i = 1; i <= n; i++) {
            temp = temp + z[i][nact] * a[i][kk];
          }
          if (temp == 0.0) {
            label = 490;
            break;
          }
          zdota[nact] = temp;
          vmultc[icon] = 0.0;
          vmultc[nact] = ratio;
          label = 210;
        }
        case 210 -> {
          iact[icon] = iact[nact];
          iact[nact] = kk;
          if (mcon > m && kk != mcon) {
            int k = nact - 1;
            double sp = 0.0;
            for (int i = 1; i <= n; i++) {
              sp = sp + z[i][k] * a[i][kk];
            }
            double temp = Math.sqrt(sp * sp + zdota[nact] * zdota[nact]);
            double alpha = zdota[nact] / temp;
            double beta = sp / temp;
            zdota[nact] = alpha * zdota[k];
            zdota[k] = temp;
            for (int i = 1; i <= n; i++) {
              double t = alpha * z[i][nact] + beta * z[i][k];
              z[i][nact] = alpha * z[i][k] - beta * z[i][nact];
              z[i][k] = t;
            }
            iact[nact] = iact[k];
            iact[k] = kk;
            double tv = vmultc[k];
            vmultc[k] = vmultc[nact];
            vmultc[nact] = tv;
          }
          if (mcon > m) {
            label = 320;
            break;
          }
          kk = iact[nact];
          double temp = 0.0;
          for (int i = 1; i <= n; i++) {
            temp = temp + sdirn[i] * a[i][kk];
          }
          temp = temp - 1.0;
          temp = temp / zdota[nact];
          for (int i = 1; i <= n; i++) {
            sdirn[i] = sdirn[i] - temp * z[i][nact];
          }
          label = 340;
        }
        case 260 -> {
          if (icon < nact) {
            int isave = iact[icon];
            double vsave = vmultc[icon];
            int k = icon;
            do {
              int kp = k + 1;
              kk = iact[kp];
              double sp = 0.0;
              for (int i = 1; i <= n; i++) {
                sp = sp + z[i][k] * a[i][kk];
              }
              double temp = Math.sqrt(sp * sp + zdota[kp] * zdota[kp]);
              double alpha = zdota[kp] / temp;
              double beta = sp / temp;
              zdota[kp] = alpha * zdota[k];
              zdota[k] = temp;
              for (int i = 1; i <= n; i++) {
                double t = alpha * z[i][kp] + beta * z[i][k];
                z[i][kp] = alpha * z[i][k] - beta * z[i][kp];
                z[i][k] = t;
              }
              iact[k] = kk;
              vmultc[k] = vmultc[kp];
              k = kp;
            } while (k < nact);
            iact[k] = isave;
            vmultc[k] = vsave;
          }
          nact = nact - 1;
          if (mcon > m) {
            label = 320;
            break;
          }
          double temp = 0.0;
          for (int i = 1; i <= n; i++) {
            temp = temp + sdirn[i] * z[i][nact + 1];
          }
          for (int i = 1; i <= n; i++) {
            sdirn[i] = sdirn[i] - temp * z[i][nact + 1];
          }
          label = 340;
        }
        case 320 -> {
          double temp = 1.0 / zdota[nact];
          for (int i = 1; i <= n; i++) {
            sdirn[i] = temp * z[i][nact];
          }
          label = 340;
        }
        case 340 -> {
          double dd = rho * rho;
          double sd = 0.0;
          double ss = 0.0;
          for (int i = 1; i <= n; i++) {
            if (Math.abs(dx[i]) >= E6 * rho) {
              dd = dd - dx[i] * dx[i];
            }
            sd = sd + dx[i] * sdirn[i];
            ss = ss + sdirn[i] * sdirn[i];
          }
          if (dd <= 0.0) {
            label = 490;
            break;
          }
          double temp = Math.sqrt(ss * dd);
          if (Math.abs(sd) >= E6 * temp) {
            temp = Math.sqrt(ss * dd + sd * sd);
          }
          stpful = dd / (temp + sd);
          step = stpful;
          if (mcon == m) {
            double acca = step + 0.1 * resmax;
            double accb = step + 0.2 * resmax;
            if (step >= acca || acca >= accb) {
              label = 480;
              break;
            }
            step = Math.min(step, resmax);
          }
          for (int i = 1; i <= n; i++) {
            dxnew[i] = dx[i] + step * sdirn[i];
          }
          if (mcon == m) {
            resold = resmax;
            resmax = 0.0;
            for (int k = 1; k <= nact; k++) {
              int kx = iact[k];
              double t = b[kx];
              for (int i = 1; i <= n; i++) {
                t = t - a[i][kx] * dxnew[i];
              }
              resmax = Math.max(resmax, t);
            }
          }
          for (int k = nact; k >= 1; k--) {
            double zdotw = 0.0;
            double zdwabs = 0.0;
            for (int i = 1; i <= n; i++) {
              double t = z[i][k] * dxnew[i];
              zdotw = zdotw + t;
              zdwabs = zdwabs + Math.abs(t);
            }
            double acca = zdwabs + 0.1 * Math.abs(zdotw);
            double accb = zdwabs + 0.2 * Math.abs(zdotw);
            if (zdwabs >= acca || acca >= accb) {
              zdotw = 0.0;
            }
            vmultd[k] = zdotw / zdota[k];
            if (k >= 2) {
              int kx = iact[k];
              for (int i = 1; i <= n; i++) {
                dxnew[i] = dxnew[i] - vmultd[k] * a[i][kx];
              }
            }
          }
          if (mcon > m) {
            vmultd[nact] = Math.max(0.0, vmultd[nact]);
          }
          for (int i = 1; i <= n; i++) {
            dxnew[i] = dx[i] + step * sdirn[i];
          }
          if (mcon > nact) {
            for (int k = nact + 1; k <= mcon; k++) {
              int kx = iact[k];
              double sum = resmax - b[kx];
              double sumabs = resmax + Math.abs(b[kx]);
              for (int i = 1; i <= n; i++) {
                double t = a[i][kx] * dxnew[i];
                sum = sum + t;
                sumabs = sumabs + Math.abs(t);
              }
              double acca = sumabs + P1F * Math.abs(sum);
              double accb = sumabs + P2F * Math.abs(sum);
              if (sumabs >= acca || acca >= accb) {
                sum = 0.0;
              }
              vmultd[k] = sum;
            }
          }
          double ratio = 1.0;
          icon = 0;
          for (int k = 1; k <= mcon; k++) {
            if (vmultd[k] > -EPSF && vmultd[k] < EPSF) {
              vmultd[k] = 0.0;
            }
            if (vmultd[k] < 0.0) {
              double t = vmultc[k] / (vmultc[k] - vmultd[k]);
              if (t < ratio) {
                ratio = t;
                icon = k;
              }
            }
          }
          double t1 = 1.0 - ratio;
          for (int i = 1; i <= n; i++) {
            dx[i] = t1 * dx[i] + ratio * dxnew[i];
          }
          for (int k = 1; k <= mcon; k++) {
            vmultc[k] = Math.max(0.0, t1 * vmultc[k] + ratio * vmultd[k]);
          }
          if (mcon == m) {
            resmax = resold + ratio * (resmax - resold);
          }
          if (icon > 0) {
            label = 70;
            break;
          }
          if (step == stpful) {
            return ifull;
          }
          if (step != step) {
            for (int i = 1; i <= n; i++) {
              dx[i] = step;
            }
            return ifull;
          }
          label = 480;
        }
        case 480 -> {
          mcon = m + 1;
          icon = mcon;
          iact[mcon] = mcon;
          vmultc[mcon] = 0.0;
          label = 60;
        }
        case 490 -> {
          if (mcon == m) {
            label = 480;
            break;
          }
          ifull = 0;
          return ifull;
        }
        default -> throw new IllegalStateException("trstlp label " + label);
      }
    }
  }
}
