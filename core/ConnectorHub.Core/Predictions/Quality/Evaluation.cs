using System.Globalization;
using ConnectorHub.Core.Predictions.Features;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;

namespace ConnectorHub.Core.Predictions.Quality;

/// <summary>
/// A model's quality on the validation window beside its baseline's, and the checks it must pass to be published:
/// for churn, a better ranking than the baseline beyond chance (DeLong's test) and a lower Brier score; for value,
/// smaller errors than the baseline beyond chance (a paired t test) and predictions that rank customers by what they
/// spent (Spearman). Chance is the 2.5% one-sided level: a statistic of at least <see cref="Needed"/>.
/// </summary>
internal sealed record Evaluation(
    QualityMetrics Model,
    QualityMetrics Baseline,
    IReadOnlyList<PublishCheck> Checks,
    IReadOnlyList<ReliabilityBin>? Reliability,
    IReadOnlyList<LiftDecile>? Lift)
{
    /// <summary>The test statistic a gain needs to count as beyond chance.</summary>
    public const double Needed = 1.96;

    /// <summary>Whether every check passed.</summary>
    public bool Publishable => Checks.All(c => c.Passed);

    public static Evaluation Of(PredictionKind kind, IReadOnlyList<ProfileFeatures> validation, IReadOnlyList<double> model, IReadOnlyList<double> baseline) =>
        kind == PredictionKind.Churn ? Churn(validation, model, baseline) : Value(validation, model, baseline);

    private static Evaluation Churn(IReadOnlyList<ProfileFeatures> validation, IReadOnlyList<double> model, IReadOnlyList<double> baseline)
    {
        var churned = validation.Select(e => e.Churned).ToArray();
        var (auc, baselineAuc, z) = RankComparison.Compare(model, baseline, churned);
        var brier = Calibration.Brier(model, churned);
        var baselineBrier = Calibration.Brier(baseline, churned);
        return new Evaluation(
            new QualityMetrics(Auc: auc, Brier: brier),
            new QualityMetrics(Auc: baselineAuc, Brier: baselineBrier),
            [
                new PublishCheck("ranks churners above the baseline", auc > baselineAuc && z >= Needed,
                    Text($"AUC {auc:0.000} against the baseline's {baselineAuc:0.000} (DeLong z = {z:0.00}; at least {Needed:0.00} needed).")),
                new PublishCheck("calibrated better than the baseline", brier < baselineBrier,
                    Text($"Brier score {brier:0.0000} against the baseline's {baselineBrier:0.0000} (lower is better).")),
            ],
            Calibration.Reliability(model, churned),
            null);
    }

    private static Evaluation Value(IReadOnlyList<ProfileFeatures> validation, IReadOnlyList<double> model, IReadOnlyList<double> baseline)
    {
        var spent = validation.Select(e => e.FutureSpend).ToArray();
        var mae = ValueMetrics.Mae(model, spent);
        var baselineMae = ValueMetrics.Mae(baseline, spent);
        var t = ValueMetrics.PairedErrorT(model, baseline, spent);
        var (rank, rankT) = ValueMetrics.RankCorrelation(model, spent);
        var (baselineRank, _) = ValueMetrics.RankCorrelation(baseline, spent);
        return new Evaluation(
            new QualityMetrics(Mae: mae, RankCorrelation: rank),
            new QualityMetrics(Mae: baselineMae, RankCorrelation: baselineRank),
            [
                new PublishCheck("smaller errors than the baseline", mae < baselineMae && t >= Needed,
                    Text($"MAE {mae:0.00} against the baseline's {baselineMae:0.00} (paired t = {t:0.00}; at least {Needed:0.00} needed).")),
                new PublishCheck("ranks customers by what they spent", rank > 0 && rankT >= Needed,
                    Text($"Spearman correlation {rank:0.000} with the spend in the window (t = {rankT:0.00}; at least {Needed:0.00} needed).")),
            ],
            null,
            ValueMetrics.Deciles(model, spent));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
