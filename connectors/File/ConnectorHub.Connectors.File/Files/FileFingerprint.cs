namespace ConnectorHub.Connectors.File.Files;

/// <summary>What identifies one version of a file: its size and its last modification time (UTC).</summary>
/// <param name="Size">The size in bytes.</param>
/// <param name="Modified">The last write time, in UTC.</param>
internal sealed record FileFingerprint(long Size, DateTimeOffset Modified)
{
    /// <summary>The fingerprint of the file as it is now.</summary>
    public static FileFingerprint Of(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new FileFingerprint(file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
    }

    /// <summary>
    /// Whether the file is unchanged since <paramref name="recorded"/>: same size, and modified no later. A recorded
    /// time in the future therefore keeps the file skipped (a state from the future reads nothing).
    /// </summary>
    public bool IsUnchangedSince(FileFingerprint recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return Size == recorded.Size && Modified <= recorded.Modified;
    }
}
