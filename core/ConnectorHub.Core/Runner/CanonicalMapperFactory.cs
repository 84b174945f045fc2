using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Mapping;
using ConnectorHub.Core.Mapping.Definitions;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Syncs;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Core.Runner;

/// <summary>
/// Chooses each stream's mapping: the sync's own (inline, YAML or JSON) first; for syncs into the hub, otherwise the
/// connector's default mappings (<c>mappings/{stream}*.yaml</c> in its plugin folder). Records going into the hub are
/// wrapped in a canonical envelope <c>{"entities":[{"entity","data"}]}</c> (a source may also emit envelopes itself);
/// records going to a destination carry the mapped entity, or the source record as read when the sync has no mapping.
/// Compiled mappings are cached.
/// </summary>
internal sealed class CanonicalMapperFactory : IStreamMapperFactory
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<CompiledMapping>>> _defaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CompiledMapping> _inline = new(StringComparer.Ordinal);

    public IStreamMapper Create(Sync sync, SyncStream stream, LoadedPlugin source)
    {
        var intoHub = sync.DestinationConnectionId is null;
        var mappings = stream.Mapping is { Length: > 0 } text
            ? [Inline(text, $"sync '{sync.Name}' stream '{stream.Name}'")]
            : intoHub ? Defaults(source).GetValueOrDefault(stream.Name) ?? [] : [];
        if (mappings.Count == 0)
        {
            return intoHub ? new EnvelopesOnly(stream.Name, source.Manifest.Name) : PassThrough.Instance;
        }

        return new Mapped(mappings, intoHub);
    }

    private CompiledMapping Inline(string text, string sourceName)
    {
        try
        {
            return _inline.GetOrAdd(text, t => MappingCompiler.Compile(t, sourceName));
        }
        catch (MappingDefinitionException ex)
        {
            throw new ConfigurationException($"The mapping of {sourceName} is not valid: {ex.Message}");
        }
    }

    private IReadOnlyDictionary<string, IReadOnlyList<CompiledMapping>> Defaults(LoadedPlugin source)
    {
        try
        {
            return _defaults.GetOrAdd(source.Directory, MappingFolder.LoadAll);
        }
        catch (MappingDefinitionException ex)
        {
            throw new ConfigurationException($"The default mappings of the plugin '{source.Id}' are not valid: {ex.Message} Reinstall the plugin or report it to its author.");
        }
    }

    private sealed class PassThrough : IStreamMapper
    {
        public static readonly PassThrough Instance = new();

        public MappedRecord Map(JsonObject record) => new(record);
    }

    /// <summary>
    /// A stream into the hub with no mapping: its source must emit canonical envelopes itself (a tracking source
    /// does). A record that is not one is set aside with what to do about it.
    /// </summary>
    private sealed class EnvelopesOnly(string stream, string source) : IStreamMapper
    {
        public MappedRecord Map(JsonObject record) => record["entities"] is JsonArray
            ? new MappedRecord(record)
            : MappedRecord.Rejected(
                $"The record has no 'entities' array, so it is not a canonical envelope, and the stream '{stream}' of '{source}' has no mapping to the canonical schema. Give the sync a mapping for it (see docs/mapping.md).",
                "mapping");
    }

    private sealed class Mapped(IReadOnlyList<CompiledMapping> mappings, bool envelope) : IStreamMapper
    {
        public MappedRecord Map(JsonObject record)
        {
            var entities = new JsonArray();
            foreach (var mapping in mappings)
            {
                var outcome = mapping.Map(record);
                if (outcome.Status == MappingStatus.Rejected)
                {
                    var first = outcome.Errors[0];
                    return MappedRecord.Rejected(string.Join("; ", outcome.Errors.Select(e => e.ToString())), $"mapping rule '{first.Rule}', field '{first.Field}'");
                }

                if (outcome.Entity is { } entity)
                {
                    if (!envelope)
                    {
                        return new MappedRecord(entity);
                    }

                    entities.Add(new JsonObject { ["entity"] = EntityNames.Of(mapping.EntityType), ["data"] = entity });
                }
            }

            return entities.Count == 0 ? MappedRecord.Skipped : new MappedRecord(new JsonObject { ["entities"] = entities });
        }
    }
}
