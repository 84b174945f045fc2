using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Access;

/// <summary>
/// API tokens for scripts: created by an admin with a role and an optional expiry, shown once, stored as a SHA-256
/// hash, revoked by deleting them.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<HubDbContext> dbFactory, TimeProvider time, ILogger<ApiTokenService> logger)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Creates a token; the returned value is the only time anyone sees it.</summary>
    public async Task<CreatedApiToken> CreateAsync(ApiTokenRequest request, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", "A name is required: say what the token is for (for example 'nightly export').");
        }
        else if (request.Name.Trim().Length > 100)
        {
            errors.Add("name", "The name can have at most 100 characters.");
        }
        else if (await db.Set<ApiToken>().AnyAsync(t => t.Name == request.Name.Trim(), cancellationToken))
        {
            errors.Add("name", $"A token named '{request.Name.Trim()}' already exists.");
        }

        if (request.ExpiresAt is { } expires && expires <= now)
        {
            errors.Add("expiresAt", "The expiry must be in the future (or empty for a token that never expires).");
        }

        errors.ThrowIfAny();
        var value = ApiTokenSecret.Generate();
        var token = new ApiToken
        {
            Id = Guid.NewGuid(),
            Name = request.Name.Trim(),
            TokenHash = ApiTokenSecret.Hash(value),
            Prefix = value[..ApiTokenSecret.DisplayPrefixLength],
            Role = request.Role,
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = request.ExpiresAt,
        };
        db.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("API token '{Name}' ({Prefix}..., role {Role}) was created by {CreatedBy}.", token.Name, token.Prefix, token.Role, createdBy);
        return new CreatedApiToken(ApiTokenView.From(token), value);
    }

    /// <summary>All tokens, newest first (never their values).</summary>
    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.Set<ApiToken>().AsNoTracking().ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(ApiTokenView.From).ToArray();
    }

    /// <summary>Revokes a token: it stops working at once.</summary>
    public async Task RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<ApiToken>().Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw NotFoundException.For("API token", id);
        }

        logger.LogInformation("API token {Id} was revoked.", id);
    }

    /// <summary>Who a presented token stands for; null when it is unknown, revoked or expired.</summary>
    public async Task<TokenIdentity?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiTokenSecret.LooksLikeToken(presented))
        {
            return null;
        }

        var hash = ApiTokenSecret.Hash(presented);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.Set<ApiToken>().AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.ExpiresAt <= now)
        {
            return null;
        }

        // Recorded coarsely: a script calling many times a second should not turn every read into a write.
        if (token.LastUsedAt is not { } used || now - used >= LastUsedResolution)
        {
            await db.Set<ApiToken>().Where(t => t.Id == token.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return new TokenIdentity(token.Id, token.Name, token.Role);
    }
}
