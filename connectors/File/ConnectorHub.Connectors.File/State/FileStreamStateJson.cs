using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.File.Files;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.File.State;

/// <summary>
/// Writes and reads <see cref="FileStreamState"/> as JSON:
/// <c>{"version":1,"mode":"cursor_field","cursor_field":"updated_at","cursor":"…","max_cursor":"…",
/// "files":{"a.csv":{"size":10,"modified":"…"}},"completed":{…},"current":{"file":"b.csv","size":…,"modified":…,"rows":3000}}</c>.
/// </summary>
internal static class FileStreamStateJson
{
    /// <summary>The state as JSON.</summary>
    public static JsonObject Write(FileStreamState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var json = new JsonObject
        {
            ["version"] = FileStreamState.CurrentVersion,
            ["mode"] = ModeName(state.Mode),
        };
        if (state.Mode == ReadMode.CursorField)
        {
            json["cursor_field"] = state.CursorField;
            json["cursor"] = state.Cursor;
            json["max_cursor"] = state.MaxCursor;
        }

        if (state.Mode == ReadMode.ModifiedTime)
        {
            json["files"] = WriteFiles(state.Files);
        }

        json["completed"] = WriteFiles(state.Completed);
        json["current"] = state.Current is { } current ? WriteFingerprint(current.Fingerprint, current.File, current.Rows) : null;
        return json;
    }

    /// <summary>The state in <paramref name="json"/>, or null when there is none; throws naming the stream when it is unreadable.</summary>
    public static FileStreamState? Read(JsonNode? json, string stream)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            var root = json.AsObject();
            var version = root["version"]?.GetValue<int>() ?? 0;
            if (version != FileStreamState.CurrentVersion)
            {
                throw Unreadable(stream, $"its version is {version}, and this connector reads version {FileStreamState.CurrentVersion}");
            }

            var current = root["current"] as JsonObject;
            var state = new FileStreamState
            {
                Mode = ParseMode(root["mode"]?.GetValue<string>()) ?? throw Unreadable(stream, "its mode is missing or unknown"),
                CursorField = root["cursor_field"]?.GetValue<string>(),
                Cursor = root["cursor"]?.GetValue<string>(),
                MaxCursor = root["max_cursor"]?.GetValue<string>(),
                Current = current is null ? null : new FilePosition(Required(current, "file").GetValue<string>(), ReadFingerprint(current), Required(current, "rows").GetValue<long>()),
            };
            ReadFiles(root["files"], state.Files);
            ReadFiles(root["completed"], state.Completed);
            return state;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
        {
            throw Unreadable(stream, ex.Message, ex);
        }
    }

    /// <summary>The name a mode has in the state.</summary>
    public static string ModeName(ReadMode mode) => mode switch
    {
        ReadMode.ModifiedTime => "modified_time",
        ReadMode.CursorField => "cursor_field",
        _ => "full_refresh",
    };

    private static ReadMode? ParseMode(string? name) => name switch
    {
        "full_refresh" => ReadMode.FullRefresh,
        "modified_time" => ReadMode.ModifiedTime,
        "cursor_field" => ReadMode.CursorField,
        _ => null,
    };

    private static JsonObject WriteFiles(Dictionary<string, FileFingerprint> files)
    {
        var json = new JsonObject();
        foreach (var (name, fingerprint) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            json[name] = WriteFingerprint(fingerprint, file: null, rows: null);
        }

        return json;
    }

    private static JsonObject WriteFingerprint(FileFingerprint fingerprint, string? file, long? rows)
    {
        var json = new JsonObject();
        if (file is not null)
        {
            json["file"] = file;
        }

        json["size"] = fingerprint.Size;
        json["modified"] = fingerprint.Modified.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        if (rows is not null)
        {
            json["rows"] = rows;
        }

        return json;
    }

    private static void ReadFiles(JsonNode? json, Dictionary<string, FileFingerprint> into)
    {
        foreach (var (name, value) in json?.AsObject() ?? [])
        {
            into[name] = ReadFingerprint((value ?? throw new FormatException($"the entry of '{name}' is null")).AsObject());
        }
    }

    private static FileFingerprint ReadFingerprint(JsonObject json) => new(
        Required(json, "size").GetValue<long>(),
        DateTimeOffset.Parse(Required(json, "modified").GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    private static JsonNode Required(JsonObject json, string name) =>
        json[name] ?? throw new FormatException($"'{name}' is missing");

    private static ConfigurationException Unreadable(string stream, string why, Exception? inner = null) =>
        new($"The saved state of stream '{stream}' cannot be read: {why}. Reset the stream's state to read it again from the start.", innerException: inner);
}
