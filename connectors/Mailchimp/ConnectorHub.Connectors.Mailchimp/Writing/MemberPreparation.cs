using ConnectorHub.Connectors.Mailchimp.Members;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.Mailchimp.Writing;

/// <summary>Reads a batch into members with an email, and splits them into Mailchimp-sized requests.</summary>
internal static class MemberPreparation
{
    /// <summary>Mailchimp's batch subscribe limit.</summary>
    public const int MaxMembersPerBatch = 500;

    public static (List<PreparedMember> Ready, Dictionary<int, RecordResult> Results) Prepare(IReadOnlyList<DestinationRecord> batch)
    {
        var ready = new List<PreparedMember>(batch.Count);
        var results = new Dictionary<int, RecordResult>();
        for (var i = 0; i < batch.Count; i++)
        {
            var record = batch[i];
            AudienceMember member;
            try
            {
                member = AudienceMember.FromJson(record.Data);
            }
            catch (FormatException ex)
            {
                results[i] = RecordResult.Rejected(record.Key, ex.Message);
                continue;
            }

            if (member.Email.Select(e => e.Trim()).FirstOrDefault(e => e.Length > 0) is not { } email)
            {
                results[i] = RecordResult.Rejected(record.Key, "The member has no email address, which Mailchimp needs to identify a contact.");
                continue;
            }

            var remove = record.Operation is RecordOperation.Remove or RecordOperation.Delete;
            ready.Add(new PreparedMember(i, record, remove, email, SubscriberHash.Of(email), member));
        }

        return (ready, results);
    }

    /// <summary>
    /// Consecutive members with the same operation, at most <paramref name="max"/> per chunk; a second record for
    /// the same email starts a new chunk, so writes to one contact keep their order.
    /// </summary>
    public static IEnumerable<List<PreparedMember>> Chunks(IReadOnlyList<PreparedMember> members, int max = MaxMembersPerBatch)
    {
        var chunk = new List<PreparedMember>();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (chunk.Count > 0 && (chunk[0].Remove != member.Remove || chunk.Count == max || hashes.Contains(member.Hash)))
            {
                yield return chunk;
                chunk = [];
                hashes.Clear();
            }

            chunk.Add(member);
            hashes.Add(member.Hash);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
