namespace ConnectorHub.Sdk.Testing.Reading;

/// <summary>How <see cref="SourceReader"/> runs a read.</summary>
public sealed record SourceReadOptions
{
    /// <summary>Stop (as if the process died) once this many records were read; null reads to the end.</summary>
    public int? StopAfterRecords { get; init; }

    /// <summary>
    /// Fail once more records than this arrive: a read that does not end (a paging loop) fails instead of hanging.
    /// </summary>
    public int MaxRecords { get; init; } = 1_000_000;

    /// <summary>Fail once more messages than this arrive (states and logs included): catches loops over empty pages.</summary>
    public int MaxMessages { get; init; } = 4_000_000;

    /// <summary>Called after each record with the number read so far: inject faults or expire tokens mid-read.</summary>
    public Func<int, Task>? AfterRecord { get; init; }

    /// <summary>Real-time limit of the whole read, so a hung connector fails the test instead of the run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}
