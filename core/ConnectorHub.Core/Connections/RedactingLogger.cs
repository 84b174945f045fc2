using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Connections;

/// <summary>A connector's logger that removes the connection's secret values from every message before it is written.</summary>
internal sealed class RedactingLogger(ILogger inner, IReadOnlyCollection<string> secrets) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = Redact(formatter(state, exception));
        inner.Log(logLevel, eventId, message, exception is null ? null : new RedactedException(Redact(exception.ToString())), static (m, _) => m);
    }

    private string Redact(string text)
    {
        foreach (var secret in secrets)
        {
            if (secret.Length >= 4)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private sealed class RedactedException(string text) : Exception(text)
    {
        public override string ToString() => Message;
    }
}
