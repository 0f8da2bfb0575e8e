namespace SpeechQa.Scoring.Classification;

/// <summary>
/// Multinomial logistic regression with L2 regularisation, fitted by L-BFGS on the class-weighted mean
/// log-loss. Deterministic: no random numbers, one thread, a fixed order of examples.
/// </summary>
public sealed class SoftmaxRegression
{
    public double L2 { get; init; } = 1e-4;

    public int MaxIterations { get; init; } = 300;

    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Weights <c>[feature * classes + class]</c> and biases <c>[class]</c> fitted to the examples.</summary>
    public (float[] Weights, float[] Bias, int Iterations) Fit(IReadOnlyList<SparseVector> x, IReadOnlyList<int> y, int classes, int dimension, IReadOnlyList<double> exampleWeights)
    {
        var n = x.Count;
        var parameters = new double[dimension * classes + classes];
        var totalWeight = exampleWeights.Sum();
        var scores = new double[classes];

        double Objective(double[] p, double[] gradient)
        {
            Array.Clear(gradient);
            double loss = 0;
            var biasOffset = dimension * classes;
            for (var i = 0; i < n; i++)
            {
                var v = x[i];
                for (var k = 0; k < classes; k++)
                    scores[k] = p[biasOffset + k];
                for (var j = 0; j < v.Indices.Length; j++)
                {
                    var row = v.Indices[j] * classes;
                    var value = v.Values[j];
                    for (var k = 0; k < classes; k++)
                        scores[k] += p[row + k] * value;
                }
                var max = scores.Max();
                double sum = 0;
                for (var k = 0; k < classes; k++)
                    sum += scores[k] = Math.Exp(scores[k] - max);
                var w = exampleWeights[i] / totalWeight;
                loss -= w * Math.Log(scores[y[i]] / sum);
                for (var k = 0; k < classes; k++)
                {
                    var residual = w * (scores[k] / sum - (k == y[i] ? 1 : 0));
                    gradient[biasOffset + k] += residual;
                    for (var j = 0; j < v.Indices.Length; j++)
                        gradient[v.Indices[j] * classes + k] += residual * v.Values[j];
                }
            }
            for (var d = 0; d < biasOffset; d++)
            {
                loss += 0.5 * L2 * p[d] * p[d];
                gradient[d] += L2 * p[d];
            }
            return loss;
        }

        var iterations = Lbfgs.Minimize(Objective, parameters, MaxIterations, Tolerance);
        var weights = new float[dimension * classes];
        for (var d = 0; d < weights.Length; d++)
            weights[d] = (float)parameters[d];
        var bias = new float[classes];
        for (var k = 0; k < classes; k++)
            bias[k] = (float)parameters[dimension * classes + k];
        return (weights, bias, iterations);
    }

    /// <summary>Per-class weights n / (classes × n_class): rare classes count as much as common ones.</summary>
    public static double[] BalancedClassWeights(IReadOnlyList<int> y, int classes)
    {
        var counts = new int[classes];
        foreach (var label in y)
            counts[label]++;
        return [.. counts.Select(c => c == 0 ? 0 : (double)y.Count / (classes * c))];
    }
}
