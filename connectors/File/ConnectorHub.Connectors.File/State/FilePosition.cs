using ConnectorHub.Connectors.File.Files;

namespace ConnectorHub.Connectors.File.State;

/// <summary>How far a read got in one file: resume by skipping <paramref name="Rows"/> rows of the same version of it.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Fingerprint">The file's size and modification time when it was read.</param>
/// <param name="Rows">How many rows (good and rejected) were read from it.</param>
internal sealed record FilePosition(string File, FileFingerprint Fingerprint, long Rows);
