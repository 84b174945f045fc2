using System.Runtime.CompilerServices;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Settings;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Specs;
using ConnectorHub.Sdk.Streams.Reading;

namespace ConnectorHub.Sdk.Streams;

/// <summary>
/// A source made of HTTP streams. A connector derives from it with its typed settings and describes its API in
/// <see cref="Configure"/>; the spec is generated from <typeparamref name="TSettings"/>, the check reads the first page
/// of each stream, and reading, paging, guards, state, rate budgets and error handling are the SDK's.
/// </summary>
/// <typeparam name="TSettings">The connector's settings record (see <see cref="ConnectorSettings"/>).</typeparam>
public abstract class HttpSource<TSettings> : ISourceConnector
    where TSettings : class
{
    private readonly Lazy<ConnectorSpec> _spec;

    /// <summary>Creates the source; its spec is generated once, when first asked for.</summary>
    protected HttpSource() => _spec = new Lazy<ConnectorSpec>(() => new ConnectorSpec { ConfigSchema = ConnectorSettings.SchemaOf<TSettings>(), DocumentationUrl = DocumentationUrl });

    /// <summary>Where users read how to configure the connector.</summary>
    protected virtual Uri? DocumentationUrl => null;

    /// <summary>
    /// Describes the API for one call, from the call's settings. For discovery the settings are bound without
    /// validation (a config may be incomplete), so describe streams from what is always present.
    /// </summary>
    protected abstract HttpSourceBuilder Configure(TSettings settings);

    /// <summary>What the check reports on success.</summary>
    protected virtual string CheckSucceeded(HttpSourceBuilder source) =>
        $"Connected to {source.Platform} at {source.BaseAddress}; {string.Join(", ", source.Streams.Where(s => s.Checked).Select(s => s.Name))} readable.";

    /// <inheritdoc />
    public virtual ConnectorSpec GetSpec() => _spec.Value with { ConfigSchema = _spec.Value.ConfigSchema.DeepClone().AsObject() };

    /// <inheritdoc />
    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var source = Describe(context, validate: true);
            using var call = HttpSourceCall.Open(source, context);
            await call.CheckAsync(cancellationToken);
            return CheckResult.Success(CheckSucceeded(source));
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
        var settings = validate ? ConnectorSettings.Bind<TSettings>(context.Config) : ConnectorSettings.BindWithoutValidation<TSettings>(context.Config);
        var source = Configure(settings);
        foreach (var secret in ConfigSecrets.SecretValues(GetSpec(), context.Config.ToJson()))
        {
            source.SecretValues.Add(secret);
        }

        return source;
    }
}
