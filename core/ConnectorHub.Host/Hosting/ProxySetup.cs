using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Host.Hosting;

/// <summary>Reads <see cref="ProxyOptions"/> into ASP.NET Core's forwarded-headers settings.</summary>
internal sealed class ProxySetup(IOptions<ProxyOptions> proxy) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        foreach (var address in proxy.Value.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(address));
        }

        foreach (var network in proxy.Value.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

}

/// <summary>Checks <see cref="ProxyOptions"/> at start, naming each bad entry.</summary>
internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var failures = options.KnownProxies.Where(a => !IPAddress.TryParse(a, out _))
            .Select(a => $"{ProxyOptions.Section}:KnownProxies: '{a}' is not an IP address. Give the proxy's address, such as 10.0.0.5.")
            .Concat(options.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
                .Select(n => $"{ProxyOptions.Section}:KnownNetworks: '{n}' is not a network in CIDR notation. Write it as 10.0.0.0/8."))
            .ToArray();
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Registers the reverse-proxy settings.</summary>
internal static class ProxyServiceCollectionExtensions
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ProxySetup>();
        return services;
    }
}
