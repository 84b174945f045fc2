namespace ConnectorHub.Sandbox.HubSpot.Objects;

/// <summary>
/// An object type of the emulated CRM: its stored properties, the ones HubSpot computes (id, created and modified
/// times), the properties returned when a request names none, and the scope needed to read it.
/// </summary>
internal sealed class CrmObjectType
{
    private readonly Dictionary<string, int> _storedIndex;
    private readonly Dictionary<string, CrmPropertyKind> _kinds;

    private CrmObjectType(
        string name,
        string typeId,
        string label,
        string modifiedProperty,
        (string Name, CrmPropertyKind Kind)[] stored,
        string[] defaultProperties,
        long firstId)
    {
        Name = name;
        TypeId = typeId;
        Label = label;
        ModifiedProperty = modifiedProperty;
        StoredProperties = stored.Select(p => p.Name).ToArray();
        DefaultProperties = defaultProperties;
        FirstId = firstId;
        ReadScope = $"crm.objects.{name}.read";
        _storedIndex = StoredProperties.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        _kinds = stored.ToDictionary(p => p.Name, p => p.Kind, StringComparer.Ordinal);
        _kinds[IdProperty] = CrmPropertyKind.Number;
        _kinds[CreatedProperty] = CrmPropertyKind.DateTime;
        _kinds[modifiedProperty] = CrmPropertyKind.DateTime;
    }

    /// <summary>The property holding the object's id.</summary>
    public const string IdProperty = "hs_object_id";

    /// <summary>The property holding the object's creation time.</summary>
    public const string CreatedProperty = "createdate";

    public static CrmObjectType Contacts { get; } = new(
        "contacts",
        "0-1",
        "CONTACT",
        "lastmodifieddate",
        [
            ("email", CrmPropertyKind.Text), ("firstname", CrmPropertyKind.Text), ("lastname", CrmPropertyKind.Text),
            ("phone", CrmPropertyKind.Text), ("mobilephone", CrmPropertyKind.Text), ("company", CrmPropertyKind.Text),
            ("jobtitle", CrmPropertyKind.Text), ("address", CrmPropertyKind.Text), ("city", CrmPropertyKind.Text),
            ("state", CrmPropertyKind.Text), ("zip", CrmPropertyKind.Text), ("country", CrmPropertyKind.Text),
            ("date_of_birth", CrmPropertyKind.Date), ("lifecyclestage", CrmPropertyKind.Text),
        ],
        ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"],
        firstId: 1001);

    public static CrmObjectType Companies { get; } = new(
        "companies",
        "0-2",
        "COMPANY",
        "hs_lastmodifieddate",
        [
            ("name", CrmPropertyKind.Text), ("domain", CrmPropertyKind.Text), ("industry", CrmPropertyKind.Text),
            ("phone", CrmPropertyKind.Text), ("city", CrmPropertyKind.Text), ("state", CrmPropertyKind.Text),
            ("country", CrmPropertyKind.Text), ("numberofemployees", CrmPropertyKind.Number),
            ("annualrevenue", CrmPropertyKind.Number), ("lifecyclestage", CrmPropertyKind.Text),
        ],
        ["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"],
        firstId: 5_000_001);

    public static CrmObjectType Deals { get; } = new(
        "deals",
        "0-3",
        "DEAL",
        "hs_lastmodifieddate",
        [
            ("dealname", CrmPropertyKind.Text), ("amount", CrmPropertyKind.Number), ("dealstage", CrmPropertyKind.Text),
            ("pipeline", CrmPropertyKind.Text), ("closedate", CrmPropertyKind.DateTime), ("dealtype", CrmPropertyKind.Text),
        ],
        ["amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id", "pipeline"],
        firstId: 9_000_001);

    public static IReadOnlyList<CrmObjectType> All { get; } = [Contacts, Companies, Deals];

    /// <summary>The path name (<c>contacts</c>).</summary>
    public string Name { get; }

    /// <summary>HubSpot's object type id (<c>0-1</c>), accepted in paths too.</summary>
    public string TypeId { get; }

    /// <summary>The upper-case singular used in error messages (<c>CONTACT</c>).</summary>
    public string Label { get; }

    /// <summary>The last-modified property: <c>lastmodifieddate</c> for contacts, <c>hs_lastmodifieddate</c> otherwise.</summary>
    public string ModifiedProperty { get; }

    /// <summary>The properties kept per object, in storage order.</summary>
    public IReadOnlyList<string> StoredProperties { get; }

    /// <summary>What a read returns when it names no properties.</summary>
    public IReadOnlyList<string> DefaultProperties { get; }

    /// <summary>The scope a token needs to read this type.</summary>
    public string ReadScope { get; }

    /// <summary>The id of the first object created.</summary>
    public long FirstId { get; }

    /// <summary>The properties every answer includes whatever was asked.</summary>
    public IEnumerable<string> AlwaysReturned => [CreatedProperty, IdProperty, ModifiedProperty];

    /// <summary>The type named <paramref name="name"/> (path name or type id), or null.</summary>
    public static CrmObjectType? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase) || t.TypeId == name);

    /// <summary>Whether the property exists on this type.</summary>
    public bool HasProperty(string name) => _kinds.ContainsKey(name);

    /// <summary>The comparison kind of a property (text for unknown ones).</summary>
    public CrmPropertyKind KindOf(string name) => _kinds.GetValueOrDefault(name, CrmPropertyKind.Text);

    /// <summary>The storage index of a stored property, or -1.</summary>
    public int IndexOf(string name) => _storedIndex.GetValueOrDefault(name, -1);
}
