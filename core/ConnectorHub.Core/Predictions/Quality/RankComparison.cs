namespace ConnectorHub.Core.Predictions.Quality;

/// <summary>
/// The area under the ROC curve of two scores of the same examples, and DeLong's test of their difference
/// (DeLong, DeLong and Clarke-Pearson, 1988): both AUCs come from the same positives and negatives, so their errors
/// are correlated and the variance of the difference is read from the per-example placement values.
/// </summary>
internal static class RankComparison
{
    /// <summary>The AUC of <paramref name="scores"/> against <paramref name="positive"/> labels (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var (v10, _) = Placements(scores, positive);
        return v10.Length == 0 ? double.NaN : v10.Average();
    }

    /// <summary>
    /// Compares <paramref name="model"/> with <paramref name="baseline"/>: both AUCs and the z statistic of
    /// AUC(model) − AUC(baseline); z ≥ 1.96 means the model ranks better than the baseline at the 2.5% level (one-sided).
    /// </summary>
    public static (double ModelAuc, double BaselineAuc, double Z) Compare(IReadOnlyList<double> model, IReadOnlyList<double> baseline, IReadOnlyList<bool> positive)
    {
        var (a10, a01) = Placements(model, positive);
        var (b10, b01) = Placements(baseline, positive);
        if (a10.Length < 2 || a01.Length < 2)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var aucA = a10.Average();
        var aucB = b10.Average();
        var variance = (Variance(a10, a10) + Variance(b10, b10) - (2 * Variance(a10, b10))) / a10.Length
            + ((Variance(a01, a01) + Variance(b01, b01) - (2 * Variance(a01, b01))) / a01.Length);
        var z = variance > 0 ? (aucA - aucB) / Math.Sqrt(variance) : aucA > aucB ? double.PositiveInfinity : 0;
        return (aucA, aucB, z);
    }

    /// <summary>
    /// Placement values: for each positive, the share of negatives scored below it (V10); for each negative, the
    /// share of positives scored above it (V01). Ties count half. O(n log n) with sorted copies.
    /// </summary>
    private static (double[] V10, double[] V01) Placements(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var positives = new List<double>();
        var negatives = new List<double>();
        for (var i = 0; i < scores.Count; i++)
        {
            (positive[i] ? positives : negatives).Add(scores[i]);
        }

        var sortedNegatives = negatives.Order().ToArray();
        var sortedPositives = positives.Order().ToArray();
        var v10 = positives.Select(p => (CountBelow(sortedNegatives, p) + (0.5 * CountEqual(sortedNegatives, p))) / sortedNegatives.Length).ToArray();
        var v01 = negatives.Select(n => (CountAbove(sortedPositives, n) + (0.5 * CountEqual(sortedPositives, n))) / sortedPositives.Length).ToArray();
        return sortedNegatives.Length == 0 || sortedPositives.Length == 0 ? ([], []) : (v10, v01);
    }

    private static double Variance(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += (x[i] - meanX) * (y[i] - meanY);
        }

        return sum / (x.Length - 1);
    }

    private static int CountBelow(double[] sorted, double value) => LowerBound(sorted, value);

    private static int CountAbove(double[] sorted, double value) => sorted.Length - UpperBound(sorted, value);

    private static int CountEqual(double[] sorted, double value) => UpperBound(sorted, value) - LowerBound(sorted, value);

    private static int LowerBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
