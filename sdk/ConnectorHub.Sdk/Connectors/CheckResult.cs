namespace ConnectorHub.Sdk.Connectors;

/// <summary>The outcome of <see cref="IConnector.CheckAsync"/>.</summary>
/// <param name="Succeeded">Whether the configuration works.</param>
/// <param name="Message">For a failure, what is wrong and how to fix it, in words an admin can act on.</param>
public sealed record CheckResult(bool Succeeded, string? Message = null)
{
    /// <summary>A successful check.</summary>
    public static CheckResult Success(string? message = null) => new(true, message);

    /// <summary>A failed check with a user-facing explanation.</summary>
    public static CheckResult Failure(string message) => new(false, message);
}
