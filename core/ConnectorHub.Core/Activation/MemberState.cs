namespace ConnectorHub.Core.Activation;

/// <summary>What the destination holds of a profile, as far as the hub delivered it (<c>activation_members.state</c>).</summary>
internal static class MemberState
{
    /// <summary>Added (or upserted) and accepted.</summary>
    public const string Present = "present";

    /// <summary>Removed and accepted.</summary>
    public const string Absent = "absent";
}
