namespace ConnectorHub.Core.Validation;

/// <summary>A request that breaks a rule; <see cref="Errors"/> names each bad field and what is wrong with it.</summary>
public sealed class HubValidationException : Exception
{
    /// <summary>Creates the error from field → messages.</summary>
    public HubValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
    {
        Errors = errors;
    }

    /// <summary>Creates the error for one field.</summary>
    public HubValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    /// <summary>Field (JSON path in the request) → what is wrong.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
