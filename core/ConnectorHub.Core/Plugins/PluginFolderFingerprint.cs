using System.Security.Cryptography;
using System.Text;

namespace ConnectorHub.Core.Plugins;

/// <summary>
/// A digest of every file in a plugin folder (names and contents). Two equal fingerprints mean the folder holds the
/// same plugin; a fingerprint that changes while a plugin loads means the folder is still being copied.
/// </summary>
internal readonly record struct PluginFolderFingerprint(string Digest)
{
    /// <summary>The fingerprint of <paramref name="directory"/> as it is now; a file that vanishes or is locked mid-read counts as a change.</summary>
    public static PluginFolderFingerprint Of(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var file in System.IO.Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file) + "\n"));
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer.AsSpan(0, read));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"unreadable {Guid.NewGuid()}"));
            }
        }

        return new PluginFolderFingerprint(Convert.ToHexString(hash.GetHashAndReset()));
    }
}
