namespace ConnectorHub.Sdk.Streams.RateLimits;

/// <summary>Makes every attempt wait for the call's <see cref="RateBudget"/>, and feeds it every response's quota headers.</summary>
public sealed class RateBudgetHandler(HttpMessageHandler inner, RateBudget budget) : DelegatingHandler(inner)
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await budget.WaitAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        budget.Observe(response);
        return response;
    }
}
