using System.Xml.Linq;
using ConnectorHub.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ConnectorHub.Core.Secrets;

/// <summary>Stores Data Protection keys in the hub's database, so every node and every restart shares them.</summary>
internal sealed class DatabaseXmlRepository(HubDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenConnectionAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").Select(XElement.Parse).ToArray();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenConnectionAsync(CancellationToken.None).GetAwaiter().GetResult();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml)",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
