namespace ConnectorHub.Connectors.File.Files;

/// <summary>One file of a stream, as found when the read started.</summary>
/// <param name="FullPath">The file's absolute path.</param>
/// <param name="Name">The file's name: how state and error locations refer to it.</param>
/// <param name="Fingerprint">The file's size and modification time when it was listed.</param>
internal sealed record SourceFile(string FullPath, string Name, FileFingerprint Fingerprint)
{
    /// <summary>Where row <paramref name="line"/> of this file is, for rejections (<c>customers.csv line 17</c>).</summary>
    public string Location(long line) => $"{Name} line {line}";
}
