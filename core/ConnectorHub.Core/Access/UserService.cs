using System.Data;
using ConnectorHub.Core.Storage;
using ConnectorHub.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Core.Access;

/// <summary>
/// The dashboard's users: first-run setup of the admin account, sign-in checks, and the admin's user management.
/// There is always at least one admin once set up: the last one can be neither demoted nor deleted.
/// </summary>
public sealed class UserService(IDbContextFactory<HubDbContext> dbFactory, DashboardSessions sessions, TimeProvider time, ILogger<UserService> logger)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = UserRules.MinimumPasswordLength;

    /// <summary>Whether any user exists (false until first-run setup is done).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<HubUser>().AnyAsync(cancellationToken);
    }

    /// <summary>
    /// Creates the first admin; null when a user already exists (setup happens once). Serializable, so two
    /// browsers racing through setup cannot both create an admin.
    /// </summary>
    public async Task<UserView?> SetUpAsync(string userName, string password, CancellationToken cancellationToken)
    {
        UserRules.Validate(userName, password).ThrowIfAny();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            if (await db.Set<HubUser>().AnyAsync(cancellationToken))
            {
                return null;
            }

            var user = NewUser(userName, password, HubRole.Admin);
            db.Add(user);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("First-run setup: the admin account '{UserName}' was created.", user.UserName);
            return UserView.From(user);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // Lost the race to another setup (PostgreSQL reports a serialization failure): that one is the admin.
            if (await AnyAsync(cancellationToken))
            {
                return null;
            }

            throw;
        }
    }

    /// <summary>The user when <paramref name="password"/> is theirs; null otherwise (unknown name or wrong password alike).</summary>
    public async Task<UserIdentity?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = UserRules.Normalize(userName ?? string.Empty);
        var user = await db.Set<HubUser>().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (user is null)
        {
            PasswordHashing.VerifyNothing(password);
            logger.LogWarning("Sign-in refused: no user named '{UserName}'.", userName);
            return null;
        }

        var check = PasswordHashing.Verify(user.PasswordHash, password ?? string.Empty);
        if (check == PasswordCheck.Failed)
        {
            logger.LogWarning("Sign-in refused: wrong password for '{UserName}'.", user.UserName);
            return null;
        }

        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            user.PasswordHash = PasswordHashing.Hash(password!);
        }

        user.LastSignInAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return UserIdentity.From(user);
    }

    /// <summary>The user with <paramref name="id"/> as a cookie stands for them, or null when deleted.</summary>
    public async Task<UserIdentity?> FindIdentityAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Set<HubUser>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : UserIdentity.From(user);
    }

    /// <summary>All users, by name.</summary>
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Set<HubUser>().AsNoTracking().OrderBy(u => u.NormalizedUserName).ToListAsync(cancellationToken);
        return users.Select(UserView.From).ToArray();
    }

    /// <summary>Adds a user.</summary>
    public async Task<UserView> CreateAsync(UserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = UserRules.Validate(request.UserName, request.Password);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = UserRules.Normalize(request.UserName ?? string.Empty);
        if (!errors.Any && await db.Set<HubUser>().AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            errors.Add("userName", $"A user named '{request.UserName!.Trim()}' already exists.");
        }

        errors.ThrowIfAny();
        var user = NewUser(request.UserName!, request.Password, request.Role);
        db.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User '{UserName}' was added with the role {Role}.", user.UserName, user.Role);
        return UserView.From(user);
    }

    /// <summary>Changes a user's role; their existing sign-ins end. The last admin cannot be demoted.</summary>
    public async Task<UserView> SetRoleAsync(Guid id, HubRole role, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAsync(db, id, cancellationToken);
        if (user.Role == HubRole.Admin && role != HubRole.Admin)
        {
            await RequireAnotherAdminAsync(db, user, "demoted", cancellationToken);
        }

        if (user.Role != role)
        {
            user.Role = role;
            Touch(user);
            await db.SaveChangesAsync(cancellationToken);
            await sessions.EndAllAsync(id, cancellationToken);
            logger.LogInformation("User '{UserName}' now has the role {Role}; their sign-ins ended.", user.UserName, role);
        }

        return UserView.From(user);
    }

    /// <summary>Sets a new password; the user's existing sign-ins end.</summary>
    public async Task<UserView> SetPasswordAsync(Guid id, string password, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAsync(db, id, cancellationToken);
        UserRules.ValidatePassword(password, new ValidationErrors()).ThrowIfAny();
        user.PasswordHash = PasswordHashing.Hash(password);
        Touch(user);
        await db.SaveChangesAsync(cancellationToken);
        await sessions.EndAllAsync(id, cancellationToken);
        logger.LogInformation("User '{UserName}' has a new password; their other sign-ins ended.", user.UserName);
        return UserView.From(user);
    }

    /// <summary>Deletes a user. The last admin cannot be deleted.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAsync(db, id, cancellationToken);
        if (user.Role == HubRole.Admin)
        {
            await RequireAnotherAdminAsync(db, user, "deleted", cancellationToken);
        }

        db.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        await sessions.EndAllAsync(id, cancellationToken);
        logger.LogInformation("User '{UserName}' was deleted.", user.UserName);
    }

    private static async Task RequireAnotherAdminAsync(HubDbContext db, HubUser user, string what, CancellationToken cancellationToken)
    {
        if (!await db.Set<HubUser>().AnyAsync(u => u.Role == HubRole.Admin && u.Id != user.Id, cancellationToken))
        {
            throw new HubValidationException("role", $"'{user.UserName}' is the only admin and cannot be {what}. Make another user an admin first.");
        }
    }

    private static async Task<HubUser> FindAsync(HubDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Set<HubUser>().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw NotFoundException.For("user", id);

    private HubUser NewUser(string userName, string password, HubRole role)
    {
        var now = time.GetUtcNow();
        return new HubUser
        {
            Id = Guid.NewGuid(),
            UserName = userName.Trim(),
            NormalizedUserName = UserRules.Normalize(userName),
            PasswordHash = PasswordHashing.Hash(password),
            Role = role,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private void Touch(HubUser user)
    {
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.UpdatedAt = time.GetUtcNow();
    }
}
