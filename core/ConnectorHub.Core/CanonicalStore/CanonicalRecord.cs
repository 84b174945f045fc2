using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Core.IdentityResolution;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.CanonicalStore;

/// <summary>The typed entities of one record's envelope, checked against the canonical schema.</summary>
internal sealed class CanonicalRecord
{
    public List<ProfileFragment> Fragments { get; } = [];

    public List<CanonicalEvent> Events { get; } = [];

    public List<Order> Orders { get; } = [];

    public List<AdPerformance> AdPerformance { get; } = [];

    public List<Account> Accounts { get; } = [];

    /// <summary>
    /// Reads and validates <paramref name="data"/>; the error names the entity and field when the record cannot be
    /// stored (not an envelope, a schema violation, a fragment without a usable identifier).
    /// </summary>
    public static (CanonicalRecord? Record, string? Error) Read(JsonObject data, IdentityRules rules)
    {
        var (envelope, error) = CanonicalEnvelope.Parse(data);
        if (envelope is null)
        {
            return (null, error);
        }

        var record = new CanonicalRecord();
        for (var i = 0; i < envelope.Entities.Count; i++)
        {
            var entity = envelope.Entities[i];
            var type = CanonicalEntity.TypeOf(entity.Name)!.Value;
            var violations = CanonicalSchemas.Validate(type, entity.Data);
            if (violations.Count > 0)
            {
                return (null, $"entities[{i}] ({entity.Name}) breaks the canonical schema: {string.Join("; ", violations.Take(5))}");
            }

            try
            {
                switch (type)
                {
                    case CanonicalEntityType.ProfileFragment:
                        var fragment = CanonicalJson.FromJson<ProfileFragment>(entity.Data);
                        if (FragmentPreparation.Prepare(fragment, rules, withTraits: false).Error is { } unusable)
                        {
                            return (null, $"entities[{i}] (profile_fragment): {unusable}");
                        }

                        record.Fragments.Add(fragment);
                        break;
                    case CanonicalEntityType.Event:
                        record.Events.Add(CanonicalJson.FromJson<CanonicalEvent>(entity.Data));
                        break;
                    case CanonicalEntityType.Order:
                        record.Orders.Add(CanonicalJson.FromJson<Order>(entity.Data));
                        break;
                    case CanonicalEntityType.AdPerformance:
                        record.AdPerformance.Add(CanonicalJson.FromJson<AdPerformance>(entity.Data));
                        break;
                    case CanonicalEntityType.Account:
                        record.Accounts.Add(CanonicalJson.FromJson<Account>(entity.Data));
                        break;
                }
            }
            catch (JsonException ex)
            {
                return (null, $"entities[{i}] ({entity.Name}) could not be read: {ex.Message}");
            }
        }

        return (record, null);
    }
}
