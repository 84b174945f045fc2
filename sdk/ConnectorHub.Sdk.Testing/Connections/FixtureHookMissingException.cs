namespace ConnectorHub.Sdk.Testing.Connections;

/// <summary>A check needs a fixture hook the fixture does not override (and the check is not declared skipped).</summary>
public sealed class FixtureHookMissingException : Exception
{
    /// <summary>Creates the failure naming the hook and the check.</summary>
    public FixtureHookMissingException(string hook, string check)
        : base($"The check {check} needs the fixture to override {hook}. Override it, or declare the check skipped with a reason: Skip({check}, \"why it does not apply\").")
    {
    }

    /// <summary>Creates the failure.</summary>
    public FixtureHookMissingException()
        : base("The fixture lacks a hook a check needs.")
    {
    }

    /// <summary>Creates the failure.</summary>
    public FixtureHookMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
