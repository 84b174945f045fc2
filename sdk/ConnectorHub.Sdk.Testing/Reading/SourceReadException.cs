using ConnectorHub.Sdk.Sources;

namespace ConnectorHub.Sdk.Testing.Reading;

/// <summary>A read that misbehaved in a way a host would refuse (it never ended, or emitted something invalid).</summary>
public sealed class SourceReadException : Exception
{
    /// <summary>Creates the failure with the messages emitted before it.</summary>
    public SourceReadException(string message, IReadOnlyList<SourceMessage> emitted)
        : base(message) => Emitted = emitted;

    /// <summary>Creates the failure.</summary>
    public SourceReadException()
        : this("The read misbehaved.", [])
    {
    }

    /// <summary>Creates the failure.</summary>
    public SourceReadException(string message)
        : this(message, [])
    {
    }

    /// <summary>Creates the failure.</summary>
    public SourceReadException(string message, Exception innerException)
        : base(message, innerException) => Emitted = [];

    /// <summary>What the source emitted before the failure.</summary>
    public IReadOnlyList<SourceMessage> Emitted { get; }
}
