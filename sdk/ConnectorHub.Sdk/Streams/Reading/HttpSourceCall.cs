using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Connectors;
using ConnectorHub.Sdk.Errors;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Streams.Authentication;
using ConnectorHub.Sdk.Streams.Errors;
using ConnectorHub.Sdk.Streams.RateLimits;
using ConnectorHub.Sdk.Streams.Requests;

namespace ConnectorHub.Sdk.Streams.Reading;

/// <summary>
/// One call of an HTTP source (a check or a read): the resilient HTTP chain, the authenticator and the rate budget
/// that all the source's streams share, and the streams' read loops.
/// </summary>
public sealed class HttpSourceCall : IDisposable
{
    private readonly HttpSourceBuilder _source;
    private readonly IRequestAuthenticator? _authenticator;
    private readonly RateBudget? _budget;

    private HttpSourceCall(HttpSourceBuilder source, ConnectorContext context)
    {
        _source = source;
        Context = context;
        var secrets = source.SecretValues.ToArray();
        _authenticator = source.Authenticator?.Invoke(new AuthenticationContext(context, source.BaseAddress, source.Platform, secrets));
        var errors = new ErrorHandler([.. source.ErrorRules], context.Time);
        Errors = errors;
        HttpMessageHandler handler = context.CreateHttpHandler();
        if (source.RateBudget is { } budget)
        {
            _budget = new RateBudget(budget, context.Time, context.Logger);
            handler = new RateBudgetHandler(handler, _budget);
        }

        var options = source.Http with
        {
            BaseAddress = source.BaseAddress,
            SecretValues = secrets,
            Authenticate = _authenticator is null ? null : _authenticator.AuthenticateAsync,
            RefreshCredentials = _authenticator is null ? null : _authenticator.RefreshAfterRejectionAsync,
            Classify = errors.Classify,
        };
        Http = new StreamHttp(new Http.ResilientHttpHandler(handler, options, context.Time, context.Logger), source.BaseAddress);
    }

    /// <summary>The call's context.</summary>
    public ConnectorContext Context { get; }

    /// <summary>The call's HTTP sender.</summary>
    public StreamHttp Http { get; }

    /// <summary>The source's error rules.</summary>
    public ErrorHandler Errors { get; }

    /// <summary>The source's platform name.</summary>
    public string Platform => _source.Platform;

    /// <summary>The call's rate budget, or null.</summary>
    public RateBudget? Budget => _budget;

    /// <summary>Opens a call of <paramref name="source"/> with <paramref name="context"/>.</summary>
    public static HttpSourceCall Open(HttpSourceBuilder source, ConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return new HttpSourceCall(source, context);
    }

    /// <summary>The stream descriptors of <paramref name="source"/>.</summary>
    public static IReadOnlyList<StreamDescriptor> Describe(HttpSourceBuilder source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Streams.Select(StreamDescription.Of).ToArray();
    }

    /// <summary>Reads the first page of every checked stream; throws the classified failure of the first that fails.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var stream in _source.Streams.Where(s => s.Checked))
        {
            var reader = new HttpStreamReader(this, stream);
            await reader.ReadFirstPageAsync(cancellationToken);
        }
    }

    /// <summary>Reads <paramref name="configured"/> from <paramref name="state"/>.</summary>
    public IAsyncEnumerable<SourceMessage> ReadAsync(ConfiguredStream configured, JsonNode? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var stream = Stream(configured.Name);
        if (configured.SyncMode == SyncMode.Incremental && stream.Incremental is null && stream.Slicing is null)
        {
            throw new ConfigurationException($"The stream '{stream.Name}' of {Platform} cannot be read incrementally; configure it for full refresh.");
        }

        return new HttpStreamReader(this, stream).ReadAsync(configured.SyncMode, state as JsonObject, cancellationToken);
    }

    /// <summary>Every record of <paramref name="name"/> (a parent stream's full refresh), with no checkpoints.</summary>
    internal async IAsyncEnumerable<JsonObject> ParentRecordsAsync(string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in new HttpStreamReader(this, Stream(name)).ReadAsync(SyncMode.FullRefresh, null, cancellationToken))
        {
            if (message is RecordMessage record)
            {
                yield return record.Data;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Http.Dispose();
        _authenticator?.Dispose();
        _budget?.Dispose();
    }

    private HttpStreamBuilder Stream(string name) => _source.Find(name)
        ?? throw new ConfigurationException($"{Platform} has no stream '{name}'; use {string.Join(", ", _source.Streams.Select(s => s.Name))}.");
}
