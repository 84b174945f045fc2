using System.Text;

namespace ConnectorHub.Connectors.File.Tests;

/// <summary>A folder under the system temp folder, deleted with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable, IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The folder's absolute path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("connectorhub-file-").FullName;

    /// <summary>The absolute path of <paramref name="name"/> in the folder.</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="content"/> as UTF-8 (with a byte order mark when asked) and returns the path.</summary>
    public string Write(string name, string content, bool byteOrderMark = false)
    {
        var path = this[name];
        System.IO.File.WriteAllText(path, content, byteOrderMark ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : Utf8NoBom);
        return path;
    }

    /// <summary>Sets the file's modification time, so tests never depend on the clock's resolution.</summary>
    public void Touch(string name, DateTime utc) => System.IO.File.SetLastWriteTimeUtc(this[name], utc);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test for it.
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
