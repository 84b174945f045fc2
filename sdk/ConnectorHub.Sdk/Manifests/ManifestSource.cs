using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Schemas;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Specs;
using ConnectorHub.Sdk.Streams;
using ConnectorHub.Sdk.Streams.Reading;

namespace ConnectorHub.Sdk.Manifests;

/// <summary>
/// A source described by a <c>connector.yaml</c> alone: the host creates it from a plugin folder with no assembly.
/// The spec is the manifest's; a config is validated against it once, each problem naming its setting.
/// </summary>
public sealed class ManifestSource(ConnectorManifest manifest) : ISourceConnector
{
    /// <summary>The manifest the source runs.</summary>
    public ConnectorManifest Manifest { get; } = manifest ?? throw new ArgumentNullException(nameof(manifest));

    /// <summary>Reads <c>connector.yaml</c> from <paramref name="folder"/>.</summary>
    /// <exception cref="ManifestException">The manifest is malformed.</exception>
    public static ManifestSource FromFolder(string folder) => new(ConnectorManifest.Load(Path.Combine(folder, ConnectorManifest.FileName)));

    /// <inheritdoc />
    public ConnectorSpec GetSpec() => new() { ConfigSchema = Manifest.ConfigSchema.DeepClone().AsObject(), DocumentationUrl = Manifest.DocumentationUrl };

    /// <inheritdoc />
    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            using var call = HttpSourceCall.Open(Describe(context, validate: true), context);
            await call.CheckAsync(cancellationToken);
            return CheckResult.Success($"Connected to {Manifest.Platform}.");
        }
        catch (ConnectorException ex)
        {
            return CheckResult.Failure(ex.Message);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamDescriptor>> DiscoverAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(HttpSourceCall.Describe(Describe(context, validate: false)));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceMessage> ReadAsync(ConnectorContext context, ReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        using var call = HttpSourceCall.Open(Describe(context, validate: true), context);
        foreach (var configured in request.Streams)
        {
            await foreach (var message in call.ReadAsync(configured, request.StateOf(configured.Name), cancellationToken))
            {
                yield return message;
            }
        }
    }

    private HttpSourceBuilder Describe(ConnectorContext context, bool validate)
    {
        var config = WithDefaults(context.Config.ToJson());
        if (validate)
        {
            var problems = JsonSchemaValidator.FromJson(Manifest.ConfigSchema).Validate(config);
            if (problems.Count > 0)
            {
                throw new ConfigurationException(string.Join(" ", problems.Select(p => $"The setting '{(p.Path.Length == 0 ? "(config)" : p.Path)}': {p.Message}.")) + " Correct the connection's configuration.");
            }
        }

        var source = Manifest.Describe(config);
        foreach (var secret in ConfigSecrets.SecretValues(GetSpec(), config))
        {
            source.SecretValues.Add(secret);
        }

        return source;
    }

    private JsonObject WithDefaults(JsonObject config)
    {
        foreach (var (name, property) in Manifest.ConfigSchema["properties"]?.AsObject() ?? [])
        {
            if (config[name] is null && property?["default"] is { } value)
            {
                config[name] = value.DeepClone();
            }
        }

        return config;
    }
}
