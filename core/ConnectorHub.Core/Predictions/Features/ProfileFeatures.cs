namespace ConnectorHub.Core.Predictions.Features;

/// <summary>One customer's features as of a cutoff, and what happened in the window after it (zero when not labelled).</summary>
/// <param name="ProfileId">The surviving profile.</param>
/// <param name="Values">The features, in <see cref="FeatureSet"/> order.</param>
/// <param name="FutureOrders">Orders placed in the label window.</param>
/// <param name="FutureSpend">Their total.</param>
internal sealed record ProfileFeatures(long ProfileId, float[] Values, long FutureOrders, double FutureSpend)
{
    /// <summary>Whether the customer placed no order in the label window.</summary>
    public bool Churned => FutureOrders == 0;
}
