namespace ConnectorHub.Core.Predictions.Quality;

/// <summary>How well predicted probabilities match what happened: the Brier score and a reliability table.</summary>
internal static class Calibration
{
    /// <summary>The mean squared difference between each probability and its outcome (0 is perfect; 0.25 is a coin).</summary>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        var sum = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var error = probabilities[i] - (outcomes[i] ? 1 : 0);
            sum += error * error;
        }

        return probabilities.Count == 0 ? double.NaN : sum / probabilities.Count;
    }

    /// <summary>
    /// The examples in <paramref name="bins"/> equal-width bins of predicted probability: how many, their mean
    /// prediction and the share that happened. A calibrated model's two columns agree.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, int bins = 10)
    {
        var count = new long[bins];
        var predicted = new double[bins];
        var happened = new long[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var bin = Math.Clamp((int)(probabilities[i] * bins), 0, bins - 1);
            count[bin]++;
            predicted[bin] += probabilities[i];
            happened[bin] += outcomes[i] ? 1 : 0;
        }

        return Enumerable.Range(0, bins)
            .Select(b => new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b],
                count[b] == 0 ? null : predicted[b] / count[b], count[b] == 0 ? null : (double)happened[b] / count[b]))
            .ToArray();
    }
}

/// <summary>One bin of a reliability table.</summary>
/// <param name="From">The lowest predicted probability in the bin.</param>
/// <param name="To">The upper end of the bin (the last bin includes 1).</param>
/// <param name="Count">Validation examples in the bin.</param>
/// <param name="MeanPredicted">Their mean predicted probability (null when the bin is empty).</param>
/// <param name="ObservedRate">The share of them that churned (null when the bin is empty).</param>
public sealed record ReliabilityBin(double From, double To, long Count, double? MeanPredicted, double? ObservedRate);
