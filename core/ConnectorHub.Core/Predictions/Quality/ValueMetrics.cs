namespace ConnectorHub.Core.Predictions.Quality;

/// <summary>Measures of a spend prediction: absolute error, a paired test against another prediction, rank correlation and lift.</summary>
internal static class ValueMetrics
{
    /// <summary>The mean absolute error.</summary>
    public static double Mae(IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        var sum = 0.0;
        for (var i = 0; i < predicted.Count; i++)
        {
            sum += Math.Abs(predicted[i] - actual[i]);
        }

        return predicted.Count == 0 ? double.NaN : sum / predicted.Count;
    }

    /// <summary>
    /// The paired t statistic of |baseline error| − |model error| over the examples: positive when the model's
    /// errors are smaller; t ≥ 1.96 means smaller beyond chance (one-sided, 2.5%).
    /// </summary>
    public static double PairedErrorT(IReadOnlyList<double> model, IReadOnlyList<double> baseline, IReadOnlyList<double> actual)
    {
        var n = actual.Count;
        if (n < 2)
        {
            return double.NaN;
        }

        var gains = new double[n];
        for (var i = 0; i < n; i++)
        {
            gains[i] = Math.Abs(baseline[i] - actual[i]) - Math.Abs(model[i] - actual[i]);
        }

        var mean = gains.Average();
        var sd = Math.Sqrt(gains.Sum(g => (g - mean) * (g - mean)) / (n - 1));
        return sd > 0 ? mean / (sd / Math.Sqrt(n)) : mean > 0 ? double.PositiveInfinity : 0;
    }

    /// <summary>Spearman's rank correlation (ties share their mean rank) and its t statistic, r·√((n−2)/(1−r²)).</summary>
    public static (double R, double T) RankCorrelation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        if (n < 3)
        {
            return (double.NaN, double.NaN);
        }

        var r = Pearson(Ranks(x), Ranks(y));
        if (double.IsNaN(r))
        {
            return (0, 0);
        }

        var t = r >= 1 ? double.PositiveInfinity : r * Math.Sqrt((n - 2) / (1 - (r * r)));
        return (r, t);
    }

    /// <summary>
    /// The examples in ten equal groups by prediction, highest first: mean prediction, mean actual and lift (the
    /// group's mean actual over everyone's). A model that ranks well has a falling lift, far above 1 at the top.
    /// </summary>
    public static IReadOnlyList<LiftDecile> Deciles(IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        var n = predicted.Count;
        if (n == 0)
        {
            return [];
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => predicted[i]).ThenBy(i => i).ToArray();
        var overall = actual.Average();
        var deciles = new List<LiftDecile>(10);
        for (var d = 0; d < 10; d++)
        {
            var members = order[(d * n / 10)..((d + 1) * n / 10)];
            if (members.Length == 0)
            {
                continue;
            }

            var meanActual = members.Average(i => actual[i]);
            deciles.Add(new LiftDecile(d + 1, members.Length, members.Average(i => predicted[i]), meanActual, overall > 0 ? meanActual / overall : 0));
        }

        return deciles;
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double xy = 0, xx = 0, yy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            xy += (x[i] - meanX) * (y[i] - meanY);
            xx += (x[i] - meanX) * (x[i] - meanX);
            yy += (y[i] - meanY) * (y[i] - meanY);
        }

        return xx == 0 || yy == 0 ? double.NaN : xy / Math.Sqrt(xx * yy);
    }
}

/// <summary>One tenth of the validation customers, ranked by predicted spend (1 = the highest).</summary>
/// <param name="Decile">1 to 10, highest predictions first.</param>
/// <param name="Count">Customers in it.</param>
/// <param name="MeanPredicted">Their mean predicted spend.</param>
/// <param name="MeanActual">What they spent on average in the window.</param>
/// <param name="Lift">Their mean actual spend over everyone's.</param>
public sealed record LiftDecile(int Decile, long Count, double MeanPredicted, double MeanActual, double Lift);
