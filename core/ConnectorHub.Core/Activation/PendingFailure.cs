namespace ConnectorHub.Core.Activation;

/// <summary>A record that failed earlier (<c>activation_pending</c>), as the diff needs it to decide whether to send it now.</summary>
internal sealed record PendingFailure(string Operation, string? PayloadHash, int Attempts, DateTimeOffset NextAttemptAt)
{
    /// <summary>
    /// Whether the same change must wait: its backoff has not passed, or it reached the cap. A different change
    /// (another operation, or a new payload) is a fresh start.
    /// </summary>
    public bool Holds(MemberChange change, DateTimeOffset now, int maxAttempts) =>
        Operation == change.Operation.ToString() && PayloadHash == change.PayloadHash && (Attempts >= maxAttempts || NextAttemptAt > now);

    /// <summary>The attempt number of <paramref name="change"/>.</summary>
    public int NextAttempt(MemberChange change) =>
        Operation == change.Operation.ToString() && PayloadHash == change.PayloadHash ? Attempts + 1 : 1;
}
