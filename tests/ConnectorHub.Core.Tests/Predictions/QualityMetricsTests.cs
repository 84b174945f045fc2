using ConnectorHub.Core.Predictions.Quality;
using Microsoft.ML;

namespace ConnectorHub.Core.Tests.Predictions;

/// <summary>The quality measures the publication checks rest on, against known values and ML.NET's own evaluator.</summary>
public sealed class QualityMetricsTests
{
    [Fact]
    public void Auc_AgreesWithMlNetsEvaluator_TiesIncluded()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 500).Select(_ => random.NextDouble() < 0.3).ToArray();
        var scores = labels.Select(l => Math.Round((l ? 0.3 : 0) + random.NextDouble(), 1)).ToArray();

        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(labels.Select((l, i) => new Scored { Label = l, Score = (float)scores[i], PredictedLabel = scores[i] > 0.5 }));
        var expected = ml.BinaryClassification.EvaluateNonCalibrated(data).AreaUnderRocCurve;

        Assert.Equal(expected, RankComparison.Auc(scores, labels), 6);
    }

    [Fact]
    public void DeLong_FindsNoDifferenceBetweenEqualScores_AndAClearOneBetweenAGoodRankingAndACoin()
    {
        var random = new Random(5);
        var labels = Enumerable.Range(0, 400).Select(i => i % 3 == 0).ToArray();
        var good = labels.Select(l => (l ? 1.0 : 0) + random.NextDouble()).ToArray();
        var coin = labels.Select(_ => random.NextDouble()).ToArray();

        var (same, _, zSame) = RankComparison.Compare(good, good, labels);
        var (auc, coinAuc, z) = RankComparison.Compare(good, coin, labels);

        Assert.Equal(0, zSame);
        Assert.True(same > 0.9);
        Assert.True(auc > 0.9 && coinAuc is > 0.35 and < 0.65, $"{auc} {coinAuc}");
        Assert.True(z > 10, $"z = {z}");
        Assert.True(RankComparison.Compare(coin, good, labels).Z < -10);
    }

    [Fact]
    public void Brier_AndReliability_DescribeCalibration()
    {
        double[] probabilities = [0.05, 0.15, 0.95, 0.95, 1.0];
        bool[] outcomes = [false, true, true, false, true];

        Assert.Equal(((0.05 * 0.05) + (0.85 * 0.85) + (0.05 * 0.05) + (0.95 * 0.95)) / 5, Calibration.Brier(probabilities, outcomes), 10);
        var bins = Calibration.Reliability(probabilities, outcomes);
        Assert.Equal(10, bins.Count);
        Assert.Equal((1L, 0.05, 0.0), (bins[0].Count, bins[0].MeanPredicted!.Value, bins[0].ObservedRate!.Value));
        Assert.Equal((3L, 2 / 3.0), (bins[9].Count, bins[9].ObservedRate!.Value));
        Assert.Null(bins[5].MeanPredicted);
    }

    [Fact]
    public void ValueMetrics_MeasureErrorsRanksAndLift()
    {
        double[] actual = [0, 0, 10, 20, 40, 80, 0, 5, 15, 100];
        var perfect = actual.Select(a => a * 1.1).ToArray();
        var flat = actual.Select(_ => 27.0).ToArray();

        Assert.Equal(actual.Average(a => a * 0.1), ValueMetrics.Mae(perfect, actual), 10);
        Assert.Equal(1, ValueMetrics.RankCorrelation(perfect, actual).R, 10);
        Assert.Equal((0, 0), ValueMetrics.RankCorrelation(flat, actual));
        Assert.True(ValueMetrics.PairedErrorT(perfect, flat, actual) > 1.96);
        var deciles = ValueMetrics.Deciles(perfect, actual);
        Assert.Equal(10, deciles.Count);
        Assert.Equal((100.0, 100 / actual.Average()), (deciles[0].MeanActual, deciles[0].Lift));
    }

    private sealed class Scored
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
