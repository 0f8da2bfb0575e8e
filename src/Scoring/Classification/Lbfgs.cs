namespace SpeechQa.Scoring.Classification;

/// <summary>Limited-memory BFGS (two-loop recursion, 10 corrections) with a backtracking Armijo line search.</summary>
internal static class Lbfgs
{
    private const int Memory = 10;

    /// <summary>Minimises <paramref name="f"/> (returns the value, fills the gradient) from <paramref name="x"/> in place; returns the iterations used.</summary>
    public static int Minimize(Func<double[], double[], double> f, double[] x, int maxIterations, double tolerance)
    {
        var n = x.Length;
        var g = new double[n];
        var value = f(x, g);
        var s = new List<double[]>();
        var yv = new List<double[]>();
        var rho = new List<double>();
        var direction = new double[n];
        var alpha = new double[Memory];
        var candidate = new double[n];
        var candidateGradient = new double[n];
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            // Two-loop recursion: direction = -H·g.
            Array.Copy(g, direction, n);
            for (var m = s.Count - 1; m >= 0; m--)
            {
                alpha[m] = rho[m] * Dot(s[m], direction);
                Axpy(-alpha[m], yv[m], direction);
            }
            var gamma = s.Count > 0 ? Dot(s[^1], yv[^1]) / Dot(yv[^1], yv[^1]) : 1.0 / Math.Max(1e-12, Math.Sqrt(Dot(g, g)));
            for (var i = 0; i < n; i++)
                direction[i] *= gamma;
            for (var m = 0; m < s.Count; m++)
            {
                var beta = rho[m] * Dot(yv[m], direction);
                Axpy(alpha[m] - beta, s[m], direction);
            }
            for (var i = 0; i < n; i++)
                direction[i] = -direction[i];
            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                s.Clear(); yv.Clear(); rho.Clear();
                for (var i = 0; i < n; i++)
                    direction[i] = -g[i];
                slope = Dot(g, direction);
            }
            var step = 1.0;
            double next;
            while (true)
            {
                for (var i = 0; i < n; i++)
                    candidate[i] = x[i] + step * direction[i];
                next = f(candidate, candidateGradient);
                if (next <= value + 1e-4 * step * slope || step < 1e-10)
                    break;
                step *= 0.5;
            }
            var sk = new double[n];
            var yk = new double[n];
            for (var i = 0; i < n; i++)
            {
                sk[i] = candidate[i] - x[i];
                yk[i] = candidateGradient[i] - g[i];
            }
            var sy = Dot(sk, yk);
            if (sy > 1e-12)
            {
                if (s.Count == Memory) { s.RemoveAt(0); yv.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); yv.Add(yk); rho.Add(1 / sy);
            }
            var decrease = value - next;
            Array.Copy(candidate, x, n);
            Array.Copy(candidateGradient, g, n);
            value = next;
            if (decrease <= tolerance * Math.Max(1, Math.Abs(value)) || Math.Sqrt(Dot(g, g)) < tolerance)
                return iteration;
        }
        return maxIterations;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
            y[i] += a * x[i];
    }
}
