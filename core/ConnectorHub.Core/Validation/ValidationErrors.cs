namespace ConnectorHub.Core.Validation;

/// <summary>Collects every validation failure of a request before reporting them together.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Whether any failure was recorded.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Records a failure of <paramref name="field"/>.</summary>
    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    /// <summary>Throws a <see cref="HubValidationException"/> when any failure was recorded.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new HubValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
