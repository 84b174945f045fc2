using System.Text.Json.Nodes;
using ConnectorHub.Host.Dashboard.Forms;
using ConnectorHub.Sdk.Connectors;

namespace ConnectorHub.Host.Tests.Dashboard;

public sealed class SchemaFormTests
{
    private static readonly ConnectorSpec Spec = new()
    {
        ConfigSchema = JsonNode.Parse("""
            {
              "type": "object",
              "required": ["url", "api_key"],
              "properties": {
                "url": { "type": "string", "format": "uri", "title": "Base URL", "description": "Where the API lives." },
                "api_key": { "type": "string", "secret": true },
                "page_size": { "type": "integer", "minimum": 1, "maximum": 500, "default": 100 },
                "ratio": { "type": ["number", "null"] },
                "mode": { "type": "string", "enum": ["fast", "safe"] },
                "dry_run": { "type": "boolean" },
                "lists": { "type": "array", "items": { "type": "string" } },
                "ids": { "type": "array", "items": { "type": "integer" } },
                "headers": { "type": "object" },
                "secret_headers": { "type": "object", "secret": true }
              }
            }
            """)!.AsObject(),
    };

    [Fact]
    public void Fields_FollowTheSchema_TypesEnumsRequiredSecretsAndDescriptions()
    {
        var fields = SchemaForm.Fields(Spec).ToDictionary(f => f.Key);

        Assert.Equal(["url", "api_key", "page_size", "ratio", "mode", "dry_run", "lists", "ids", "headers", "secret_headers"], SchemaForm.Fields(Spec).Select(f => f.Key));
        Assert.Equal(("Base URL", "url", true, "Where the API lives."), (fields["url"].Label, fields["url"].HtmlType, fields["url"].Required, fields["url"].Description));
        Assert.Equal(FieldInput.Password, fields["api_key"].Input);
        Assert.Equal((FieldInput.Number, 1d, 500d), (fields["page_size"].Input, fields["page_size"].Minimum!.Value, fields["page_size"].Maximum!.Value));
        Assert.Equal(FieldInput.Number, fields["ratio"].Input);
        Assert.Equal(FieldInput.Select, fields["mode"].Input);
        Assert.Equal(FieldInput.Checkbox, fields["dry_run"].Input);
        Assert.Equal(FieldInput.Lines, fields["lists"].Input);
        Assert.Equal(FieldInput.Json, fields["headers"].Input);
        Assert.Equal(FieldInput.Password, fields["secret_headers"].Input);
        Assert.Equal("Page size", fields["page_size"].Label);
    }

    [Fact]
    public void Read_TypesEveryValue_AndLeavesBlankFieldsOut()
    {
        var posted = new Dictionary<string, string>
        {
            ["config.url"] = " https://api.example.com ",
            ["config.api_key"] = "",
            ["config.page_size"] = "250",
            ["config.ratio"] = "0.5",
            ["config.mode"] = "safe",
            ["config.lists"] = "a\n\n b \n",
            ["config.ids"] = "1\n2",
            ["config.headers"] = "{\"X-Env\": \"prod\"}",
            ["config.secret_headers"] = "{\"Authorization\": \"Bearer s3cret\"}",
        };
        var errors = new Dictionary<string, string>();

        var config = SchemaForm.Read(SchemaForm.Fields(Spec), k => posted.GetValueOrDefault(k), errors);

        Assert.Empty(errors);
        Assert.Equal(
            """{"url":"https://api.example.com","page_size":250,"ratio":0.5,"mode":"safe","dry_run":false,"lists":["a","b"],"ids":[1,2],"headers":{"X-Env":"prod"},"secret_headers":{"Authorization":"Bearer s3cret"}}""",
            config.ToJsonString());
    }

    [Fact]
    public void Read_ReportsValuesOfTheWrongType_UnderTheFieldsName()
    {
        var posted = new Dictionary<string, string> { ["config.page_size"] = "many", ["config.headers"] = "{oops", ["config.mode"] = "reckless" };
        var errors = new Dictionary<string, string>();

        SchemaForm.Read(SchemaForm.Fields(Spec), k => posted.GetValueOrDefault(k), errors);

        Assert.Equal("'many' is not a whole number.", errors["config.page_size"]);
        Assert.StartsWith("This is not valid JSON", errors["config.headers"], StringComparison.Ordinal);
        Assert.Equal("Choose one of fast, safe.", errors["config.mode"]);
    }

    [Fact]
    public void Display_NeverShowsASecret_ButSaysOneIsStored()
    {
        var stored = JsonNode.Parse("""{"url":"https://x","api_key":"********","page_size":7,"lists":["a","b"]}""")!.AsObject();
        var fields = SchemaForm.Fields(Spec).ToDictionary(f => f.Key);

        Assert.Equal(string.Empty, SchemaForm.Display(fields["api_key"], stored));
        Assert.True(SchemaForm.HasStoredSecret(fields["api_key"], stored));
        Assert.False(SchemaForm.HasStoredSecret(fields["api_key"], null));
        Assert.Equal("7", SchemaForm.Display(fields["page_size"], stored));
        Assert.Equal("a\nb", SchemaForm.Display(fields["lists"], stored));
        Assert.Equal("100", SchemaForm.Display(fields["page_size"], null));
    }
}
