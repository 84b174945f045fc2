using ConnectorHub.Sdk.Http;
using ConnectorHub.Sdk.Streams.Authentication;
using ConnectorHub.Sdk.Streams.Errors;
using ConnectorHub.Sdk.Streams.RateLimits;

namespace ConnectorHub.Sdk.Streams;

/// <summary>
/// Describes an HTTP source: the API's base address, how it authenticates, its error rules and rate budget, and its
/// streams. HttpSource asks a connector to fill one per call, from its typed settings.
/// </summary>
public sealed class HttpSourceBuilder
{
    private readonly List<HttpStreamBuilder> _streams = [];

    /// <summary>Starts the description of the API called <paramref name="platform"/> (used in messages, such as <c>HubSpot</c>).</summary>
    public HttpSourceBuilder(string platform, Uri baseAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platform);
        ArgumentNullException.ThrowIfNull(baseAddress);
        Platform = platform;
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
    }

    /// <summary>The platform's name for messages.</summary>
    public string Platform { get; }

    /// <summary>The API's base address (ends with a slash, so relative paths append to it).</summary>
    public Uri BaseAddress { get; }

    /// <summary>How requests are authenticated; null sends none.</summary>
    public AuthenticatorFactory? Authenticator { get; set; }

    /// <summary>Error rules, tried in order before the defaults.</summary>
    public IList<ErrorRule> ErrorRules { get; } = [];

    /// <summary>The connection's rate budget, or null for none (429s and Retry-After are honoured regardless).</summary>
    public RateBudgetOptions? RateBudget { get; set; }

    /// <summary>Retry and wait settings of the resilient handler (its authentication and classification are set by the source).</summary>
    public ConnectorHttpOptions Http { get; set; } = new();

    /// <summary>Values never written to logs or failed-request records (the typed settings' secrets are added for you).</summary>
    public ISet<string> SecretValues { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The streams, in order.</summary>
    public IReadOnlyList<HttpStreamBuilder> Streams => _streams;

    /// <summary>Adds stream <paramref name="name"/>, described by <paramref name="describe"/>.</summary>
    public HttpSourceBuilder AddStream(string name, Action<HttpStreamBuilder> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        if (_streams.Any(s => s.Name == name))
        {
            throw new ArgumentException($"The stream '{name}' is described twice.", nameof(name));
        }

        var stream = new HttpStreamBuilder(name);
        describe(stream);
        _streams.Add(stream);
        return this;
    }

    /// <summary>Sets the authenticator.</summary>
    public HttpSourceBuilder UseAuthenticator(AuthenticatorFactory authenticator)
    {
        Authenticator = authenticator ?? throw new ArgumentNullException(nameof(authenticator));
        return this;
    }

    /// <summary>Adds an error rule (tried in the order added).</summary>
    public HttpSourceBuilder OnError(ErrorRule rule)
    {
        ErrorRules.Add(rule ?? throw new ArgumentNullException(nameof(rule)));
        return this;
    }

    /// <summary>Sets the connection's rate budget.</summary>
    public HttpSourceBuilder UseRateBudget(RateBudgetOptions options)
    {
        RateBudget = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>The stream named <paramref name="name"/>, or null.</summary>
    public HttpStreamBuilder? Find(string name) => _streams.FirstOrDefault(s => s.Name == name);
}
