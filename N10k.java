import org.minima4j.optimize.*;
import org.minima4j.optimize.bench.*;
public class N10k { public static void main(String[] a) { for (int k : new int[]{100,300,600,800,1000}) { OptimizeResult r = Minimize.minimize(ReferenceProblems::rosen, ReferenceProblems::rosenDer, ReferenceProblems.rosenX0(10000), Method.L_BFGS_B, MinimizeOptions.DEFAULTS.withMaxiter(k)); System.out.println(k + " " + r.nfev() + " " + r.fun()); } } }
