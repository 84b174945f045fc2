namespace ConnectorHub.Core.Predictions.Models;

/// <summary>What a model predicts for a customer with past orders.</summary>
public enum PredictionKind
{
    /// <summary>The probability that the customer places no order in the next <see cref="ModelSettings.HorizonDays"/> days (binary FastTree, calibrated).</summary>
    Churn,

    /// <summary>What the customer will spend in the next <see cref="ModelSettings.HorizonDays"/> days (FastTree regression).</summary>
    Value,
}
