using System.Globalization;
using ConnectorHub.Core.Predictions.Models;
using ConnectorHub.Core.Predictions.Runs;
using ConnectorHub.Core.Predictions.Scoring;
using Microsoft.AspNetCore.Html;
using System.Text.Encodings.Web;

namespace ConnectorHub.Host.Dashboard.Models;

/// <summary>How the model pages and the profile page write scores, metrics, run statuses and explanations.</summary>
public static class ModelText
{
    /// <summary>What the model predicts, in a sentence.</summary>
    public static string Purpose(PredictionKind kind, int horizonDays) => kind == PredictionKind.Churn
        ? $"Probability that a customer with past orders places none in the next {horizonDays} days."
        : $"What a customer with past orders will spend in the next {horizonDays} days.";

    /// <summary>A score as people read it: a percentage for churn, an amount for value.</summary>
    public static string Score(PredictionKind kind, double score) => kind == PredictionKind.Churn
        ? score.ToString("0.0%", CultureInfo.InvariantCulture)
        : score.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>A metric, or a dash.</summary>
    public static string Metric(double? value, string format = "0.000") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    /// <summary>A share as a percentage.</summary>
    public static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    /// <summary>A run's status as a coloured badge.</summary>
    public static IHtmlContent Status(ModelRunStatus status)
    {
        var css = status switch
        {
            ModelRunStatus.Published => "badge-ok",
            ModelRunStatus.Failed => "badge-error",
            ModelRunStatus.Running => "badge-running",
            _ => "badge-warn",
        };
        var text = status == ModelRunStatus.NotPublished ? "Not published" : status.ToString();
        return new HtmlString($"<span class=\"badge {css}\" data-status=\"{status}\">{HtmlEncoder.Default.Encode(text)}</span>");
    }

    /// <summary>The headline quality of a run beside its baseline's: AUC for churn, MAE for value.</summary>
    public static string Headline(PredictionKind kind, RunReport? report) => report is null
        ? "—"
        : kind == PredictionKind.Churn
            ? $"AUC {Metric(report.Model.Auc)} (baseline {Metric(report.BaselineQuality.Auc)})"
            : $"MAE {Metric(report.Model.Mae, "N2")} (baseline {Metric(report.BaselineQuality.Mae, "N2")})";

    /// <summary>One reason of an explanation: the feature, the profile's value, and which way it pushed the score.</summary>
    public static string Reason(FeatureContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var direction = contribution.Contribution > 0 ? "raises" : "lowers";
        var value = contribution.Value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "none";
        return $"{contribution.Feature} = {value} {direction} it ({contribution.Contribution.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)})";
    }
}
