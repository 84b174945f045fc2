using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Core.Storage;
using ConnectorHub.Sdk.Destinations;
using Dapper;

namespace ConnectorHub.Core.Activation;

/// <summary>
/// Streams what an activation must send now, page by page in profile id order (never the whole segment in
/// memory): members not delivered as present (adds), delivered members whose payload changed (Mirror and Upsert),
/// and delivered members who left or refused the required consent (removes, in AddRemove and Mirror). A change
/// that failed earlier waits for its backoff and stops at the attempt cap, unless it became a different change.
/// </summary>
internal sealed class DiffReader(HubDatabase database, ActivationOptions options)
{
    public async IAsyncEnumerable<MemberChange> ReadAsync(ActivationView activation, MemberMapping mapping, DateTimeOffset now, DeliveryCounts counts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = long.MinValue;
        while (true)
        {
            var (ids, page) = await MembersPageAsync(activation, after, cancellationToken);
            if (ids.Length == 0)
            {
                break;
            }

            after = ids[^1];
            foreach (var id in ids)
            {
                if (Decide(activation, mapping, page, id, now, counts) is { } change)
                {
                    yield return change;
                }
            }
        }

        if (!ActivationModes.Removes(activation.Mode))
        {
            yield break;
        }

        after = long.MinValue;
        while (true)
        {
            var (ids, page) = await LeaversPageAsync(activation, after, cancellationToken);
            if (ids.Length == 0)
            {
                break;
            }

            after = ids[^1];
            foreach (var id in ids)
            {
                if (Remove(id, page, now, counts) is { } change)
                {
                    yield return change;
                }
            }
        }
    }

    private MemberChange? Decide(ActivationView activation, MemberMapping mapping, DiffPage page, long id, DateTimeOffset now, DeliveryCounts counts)
    {
        var profile = page.Profiles[id];
        (string State, string? Hash, string? Payload)? delivered = page.Delivered.TryGetValue(id, out var d) && d.State == MemberState.Present ? d : null;
        if (activation.RequiredConsent is { } consent && profile.Consent(consent) == false)
        {
            // A refused consent counts as not being a member: never sent, and removed if it was.
            return delivered is not null && ActivationModes.Removes(activation.Mode) ? Remove(id, page, now, counts) : null;
        }

        var data = mapping.Build(profile).ToJson();
        var hash = PayloadHash.Of(data);
        RecordOperation operation;
        if (delivered is null)
        {
            operation = ActivationModes.Enter(activation.Mode);
        }
        else if (ActivationModes.ResendsChanges(activation.Mode) && delivered.Value.Hash != hash)
        {
            operation = RecordOperation.Upsert;
        }
        else
        {
            return null;
        }

        var change = Pace(new MemberChange(id, operation, data, hash, 1), page, now, counts);
        if (change is not null)
        {
            counts.Count(change, isUpdate: delivered is not null);
        }

        return change;
    }

    private MemberChange? Remove(long id, DiffPage page, DateTimeOffset now, DeliveryCounts counts)
    {
        var payload = page.Delivered[id].Payload is { } json ? JsonNode.Parse(json)!.AsObject() : [];
        var change = Pace(new MemberChange(id, RecordOperation.Remove, payload, null, 1), page, now, counts);
        if (change is not null)
        {
            counts.Count(change, isUpdate: false);
        }

        return change;
    }

    private MemberChange? Pace(MemberChange change, DiffPage page, DateTimeOffset now, DeliveryCounts counts)
    {
        if (!page.Pending.TryGetValue(change.ProfileId, out var pending))
        {
            return change;
        }

        if (pending.Holds(change, now, options.MaxAttempts))
        {
            counts.Deferred++;
            return null;
        }

        return change with { Attempt = pending.NextAttempt(change) };
    }

    private async Task<(long[] Ids, DiffPage Page)> MembersPageAsync(ActivationView activation, long after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(ActivationStore.Command(
            """
            SELECT profile_id FROM segment_memberships
            WHERE segment_id = @segmentId AND exited_at IS NULL AND profile_id > @after
            ORDER BY profile_id LIMIT @limit
            """,
            new { segmentId = activation.SegmentId, after, limit = options.PageSize }, cancellationToken))).ToArray();
        return (ids, ids.Length == 0 ? new DiffPage() : await DiffPage.LoadAsync(connection, database.Provider, activation.Id, ids, withProfiles: true, cancellationToken));
    }

    private async Task<(long[] Ids, DiffPage Page)> LeaversPageAsync(ActivationView activation, long after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(ActivationStore.Command(
            """
            SELECT a.profile_id FROM activation_members a
            WHERE a.activation_id = @activationId AND a.state = @present AND a.profile_id > @after
              AND NOT EXISTS (SELECT 1 FROM segment_memberships m WHERE m.segment_id = @segmentId AND m.profile_id = a.profile_id AND m.exited_at IS NULL)
            ORDER BY a.profile_id LIMIT @limit
            """,
            new { activationId = activation.Id, present = MemberState.Present, segmentId = activation.SegmentId, after, limit = options.PageSize }, cancellationToken))).ToArray();
        return (ids, ids.Length == 0 ? new DiffPage() : await DiffPage.LoadAsync(connection, database.Provider, activation.Id, ids, withProfiles: false, cancellationToken));
    }
}
