using ConnectorHub.Connectors.MetaCustomAudiences.Hashing;
using ConnectorHub.Sdk.Destinations;

namespace ConnectorHub.Connectors.MetaCustomAudiences.Upload;

/// <summary>
/// Turns a batch into hashed rows, deciding locally what never goes to Meta: a record that is not an
/// <see cref="AudienceMember"/>, one with no usable identifier, or an add for someone whose ads consent is false.
/// </summary>
internal static class RecordPreparation
{
    public static (List<PreparedRecord> Ready, Dictionary<int, RecordResult> Rejected) Prepare(IReadOnlyList<DestinationRecord> batch)
    {
        var ready = new List<PreparedRecord>(batch.Count);
        var rejected = new Dictionary<int, RecordResult>();
        for (var i = 0; i < batch.Count; i++)
        {
            var record = batch[i];
            var remove = record.Operation is RecordOperation.Remove or RecordOperation.Delete;
            AudienceMember member;
            try
            {
                member = AudienceMember.FromJson(record.Data);
            }
            catch (FormatException ex)
            {
                rejected[i] = RecordResult.Rejected(record.Key, ex.Message);
                continue;
            }

            if (!remove && member.Consent?.Ads == false)
            {
                rejected[i] = RecordResult.Rejected(record.Key, "consent.ads is false: the member is not added to an ad audience.");
                continue;
            }

            var rows = MatchRows.For(member);
            if (rows.Rows.Count == 0)
            {
                rejected[i] = RecordResult.Rejected(record.Key, rows.Problem!);
                continue;
            }

            ready.Add(new PreparedRecord(i, record, remove, rows.Rows));
        }

        return (ready, rejected);
    }

    /// <summary>
    /// Splits records into requests: consecutive records with the same operation go together (so an add then a
    /// remove of one person keep their order), at most <paramref name="maxRows"/> rows each, a record's rows never split.
    /// </summary>
    public static IEnumerable<List<PreparedRecord>> Chunks(IReadOnlyList<PreparedRecord> records, int maxRows)
    {
        var chunk = new List<PreparedRecord>();
        var rows = 0;
        foreach (var record in records)
        {
            if (chunk.Count > 0 && (chunk[0].Remove != record.Remove || rows + record.Rows.Count > maxRows))
            {
                yield return chunk;
                chunk = [];
                rows = 0;
            }

            chunk.Add(record);
            rows += record.Rows.Count;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
