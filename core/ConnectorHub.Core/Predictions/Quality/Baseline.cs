using System.Globalization;
using ConnectorHub.Core.Predictions.Features;
using ConnectorHub.Core.Predictions.Models;

namespace ConnectorHub.Core.Predictions.Quality;

/// <summary>
/// What a model must beat. Churn: "no order in the last N days" (as a probability: the churn rate the training
/// examples show with and without a recent order). Value: the customer's past average, their spend so far per N days
/// of their tenure (at least N days).
/// </summary>
internal sealed class Baseline
{
    private readonly PredictionKind _kind;
    private readonly int _horizon;
    private readonly double _churnWithout;
    private readonly double _churnWith;

    private Baseline(PredictionKind kind, int horizon, double churnWithout, double churnWith)
    {
        _kind = kind;
        _horizon = horizon;
        _churnWithout = churnWithout;
        _churnWith = churnWith;
    }

    /// <summary>The baseline in words.</summary>
    public string Description => _kind == PredictionKind.Churn
        ? string.Create(CultureInfo.InvariantCulture, $"no order in the last {_horizon} days (churn rate {_churnWithout:0.###} without one, {_churnWith:0.###} with one, in the training window)")
        : string.Create(CultureInfo.InvariantCulture, $"the customer's past average: spend so far per {_horizon} days of tenure (at least {_horizon} days)");

    /// <summary>Fits the baseline's two churn rates on the training examples (value needs nothing).</summary>
    public static Baseline Fit(PredictionKind kind, int horizon, IReadOnlyList<ProfileFeatures> training)
    {
        if (kind == PredictionKind.Value)
        {
            return new Baseline(kind, horizon, 0, 0);
        }

        var without = training.Where(e => Lapsed(e, horizon)).ToArray();
        var with = training.Where(e => !Lapsed(e, horizon)).ToArray();
        double Rate(ProfileFeatures[] group, double otherwise) => group.Length == 0 ? otherwise : group.Count(e => e.Churned) / (double)group.Length;
        var overall = training.Count == 0 ? 0.5 : training.Count(e => e.Churned) / (double)training.Count;
        return new Baseline(kind, horizon, Rate(without, overall), Rate(with, overall));
    }

    /// <summary>The baseline's prediction for one customer.</summary>
    public double Predict(ProfileFeatures example) => _kind == PredictionKind.Churn
        ? Lapsed(example, _horizon) ? _churnWithout : _churnWith
        : example.Values[FeatureSet.Spend] / Math.Max(example.Values[FeatureSet.Tenure], _horizon) * _horizon;

    private static bool Lapsed(ProfileFeatures example, int horizon) => example.Values[FeatureSet.DaysSinceLastOrder] > horizon;
}
