using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Connectors.File.Configuration;

/// <summary>Validates the File source's configuration and turns it into <see cref="FileSourceSettings"/>.</summary>
internal static class FileSourceSettingsReader
{
    private static readonly string[] RootSettings = ["streams", "checkpoint_every"];

    /// <summary>The validated settings; throws a configuration error naming the first bad setting.</summary>
    public static FileSourceSettings Read(ConnectorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = new SettingsObject(config.ToJson(), string.Empty);
        root.RejectUnknown(RootSettings);

        if (config.GetNode("streams") is not JsonArray entries || entries.Count == 0)
        {
            throw SettingsObject.Invalid(
                "'streams' is required: a list with one entry per stream, each with at least a 'name' and a 'path' (for example [{\"name\": \"customers\", \"path\": \"/data/customers.csv\"}]).");
        }

        var streams = new List<FileStreamSettings>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"streams[{i}]";
            if (entries[i] is not JsonObject entry)
            {
                throw SettingsObject.Invalid($"'{path}' must be an object with at least a 'name' and a 'path'.");
            }

            var stream = StreamSettingsReader.Read(new SettingsObject(entry, path));
            if (streams.FirstOrDefault(s => s.Name == stream.Name) is { } twin)
            {
                throw SettingsObject.Invalid(
                    $"'{path}.name': the stream name '{stream.Name}' is also used by {twin.SettingPath}; stream names must be unique.");
            }

            streams.Add(stream);
        }

        var checkpointEvery = root.Integer("checkpoint_every", FileSourceSettings.DefaultCheckpointEvery);
        if (checkpointEvery < 1)
        {
            throw SettingsObject.Invalid($"'checkpoint_every' must be at least 1; got {checkpointEvery}.");
        }

        return new FileSourceSettings(streams, checkpointEvery);
    }
}
