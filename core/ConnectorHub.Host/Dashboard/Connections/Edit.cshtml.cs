using System.Text.Json.Nodes;
using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Dashboard.Forms;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Connections;

/// <summary>
/// Creates or edits a connection with a form generated from the plugin's config schema. Secrets are password
/// fields that are never filled in; a blank secret keeps the stored value. Saving runs the connector's check.
/// </summary>
public sealed class EditModel(ConnectionService connections, PluginCatalog catalog) : DashboardPage
{
    private readonly Dictionary<string, string> _posted = new(StringComparer.Ordinal);
    private JsonObject? _stored;

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    public string Title => IsNew ? (Plugin is null ? "New connection" : $"New {Plugin.Manifest.Name} connection") : $"Edit {Name}";

    public LoadedPlugin? Plugin { get; private set; }

    public IReadOnlyList<LoadedPlugin> Choices => catalog.Plugins;

    public IReadOnlyList<SchemaField> Fields { get; private set; } = [];

    public string Name { get; private set; } = string.Empty;

    /// <summary>Browsers' own checks are skipped for the re-shown form so the hub's messages are the ones seen.</summary>
    public bool NoValidate { get; private set; }

    public FieldView ViewOf(SchemaField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = _posted.TryGetValue(field.InputName, out var posted) && !field.Secret ? posted : SchemaForm.Display(field, _stored);
        return new FieldView(field, value, SchemaForm.HasStoredSecret(field, _stored), ErrorsFor(field.InputName).ToArray());
    }

    public async Task<IActionResult> OnGetAsync(string? plugin, CancellationToken cancellationToken) =>
        await LoadAsync(plugin, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? plugin, string? name, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(plugin, cancellationToken) || Plugin is null)
        {
            return NotFound();
        }

        Name = name ?? string.Empty;
        foreach (var (key, value) in Request.Form)
        {
            _posted[key] = value.ToString();
        }

        var conversion = new Dictionary<string, string>(StringComparer.Ordinal);
        var config = SchemaForm.Read(Fields, key => _posted.GetValueOrDefault(key), conversion);
        foreach (var (key, message) in conversion)
        {
            ModelState.AddModelError(key, message);
        }

        if (conversion.Count > 0)
        {
            NoValidate = true;
            return Page();
        }

        try
        {
            var request = new ConnectionRequest(Name, Plugin.Id, config);
            var saved = Id is { } id ? await connections.UpdateAsync(id, request, cancellationToken) : await connections.CreateAsync(request, cancellationToken);
            Flash(IsNew ? $"Connection '{saved.Name}' created: the connection test passed." : "Saved: the connection test passed.");
            return Redirect($"/connections/{saved.Id}");
        }
        catch (HubValidationException ex)
        {
            NoValidate = true;
            AddErrors(ex, field => field == "name" ? "Name" : Fields.Any(f => f.InputName == field) ? field : string.Empty);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string? pluginId, CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            ConnectionView connection;
            try
            {
                connection = await connections.GetAsync(id, cancellationToken);
            }
            catch (NotFoundException)
            {
                return false;
            }

            Name = connection.Name;
            _stored = connection.Config;
            pluginId = connection.PluginId;
        }

        if (pluginId is null)
        {
            return true;
        }

        Plugin = catalog.Find(pluginId);
        Fields = Plugin is null ? [] : SchemaForm.Fields(Plugin.Spec);
        return Plugin is not null;
    }
}
