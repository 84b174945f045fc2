namespace ConnectorHub.Connectors.Mailchimp.Tests.Support;

/// <summary>A fact that runs only where the Node client can (see <see cref="NodeScript.SkipReason"/>).</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeScript.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
