namespace ConnectorHub.Core.Access;

/// <summary>A person who signs in to the dashboard.</summary>
public sealed class HubUser
{
    /// <summary>Identity.</summary>
    public Guid Id { get; set; }

    /// <summary>The name they sign in with, as they typed it.</summary>
    public required string UserName { get; set; }

    /// <summary>The name in lower case: unique, and what sign-in looks up.</summary>
    public required string NormalizedUserName { get; set; }

    /// <summary>The password hashed with PBKDF2 (<see cref="PasswordHashing"/>); the password itself is never stored.</summary>
    public required string PasswordHash { get; set; }

    /// <summary>What they may do.</summary>
    public HubRole Role { get; set; }

    /// <summary>Changes when the password or role changes, so existing sign-in cookies stop working.</summary>
    public required string SecurityStamp { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Last successful sign-in.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
}
