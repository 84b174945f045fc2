using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConnectorHub.Connectors.Meta.Graph;
using ConnectorHub.Connectors.MetaAds.Accounts;
using ConnectorHub.Connectors.MetaAds.Configuration;
using ConnectorHub.Connectors.MetaAds.Graph;
using ConnectorHub.Connectors.MetaAds.Streams;
using ConnectorHub.Sdk.Sources;
using ConnectorHub.Sdk.Streams.Paging;
using Microsoft.Extensions.Logging;

namespace ConnectorHub.Connectors.MetaAds.Insights;

/// <summary>
/// <c>insights_daily</c>: one row per entity (at the configured level) and day, read day by day with a checkpoint
/// after each day. Incremental runs re-read the lookback window (rows upsert by account, entity and date). Runs
/// with more days than the threshold use async report runs; so does a day whose synchronous request Meta refuses
/// as too large.
/// </summary>
internal sealed class InsightsStream(MetaAdsSettings settings) : IMetaStream
{
    public string Name => "insights_daily";

    public StreamDescriptor Describe()
    {
        var query = new InsightsQuery(settings.Level, settings.PageSize);
        IReadOnlyList<IReadOnlyList<string>> key = settings.Level == "account"
            ? [["account_id"], ["date_start"]]
            : [["account_id"], [query.IdField], ["date_start"]];
        return new StreamDescriptor
        {
            Name = Name,
            JsonSchema = StreamDescriptors.Schema(Name),
            SupportedSyncModes = [SyncMode.FullRefresh, SyncMode.Incremental],
            SourceDefinedCursor = true,
            DefaultCursorField = ["date_start"],
            PrimaryKey = key,
            ResumableFullRefresh = true,
            Description = $"Daily Ads Insights at {settings.Level} level; metrics are strings as Meta sends them.",
        };
    }

    public async IAsyncEnumerable<SourceMessage> ReadAsync(ReadScope scope, SyncMode mode, JsonNode? saved, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var state = InsightsState.Read(saved, Name);
        if (state is not null && state.Level != settings.Level)
        {
            yield return new LogMessage(LogLevel.Warning,
                $"Meta Ads '{Name}': the saved state was read at {state.Level} level and the connection now asks for {settings.Level}, so insights are read again from the start date.");
            state = null;
        }

        state ??= new InsightsState { Level = settings.Level };
        var incremental = mode == SyncMode.Incremental;
        state.Begin(incremental);
        var pass = state.Pass!;
        var query = new InsightsQuery(settings.Level, settings.PageSize);
        foreach (var account in await scope.Accounts.AccountsAsync(Name, cancellationToken))
        {
            if (pass.Done.Contains(account.Id))
            {
                continue;
            }

            var progress = state.For(account.Id);
            var yesterday = account.Yesterday(scope.Time.GetUtcNow());
            var days = DayPlan.Days(progress, incremental, settings.StartDate ?? yesterday.AddDays(-29), settings.LookbackDays, yesterday);
            if (days.Count == 0)
            {
                pass.Done.Add(account.Id);
                continue;
            }

            var useAsync = days.Count > settings.AsyncThresholdDays;
            var sync = new SyncDayReader(scope.Api, account.Id, query);
            var runs = new ReportRunQueue(scope.Api, Name, account.Id, query, days, settings.MaxConcurrentReportRuns, scope.Time);
            foreach (var day in days)
            {
                if (!useAsync)
                {
                    var guard = new PagingGuard(Name, $"act_{account.Id}/insights for {Text(day)}", GraphPage.Guards);
                    string? token = null;
                    var page = await sync.PageAsync(day, null, cancellationToken);
                    while (page is not null)
                    {
                        foreach (var row in page.Rows)
                        {
                            yield return Checked(row, query);
                        }

                        guard.Check(token, page.After, page.Rows.Count);
                        if (page.After is null)
                        {
                            break;
                        }

                        token = page.After;
                        page = await sync.PageAsync(day, token, cancellationToken);
                    }

                    if (page is null)
                    {
                        // Rows of this day already emitted come again from the report run; they upsert by key.
                        useAsync = true;
                        yield return new LogMessage(LogLevel.Information,
                            $"Meta Ads '{Name}': Meta asked for less data per request on act_{account.Id} ({Text(day)}), so this and the remaining days of the account are read through async report runs.");
                    }
                }

                if (useAsync)
                {
                    await foreach (var row in runs.RowsAsync(day, cancellationToken))
                    {
                        yield return Checked(row, query);
                    }
                }

                progress.DayDone(day, days[^1]);
                if (progress.Next is null)
                {
                    pass.Done.Add(account.Id);
                }

                yield return new StateMessage(Name, state.ToJson());
            }
        }

        state.Pass = null;
        yield return new StateMessage(Name, state.ToJson());
    }

    /// <summary>The row as a record, or a rejection when it lacks a primary-key field.</summary>
    private SourceMessage Checked(JsonObject row, InsightsQuery query)
    {
        var missing = new[] { "account_id", query.IdField, "date_start" }.Distinct().Where(f => row[f] is null).ToList();
        return missing.Count == 0
            ? new RecordMessage(Name, row)
            : new RecordRejectedMessage(Name, $"The insights row has no {string.Join(", ", missing)}, which identify it; it is set aside.", RawData: row.ToJsonString());
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
