using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Schemas;
using ConnectorHub.Sdk.Streams;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConnectorHub.Sdk.Manifests;

/// <summary>Reads a <c>connector.yaml</c> strictly: every problem is reported with its line and column, and nothing is guessed.</summary>
internal static class ManifestReader
{
    public static ConnectorManifest Read(string path)
    {
        var file = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) is { Length: > 0 } folder ? $"{folder}/{Path.GetFileName(path)}" : path;
        var stream = new YamlStream();
        using var reader = File.OpenText(path);
        var parser = new PositionTrackingParser(new Parser(reader));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            throw new ManifestException(file, ex.Start.Line, ex.Start.Column, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner gives up on some malformed input without a position: report where it stopped.
            throw new ManifestException(file, parser.Position.Line, parser.Position.Column, "not valid YAML: the text after this point cannot be read (an unclosed [ or {, or a stray character?).", ex);
        }

        if (stream.Documents.Count != 1)
        {
            throw new ManifestException(file, 1, 1, "a manifest is one YAML document.");
        }

        var root = new YamlNode(file, stream.Documents[0].RootNode, "the manifest");
        root.AllowOnly("version", "platform", "base_url", "documentation_url", "spec", "auth", "rate_limit", "errors", "streams");
        var version = root.Required("version");
        if (version.Int() != 1)
        {
            throw version.Error($"version {version.Text()} is not supported; this SDK reads manifest version 1.");
        }

        var platform = root.Required("platform").Text();
        var baseUrl = ManifestTemplate.Parse(root.Required("base_url"), "config");
        var documentation = root.OptionalText("documentation_url") is { } doc ? new Uri(doc) : null;
        var schema = Spec(root.Required("spec"));
        var auth = ManifestAuth.Read(root.Optional("auth"));
        var errors = ManifestErrors.Read(root.Optional("errors"));
        var budget = ManifestErrors.RateBudget(root.Optional("rate_limit"));
        var streams = root.Required("streams").Items().Select(ManifestStreams.Read).ToArray();
        if (streams.Length == 0)
        {
            throw root.Required("streams").Error("streams must list at least one stream.");
        }

        foreach (var duplicate in streams.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            throw duplicate.Last().Node.Error($"the stream '{duplicate.Key}' is described twice.");
        }

        foreach (var stream2 in streams.Where(s => s.Parent is not null && streams.All(p => p.Name != s.Parent)))
        {
            throw stream2.Node.Error($"the stream '{stream2.Name}' reads each record of '{stream2.Parent}', which is not a stream of this manifest.");
        }

        return new ConnectorManifest(file, platform, documentation, schema, config =>
        {
            var rendered = baseUrl.Render(config);
            if (!Uri.TryCreate(rendered, UriKind.Absolute, out var address))
            {
                throw new Errors.ConfigurationException($"The base URL '{rendered}' made from the connection's settings is not an absolute URL; correct the settings it uses.");
            }

            var source = new HttpSourceBuilder(platform, address);
            auth?.Invoke(source, config);
            foreach (var rule in errors)
            {
                source.OnError(rule);
            }

            if (budget is not null)
            {
                source.UseRateBudget(budget);
            }

            foreach (var stream in streams)
            {
                source.AddStream(stream.Name, builder => stream.Describe(builder, config));
            }

            return source;
        });
    }

    private static JsonObject Spec(YamlNode spec)
    {
        spec.AllowOnly("properties", "required");
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["type"] = "object",
            ["properties"] = spec.Required("properties").ToJson(),
            ["additionalProperties"] = true,
        };
        if (spec.Optional("required") is { } required)
        {
            schema["required"] = required.ToJson();
        }

        try
        {
            JsonSchemaValidator.FromJson(schema);
        }
        catch (ArgumentException ex)
        {
            throw spec.Error($"spec is not a valid JSON Schema: {ex.Message}");
        }

        return schema;
    }
}

/// <summary>A YAML parser that remembers where the last event it read ended, to place errors that come without a position.</summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public Mark Position { get; private set; } = Mark.Empty;

    public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (inner.Current is { } current)
        {
            Position = current.End;
        }

        return inner.MoveNext();
    }
}
