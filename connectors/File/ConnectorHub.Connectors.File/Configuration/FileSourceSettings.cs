namespace ConnectorHub.Connectors.File.Configuration;

/// <summary>The File source's validated configuration.</summary>
/// <param name="Streams">The configured streams, in configuration order.</param>
/// <param name="CheckpointEvery">How many rows to read between two checkpoints.</param>
internal sealed record FileSourceSettings(IReadOnlyList<FileStreamSettings> Streams, int CheckpointEvery)
{
    /// <summary>The default number of rows between two checkpoints.</summary>
    public const int DefaultCheckpointEvery = 1000;

    /// <summary>The stream named <paramref name="name"/>, or null.</summary>
    public FileStreamSettings? Find(string name) =>
        Streams.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
