using System.Data.Common;
using System.Runtime.CompilerServices;
using ConnectorHub.Core.Profiles;
using ConnectorHub.Core.Storage;
using Dapper;

namespace ConnectorHub.Core.Predictions.Features;

/// <summary>Streams the features of every eligible customer as of a cutoff (<see cref="FeatureQuery"/>), a row at a time.</summary>
internal sealed class FeatureReader(HubDatabase database)
{
    /// <summary>The customers with an order before <paramref name="cutoff"/>; labelled with the window up to <paramref name="labelEnd"/> when given.</summary>
    public async IAsyncEnumerable<ProfileFeatures> ReadAsync(FeatureSet set, DateTimeOffset cutoff, DateTimeOffset? labelEnd, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (sql, parameters) = FeatureQuery.For(database.Provider, set, cutoff, labelEnd);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        DbTransaction? transaction = null;
        try
        {
            if (database.Provider == StorageProvider.Postgres)
            {
                // Hash aggregates over every order and recent event: give them memory instead of spilling to disk.
                transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition("SET LOCAL work_mem = '256MB'", transaction: transaction, cancellationToken: cancellationToken));
            }

            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return Row(reader, set, cutoff);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private static ProfileFeatures Row(DbDataReader reader, FeatureSet set, DateTimeOffset cutoff)
    {
        var values = new float[set.Count];
        var orders = reader.GetInt64(1);
        var spend = reader.GetDouble(2);
        values[FeatureSet.DaysSinceLastOrder] = Days(cutoff, StoredTime.Read(reader.GetValue(4)));
        values[FeatureSet.Orders] = orders;
        values[FeatureSet.Spend] = (float)spend;
        values[FeatureSet.AverageOrder] = (float)(spend / orders);
        values[FeatureSet.Tenure] = Days(cutoff, StoredTime.Read(reader.GetValue(3)));
        values[FeatureSet.RecentOrders] = reader.GetInt64(5);
        values[FeatureSet.DaysSinceLastEvent] = reader.IsDBNull(8) ? set.LookbackDays + 1 : Days(cutoff, StoredTime.Read(reader.GetValue(8)));
        var column = 9;
        for (var name = -1; name < set.EventNames.Count; name++)
        {
            for (var window = 0; window < set.Windows.Count; window++)
            {
                values[set.EventCount(name, window)] = reader.IsDBNull(column) ? 0 : reader.GetInt64(column);
                column++;
            }
        }

        for (var t = 0; t < set.Traits.Count; t++)
        {
            double? number = reader.IsDBNull(column) ? null : reader.GetDouble(column);
            var text = reader.IsDBNull(column + 1) ? null : reader.GetString(column + 1);
            set.Traits[t].Write(values.AsSpan(set.TraitStart(t), set.Traits[t].Width), number, text);
            column += 2;
        }

        var futureOrders = reader.IsDBNull(6) ? 0 : Convert.ToInt64(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture);
        var futureSpend = reader.IsDBNull(7) ? 0 : Convert.ToDouble(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture);
        return new ProfileFeatures(reader.GetInt64(0), values, futureOrders, futureSpend);
    }

    private static float Days(DateTimeOffset cutoff, DateTimeOffset at) => (float)(cutoff - at).TotalDays;
}
