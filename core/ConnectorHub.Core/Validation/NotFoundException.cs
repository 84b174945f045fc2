namespace ConnectorHub.Core.Validation;

/// <summary>The thing asked for does not exist.</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    /// <summary>A "no such X" error.</summary>
    public static NotFoundException For(string what, object id) => new($"No {what} with id '{id}'.");
}
