using Npgsql;

namespace ConnectorHub.Core.IdentityResolution.Postgres;

/// <summary>Adds a batch's merge and drop records to its write batch.</summary>
internal static class PostgresHistory
{
    public static void Add(NpgsqlBatch batch, ResolutionOutcome outcome, DateTimeOffset now)
    {
        if (outcome.Merges.Count > 0)
        {
            var merges = outcome.Merges;
            PostgresOutcomeWriter.Add(batch,
                """
                INSERT INTO profile_merges (survivor_id, merged_id, identifier_type, identifier_value, source, record_key, observed_at, reason, merged_at)
                SELECT u.*, @now FROM unnest(@survivors, @merged, @types, @values, @sources, @keys, @observed, @reasons) AS u
                """,
                PostgresOutcomeWriter.Parameter("survivors", merges.Select(m => m.SurvivorId).ToArray()),
                PostgresOutcomeWriter.Parameter("merged", merges.Select(m => m.MergedId).ToArray()),
                PostgresOutcomeWriter.Parameter("types", merges.Select(m => m.Cause.Type).ToArray()),
                PostgresOutcomeWriter.Parameter("values", merges.Select(m => m.Cause.Value).ToArray()),
                PostgresOutcomeWriter.Parameter("sources", merges.Select(m => m.Fragment.Source).ToArray()),
                PostgresOutcomeWriter.Parameter("keys", merges.Select(m => m.Fragment.RecordKey).ToArray()),
                PostgresOutcomeWriter.Parameter("observed", merges.Select(m => m.Fragment.ObservedAt).ToArray()),
                PostgresOutcomeWriter.Parameter("reasons", merges.Select(m => m.Reason).ToArray()),
                PostgresOutcomeWriter.Parameter("now", now));
        }

        if (outcome.Drops.Count > 0)
        {
            var drops = outcome.Drops;
            PostgresOutcomeWriter.Add(batch,
                """
                INSERT INTO identifier_drops (profile_id, identifier_type, identifier_value, reason, source, record_key, observed_at, dropped_at)
                SELECT u.*, @now FROM unnest(@profiles, @types, @values, @reasons, @sources, @keys, @observed) AS u
                ON CONFLICT (profile_id, identifier_type, identifier_value) DO NOTHING
                """,
                PostgresOutcomeWriter.Parameter("profiles", drops.Select(d => outcome.Profiles[d.Profile].Id).ToArray()),
                PostgresOutcomeWriter.Parameter("types", drops.Select(d => d.Identifier.Type).ToArray()),
                PostgresOutcomeWriter.Parameter("values", drops.Select(d => d.Identifier.Value).ToArray()),
                PostgresOutcomeWriter.Parameter("reasons", drops.Select(d => d.Reason.Describe(outcome.Profiles)).ToArray()),
                PostgresOutcomeWriter.Parameter("sources", drops.Select(d => d.Fragment.Source).ToArray()),
                PostgresOutcomeWriter.Parameter("keys", drops.Select(d => d.Fragment.RecordKey).ToArray()),
                PostgresOutcomeWriter.Parameter("observed", drops.Select(d => d.Fragment.ObservedAt).ToArray()),
                PostgresOutcomeWriter.Parameter("now", now));
        }
    }
}
