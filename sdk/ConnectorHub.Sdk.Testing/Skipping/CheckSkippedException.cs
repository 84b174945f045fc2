namespace ConnectorHub.Sdk.Testing.Skipping;

/// <summary>
/// Thrown by a check the fixture declared skipped (with a reason). An <see cref="AcceptanceFactAttribute"/> test
/// reports it as skipped with that reason rather than failed.
/// </summary>
public sealed class CheckSkippedException : Exception
{
    /// <summary>Creates the skip with its reason.</summary>
    public CheckSkippedException(string reason)
        : base(reason)
    {
    }

    /// <summary>Creates the skip.</summary>
    public CheckSkippedException()
        : base("Skipped.")
    {
    }

    /// <summary>Creates the skip.</summary>
    public CheckSkippedException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
