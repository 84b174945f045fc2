using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;

namespace ConnectorHub.Core.Predictions.Scoring;

/// <summary>
/// Counts scores into bins as they stream past: tenths of probability for churn; for value, the deciles of the
/// validation predictions (so each bin starts about equally full), the last open to the highest score.
/// </summary>
internal sealed class ScoreHistogram
{
    private readonly double[] _edges;
    private readonly long[] _counts;
    private double _sum;
    private long _total;
    private double _max;

    private ScoreHistogram(double[] edges)
    {
        _edges = edges;
        _counts = new long[edges.Length];
    }

    public static ScoreHistogram For(PredictionKind kind, IReadOnlyList<double> validationPredictions)
    {
        if (kind == PredictionKind.Churn)
        {
            return new ScoreHistogram(Enumerable.Range(0, 10).Select(i => i / 10.0).ToArray());
        }

        var sorted = validationPredictions.Order().ToArray();
        var edges = Enumerable.Range(1, 9).Select(d => Math.Round(sorted.Length == 0 ? 0 : sorted[d * sorted.Length / 10], 2)).Prepend(0).Distinct().Order().ToArray();
        return new ScoreHistogram(edges);
    }

    public void Add(double score)
    {
        var bin = Array.BinarySearch(_edges, score);
        bin = bin >= 0 ? bin : Math.Max(0, ~bin - 1);
        _counts[bin]++;
        _sum += score;
        _total++;
        _max = Math.Max(_max, score);
    }

    public ScoreDistribution ToDistribution(PredictionKind kind)
    {
        var last = kind == PredictionKind.Churn ? 1 : Math.Max(_max, _edges[^1]);
        var bins = _edges.Select((from, i) => new ScoreBin(from, i + 1 < _edges.Length ? _edges[i + 1] : last, _counts[i])).ToArray();
        return new ScoreDistribution(bins, _total == 0 ? 0 : _sum / _total);
    }
}
