using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Core.Activation;

/// <summary>A run's counters, kept as it goes and written to its <c>activation_deliveries</c> row.</summary>
internal sealed class DeliveryCounts
{
    public long Adds { get; set; }

    public long Removes { get; set; }

    public long Updates { get; set; }

    public long Sent { get; set; }

    public long Accepted { get; set; }

    public long Rejected { get; set; }

    public long Retry { get; set; }

    /// <summary>Changes not sent because their earlier failure waits for its backoff, or was given up.</summary>
    public long Deferred { get; set; }

    /// <summary>Whether the run found nothing to send and held nothing back.</summary>
    public bool IsEmpty => Adds + Removes + Updates + Sent + Deferred == 0;

    public void Count(MemberChange change, bool isUpdate)
    {
        if (change.Operation == RecordOperation.Remove)
        {
            Removes++;
        }
        else if (isUpdate)
        {
            Updates++;
        }
        else
        {
            Adds++;
        }
    }

    public void Count(RecordOutcome outcome)
    {
        Sent++;
        switch (outcome)
        {
            case RecordOutcome.Accepted: Accepted++; break;
            case RecordOutcome.Rejected: Rejected++; break;
            default: Retry++; break;
        }
    }
}
